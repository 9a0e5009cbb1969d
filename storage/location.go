package storage

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"bcpeditor/app"
)

// FileLocation is a library in one SQLite file: how main hands the
// workspace a library on disk.
type FileLocation struct {
	Path string
}

var _ app.Location = FileLocation{}

func (f FileLocation) String() string { return f.Path }

// Open opens the library, offering it the bundled profiles (except when
// read-only). Errors are *OpenError: Dutch sentences that errors.Is still
// sees through.
func (f FileLocation) Open(ctx context.Context, mode app.OpenMode) (app.Store, error) {
	lib, err := OpenSeededWith(ctx, f.Path, Options{ReadOnly: mode == app.OpenReadOnly, Exclusive: mode == app.OpenExclusive})
	if err != nil {
		return nil, err
	}
	return lib, nil
}

// Explain says why the library could not be opened and what can be done.
func (f FileLocation) Explain(err error) app.OpenProblem {
	inUse := errors.Is(err, ErrInUse)
	bs, _ := f.Backups()
	return app.OpenProblem{
		Message:  Explain(f.Path, unwrapOpen(err)),
		ReadOnly: OffersReadOnly(err),
		Restore:  !inUse && len(bs) > 0,
		New:      !inUse,
	}
}

func unwrapOpen(err error) error {
	var oe *OpenError
	if errors.As(err, &oe) {
		return oe.Err
	}
	return err
}

// Backups lists the library's backups, newest first.
func (f FileLocation) Backups() ([]app.Backup, error) {
	bs, err := Backups(f.Path)
	if err != nil {
		return nil, err
	}
	out := make([]app.Backup, len(bs))
	for i, b := range bs {
		out[i] = app.Backup{ID: b.Path, Reason: b.Reason, Created: b.Created}
	}
	return out, nil
}

// Restore puts a backup in place of the library, after checking it. A
// healthy library is kept as a backup first; one that is not (damaged) is
// set aside as it is and listed with the backups.
func (f FileLocation) Restore(ctx context.Context, b app.Backup) error {
	return Restore(ctx, f.Path, b.ID)
}

// Beside is a new library next to this one, named with the time.
func (f FileLocation) Beside() app.Location {
	ext := filepath.Ext(f.Path)
	return FileLocation{Path: strings.TrimSuffix(f.Path, ext) + "-nieuw-" + time.Now().Format("20060102-150405") + ext}
}
