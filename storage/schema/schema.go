// Package schema reads a library's numbered migrations — files named
// NNNN_what.sql, applied in order — for both libraries, the SQLite file
// and the team library on PostgreSQL.
package schema

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered schema step.
type Migration struct {
	Version int
	Name    string // the file's name
	SQL     string
}

// Read reads the migrations matching pattern in fsys ("migrations/*.sql"),
// in order; their numbers must run 1, 2, 3 … without a gap.
func Read(fsys fs.FS, pattern string) ([]Migration, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, n := range names {
		base := path.Base(n)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migratie %s heeft geen nummer", base)
		}
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: base, SQL: string(data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migraties zijn niet doorlopend genummerd bij %s", m.Name)
		}
	}
	return out, nil
}
