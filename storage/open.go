package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Options change how a library is opened.
type Options struct {
	// ReadOnly opens without writing anything: no migrations, no backups,
	// every change refused. It works wherever the file can be read: in a
	// read-only folder, on a read-only disk, for a library of an older
	// schema version (read through an upgraded private copy).
	ReadOnly bool
	// Exclusive takes the library's lock, so that a second window on the
	// same library is told it is open elsewhere (ErrInUse).
	Exclusive bool
}

// Open opens (or creates) the library at path for reading and writing,
// applies pending migrations (after a backup) and makes the daily backup.
// A file that is not a library, another program's database, a damaged
// library, or one from a newer program is refused and left untouched.
func Open(ctx context.Context, path string) (*Library, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith opens the library at path with options. The stages: inspect the
// file without writing (ours? undamaged? a version we know?), check that it
// and its folder can be written, take the lock, open, migrate, back up.
func OpenWith(ctx context.Context, path string, opt Options) (*Library, error) {
	if opt.ReadOnly {
		return openReadOnly(ctx, path)
	}
	id, err := inspect(ctx, path)
	if err != nil {
		return nil, err
	}
	existed := !id.empty()
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	unlock := func() {}
	if opt.Exclusive {
		if unlock, err = lockFile(path + ".lock"); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	db, err := openWriter(ctx, path)
	if err != nil {
		unlock()
		return nil, err
	}
	l := &Library{db: db, path: path, Now: time.Now, unlock: unlock}
	if err := l.migrate(ctx, true); err != nil {
		l.Close()
		return nil, err
	}
	if existed {
		if err := l.dailyBackup(ctx); err != nil {
			l.warnings = append(l.warnings, noBackupWarning(err))
		}
	}
	return l, nil
}

// openWriter opens the connection that reads and writes a library known to
// be ours (or new) and puts it in WAL mode.
func openWriter(ctx context.Context, path string) (*sql.DB, error) {
	dsn, err := writeDSN(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("bibliotheek %s openen: %w", path, err)
	}
	// One connection: the desktop program is the only writer in this
	// process, and pragmas then hold for everything it does.
	db.SetMaxOpenConns(1)
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		db.Close()
		return nil, openProblem(path, err)
	}
	return db, nil
}

// checkWritable refuses a library (or a new library's folder) that cannot
// be written, before SQLite fails halfway: the file is read-only, or its
// folder or disk is, so that no -wal file can be made next to it.
func checkWritable(path string) error {
	_, statErr := os.Stat(path)
	existed := statErr == nil
	if existed {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", path, ErrReadOnlyFile)
		}
		f.Close()
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, ErrFolderNotWritable)
	}
	probe, err := os.CreateTemp(dir, ".bcpeditor-schrijftest-*")
	if errors.Is(err, syscall.ENOSPC) {
		return nil // writable, but full: opening works, changes get ErrDiskFull
	}
	if err != nil {
		if existed {
			return fmt.Errorf("%s: %w (de map kan niet worden beschreven)", path, ErrReadOnlyFile)
		}
		return fmt.Errorf("%s: %w", dir, ErrFolderNotWritable)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// openReadOnly opens an existing library without writing to it.
func openReadOnly(ctx context.Context, path string) (*Library, error) {
	empty, err := checkHeader(path)
	if err != nil {
		return nil, err
	}
	if empty {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
		}
		return nil, fmt.Errorf("%s: %w (het bestand is leeg)", path, ErrNotALibrary)
	}
	v, err := openReadView(ctx, path)
	if err != nil {
		return nil, openProblem(path, err)
	}
	id, err := readIdentity(ctx, v.db)
	if err == nil {
		err = id.check(path)
	}
	if err == nil && id.empty() {
		err = fmt.Errorf("%s: %w (de bibliotheek is leeg)", path, ErrNotALibrary)
	}
	if err == nil {
		err = checkIntegrity(ctx, v.db, path)
	}
	if err != nil {
		v.close()
		return nil, openProblem(path, err)
	}
	if id.version < SchemaVersion() {
		return openUpgradedCopy(ctx, v, path, id.version)
	}
	return &Library{db: v.db, view: v, path: path, Now: time.Now, readOnly: true, unlock: func() {}}, nil
}

// openUpgradedCopy reads a library of an older schema version through a
// private copy brought up to date; the file itself is not changed.
func openUpgradedCopy(ctx context.Context, v *readView, path string, version int) (*Library, error) {
	defer v.close()
	dir, err := os.MkdirTemp("", "bcpeditor-alleen-lezen-")
	if err != nil {
		return nil, fmt.Errorf("tijdelijke map voor alleen-lezen maken: %w", err)
	}
	cp := filepath.Join(dir, filepath.Base(path))
	if _, err := v.db.ExecContext(ctx, "VACUUM INTO ?", cp); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("bibliotheek %s kopiëren om te lezen: %w", path, dbError(err))
	}
	db, err := openWriter(ctx, cp)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	l := &Library{db: db, path: path, tempDir: dir, Now: time.Now, unlock: func() {}}
	if err := l.migrate(ctx, false); err != nil {
		l.Close()
		return nil, err
	}
	l.readOnly = true
	l.warnings = append(l.warnings, fmt.Sprintf("De bibliotheek %s is van een oudere versie (schemaversie %d); u ziet een bijgewerkte kopie. Open hem gewoon (niet alleen-lezen) om hem zelf bij te werken.", path, version))
	return l, nil
}
