package storetest

import (
	"context"
	"testing"
	"time"

	"bcpeditor/app"
)

// testWatch: a library that reports changes made elsewhere reports an edit
// made through another handle, naming the profile (or telling to read
// everything again), and not the watcher's own edits as someone else's.
func testWatch(t *testing.T, open func() app.Store) {
	st, ps := filled(t, open)
	w, ok := st.(app.Watcher)
	if !ok {
		t.Skip("this library does not report changes made elsewhere")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes, err := w.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // let the watch begin
	ed, _ := editor(t, open, ps[1].ID)
	k := ed.Profile().Rollen[0].ID
	must(t, ed.SetField(k, app.FieldTitle, "Elders gewijzigd"))
	deadline := time.After(10 * time.Second)
	for {
		select {
		case c, ok := <-changes:
			if !ok {
				t.Fatal("the watch ended")
			}
			if c.All || contains(c.Profiles, ps[1].ID) {
				cancel()
				for range changes { // the channel closes when the watch ends
				}
				return
			}
		case <-deadline:
			t.Fatal("no change reported within 10 s")
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
