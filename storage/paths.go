package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// EnvPath names the environment variable that overrides the library path.
const EnvPath = "BCPEDITOR_DB"

// FileName is the library's file name in the data directory.
const FileName = "bibliotheek.sqlite"

// DefaultPath is where the library lives unless --db or BCPEDITOR_DB says
// otherwise; the GUI and the command line share it:
//
//   - Linux: $XDG_DATA_HOME/bcpeditor, or ~/.local/share/bcpeditor
//   - macOS: ~/Library/Application Support/BCP Editor
//   - Windows: %AppData%\BCP Editor
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvPath); p != "" {
		return p, nil
	}
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "bcpeditor", FileName), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("datamap bepalen: %w", err)
		}
		return filepath.Join(home, ".local", "share", "bcpeditor", FileName), nil
	default:
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("datamap bepalen: %w", err)
		}
		return filepath.Join(dir, "BCP Editor", FileName), nil
	}
}
