//go:build !windows

package storage

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A process killed while it writes a backup leaves no backup that is
// listed and not whole: a child makes backups one after another and is
// killed with SIGKILL at a random moment; every listed backup then passes
// the full check, the half-written one is not listed, and the library
// opens.
func TestKilledBackupIsNeverListed(t *testing.T) {
	if path := os.Getenv("BCP_BACKUP_CHILD"); path != "" {
		backupChild(path)
		return
	}
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	path := seededFile(t, "bibliotheek.sqlite")
	rng := rand.New(rand.NewSource(3))
	interrupted := 0
	for round := 0; round < 6; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBackupIsNeverListed$")
		cmd.Env = append(os.Environ(), "BCP_BACKUP_CHILD="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for sc.Scan() && !strings.HasPrefix(sc.Text(), "backup ") {
		}
		time.Sleep(time.Duration(rng.Intn(15000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if temps, _ := filepath.Glob(filepath.Join(BackupDir(path), tempPrefix+"*")); len(temps) > 0 {
			interrupted++
			for _, tmp := range temps {
				os.Remove(tmp) // the next round's kill should leave its own
			}
		}
		bs, err := Backups(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bs {
			if _, err := verifyLibraryFile(context.Background(), b.Path); err != nil {
				t.Errorf("round %d: listed backup %s is not whole: %v", round, filepath.Base(b.Path), err)
			}
		}
		lib, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		lib.Close()
	}
	if interrupted == 0 {
		t.Error("no kill landed while a backup was being written: the test did not test anything")
	}
	t.Logf("%d of 6 kills interrupted a backup", interrupted)
}

// backupChild makes backups of the library at path until it is killed.
func backupChild(path string) {
	lib, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		if _, err := lib.MakeBackup(context.Background(), "handmatig"); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("backup %d\n", i)
	}
}
