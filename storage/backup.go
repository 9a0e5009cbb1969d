package storage

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Backups: a copy of the library (VACUUM INTO, a consistent snapshot even
// while it is in use) before every migration and once a day, in a folder
// "reservekopieen" next to the library; the newest KeepBackups are kept.

// KeepBackups is how many backups are kept.
const KeepBackups = 7

// Backup is one backup file.
type Backup struct {
	Path    string
	Reason  string // "dagelijks", "voor-migratie-2", "handmatig"
	Created time.Time
}

// BackupDir is where the backups of the library at path go.
func BackupDir(path string) string {
	return filepath.Join(filepath.Dir(path), "reservekopieen")
}

// MakeBackup copies the library into the backup folder and prunes old
// backups. reason ends up in the file name.
func (l *Library) MakeBackup(ctx context.Context, reason string) (Backup, error) {
	dir := BackupDir(l.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Backup{}, fmt.Errorf("map voor reservekopieën maken: %w", err)
	}
	now := l.Now()
	base := strings.TrimSuffix(filepath.Base(l.path), filepath.Ext(l.path))
	name := fmt.Sprintf("%s-%s-%s.sqlite", base, now.Format("20060102-150405.000"), reason)
	target := filepath.Join(dir, name)
	if _, err := l.db.ExecContext(ctx, "VACUUM INTO ?", target); err != nil {
		return Backup{}, fmt.Errorf("reservekopie maken: %w", err)
	}
	pruneBackups(dir, base)
	return Backup{Path: target, Reason: reason, Created: now}, nil
}

// Backups lists the backups of the library at path, newest first.
func Backups(path string) ([]Backup, error) {
	dir := BackupDir(path)
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reservekopieën lezen: %w", err)
	}
	var out []Backup
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base+"-") || !strings.HasSuffix(name, ".sqlite") {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, base+"-"), ".sqlite")
		if len(rest) < 19 {
			continue
		}
		t, err := time.ParseInLocation("20060102-150405.000", rest[:19], time.Local)
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, name), Reason: strings.TrimPrefix(rest[19:], "-"), Created: t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Created.After(out[j].Created) })
	return out, nil
}

func pruneBackups(dir, base string) {
	bs, err := Backups(filepath.Join(filepath.Dir(dir), base+".sqlite"))
	if err != nil {
		return
	}
	for _, b := range bs[min(len(bs), KeepBackups):] {
		os.Remove(b.Path)
	}
}

// dailyBackup makes a backup when the newest is older than a day.
func (l *Library) dailyBackup(ctx context.Context) error {
	bs, err := Backups(l.path)
	if err != nil {
		return err
	}
	if len(bs) > 0 && l.Now().Sub(bs[0].Created) < 24*time.Hour {
		return nil
	}
	_, err = l.MakeBackup(ctx, "dagelijks")
	return err
}

// Restore puts a backup in place of the library at path. The library must
// be closed (by this program and any other). The current library is kept
// as a backup first ("voor-terugzetten"), so a restore can be undone; the
// backup is copied to a temporary file and renamed over the library, so an
// interrupted restore leaves the old library.
func Restore(ctx context.Context, path, backup string) error {
	unlock, err := prepareRestore(path, backup)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := os.Stat(path); err == nil {
		lib, err := Open(ctx, path)
		if err == nil {
			_, err = lib.MakeBackup(ctx, "voor-terugzetten")
			lib.Close()
		}
		if err != nil {
			return fmt.Errorf("huidige bibliotheek veiligstellen: %w", err)
		}
	}
	return putInPlace(path, backup)
}

// RestoreKeeping is Restore for a library that cannot be opened (damaged,
// say): the current file is set aside under the backups as it is, never
// changed, and the backup put in its place.
func RestoreKeeping(ctx context.Context, path, backup string) error {
	unlock, err := prepareRestore(path, backup)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := os.Stat(path); err == nil {
		if err := os.MkdirAll(BackupDir(path), 0o755); err != nil {
			return err
		}
		aside := filepath.Join(BackupDir(path), "buiten-gebruik-"+time.Now().Format("20060102-150405")+"-"+filepath.Base(path))
		if err := os.Rename(path, aside); err != nil {
			return fmt.Errorf("huidige bibliotheek opzijzetten: %w", err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(path + suffix); err == nil {
				os.Rename(path+suffix, aside+suffix)
			}
		}
	}
	return putInPlace(path, backup)
}

// prepareRestore checks the backup and takes the library's lock, so that
// no window has the library open while it is replaced.
func prepareRestore(path, backup string) (func(), error) {
	if err := checkFile(backup); err != nil {
		return nil, fmt.Errorf("%s is geen bruikbare reservekopie: %w", backup, err)
	}
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return nil, fmt.Errorf("reservekopie terugzetten: %w", err)
	}
	return unlock, nil
}

// putInPlace copies backup to a temporary file next to path and renames it
// over path.
func putInPlace(path, backup string) error {
	src, err := os.Open(backup)
	if err != nil {
		return fmt.Errorf("reservekopie openen: %w", err)
	}
	defer src.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), ".terugzetten-*.sqlite")
	if err != nil {
		return fmt.Errorf("reservekopie terugzetten: %w", err)
	}
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("reservekopie terugzetten: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("reservekopie terugzetten: %w", err)
	}
	tmp.Close()
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("reservekopie terugzetten: %w", err)
	}
	return nil
}
