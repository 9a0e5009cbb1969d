package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"bcpeditor/app"
)

// Working offline: a designer takes chosen profiles from a team library
// into a library of their own (a SQLite file on the laptop), works there
// without a network — a workshop, a train — and brings them back. Taking
// them records the state they were taken in as a snapshot in the offline
// library: the base against which bringing back merges three ways with the
// merge of imports, every element changed on both sides a choice.

// OfflineLabel starts the label of the snapshot that records the state in
// which a profile was taken offline (or last brought back).
const OfflineLabel = "meegenomen voor offline werk"

// OfflineResult says what taking profiles offline did.
type OfflineResult struct {
	// Taken are the titles of the profiles now in the offline library.
	Taken []string
	// Replaced are the titles of profiles the offline library already
	// had, unchanged since they were taken (or never taken): replaced, the
	// old state kept in their history.
	Replaced []string
}

// TakeOffline copies the profiles ids, with the competency models and
// research sources they need, from this library into the library at dest
// (made when it does not exist), and records there the state they were
// taken in. A profile already offline and changed there since is refused:
// bring it back first. Nothing is written when anything is refused.
func (w *Workspace) TakeOffline(dest app.Location, ids []string) (OfflineResult, error) {
	var res OfflineResult
	if len(ids) == 0 {
		return res, fmt.Errorf("kies een of meer profielen om mee te nemen")
	}
	st, err := dest.Open(w.ctx, app.OpenShared)
	if err != nil {
		return res, &OpenError{Problem: dest.Explain(err), Err: err}
	}
	defer st.Close()
	set, profiles, err := w.offlineSet(st, ids, &res)
	if err != nil {
		return res, err
	}
	if err := st.Import(w.ctx, set); err != nil {
		return res, fmt.Errorf("profielen meenemen naar %s: %w", dest, err)
	}
	label := OfflineLabel + " uit " + w.loc.String() + " op " + time.Now().Format("2006-01-02 15:04")
	for _, p := range profiles {
		if _, err := st.SaveSnapshot(w.ctx, p, label); err != nil {
			return res, fmt.Errorf("uitgangsversie van %q vastleggen: %w", p.Title, err)
		}
		res.Taken = append(res.Taken, p.Title)
	}
	return res, nil
}

// offlineSet is what taking ids offline writes into st.
func (w *Workspace) offlineSet(st app.Store, ids []string, res *OfflineResult) (app.ImportSet, []*app.Profile, error) {
	var set app.ImportSet
	var profiles []*app.Profile
	cats, err := st.Catalogues(w.ctx)
	if err != nil {
		return set, nil, err
	}
	bronnen, err := st.Bronnen(w.ctx)
	if err != nil {
		return set, nil, err
	}
	for _, id := range ids {
		p, err := w.Profile(id)
		if err != nil {
			return set, nil, err
		}
		p = p.Clone()
		profiles = append(profiles, p)
		if c := w.Catalogue(p); c != nil && app.CatalogueByID(cats, c.ID) == nil && app.CatalogueByID(set.Catalogues, c.ID) == nil {
			set.Catalogues = append(set.Catalogues, c)
		}
		for _, bid := range p.BronIDs() {
			if b := app.BronByID(w.bronnen, bid); b != nil && app.BronByID(bronnen, bid) == nil && app.BronByID(set.Bronnen, bid) == nil {
				set.Bronnen = append(set.Bronnen, b)
			}
		}
		if err := w.offlineProfile(st, p, &set, res); err != nil {
			return set, nil, err
		}
	}
	return set, profiles, nil
}

// offlineProfile adds one profile to what taking offline writes: new, or
// replacing a copy unchanged since it was taken.
func (w *Workspace) offlineProfile(st app.Store, p *app.Profile, set *app.ImportSet, res *OfflineResult) error {
	there, err := st.LoadProfile(w.ctx, p.ID)
	if errors.Is(err, app.ErrNotFound) {
		set.New = append(set.New, p)
		return nil
	}
	if err != nil {
		return err
	}
	changed, err := changedOffline(w, st, there)
	if err != nil {
		return err
	}
	if changed {
		return fmt.Errorf("profiel %q staat al in de offline bibliotheek en is daar gewijzigd sinds het werd meegenomen; breng het eerst terug. Er is niets gewijzigd", p.Title)
	}
	set.Merged = append(set.Merged, app.MergedProfile{Profile: p, SnapshotLabel: "voor opnieuw meenemen"})
	res.Replaced = append(res.Replaced, p.Title)
	return nil
}

// offlineBase is the state in which a profile was last taken offline to
// st (nil when it never was).
func offlineBase(w *Workspace, st app.Store, profileID string) (*app.Profile, error) {
	snaps, err := st.Snapshots(w.ctx, profileID)
	if err != nil {
		return nil, err
	}
	for i := len(snaps) - 1; i >= 0; i-- {
		if strings.HasPrefix(snaps[i].Label, OfflineLabel) {
			return st.LoadSnapshot(w.ctx, snaps[i].ID)
		}
	}
	return nil, nil
}

// changedOffline reports whether the offline copy differs from the state
// it was taken in (false when it was never taken: it is replaced, and kept
// in its history).
func changedOffline(w *Workspace, st app.Store, p *app.Profile) (bool, error) {
	base, err := offlineBase(w, st, p.ID)
	if err != nil || base == nil {
		return false, err
	}
	a, err := canonical(p)
	if err != nil {
		return false, err
	}
	b, err := canonical(base)
	return !bytes.Equal(a, b), err
}

// canonical is a profile in the exchange format without its time stamps.
func canonical(p *app.Profile) ([]byte, error) {
	q := p.Clone()
	q.Created, q.Modified = "", ""
	var buf bytes.Buffer
	err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{q}})
	return buf.Bytes(), err
}

// PlanBringBack works out how the profiles ids, taken offline to src,
// merge back into this library: three ways, against the state they were
// taken in; an element changed on both sides is a conflict to choose. No
// ids: every profile in src that was taken offline. A profile made offline
// (or deleted here meanwhile) comes back as new. Nothing is written.
func (w *Workspace) PlanBringBack(src app.Location, ids []string) (*ImportPlan, error) {
	st, err := src.Open(w.ctx, app.OpenReadOnly)
	if err != nil {
		return nil, &OpenError{Problem: src.Explain(err), Err: err}
	}
	defer st.Close()
	if len(ids) == 0 {
		if ids, err = takenOffline(w, st); err != nil {
			return nil, err
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("in %s staat geen profiel dat voor offline werk is meegenomen", src)
	}
	plan := &ImportPlan{}
	for _, id := range ids {
		if err := w.planBack(st, id, plan); err != nil {
			return nil, err
		}
	}
	return plan, nil
}

// takenOffline lists the profiles in st that were taken offline.
func takenOffline(w *Workspace, st app.Store) ([]string, error) {
	sums, err := st.ListProfiles(w.ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, s := range sums {
		base, err := offlineBase(w, st, s.ID)
		if err != nil {
			return nil, err
		}
		if base != nil {
			ids = append(ids, s.ID)
		}
	}
	return ids, nil
}

// planBack adds one profile coming back to the plan.
func (w *Workspace) planBack(st app.Store, id string, plan *ImportPlan) error {
	incoming, err := st.LoadProfile(w.ctx, id)
	if err != nil {
		return fmt.Errorf("profiel %s in de offline bibliotheek: %w", id, err)
	}
	if err := w.planReference(st, incoming, plan); err != nil {
		return err
	}
	if _, here := w.Summary(id); !here {
		plan.New = append(plan.New, incoming)
		return nil
	}
	local, err := w.Profile(id)
	if err != nil {
		return err
	}
	base, err := offlineBase(w, st, id)
	if err != nil {
		return err
	}
	m, err := app.PlanMerge(local, incoming, base)
	if err != nil {
		return err
	}
	if m.Changes() {
		plan.Merges = append(plan.Merges, m)
	} else {
		plan.Unchanged = append(plan.Unchanged, m)
	}
	return nil
}

// planReference adds the competency model and research sources a profile
// coming back needs and this library lacks.
func (w *Workspace) planReference(st app.Store, p *app.Profile, plan *ImportPlan) error {
	if app.CatalogueByID(w.catalogues, p.CatalogueID) == nil && app.CatalogueByID(plan.Catalogues, p.CatalogueID) == nil {
		cats, err := st.Catalogues(w.ctx)
		if err != nil {
			return err
		}
		if c := app.CatalogueByID(cats, p.CatalogueID); c != nil {
			plan.Catalogues = append(plan.Catalogues, c)
		}
	}
	var missing []string
	for _, id := range p.BronIDs() {
		if app.BronByID(w.bronnen, id) == nil && app.BronByID(plan.Bronnen, id) == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	bronnen, err := st.Bronnen(w.ctx)
	if err != nil {
		return err
	}
	for _, id := range missing {
		if b := app.BronByID(bronnen, id); b != nil {
			plan.Bronnen = append(plan.Bronnen, b)
		}
	}
	return nil
}

// ApplyBringBack writes the plan into this library (as ApplyImport: in one
// transaction, each merged profile frozen first in its history) and then
// makes the offline copies in src equal to the result, recorded as the new
// state taken offline: working on offline and bringing back again merges
// only what changes from now on.
func (w *Workspace) ApplyBringBack(src app.Location, plan *ImportPlan, choices Choices) (ImportResult, error) {
	res, err := w.ApplyImport(plan, choices)
	if err != nil {
		return res, err
	}
	var ids []string
	for _, p := range append(append([]*app.Profile{}, res.New...), res.Merged...) {
		ids = append(ids, p.ID)
	}
	if len(ids) == 0 {
		return res, nil
	}
	st, err := src.Open(w.ctx, app.OpenShared)
	if err != nil {
		return res, &OpenError{Problem: src.Explain(err), Err: err}
	}
	defer st.Close()
	if err := w.refreshOffline(st, ids); err != nil {
		return res, fmt.Errorf("de profielen zijn teruggebracht, maar de offline bibliotheek is niet bijgewerkt: %w", err)
	}
	return res, nil
}

// refreshOffline replaces the offline copies by this library's state and
// records it as the new base.
func (w *Workspace) refreshOffline(st app.Store, ids []string) error {
	var set app.ImportSet
	var profiles []*app.Profile
	for _, id := range ids {
		p, err := w.Profile(id)
		if err != nil {
			return err
		}
		p = p.Clone()
		profiles = append(profiles, p)
		set.Merged = append(set.Merged, app.MergedProfile{Profile: p, SnapshotLabel: "voor terugbrengen"})
	}
	if err := st.Import(w.ctx, set); err != nil {
		return err
	}
	label := OfflineLabel + " (teruggebracht naar " + w.loc.String() + " op " + time.Now().Format("2006-01-02 15:04") + ")"
	for _, p := range profiles {
		if _, err := st.SaveSnapshot(w.ctx, p, label); err != nil {
			return err
		}
	}
	return nil
}
