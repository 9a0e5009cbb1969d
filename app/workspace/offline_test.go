package workspace_test

import (
	"path/filepath"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/storage"
)

func setTitle(t *testing.T, s *workspace.Session, id, title string) {
	t.Helper()
	if err := s.Edit("", func(ed *app.Editor) error { return ed.SetField(id, app.FieldTitle, title) }); err != nil {
		t.Fatal(err)
	}
}

// offlineRoundTrip takes a profile from team to a laptop library, edits on
// both sides, and brings it back with one conflict chosen for the offline
// side.
func offlineRoundTrip(t *testing.T, team *workspace.Workspace) {
	laptop := storage.FileLocation{Path: filepath.Join(t.TempDir(), "laptop.sqlite")}
	s := openTitle(t, team, "BCP Junior accountmanager")
	id, ks := s.Profile().ID, s.Profile().Kerntaken
	res, err := team.TakeOffline(laptop, []string{id})
	if err != nil || len(res.Taken) != 1 {
		t.Fatalf("take offline: %+v, %v", res, err)
	}
	// The laptop had the bundled copy already: it was replaced, not merged.
	if len(res.Replaced) != 1 {
		t.Errorf("the laptop's own copy: %+v", res)
	}
	// At the workshop, without network.
	off := openAt(t, laptop)
	offline, err := off.OpenProfile(id)
	if err != nil {
		t.Fatal(err)
	}
	setTitle(t, offline, ks[0].ID, "Offline herschreven")
	setTitle(t, offline, ks[1].ID, "Offline ook deze")
	off.Close()
	// Meanwhile in the team library.
	setTitle(t, s, ks[1].ID, "Het team schreef deze")
	setTitle(t, s, ks[2].ID, "Alleen het team")
	if _, err := team.TakeOffline(laptop, []string{id}); err == nil || !strings.Contains(err.Error(), "breng het eerst terug") {
		t.Fatalf("taking a profile changed offline again: %v", err)
	}

	plan, err := team.PlanBringBack(laptop, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Merges) != 1 || plan.Conflicts() != 1 || plan.Merges[0].Conflicts[0].ElementID != ks[1].ID {
		t.Fatalf("bring back plan:\n%s", plan.Summary())
	}
	choices := workspace.Choices{id: {ks[1].ID: app.TakeIncoming}}
	if _, err := team.ApplyBringBack(laptop, plan, choices); err != nil {
		t.Fatal(err)
	}
	got, _ := team.Profile(id)
	want := []string{"Offline herschreven", "Offline ook deze", "Alleen het team"}
	for i, w := range want {
		if got.Kerntaken[i].Title != w {
			t.Errorf("kerntaak %d after bringing back: %q, want %q", i+1, got.Kerntaken[i].Title, w)
		}
	}
	// The laptop now holds the result as its new base: nothing to merge.
	again, err := team.PlanBringBack(laptop, []string{id})
	if err != nil || len(again.Merges) != 0 || len(again.Unchanged) != 1 {
		t.Errorf("bringing back twice: %+v, %v", again, err)
	}
}

// Meenemen voor offline werk and Terugbrengen between two SQLite
// libraries (the team library on PostgreSQL: see team_test.go).
func TestOfflineAndBack(t *testing.T) {
	team := openAt(t, storage.FileLocation{Path: filepath.Join(t.TempDir(), "team.sqlite")})
	offlineRoundTrip(t, team)
}
