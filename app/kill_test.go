//go:build !windows

package app_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"bcpeditor/app"
	"bcpeditor/assets"
	"bcpeditor/storage"
)

// A crash loses nothing already acknowledged: a child process makes edits
// through the Editor and prints "ack N" after each one is stored; the test
// kills it with SIGKILL at a random moment, reopens the library and finds
// every acknowledged edit, with integrity_check ok. Repeated several times.
func TestKilledProcessLosesNoAcknowledgedEdit(t *testing.T) {
	if os.Getenv("BCP_KILL_CHILD") != "" {
		killChild()
		return
	}
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	lib, path := openSeeded(t)
	p := loadByTitle(t, lib, "BCP Junior accountmanager")
	lib.Close()
	var targets []string
	for _, e := range p.Elements() {
		if e.Kind == app.KindKennis || e.Kind == app.KindResultaat {
			targets = append(targets, e.ID)
		}
	}
	rounds := 8
	if s := os.Getenv("BCP_KILL_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	rng := rand.New(rand.NewSource(1))
	total := 0
	for round := 0; round < rounds; round++ {
		killAt := 20 + rng.Intn(400)
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledProcessLosesNoAcknowledgedEdit$")
		cmd.Env = append(os.Environ(), "BCP_KILL_CHILD=1", "BCP_KILL_DB="+path, "BCP_KILL_PROFILE="+p.ID,
			"BCP_KILL_START="+strconv.Itoa(total), "BCP_KILL_TARGETS="+strings.Join(targets, ","))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := -1
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
				acked, _ = strconv.Atoi(n)
				if acked-total >= killAt {
					break
				}
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if acked < total {
			t.Fatalf("round %d: the child acknowledged nothing", round)
		}
		// Reopen: integrity, and every acknowledged edit present.
		ctx := context.Background()
		l2, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := l2.IntegrityCheck(ctx); err != nil {
			t.Fatal(err)
		}
		q, err := l2.LoadProfile(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		body := map[string]string{}
		for _, e := range q.Elements() {
			body[e.ID] = e.Body
		}
		for i := max(total, acked-len(targets)+1); i <= acked; i++ {
			id := targets[i%len(targets)]
			var got int
			if _, err := fmt.Sscanf(body[id], "bewerking %d", &got); err != nil || got < i || got%len(targets) != i%len(targets) {
				t.Fatalf("round %d: edit %d was acknowledged but the element holds %q", round, i, body[id])
			}
		}
		l2.Close()
		total = acked + 1
	}
	t.Logf("%d rounds, %d acknowledged edits, none lost", rounds, total)
}

// killChild edits until killed, acknowledging each stored edit.
func killChild() {
	ctx := context.Background()
	lib, err := storage.Open(ctx, os.Getenv("BCP_KILL_DB"))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	p, err := lib.LoadProfile(ctx, os.Getenv("BCP_KILL_PROFILE"))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	ed := app.NewEditor(ctx, lib, p)
	targets := strings.Split(os.Getenv("BCP_KILL_TARGETS"), ",")
	start, _ := strconv.Atoi(os.Getenv("BCP_KILL_START"))
	w := bufio.NewWriter(os.Stdout)
	for i := start; ; i++ {
		if err := ed.SetField(targets[i%len(targets)], app.FieldBody, fmt.Sprintf("bewerking %d", i)); err != nil {
			fmt.Fprintln(w, "error", err)
			w.Flush()
			os.Exit(1)
		}
		fmt.Fprintf(w, "ack %d\n", i)
		w.Flush()
	}
}

// An export killed mid-write leaves the target as it was: the last complete
// file, never half a file.
func TestKilledExportLeavesOldFileOrNothing(t *testing.T) {
	if os.Getenv("BCP_EXPORT_CHILD") != "" {
		exportChild()
		return
	}
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "export.bcp.json")
	rng := rand.New(rand.NewSource(2))
	for round := 0; round < 8; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledExportLeavesOldFileOrNothing$")
		cmd.Env = append(os.Environ(), "BCP_EXPORT_CHILD=1", "BCP_EXPORT_TARGET="+target)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		sc.Scan() // "begin": the child is writing
		time.Sleep(time.Duration(rng.Intn(40)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		f, err := os.Open(target)
		if os.IsNotExist(err) {
			continue // nothing yet: allowed
		}
		if err != nil {
			t.Fatal(err)
		}
		_, err = app.DecodeBundle(f)
		f.Close()
		if err != nil {
			t.Fatalf("round %d: the target holds a broken file: %v", round, err)
		}
	}
}

func exportChild() {
	target := os.Getenv("BCP_EXPORT_TARGET")
	fmt.Println("begin")
	for i := 0; ; i++ {
		b := app.NewBundle()
		for _, data := range bundledData() {
			bb, _ := app.ParseBundle(data)
			for _, p := range bb.Profiles {
				p.VersionLabel = fmt.Sprintf("export %d", i)
				b.Profiles = append(b.Profiles, app.NewVersion(p, p.VersionLabel))
			}
		}
		if err := app.WriteFileAtomic(target, func(w *bufio.Writer) error { return app.EncodeBundle(w, b) }); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
	}
}

func bundledData() [][]byte {
	var out [][]byte
	for _, name := range assets.ProfileFiles() {
		data, _ := assets.ProfileFile(name)
		out = append(out, data)
	}
	return out
}
