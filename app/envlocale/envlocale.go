// Package envlocale makes Dutch the language of a Unix process that has no
// language set (no LANGUAGE, LC_ALL, LC_MESSAGES or LANG, or only "C" or
// "POSIX"). Import it for its side effect from main: Go initialises it
// before Fyne's lang package reads the locale, which otherwise logs an
// error for "C" and falls back to English.
package envlocale

import (
	"os"
	"runtime"
	"strings"
)

func init() {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return
	}
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		val := os.Getenv(v)
		if val == "" {
			continue
		}
		if val == "C" || val == "POSIX" || strings.HasPrefix(val, "C.") {
			os.Unsetenv(v)
			continue
		}
		return // a real language was chosen
	}
	os.Setenv("LANGUAGE", "nl")
}
