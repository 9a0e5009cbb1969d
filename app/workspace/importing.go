package workspace

import (
	"fmt"
	"io"
	"strings"
	"time"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

// ImportPlan is what importing a file would do: new competency models and
// profiles, and merges of profiles the library already has. Nothing is
// written until ApplyImport.
type ImportPlan struct {
	// Report says what was read, repaired and left out of the file.
	Report     *export.ImportReport
	Catalogues []*app.Catalogue
	Bronnen    []*app.Bron // research sources the library lacks
	New        []*app.Profile
	Merges     []*app.MergePlan
	// Unchanged are merges that would change nothing: they are not written.
	Unchanged []*app.MergePlan
}

// Conflicts counts the elements changed on both sides, over all merges.
func (p *ImportPlan) Conflicts() int {
	n := 0
	for _, m := range p.Merges {
		n += len(m.Conflicts)
	}
	return n
}

// Summary words the plan for the designer: the dry run.
func (p *ImportPlan) Summary() string {
	var b strings.Builder
	if p.Report != nil {
		for _, l := range p.Report.Lines() {
			b.WriteString(l + "\n")
		}
	}
	for _, c := range p.Catalogues {
		fmt.Fprintf(&b, "Nieuw competentiemodel: %s (%d competenties)\n", c.Name, len(c.Competenties))
	}
	for _, br := range p.Bronnen {
		fmt.Fprintf(&b, "Nieuw onderzoek: %s\n", br.Label())
	}
	for _, np := range p.New {
		fmt.Fprintf(&b, "Nieuw profiel: %s (%s)\n", np.Title, np.VersionLabel)
	}
	for _, m := range p.Merges {
		b.WriteString(m.Summary())
	}
	for _, m := range p.Unchanged {
		fmt.Fprintf(&b, "Ongewijzigd: %s (%s) is gelijk aan de versie in de bibliotheek; er verandert niets.\n", m.Local.Title, m.Local.VersionLabel)
	}
	return b.String()
}

// PlanImport reads an exchange file or a CASE package and works out what
// importing it would do. A profile already in the library is merged
// against the version last sent from here. Bad input gives a Dutch
// sentence and changes nothing.
func (w *Workspace) PlanImport(r io.Reader) (*ImportPlan, error) {
	b, report, err := export.ReadImport(r, w.catalogues)
	if err != nil {
		return nil, err
	}
	plan := &ImportPlan{Report: report}
	for _, c := range b.Catalogues {
		if app.CatalogueByID(w.catalogues, c.ID) == nil {
			plan.Catalogues = append(plan.Catalogues, c)
		}
	}
	for _, br := range b.Bronnen {
		if app.BronByID(w.bronnen, br.ID) == nil {
			plan.Bronnen = append(plan.Bronnen, br)
		}
	}
	for _, p := range b.Profiles {
		if _, present := w.Summary(p.ID); !present {
			plan.New = append(plan.New, p)
			continue
		}
		m, err := w.planMerge(p)
		if err != nil {
			return nil, err
		}
		if m.Changes() {
			plan.Merges = append(plan.Merges, m)
		} else {
			plan.Unchanged = append(plan.Unchanged, m)
		}
	}
	return plan, nil
}

// planMerge works out how an incoming version of a profile in the library
// merges with it (the open one as it is being edited).
func (w *Workspace) planMerge(incoming *app.Profile) (*app.MergePlan, error) {
	local, err := w.Profile(incoming.ID)
	if err != nil {
		return nil, err
	}
	base, err := w.mergeBase(incoming.ID)
	if err != nil {
		return nil, err
	}
	return app.PlanMerge(local, incoming, base)
}

// mergeBase is the profile as it was last sent (nil when it never was).
func (w *Workspace) mergeBase(profileID string) (*app.Profile, error) {
	snaps, err := w.store.Snapshots(w.ctx, profileID)
	if err != nil {
		return nil, err
	}
	for i := len(snaps) - 1; i >= 0; i-- {
		if strings.HasPrefix(snaps[i].Label, ExchangeLabel) {
			return w.store.LoadSnapshot(w.ctx, snaps[i].ID)
		}
	}
	return nil, nil
}

// Choices are the designer's decisions on conflicts: per profile ID, per
// element ID ("" for the profile's own fields) which side to keep. Missing
// means the library's own version.
type Choices map[string]map[string]app.Side

// ImportResult says what an import did.
type ImportResult struct {
	New    []*app.Profile
	Merged []*app.Profile
}

// Locker is a library that a window can hold: merging into a profile a
// window may be editing waits until no window has the library.
type Locker interface {
	Exclusive() (release func(), err error)
}

// ApplyImport writes the plan in one transaction: the new models and
// profiles and every merged profile (each frozen first in its history), or
// nothing at all. A merged profile that is open is opened again.
func (w *Workspace) ApplyImport(plan *ImportPlan, choices Choices) (ImportResult, error) {
	set := app.ImportSet{Catalogues: plan.Catalogues, Bronnen: plan.Bronnen, New: plan.New}
	var res ImportResult
	for _, m := range plan.Merges {
		merged, err := m.Apply(choices[m.Local.ID])
		if err != nil {
			return res, err
		}
		label := "voor samenvoegen " + time.Now().Format("2006-01-02 15:04")
		set.Merged = append(set.Merged, app.MergedProfile{Profile: merged, SnapshotLabel: label})
		res.Merged = append(res.Merged, merged)
	}
	res.New = plan.New
	if set.Empty() {
		return res, nil
	}
	if len(set.Merged) > 0 && w.mode != app.OpenExclusive {
		if l, ok := w.store.(Locker); ok {
			release, err := l.Exclusive()
			if err != nil {
				return ImportResult{}, fmt.Errorf("de bibliotheek is geopend in een venster van de BCP Editor; voeg daar samen (Bestand → Importeren…) of sluit het venster. Er is niets gewijzigd")
			}
			defer release()
		}
	}
	if err := w.store.Import(w.ctx, set); err != nil {
		return ImportResult{}, err
	}
	return res, w.afterImport(res)
}

// afterImport brings the list, the index and the open profile up to date.
func (w *Workspace) afterImport(res ImportResult) error {
	reopen := ""
	for _, p := range res.Merged {
		if w.session != nil && w.session.profile.ID == p.ID {
			reopen = p.ID
		}
	}
	if err := w.Reload(); err != nil {
		return err
	}
	for _, p := range append(append([]*app.Profile{}, res.New...), res.Merged...) {
		w.indexNow(p)
	}
	if reopen != "" {
		if _, err := w.OpenProfile(reopen); err != nil {
			return err
		}
	}
	return nil
}
