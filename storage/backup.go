package storage

import (
	"context"
	"encoding/binary"
	"errors"
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
// A backup is written under a temporary name, checked (SQLite's integrity
// check, our application_id, a schema version this program knows), synced
// and only then given its name: a backup that was interrupted, or failed
// for lack of space, is never listed and never counts as today's.
//
// Each backup is named after its library's file ("werk.sqlite-20250101-
// 093000.000-dagelijks.sqlite"), so two libraries in one folder keep their
// own. A library that was set aside by a restore it could not be backed up
// for is kept there too ("buiten-gebruik-…"), listed, and never pruned.

// KeepBackups is how many backups are kept.
const KeepBackups = 7

// ReasonSetAside is the Reason of a library that was set aside.
const ReasonSetAside = "buiten-gebruik"

// Backup is one backup file.
type Backup struct {
	Path    string
	Reason  string // "dagelijks", "voor-migratie-2", "handmatig", "voor-terugzetten", "buiten-gebruik"
	Created time.Time
}

const stampLayout = "20060102-150405.000"

// tempPrefix starts the name of a backup being written.
const tempPrefix = ".bezig-"

// BackupDir is where the backups of the library at path go.
func BackupDir(path string) string {
	return filepath.Join(filepath.Dir(path), "reservekopieen")
}

// backupName is the file name of a backup of the library at path.
func backupName(path string, t time.Time, reason string) string {
	return fmt.Sprintf("%s-%s-%s.sqlite", filepath.Base(path), t.Format(stampLayout), reason)
}

// MakeBackup copies the library into the backup folder, checks the copy
// and prunes old backups. reason ends up in the file name.
func (l *Library) MakeBackup(ctx context.Context, reason string) (Backup, error) {
	return l.makeBackup(ctx, reason, true)
}

func (l *Library) makeBackup(ctx context.Context, reason string, prune bool) (Backup, error) {
	now := l.Now()
	b := Backup{Path: filepath.Join(BackupDir(l.path), backupName(l.path, now, reason)), Reason: reason, Created: now}
	if err := writeBackup(ctx, l, b.Path); err != nil {
		return Backup{}, err
	}
	if prune {
		pruneBackups(l.path, b.Path)
	}
	return b, nil
}

// execer is what writeBackup needs of a connection.
type execer interface {
	execVacuumInto(ctx context.Context, target string) error
}

func (l *Library) execVacuumInto(ctx context.Context, target string) error {
	_, err := l.db.ExecContext(ctx, "VACUUM INTO ?", target)
	return l.note(err)
}

func (v *readView) execVacuumInto(ctx context.Context, target string) error {
	_, err := v.db.ExecContext(ctx, "VACUUM INTO ?", target)
	return dbError(err)
}

// writeBackup copies src into target: under a temporary name, checked,
// synced, then renamed.
func writeBackup(ctx context.Context, src execer, target string) error {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("map voor reservekopieën maken: %w", fileProblem(err))
	}
	removeStaleTemps(dir)
	tmp := filepath.Join(dir, tempPrefix+filepath.Base(target))
	os.Remove(tmp)
	if err := src.execVacuumInto(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("reservekopie maken: %w", err)
	}
	if _, err := verifyLibraryFile(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("reservekopie controleren: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("reservekopie wegschrijven: %w", fileProblem(err))
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("reservekopie wegschrijven: %w", fileProblem(err))
	}
	syncDir(dir)
	return nil
}

// removeStaleTemps removes backups that a program that died left half
// written (an hour old: a running backup takes seconds).
func removeStaleTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Backups lists the backups of the library at path, newest first, with
// the libraries that were set aside. A file that cannot be a whole backup
// (empty, not SQLite, shorter than its header says) is left out.
func Backups(path string) ([]Backup, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reservekopieën lezen: %w", fileProblem(err))
	}
	var out []Backup
	for _, e := range entries {
		b, ok := parseBackupName(path, e.Name())
		if !ok {
			continue
		}
		b.Path = filepath.Join(dir, e.Name())
		if plausibleBackup(b) {
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created.After(out[j].Created) })
	return out, nil
}

// parseBackupName reads the time and reason from the name of a backup of
// the library at path: "<file>-<stamp>-<reason>.sqlite", the older
// "<file without .sqlite>-<stamp>-<reason>.sqlite", or a set-aside
// "buiten-gebruik-<stamp>-<file>".
func parseBackupName(path, name string) (Backup, bool) {
	file := filepath.Base(path)
	if rest, ok := strings.CutPrefix(name, ReasonSetAside+"-"); ok {
		for _, layout := range []string{stampLayout, "20060102-150405"} {
			if len(rest) > len(layout)+1 && rest[len(layout)+1:] == file {
				if t, err := time.ParseInLocation(layout, rest[:len(layout)], time.Local); err == nil {
					return Backup{Reason: ReasonSetAside, Created: t}, true
				}
			}
		}
		return Backup{}, false
	}
	prefixes := []string{file + "-"}
	if strings.HasSuffix(file, ".sqlite") {
		prefixes = append(prefixes, strings.TrimSuffix(file, ".sqlite")+"-")
	}
	for _, prefix := range prefixes {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !strings.HasSuffix(rest, ".sqlite") || len(rest) < len(stampLayout)+len(".sqlite") {
			continue
		}
		t, err := time.ParseInLocation(stampLayout, rest[:len(stampLayout)], time.Local)
		if err != nil {
			continue
		}
		reason := strings.TrimPrefix(strings.TrimSuffix(rest[len(stampLayout):], ".sqlite"), "-")
		return Backup{Reason: reason, Created: t}, true
	}
	return Backup{}, false
}

// plausibleBackup is a cheap look at a backup without opening it: an
// SQLite file, and for a backup (not a set-aside library, whose changes may
// be in its -wal file) as long as its header says.
func plausibleBackup(b Backup) bool {
	f, err := os.Open(b.Path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil || string(head[:16]) != string(sqliteHeader) {
		return false
	}
	if b.Reason == ReasonSetAside {
		return true
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	validFor, counter := binary.BigEndian.Uint32(head[92:96]), binary.BigEndian.Uint32(head[24:28])
	if validFor != counter || pages == 0 {
		return fi.Size() > 0 && fi.Size()%pageSize == 0
	}
	return fi.Size() == pages*pageSize
}

// pruneBackups removes the oldest backups of the library at path beyond
// KeepBackups; keep is never removed, nor is a set-aside library.
func pruneBackups(path, keep string) {
	bs, err := Backups(path)
	if err != nil {
		return
	}
	n := 0
	for _, b := range bs {
		if b.Reason == ReasonSetAside || b.Path == keep {
			continue
		}
		n++
		if n > KeepBackups-1 {
			os.Remove(b.Path)
		}
	}
}

// dailyBackup makes a backup when there is none of the last day. A backup
// dated in the future (a clock that was wrong) does not count.
func (l *Library) dailyBackup(ctx context.Context) error {
	bs, err := Backups(l.path)
	if err != nil {
		return err
	}
	now := l.Now()
	for _, b := range bs {
		if b.Reason == ReasonSetAside || b.Created.After(now.Add(time.Minute)) {
			continue
		}
		if now.Sub(b.Created) < 24*time.Hour {
			return nil
		}
	}
	_, err = l.MakeBackup(ctx, "dagelijks")
	return err
}

// noBackupWarning is the sentence shown when the library opened without
// its daily backup.
func noBackupWarning(err error) string {
	if errors.Is(err, ErrDiskFull) {
		return "Er kon vandaag geen reservekopie van de bibliotheek worden gemaakt: de schijf is vol. Uw werk is wel geopend en wordt gewoon opgeslagen; maak ruimte vrij, dan wordt de reservekopie bij de volgende start gemaakt."
	}
	return "Er kon vandaag geen reservekopie van de bibliotheek worden gemaakt (" + reasonOf(err) + "). Uw werk is wel geopend en wordt gewoon opgeslagen; de reservekopie wordt bij de volgende start opnieuw geprobeerd."
}

// reasonOf gives the Dutch cause of err in a few words.
func reasonOf(err error) string {
	for _, k := range []error{ErrDiskFull, ErrBusy, ErrReadOnlyFile, ErrIO, ErrDamaged} {
		if errors.Is(err, k) {
			return k.Error()
		}
	}
	if errors.Is(err, os.ErrPermission) {
		return "geen toestemming om in de map reservekopieen te schrijven"
	}
	return "onverwachte fout"
}

// syncFile flushes a file's contents to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder, so that a rename in it survives a power cut.
// Not every system can; then the rename is as safe as the system makes it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
