package schema

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadInOrderWithoutGaps(t *testing.T) {
	good := fstest.MapFS{
		"m/0002_b.sql": {Data: []byte("B")},
		"m/0001_a.sql": {Data: []byte("A")},
	}
	ms, err := Read(good, "m/*.sql")
	if err != nil || len(ms) != 2 || ms[0].SQL != "A" || ms[1].Name != "0002_b.sql" || ms[1].Version != 2 {
		t.Fatalf("%+v, %v", ms, err)
	}
	gap := fstest.MapFS{"m/0001_a.sql": {}, "m/0003_c.sql": {}}
	if _, err := Read(gap, "m/*.sql"); err == nil || !strings.Contains(err.Error(), "doorlopend") {
		t.Errorf("a gap: %v", err)
	}
	unnumbered := fstest.MapFS{"m/eerste.sql": {}}
	if _, err := Read(unnumbered, "m/*.sql"); err == nil || !strings.Contains(err.Error(), "geen nummer") {
		t.Errorf("no number: %v", err)
	}
}
