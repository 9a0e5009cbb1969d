package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"bcpeditor/app"

	sqlite3 "modernc.org/sqlite/lib"
)

// SQLite's result codes, not its English text, decide what an error is.
func TestResultCodesDecideTheKind(t *testing.T) {
	cases := map[int]error{
		sqlite3.SQLITE_FULL:               ErrDiskFull,
		sqlite3.SQLITE_BUSY:               ErrBusy,
		sqlite3.SQLITE_BUSY_SNAPSHOT:      ErrBusy,
		sqlite3.SQLITE_LOCKED:             ErrBusy,
		sqlite3.SQLITE_CORRUPT:            ErrDamaged,
		sqlite3.SQLITE_CORRUPT_INDEX:      ErrDamaged,
		sqlite3.SQLITE_NOTADB:             ErrNotALibrary,
		sqlite3.SQLITE_READONLY:           ErrReadOnlyFile,
		sqlite3.SQLITE_READONLY_DIRECTORY: ErrReadOnlyFile,
		sqlite3.SQLITE_IOERR_WRITE:        ErrIO,
		sqlite3.SQLITE_CANTOPEN:           ErrIO,
		sqlite3.SQLITE_ERROR:              ErrStorage,
		sqlite3.SQLITE_MISUSE:             ErrStorage,
	}
	for code, want := range cases {
		if got := kindOf(code); got != want {
			t.Errorf("code %d: %v, want %v", code, got, want)
		}
		msg := (&DBError{Code: code, Kind: want}).Error()
		noEnglish(t, msg)
		if strings.Contains(msg, "\n") || !strings.HasSuffix(msg, ".") {
			t.Errorf("code %d: %q is not one sentence", code, msg)
		}
	}
}

// A statement SQLite cannot run ("SQL logic error", a fault of the
// program) reaches the caller as a Dutch sentence with the code only.
func TestSQLLogicErrorIsDutch(t *testing.T) {
	lib, _ := openTemp(t)
	err := lib.inTx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec("SELECT * FROM bestaat_niet")
		return err
	})
	if !errors.Is(err, ErrStorage) {
		t.Fatalf("want ErrStorage, got %v", err)
	}
	noEnglish(t, err.Error())
	if strings.Contains(err.Error(), "bestaat_niet") || !strings.Contains(err.Error(), "SQLite-code 1") {
		t.Errorf("message %q", err)
	}
}

// Every reason Open gives has its own Dutch sentence that says what to do,
// one line, with no driver text.
func TestExplainEveryOpenProblem(t *testing.T) {
	for _, cause := range []error{ErrNotALibrary, ErrInUse, ErrDamaged, ErrNewerLibrary, ErrFolderNotWritable,
		ErrReadOnlyFile, ErrUnreadable, ErrDiskFull, ErrBusy, ErrIO, os.ErrNotExist, &DBError{Code: 1, Kind: ErrStorage}, errors.New("iets anders")} {
		err := fmt.Errorf("/x/bibliotheek.sqlite: %w", cause)
		msg := Explain("/x/bibliotheek.sqlite", err)
		noEnglish(t, msg)
		if strings.Contains(msg, "\n") || !strings.Contains(msg, "/x/bibliotheek.sqlite") {
			t.Errorf("%v: %q", cause, msg)
		}
	}
}

// Damage found while the library is in use (a page that fails to read)
// stops every later write: nothing more goes into a damaged library.
func TestDamageFoundLaterStopsWrites(t *testing.T) {
	ctx := context.Background()
	path := seededFile(t, "bibliotheek.sqlite")
	todaysBackup(t, path)
	lib, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	var id string
	lib.db.QueryRow("SELECT id FROM profiles LIMIT 1").Scan(&id)
	// Damage the pages of the elements table under the open library,
	// before it has read them.
	db := rawDB(t, path)
	rows, _ := db.Query("SELECT pageno FROM dbstat WHERE name = 'elements' AND pagetype = 'leaf'")
	var pages []int
	for rows.Next() {
		var p int
		rows.Scan(&p)
		pages = append(pages, p)
	}
	rows.Close()
	db.Close()
	f, _ := os.OpenFile(path, os.O_RDWR, 0)
	for _, p := range pages {
		f.WriteAt([]byte(strings.Repeat("\xa5", 4000)), int64(p-1)*4096+50)
	}
	f.Close()
	damaged := hashOf(t, path)
	_, readErr := lib.LoadProfile(ctx, id)
	if !errors.Is(readErr, ErrDamaged) {
		t.Fatalf("reading damaged pages: %v", readErr)
	}
	noEnglish(t, readErr.Error())
	err = lib.SaveChange(ctx, id, app.ChangeSet{Meta: &app.ProfileMeta{Title: "x", Status: app.StatusConcept}})
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("write after damage: %v", err)
	}
	lib.Close()
	unchanged(t, path, damaged)
}
