package workspace

import (
	"sort"

	"bcpeditor/app"
)

// Family lists the profiles linked to id by "new version of", in both
// directions, oldest first.
func (w *Workspace) Family(id string) []app.ProfileSummary {
	parent := map[string]string{}
	for _, s := range w.summaries {
		parent[s.ID] = s.Origin
	}
	root := func(x string) string {
		for seen := 0; parent[x] != "" && seen < 1000; seen++ {
			if _, ok := parent[parent[x]]; !ok {
				break // the origin is no longer in the library
			}
			x = parent[x]
		}
		return x
	}
	r := root(id)
	var out []app.ProfileSummary
	for _, s := range w.summaries {
		if root(s.ID) == r {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created < out[j].Created })
	return out
}

// HistoryEntry is one line of a profile's history: a version (a profile of
// the same lineage) or a snapshot of one.
type HistoryEntry struct {
	Version  app.ProfileSummary
	Snapshot *app.Snapshot // nil for the version itself
}

// History lists the versions of a profile's lineage, each followed by its
// snapshots.
func (w *Workspace) History(id string) ([]HistoryEntry, error) {
	var out []HistoryEntry
	for _, v := range w.Family(id) {
		out = append(out, HistoryEntry{Version: v})
		snaps, err := w.store.Snapshots(w.ctx, v.ID)
		if err != nil {
			return nil, err
		}
		for i := range snaps {
			out = append(out, HistoryEntry{Version: v, Snapshot: &snaps[i]})
		}
	}
	return out, nil
}

// LoadHistoryEntry gives the profile of a history entry: a snapshot as it
// was frozen, a version as it is.
func (w *Workspace) LoadHistoryEntry(e HistoryEntry) (*app.Profile, error) {
	if e.Snapshot != nil {
		return w.store.LoadSnapshot(w.ctx, e.Snapshot.ID)
	}
	return w.Profile(e.Version.ID)
}

// SaveSnapshot freezes the open profile as it is now under a label
// ("Versie vastleggen").
func (w *Workspace) SaveSnapshot(label string) (app.Snapshot, error) {
	if w.session == nil {
		return app.Snapshot{}, errNoProfile
	}
	return w.store.SaveSnapshot(w.ctx, w.session.profile, label)
}
