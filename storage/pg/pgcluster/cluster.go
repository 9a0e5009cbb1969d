// Package pgcluster starts a throw-away PostgreSQL cluster for tests and
// load runs: initdb in a temporary folder, pg_ctl start on a free port of
// 127.0.0.1 (and a socket in that folder), trust authentication for the
// superuser postgres. Run as root, the server runs as the postgres user,
// as PostgreSQL demands. Nothing listens beyond 127.0.0.1.
package pgcluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// Cluster is a running (or stopped) throw-away cluster.
type Cluster struct {
	Dir  string // the temporary folder: data/, the socket, the log
	Bin  string // the folder with initdb and pg_ctl
	Port int
	// uid and gid the server runs as (as root: postgres); -1 is as we are.
	uid, gid int
}

// Binaries finds the folder holding initdb and pg_ctl: on PATH, or in
// Debian's /usr/lib/postgresql/N/bin (newest first). ok is false when
// PostgreSQL is not installed.
func Binaries() (dir string, ok bool) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		if _, err := exec.LookPath(filepath.Join(filepath.Dir(p), "pg_ctl")); err == nil {
			return filepath.Dir(p), true
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, true
		}
	}
	return "", false
}

// Start makes a new cluster in a temporary folder and starts it.
func Start(ctx context.Context) (*Cluster, error) {
	bin, ok := Binaries()
	if !ok {
		return nil, errors.New("PostgreSQL (initdb, pg_ctl) is niet geïnstalleerd")
	}
	dir, err := os.MkdirTemp("", "bcpeditor-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, Bin: bin, uid: -1, gid: -1}
	if err := c.asServerUser(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.run(ctx, "initdb", "-D", c.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if c.Port, err = freePort(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.Restart(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

// asServerUser makes the folder the postgres user's when running as root.
func (c *Cluster) asServerUser() error {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("als root draait PostgreSQL alleen als gebruiker postgres: %w", err)
	}
	c.uid, _ = strconv.Atoi(u.Uid)
	c.gid, _ = strconv.Atoi(u.Gid)
	return os.Chown(c.Dir, c.uid, c.gid)
}

func (c *Cluster) data() string { return filepath.Join(c.Dir, "data") }

// run runs one of the cluster programs as the server's user.
func (c *Cluster) run(ctx context.Context, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, filepath.Join(c.Bin, name), args...)
	cmd.Dir = c.Dir
	if c.uid >= 0 {
		runAs(cmd, c.uid, c.gid)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, out.String())
	}
	return nil
}

// Restart starts the server (again) on its port and waits until it
// accepts connections.
func (c *Cluster) Restart(ctx context.Context) error {
	opts := "-p " + strconv.Itoa(c.Port) + " -k " + c.Dir + " -c listen_addresses=127.0.0.1"
	return c.run(ctx, "pg_ctl", "-D", c.data(), "-l", filepath.Join(c.Dir, "log"), "-w", "-t", "60", "-o", opts, "start")
}

// Kill stops the server at once, as a crash would (pg_ctl -m immediate):
// what was committed survives, connections break.
func (c *Cluster) Kill(ctx context.Context) error {
	return c.run(ctx, "pg_ctl", "-D", c.data(), "-m", "immediate", "-w", "stop")
}

// Stop stops the server and removes its folder.
func (c *Cluster) Stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := c.run(ctx, "pg_ctl", "-D", c.data(), "-m", "fast", "-w", "stop")
	os.RemoveAll(c.Dir)
	return err
}

// URL is the address of the cluster's postgres database as superuser,
// over TCP on 127.0.0.1.
func (c *Cluster) URL() string {
	u := url.URL{Scheme: "postgres", User: url.User("postgres"), Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(c.Port)), Path: "/postgres"}
	u.RawQuery = url.Values{"sslmode": {"disable"}}.Encode()
	return u.String()
}

// freePort asks the system for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
