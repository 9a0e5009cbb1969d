//go:build linux

package storage

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"bcpeditor/app"
)

// smallDisk mounts a tmpfs of size bytes and returns its folder; the test
// is skipped where mounting is not allowed (not root).
func smallDisk(t *testing.T, size int64) string {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("a full disk needs root to mount a small tmpfs; the always-running variant is TestNoRoomForTheBackupInjected")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("mount not allowed here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// fill writes a file in dir until the disk is full and returns its name.
func fill(t *testing.T, dir string) string {
	t.Helper()
	name := filepath.Join(dir, "vulling")
	f, err := os.Create(name)
	if err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Fatal(err)
	}
	if f != nil {
		block := make([]byte, 4096)
		for {
			if _, err := f.Write(block); err != nil {
				break
			}
		}
		f.Close()
	}
	return name
}

// No Dutch sentence of ours carries the driver's English.
func noEnglish(t *testing.T, msg string) {
	t.Helper()
	for _, w := range []string{"database", "disk is full", "locked", "SQLITE", "logic error", "unable", "no space"} {
		if strings.Contains(msg, w) {
			t.Errorf("message %q contains %q", msg, w)
		}
	}
}

// On a disk with no room for today's backup the library opens, with a
// warning, and no partial backup is left or listed. When the disk is quite
// full an edit fails with a Dutch sentence and changes nothing; once there
// is room again edits are stored, and every acknowledged edit is there
// after reopening. A restore with no room replaces nothing.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	src := seededFile(t, "bibliotheek.sqlite")
	fi, _ := os.Stat(src)
	disk := smallDisk(t, fi.Size()+200<<10)
	path := filepath.Join(disk, "bibliotheek.sqlite")
	if err := copyFile(src, path); err != nil {
		t.Fatal(err)
	}

	lib, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("no room for the backup stopped the library from opening: %v", err)
	}
	if w := lib.Warnings(); len(w) != 1 || !strings.Contains(w[0], "schijf is vol") {
		t.Errorf("warnings %q", w)
	}
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("a failed backup is listed: %+v", bs)
	}
	if left, _ := filepath.Glob(filepath.Join(BackupDir(path), "*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	all, err := lib.ListProfiles(ctx)
	if err != nil || len(all) == 0 {
		t.Fatalf("list: %v", err)
	}
	id := all[0].ID
	acked := ""
	edit := func(title string) error {
		err := lib.SaveChange(ctx, id, app.ChangeSet{Meta: &app.ProfileMeta{Title: title, Status: app.StatusConcept}})
		if err == nil {
			acked = title
		}
		return err
	}
	if err := edit("met weinig ruimte"); err != nil {
		t.Fatalf("edit with some room: %v", err)
	}

	filler := fill(t, disk)
	var full error
	for i := 0; i < 50 && full == nil; i++ {
		full = edit(fmt.Sprintf("op een volle schijf %d %s", i, strings.Repeat("x", 2000)))
	}
	if !errors.Is(full, ErrDiskFull) {
		t.Fatalf("edit on a full disk: want ErrDiskFull, got %v", full)
	}
	noEnglish(t, full.Error())
	// The program (or the command line) opens it on the full disk all the
	// same, seeding included.
	second, err := OpenSeeded(ctx, path)
	if err != nil {
		t.Fatalf("opening on a full disk: %v", err)
	}
	if got, err := second.ListProfiles(ctx); err != nil || len(got) != len(all) {
		t.Errorf("list on a full disk: %d profiles, %v", len(got), err)
	}
	if len(second.Warnings()) == 0 {
		t.Error("no warning on a full disk")
	}
	second.Close()
	if err := Restore(ctx, path, src); !errors.Is(err, ErrDiskFull) {
		t.Errorf("restore on a full disk: %v", err)
	}

	os.Remove(filler)
	if err := edit("weer ruimte"); err != nil {
		t.Fatalf("edit once there is room: %v", err)
	}
	lib.Close()
	lib, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if got := titleIn(t, lib, id); got != acked {
		t.Errorf("after reopening the title is %q, want the last acknowledged %q", got, acked)
	}
	if err := lib.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// The always-running variant: the operating system refuses writes past a
// file size limit (RLIMIT_FSIZE) in a child process, so that today's
// backup cannot be written, and later every write. The library opens with
// a warning, an edit before the limit is kept, an edit after it fails in
// Dutch, and nothing half-written is left or listed.
func TestNoRoomForTheBackupInjected(t *testing.T) {
	if path := os.Getenv("BCP_FSIZE_CHILD"); path != "" {
		fsizeChild(path)
		return
	}
	path := seededFile(t, "bibliotheek.sqlite")
	cmd := exec.Command(os.Args[0], "-test.run=^TestNoRoomForTheBackupInjected$")
	cmd.Env = append(os.Environ(), "BCP_FSIZE_CHILD="+path)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	t.Logf("child:\n%s", out)
	lines := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ": "); ok {
			lines[k] = v
		}
	}
	if !strings.Contains(lines["waarschuwing"], "geen reservekopie") {
		t.Errorf("warning %q", lines["waarschuwing"])
	}
	if lines["eerste"] != "ok" {
		t.Errorf("edit under the limit: %s", lines["eerste"])
	}
	if lines["tweede"] == "ok" || lines["tweede"] == "" {
		t.Errorf("edit past the limit: %q", lines["tweede"])
	}
	noEnglish(t, lines["tweede"])
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("a failed backup is listed: %+v", bs)
	}
	if left, _ := filepath.Glob(filepath.Join(BackupDir(path), "*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	lib, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if got := titleIn(t, lib, lines["id"]); got != "onder de grens" {
		t.Errorf("after reopening the title is %q", got)
	}
	if len(lib.Warnings()) != 0 {
		t.Errorf("with room again: %q", lib.Warnings())
	}
}

// fsizeChild opens the library at path with a file size limit of half
// its size, edits, lowers the limit below what is written, edits again.
func fsizeChild(path string) {
	signal.Ignore(syscall.SIGXFSZ) // a write past the limit fails instead of killing
	fi, err := os.Stat(path)
	if err != nil {
		os.Exit(2)
	}
	limit := func(n uint64) {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			fmt.Println("setrlimit:", err)
			os.Exit(2)
		}
	}
	limit(uint64(fi.Size() / 2))
	ctx := context.Background()
	lib, err := OpenSeeded(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	fmt.Println("waarschuwing:", strings.Join(lib.Warnings(), " "))
	all, _ := lib.ListProfiles(ctx)
	fmt.Println("id:", all[0].ID)
	edit := func(title string) string {
		if err := lib.SaveChange(ctx, all[0].ID, app.ChangeSet{Meta: &app.ProfileMeta{Title: title, Status: app.StatusConcept}}); err != nil {
			return err.Error()
		}
		return "ok"
	}
	fmt.Println("eerste:", edit("onder de grens"))
	limit(1)
	fmt.Println("tweede:", edit("boven de grens"))
	os.Exit(0) // as if the program died: the next open must cope
}
