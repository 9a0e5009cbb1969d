package storage

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// BusyTimeout is how long a write waits for another program (the command
// line beside the window, a database tool) to let go of the library before
// it fails with ErrBusy. Our own transactions take milliseconds; a program
// that holds the library longer is not going to let go within a keystroke.
const BusyTimeout = time.Second

// busyRetryTimeout is the wait once a write has already found the library
// busy: the next keystrokes fail quickly with the same message instead of
// each freezing the window for BusyTimeout.
const busyRetryTimeout = 100 * time.Millisecond

// fileURI builds an SQLite URI for path with the given parameters, through
// net/url: a ?, # or % in a folder name is escaped, never read as the start
// of the parameters.
func fileURI(path string, params url.Values) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("pad %s bepalen: %w", path, err)
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/… becomes /C:/…
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: params.Encode()}
	return u.String(), nil
}

// writeDSN is the connection string for reading and writing a library:
// foreign keys on, every commit synced, writes taking the lock at BEGIN so
// that they never fail halfway through a transaction. The journal mode is
// set separately, once the file is known to be ours.
func writeDSN(path string) (string, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Set("_txlock", "immediate")
	return fileURI(path, q)
}

// readDSN is the connection string for reading a file without writing
// anything into it. immutable tells SQLite that nothing can change the file
// (read-only media), so it needs no lock and no -shm file. (Not
// query_only: VACUUM INTO, which copies the file, must still work; mode=ro
// already keeps every write out of the file.)
func readDSN(path string, immutable bool) (string, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	return fileURI(path, q)
}
