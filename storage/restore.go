package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ErrNotABackup wraps every reason Restore refuses a file.
var ErrNotABackup = errors.New("geen bruikbare reservekopie")

// verifyLibraryFile checks a file that is to become a library (a backup
// being written, a backup to put back): it is not empty, it is a library
// of ours this program can open (not another program's database, not of a
// newer version) and SQLite finds no damage. Nothing is written into it.
func verifyLibraryFile(ctx context.Context, path string) (fileIdentity, error) {
	empty, err := checkHeader(path)
	if err != nil {
		return fileIdentity{}, err
	}
	if empty {
		return fileIdentity{}, fmt.Errorf("%s: %w (het bestand is leeg)", path, ErrNotALibrary)
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
	if id.empty() {
		return id, fmt.Errorf("%s: %w (er staat niets in)", path, ErrNotALibrary)
	}
	if err := id.check(path); err != nil {
		return id, err
	}
	return id, checkIntegrity(ctx, v.db, path)
}

// Restore puts a backup (or a set-aside library) in place of the library at
// path. The backup is checked before anything is replaced: an empty file,
// another program's database, a damaged library or one of a newer version
// is refused. The library must not be open in a window (Restore takes its
// lock). The current library is kept: backed up as "voor-terugzetten" when
// it is healthy, otherwise (damaged, or no room for a copy) set aside
// unchanged as "buiten-gebruik-…" — it need not open. The backup is copied
// next to the library, checked again, and renamed over it, so an
// interrupted restore leaves the old library.
func Restore(ctx context.Context, path, backup string) error {
	if _, err := verifyLibraryFile(ctx, backup); err != nil {
		return &RestoreError{Backup: backup, Err: err, badBackup: true}
	}
	if err := restore(ctx, path, backup); err != nil {
		return &RestoreError{Backup: backup, Err: err}
	}
	return nil
}

func restore(ctx context.Context, path, backup string) error {
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	staged, err := stageCopy(ctx, backup, filepath.Dir(path))
	if err != nil {
		return err
	}
	defer os.Remove(staged)
	if err := keepCurrent(ctx, path); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := os.Rename(staged, path); err != nil {
		return fmt.Errorf("reservekopie terugzetten: %w", fileProblem(err))
	}
	syncDir(filepath.Dir(path))
	return nil
}

// RestoreError is a restore that did not happen; nothing was replaced.
// Its message is a Dutch sentence; errors.Is sees the cause (ErrDamaged,
// ErrInUse …) and, when the backup itself was refused, ErrNotABackup.
type RestoreError struct {
	Backup    string
	Err       error
	badBackup bool
}

// Unwrap gives the cause.
func (e *RestoreError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrNotABackup) hold for a refused backup.
func (e *RestoreError) Is(target error) bool { return target == ErrNotABackup && e.badBackup }

func (e *RestoreError) Error() string {
	name := filepath.Base(e.Backup)
	const nothing = " Er is niets teruggezet."
	switch {
	case e.badBackup && errors.Is(e.Err, ErrNewerLibrary):
		return "De reservekopie " + name + " is gemaakt door een nieuwere versie van de BCP Editor; werk het programma bij." + nothing
	case e.badBackup && errors.Is(e.Err, ErrDamaged):
		return "De reservekopie " + name + " is beschadigd; kies een andere reservekopie." + nothing
	case e.badBackup && errors.Is(e.Err, ErrNotALibrary):
		return "Het bestand " + name + " is geen bruikbare reservekopie" + detail(e.Err, ErrNotALibrary) + "; kies een andere." + nothing
	case errors.Is(e.Err, ErrInUse):
		return "De bibliotheek is geopend in een venster van de BCP Editor; sluit dat venster en probeer het opnieuw." + nothing
	case errors.Is(e.Err, ErrNotALibrary):
		return "Het bestand op de plaats van de bibliotheek is geen BCP-bibliotheek en wordt niet vervangen; zet de reservekopie terug onder een andere naam." + nothing
	case errors.Is(e.Err, ErrDiskFull):
		return "Er is geen ruimte om de reservekopie " + name + " terug te zetten; maak ruimte vrij en probeer het opnieuw." + nothing
	case errors.Is(e.Err, ErrReadOnlyFile):
		return "De map van de bibliotheek kan niet worden beschreven; de reservekopie " + name + " kan daar niet worden teruggezet." + nothing
	}
	return "De reservekopie " + name + " kon niet worden teruggezet (" + reasonOf(e.Err) + "); probeer het opnieuw." + nothing
}

// stageCopy copies a checked backup (with its -wal file, if it has one)
// into a new file in dir, checks the copy and returns its name.
func stageCopy(ctx context.Context, backup, dir string) (string, error) {
	v, err := openReadView(ctx, backup)
	if err != nil {
		return "", fmt.Errorf("reservekopie lezen: %w", openProblem(backup, err))
	}
	defer v.close()
	staged := filepath.Join(dir, fmt.Sprintf(".terugzetten-%d.sqlite", time.Now().UnixNano()))
	if err := writeBackup(ctx, v, staged); err != nil {
		return "", err
	}
	return staged, nil
}

// keepCurrent keeps the library at path before it is replaced: a checked
// backup of it when it is a healthy library, otherwise the file itself
// (with its -wal) moved aside unchanged. Another program's file is
// not replaced at all.
func keepCurrent(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	id, err := inspect(ctx, path)
	if errors.Is(err, ErrNotALibrary) {
		return err
	}
	if err == nil && !id.empty() && backupCurrent(ctx, path) == nil {
		return nil
	}
	return setAside(path)
}

// backupCurrent backs up the library at path as "voor-terugzetten",
// without opening it for writing and without pruning (the backup being put
// back may be the oldest).
func backupCurrent(ctx context.Context, path string) error {
	v, err := openReadView(ctx, path)
	if err != nil {
		return err
	}
	defer v.close()
	target := filepath.Join(BackupDir(path), backupName(path, time.Now(), "voor-terugzetten"))
	return writeBackup(ctx, v, target)
}

// setAside moves the library at path, with its -wal file, into
// the backup folder as "buiten-gebruik-<time>-<file>", unchanged.
func setAside(path string) error {
	dir := BackupDir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("huidige bibliotheek opzijzetten: %w", fileProblem(err))
	}
	aside := filepath.Join(dir, ReasonSetAside+"-"+time.Now().Format(stampLayout)+"-"+filepath.Base(path))
	if err := os.Rename(path, aside); err != nil {
		return fmt.Errorf("huidige bibliotheek opzijzetten: %w", fileProblem(err))
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if err := os.Rename(path+"-wal", aside+"-wal"); err != nil {
			// Without its -wal file the library would lose changes:
			// put it back and replace nothing.
			os.Rename(aside, path)
			return fmt.Errorf("huidige bibliotheek opzijzetten: %w", fileProblem(err))
		}
	}
	os.Remove(path + "-shm") // an index SQLite rebuilds from the -wal file
	return nil
}

// fileProblem classifies an error of the operating system.
func fileProblem(err error) error {
	kind := ErrIO
	switch {
	case errors.Is(err, syscall.ENOSPC):
		kind = ErrDiskFull
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		kind = ErrReadOnlyFile
	}
	return &DBError{Kind: kind}
}
