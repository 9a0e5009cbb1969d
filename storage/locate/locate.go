// Package locate turns what a user gives as the library — a file path or a
// postgres:// address — into an app.Location. Only main chooses the
// library; the window and the command line see the Location it hands them.
package locate

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"bcpeditor/app"
	"bcpeditor/storage"
	"bcpeditor/storage/pg"

	"github.com/jackc/pgx/v5/pgconn"
)

// Parse reads a library's place: a postgres:// or postgresql:// address
// opens a team library on PostgreSQL, anything else is a SQLite file.
func Parse(s string) (app.Location, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("geef een bibliotheek op: een bestand of een postgres://-adres")
	}
	if !pg.IsAddress(s) {
		return storage.FileLocation{Path: s}, nil
	}
	if _, err := pgconn.ParseConfig(s); err != nil {
		return nil, fmt.Errorf("%s", pg.Explain(s, err))
	}
	return pg.Location{Address: s}, nil
}

// Default is the library unless the user names another: BCPEDITOR_DB, or
// the file in the user's data folder.
func Default() (app.Location, error) {
	p, err := storage.DefaultPath()
	if err != nil {
		return nil, err
	}
	return Parse(p)
}

// Local is the user's own library file — where profiles go for offline
// work: BCPEDITOR_DB when that names a file, otherwise the file in the
// data folder (also when BCPEDITOR_DB names a team library).
func Local() (app.Location, error) {
	if p := os.Getenv(storage.EnvPath); p != "" && !pg.IsAddress(p) {
		return storage.FileLocation{Path: p}, nil
	}
	dir, err := dataDir()
	if err != nil {
		return nil, err
	}
	return storage.FileLocation{Path: filepath.Join(dir, storage.FileName)}, nil
}

// dataDir is the user's data folder of the program, as storage.DefaultPath
// finds it without BCPEDITOR_DB.
func dataDir() (string, error) {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "bcpeditor"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("datamap bepalen: %w", err)
		}
		return filepath.Join(home, ".local", "share", "bcpeditor"), nil
	default:
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("datamap bepalen: %w", err)
		}
		return filepath.Join(dir, "BCP Editor"), nil
	}
}
