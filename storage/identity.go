package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// ApplicationID marks a BCP Editor library in SQLite's header
// (PRAGMA application_id): "BCPE" in ASCII. A file that carries another
// program's mark, or none and not our tables, is refused and left exactly
// as it was.
const ApplicationID = 0x42435045

// ourTables are the tables of schema version 1, by which a library made
// before libraries carried ApplicationID is recognised.
var ourTables = []string{"catalogues", "competenties", "profiles", "elements", "reviews", "seeded"}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// fileIdentity is what a database file says about itself.
type fileIdentity struct {
	appID   int32
	version int
	tables  int  // how many tables it has
	ours    bool // it has every table of ourTables
}

// empty is a database with nothing in it yet: what SQLite leaves of a new
// library when the program stopped before its first transaction.
func (id fileIdentity) empty() bool {
	return id.appID == 0 && id.version == 0 && id.tables == 0
}

// marked reports whether the file carries our application_id.
func (id fileIdentity) marked() bool { return id.appID == ApplicationID }

// readIdentity reads the mark, schema version and tables of an open file.
func readIdentity(ctx context.Context, db *sql.DB) (fileIdentity, error) {
	var id fileIdentity
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id.appID); err != nil {
		return id, err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&id.version); err != nil {
		return id, err
	}
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		return id, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return id, err
		}
		have[name] = true
	}
	id.tables = len(have)
	id.ours = true
	for _, t := range ourTables {
		id.ours = id.ours && have[t]
	}
	return id, rows.Err()
}

// check refuses a file this build must not write to: another program's
// database, or a library of a newer version.
func (id fileIdentity) check(path string) error {
	switch {
	case id.marked() && id.version == 0 && id.tables > 0:
		return fmt.Errorf("%s: %w (de schemaversie ontbreekt)", path, ErrDamaged)
	case id.marked(), id.empty():
	case id.appID != 0:
		return fmt.Errorf("%s: %w (een database van een ander programma)", path, ErrNotALibrary)
	case id.version == 0 || !id.ours:
		return fmt.Errorf("%s: %w (een SQLite-database zonder de tabellen van de BCP Editor)", path, ErrNotALibrary)
	}
	if id.version > SchemaVersion() {
		return fmt.Errorf("%s: %w: de bibliotheek heeft schemaversie %d, dit programma kent tot en met %d", path, ErrNewerLibrary, id.version, SchemaVersion())
	}
	return nil
}

// inspect reads a library file without writing anything into it and
// refuses it unless it is a library this build can use and SQLite's check
// finds no damage. A file that does not exist or is empty passes: it
// becomes a new library.
func inspect(ctx context.Context, path string) (fileIdentity, error) {
	if empty, err := checkHeader(path); err != nil || empty {
		return fileIdentity{}, err
	}
	v, err := openReadView(ctx, path)
	if err != nil {
		return fileIdentity{}, openProblem(path, err)
	}
	defer v.close()
	id, err := readIdentity(ctx, v.db)
	if err != nil {
		return id, openProblem(path, err)
	}
	if err := id.check(path); err != nil {
		return id, err
	}
	return id, checkIntegrity(ctx, v.db, path)
}

// OpenCheck is the check run on every library before anything is written
// into it. integrity_check, unlike quick_check, compares every index with
// its table, so a damaged index (a profile that would show 0 rollen) is
// found; docs/reliability.md gives what it costs.
var OpenCheck = "integrity_check"

// checkIntegrity runs OpenCheck and refuses a damaged library.
func checkIntegrity(ctx context.Context, db *sql.DB, path string) error {
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA "+OpenCheck).Scan(&res); err != nil {
		return openProblem(path, err)
	}
	if res != "ok" {
		return fmt.Errorf("%s: %w (%s)", path, ErrDamaged, firstLine(res))
	}
	return nil
}

// openProblem classifies a failure while opening or checking a file by
// SQLite's result code.
func openProblem(path string, err error) error {
	code, ok := sqliteCode(err)
	if !ok {
		return err
	}
	kind := kindOf(code)
	if kind == ErrBusy {
		kind = ErrInUse
	}
	return fmt.Errorf("%s: %w", path, &DBError{Code: code, Kind: kind})
}

// checkHeader refuses an existing file that does not start like SQLite;
// empty reports a file that does not exist or has no bytes.
func checkHeader(path string) (empty bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return false, fmt.Errorf("%s: %w", path, ErrUnreadable)
		}
		return false, fmt.Errorf("bibliotheek %s openen: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && err == io.EOF {
		return true, nil
	}
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return false, fmt.Errorf("%s: %w", path, ErrNotALibrary)
	}
	return false, nil
}

// ErrUnreadable is a library file this user may not read.
var ErrUnreadable = errors.New("bibliotheek kan niet worden gelezen")

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return shorten(s, 200)
}

// shorten cuts s to at most n bytes on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
