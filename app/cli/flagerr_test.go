package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// Mistakes in the options are told in Dutch: no English from the flag
// package reaches the user.
func TestOptionMistakesAreDutch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.sqlite")
	for _, args := range [][]string{
		{"show", "--bla", "x"},
		{"export", "--format"},
		{"show", "--json=misschien", "x"},
		{"list", "-h"},
	} {
		_, msg, code := run(t, path, args...)
		if code == 0 {
			t.Errorf("%v: exit 0", args)
		}
		for _, english := range []string{"flag", "provided", "defined", "needs an argument", "invalid", "help requested"} {
			if strings.Contains(msg, english) {
				t.Errorf("%v: English in %q", args, msg)
			}
		}
		if !strings.Contains(msg, "gebruik: bcpeditor") {
			t.Errorf("%v: no usage in %q", args, msg)
		}
	}
}
