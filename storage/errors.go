package storage

import (
	"context"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"bcpeditor/app"
)

// What can go wrong with a library, as sentinels for errors.Is. The
// messages the user sees come from Explain and from DBError; these texts
// are the short form that ends a wrapped chain.
var (
	// ErrNewerLibrary is a library written by a newer version of the program.
	ErrNewerLibrary = app.ErrLibraryNewer
	// ErrNotALibrary is a file that is not a BCP library: not SQLite at all,
	// or another program's database.
	ErrNotALibrary = app.ErrNotALibrary
	// ErrInUse is returned by an exclusive Open when another window holds
	// the library.
	ErrInUse = app.ErrLibraryInUse
	// ErrReadOnlyFile is a library that cannot be written: the file, its
	// folder or its disk is read-only. It can be opened read-only.
	ErrReadOnlyFile = app.ErrLibraryReadOnly
	// ErrFolderNotWritable is a new library asked for in a folder where no
	// file can be made.
	ErrFolderNotWritable = errors.New("map is alleen-lezen")
	// ErrDamaged is a library whose pages or indexes are damaged.
	ErrDamaged = app.ErrLibraryDamaged
	// ErrDiskFull is a write that failed for lack of space.
	ErrDiskFull = errors.New("schijf is vol")
	// ErrBusy is a write that waited BusyTimeout for another program to
	// let go of the library.
	ErrBusy = errors.New("bibliotheek is bezet")
	// ErrIO is a read or write the disk refused.
	ErrIO = errors.New("lees- of schrijffout")
	// ErrStorage is any other failure inside SQLite: a fault of the
	// program, never of the user.
	ErrStorage = errors.New("fout in de opslag")
)

// DBError is a failure reported by SQLite, told apart by its result code
// (never by its English text). Its message is a Dutch sentence that says
// what happened to the change and what to do.
type DBError struct {
	// Code is SQLite's extended result code.
	Code int
	// Kind is the sentinel it counts as (ErrDiskFull, ErrBusy …).
	Kind error
}

func (e *DBError) Error() string {
	switch e.Kind {
	case ErrDiskFull:
		return "De schijf is vol; de wijziging is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw; wat al was opgeslagen, blijft bewaard."
	case ErrBusy:
		return "De bibliotheek is bezet door een ander programma; de wijziging is niet opgeslagen. Sluit dat programma of wacht even, en probeer het opnieuw."
	case ErrDamaged:
		return "De bibliotheek blijkt beschadigd; er wordt niets meer in geschreven. Sluit het programma en zet een reservekopie terug."
	case ErrReadOnlyFile:
		return "De bibliotheek kan niet worden beschreven (alleen-lezen); de wijziging is niet opgeslagen."
	case ErrNotALibrary:
		return "Het bestand is geen BCP-bibliotheek."
	case ErrIO:
		return "De schijf gaf een lees- of schrijffout; de wijziging is mogelijk niet opgeslagen. Controleer de schijf of de verbinding en probeer het opnieuw."
	case context.Canceled:
		return "De bewerking is afgebroken; er is niets gewijzigd."
	}
	return fmt.Sprintf("Er ging iets mis in de opslag (SQLite-code %d); de wijziging is niet opgeslagen. Probeer het opnieuw; gebeurt het weer, meld het dan.", e.Code)
}

// Unwrap gives the sentinel, so errors.Is(err, ErrDiskFull) holds.
func (e *DBError) Unwrap() error { return e.Kind }

// sqliteCode finds SQLite's extended result code in err's chain.
func sqliteCode(err error) (int, bool) {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code(), true
	}
	return 0, false
}

// kindOf maps a result code to the sentinel it counts as.
func kindOf(code int) error {
	switch code & 0xff {
	case sqlite3.SQLITE_FULL:
		return ErrDiskFull
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return ErrBusy
	case sqlite3.SQLITE_CORRUPT:
		return ErrDamaged
	case sqlite3.SQLITE_NOTADB:
		return ErrNotALibrary
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return ErrReadOnlyFile
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PROTOCOL:
		if code == sqlite3.SQLITE_IOERR_NOMEM {
			return ErrStorage
		}
		return ErrIO
	case sqlite3.SQLITE_INTERRUPT:
		return context.Canceled
	}
	return ErrStorage
}

// dbError turns an error that carries an SQLite result code into a
// *DBError; any other error (ours, already Dutch) is returned as it is.
func dbError(err error) error {
	if err == nil {
		return nil
	}
	var de *DBError
	if errors.As(err, &de) {
		return err
	}
	code, ok := sqliteCode(err)
	if !ok {
		return err
	}
	return &DBError{Code: code, Kind: kindOf(code)}
}

// isConstraint reports a violated UNIQUE, PRIMARY KEY or FOREIGN KEY
// constraint, by its result code.
func isConstraint(err error) bool {
	code, ok := sqliteCode(err)
	return ok && code&0xff == sqlite3.SQLITE_CONSTRAINT
}

// isCantOpen reports that SQLite could not open a file it needs (a
// read-only folder where the -shm file cannot be made, say).
func isCantOpen(err error) bool {
	code, ok := sqliteCode(err)
	if !ok {
		return false
	}
	switch code & 0xff {
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY:
		return true
	}
	return code == sqlite3.SQLITE_IOERR_SHMOPEN || code == sqlite3.SQLITE_IOERR_SHMSIZE || code == sqlite3.SQLITE_IOERR_SHMMAP
}
