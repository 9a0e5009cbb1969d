package app

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write and only then puts it in
// place: the data goes to a temporary file in the same directory, is
// synced, and is renamed over path. If write fails or the program dies
// halfway, path still holds its old content (or does not exist).
func WriteFileAtomic(path string, write func(w *bufio.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return ioError("een tijdelijk bestand maken in "+dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return ioError(path+" schrijven", err)
	}
	if err = tmp.Sync(); err != nil {
		return ioError(path+" schrijven", err)
	}
	if err = tmp.Close(); err != nil {
		return ioError(path+" schrijven", err)
	}
	// A temporary file is private; the export gets the mode of the file it
	// replaces, or the usual one.
	mode := os.FileMode(0o644)
	if st, statErr := os.Stat(path); statErr == nil {
		mode = st.Mode().Perm()
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return ioError(path+" schrijven", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return ioError(path+" op zijn plaats zetten", err)
	}
	return nil
}

// cancelWriter stops writing once its context is done.
type cancelWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c cancelWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// WriteFileAtomicContext is WriteFileAtomic that can be cancelled: once
// ctx is done the writing stops, the temporary file is removed and path is
// left as it was.
func WriteFileAtomicContext(ctx context.Context, path string, write func(w *bufio.Writer) error) error {
	return WriteFileAtomic(path, func(w *bufio.Writer) error {
		cw := bufio.NewWriter(cancelWriter{ctx, w})
		if err := write(cw); err != nil {
			return err
		}
		if err := cw.Flush(); err != nil {
			return err
		}
		return ctx.Err()
	})
}
