package storage

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// readView is a connection that reads a library file and writes nothing
// into it. On writable media it is SQLite's read-only mode. Where that
// cannot make its -shm file (a read-only folder or disk) the file is read
// as immutable, or, when its -wal file still holds changes, a private copy
// of both is read, so that nothing acknowledged is missed.
type readView struct {
	db *sql.DB
	// copyDir holds the private copy, removed by close.
	copyDir string
	// how tells how the file is read: "", "onveranderlijk" or "kopie".
	how string
}

// openReadView opens path for reading only. A file in WAL mode without a
// -wal file is open in no program (the last to close removes it), so it is
// read as immutable: SQLite's read-only mode would make -wal and -shm files
// next to it, which another program's database must not get.
func openReadView(ctx context.Context, path string) (*readView, error) {
	if walMode(path) && !exists(path+"-wal") {
		v, err := tryReadView(ctx, path, path, true)
		if err == nil {
			v.how = "onveranderlijk"
		}
		return v, err
	}
	v, err := tryReadView(ctx, path, path, false)
	if err == nil || !isCantOpen(err) {
		return v, err
	}
	if !walHasContent(path) {
		v, err = tryReadView(ctx, path, path, true)
		if err == nil {
			v.how = "onveranderlijk"
		}
		return v, err
	}
	return readPrivateCopy(ctx, path)
}

// tryReadView opens file (which stands for the library at path) read-only
// and reads its schema, so that every problem shows now. Errors keep
// SQLite's result code for the caller to classify.
func tryReadView(ctx context.Context, path, file string, immutable bool) (*readView, error) {
	dsn, err := readDSN(file, immutable)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("bibliotheek %s openen: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		db.Close()
		return nil, err
	}
	return &readView{db: db}, nil
}

// readPrivateCopy copies the library and its -wal file into a temporary
// folder and reads the copy: the media cannot hold the -shm file SQLite
// needs to read a -wal file in place.
func readPrivateCopy(ctx context.Context, path string) (*readView, error) {
	dir, err := os.MkdirTemp("", "bcpeditor-alleen-lezen-")
	if err != nil {
		return nil, fmt.Errorf("tijdelijke map voor alleen-lezen maken: %w", err)
	}
	copyPath := filepath.Join(dir, filepath.Base(path))
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(path+suffix, copyPath+suffix); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("bibliotheek %s kopiëren om te lezen: %w", path, err)
		}
	}
	v, err := tryReadView(ctx, path, copyPath, false)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	v.copyDir, v.how = dir, "kopie"
	return v, nil
}

func (v *readView) close() error {
	err := v.db.Close()
	if v.copyDir != "" {
		os.RemoveAll(v.copyDir)
	}
	return err
}

// walHasContent reports whether the library at path has a -wal file with
// changes not yet in the library file.
func walHasContent(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Size() > 0
}

// walMode reports whether the header of the file at path says WAL mode.
func walMode(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return head[18] == 2 && head[19] == 2
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// copyFile copies src to a new file dst and syncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
