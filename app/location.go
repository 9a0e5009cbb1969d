package app

import (
	"context"
	"errors"
	"time"
)

// Where a library lives and how it is opened. main chooses the location (a
// SQLite file today); the workspace, the window and the command line only
// see this interface, never the storage package.

// OpenMode says how a library is opened.
type OpenMode int

// The ways to open a library.
const (
	// OpenShared opens for reading and writing beside other programs (the
	// command line).
	OpenShared OpenMode = iota
	// OpenExclusive opens for reading and writing and takes the window's
	// lock: a second window is told the library is open elsewhere.
	OpenExclusive
	// OpenReadOnly opens without writing anything.
	OpenReadOnly
)

// Location is where a library lives: a file, later a server. It opens the
// library and knows its backups.
type Location interface {
	// String is the location as users read it: a path or an address.
	String() string
	// Open opens the library (creating and seeding a new one).
	Open(ctx context.Context, mode OpenMode) (Store, error)
	// Explain turns an error from Open into what the user reads and can do.
	Explain(err error) OpenProblem
	// Backups lists the backups of the library, newest first (none for a
	// location without backups).
	Backups() ([]Backup, error)
	// Restore puts a backup in place of the library, which must be closed;
	// the library it replaces is kept as a backup. It works when the
	// current library cannot be opened.
	Restore(ctx context.Context, b Backup) error
	// Beside is a new, empty library next to this one (nil when the
	// location has no such place).
	Beside() Location
}

// Backup is one backup of a library.
type Backup struct {
	ID      string // how the location finds it again (a file path)
	Reason  string // "dagelijks", "voor-migratie-2", "voor-terugzetten", "buiten gebruik"
	Created time.Time
}

// OpenProblem is why a library could not be opened, as one Dutch sentence,
// and what the user can do about it.
type OpenProblem struct {
	Message string
	// ReadOnly: the library can still be opened read-only.
	ReadOnly bool
	// Restore: a backup may be put back.
	Restore bool
	// New: a new library may be started next to it.
	New bool
}

// The reasons a library cannot be opened; a Location's errors wrap them.
var (
	ErrLibraryInUse    = errors.New("bibliotheek is elders geopend")
	ErrLibraryReadOnly = errors.New("bibliotheek is alleen-lezen")
	ErrLibraryDamaged  = errors.New("bibliotheek is beschadigd")
	ErrLibraryNewer    = errors.New("bibliotheek is van een nieuwere versie")
	ErrNotALibrary     = errors.New("bestand is geen bibliotheek")
)
