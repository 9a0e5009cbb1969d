package app

import (
	"context"
	"errors"
)

// A library several people use at once (a team library on a server, or a
// file the command line changes while a window has it open) can tell what
// others changed and who else is at work. These interfaces are optional:
// the workspace asks a Store whether it offers them.

// StoreChange is a change someone else made to the library, or news about
// the connection to it.
type StoreChange struct {
	// Profiles are the profiles changed elsewhere, each once.
	Profiles []string
	// List: profiles were added, removed or renamed (or competency models
	// changed): the list of profiles must be read again.
	List bool
	// All: anything may have changed (after a lost connection came back,
	// or from a library that cannot tell what changed): read everything
	// again.
	All bool
	// Presence: who has which profile open changed.
	Presence bool
	// Connection is news about the connection to the library (ConnectionOK
	// when there is none); Status says it in Dutch for the status bar.
	Connection Connection
	Status     string
}

// Connection is the state of the connection to a library on a server.
type Connection int

// The states of a connection, as StoreChange reports them.
const (
	// ConnectionOK: no news; the library is reachable.
	ConnectionOK Connection = iota
	// ConnectionLost: the library cannot be reached; edits fail until it
	// comes back.
	ConnectionLost
	// ConnectionRestored: the library can be reached again.
	ConnectionRestored
)

// Watcher is a library that reports changes made elsewhere.
type Watcher interface {
	// Watch reports changes others make until ctx ends; then the channel
	// is closed. Changes that come in quick succession arrive together.
	Watch(ctx context.Context) (<-chan StoreChange, error)
}

// Presence is a library that knows who else has a profile open.
type Presence interface {
	// SetPresent says which profile this program has open ("" for none).
	SetPresent(ctx context.Context, profileID string) error
	// Others lists who else has the profile open: their names, each once.
	Others(ctx context.Context, profileID string) ([]string, error)
}

// ReadOnlyStore is a library that may refuse every change: opened
// read-only, or by someone allowed only to read.
type ReadOnlyStore interface {
	ReadOnly() bool
}

// ErrLibraryUnreachable is a library on a server that cannot be reached
// now: nothing was read or stored. A Watcher reports when it is back.
var ErrLibraryUnreachable = errors.New("de bibliotheek is niet bereikbaar")
