package workspace

import (
	"fmt"

	"bcpeditor/app"
)

// CreateProfile stores a new profile, indexes it and opens it.
func (w *Workspace) CreateProfile(p *app.Profile) (*Session, error) {
	if err := w.store.SaveProfile(w.ctx, p); err != nil {
		return nil, err
	}
	w.indexNow(p)
	if err := w.Reload(); err != nil {
		return nil, err
	}
	return w.OpenProfile(p.ID)
}

// NewVersion stores a copy of a profile (the open one as it is now) as a
// new version under label, with status concept and a status history of its
// own, every element linked to its origin, and opens it.
func (w *Workspace) NewVersion(p *app.Profile, label string) (*Session, error) {
	return w.CreateProfile(app.NewVersion(p, label))
}

// DeleteProfile removes a profile with everything in it; the open profile
// is closed when it is the one.
func (w *Workspace) DeleteProfile(id string) error {
	if err := w.store.DeleteProfile(w.ctx, id); err != nil {
		return fmt.Errorf("profiel verwijderen: %w", err)
	}
	w.index.RemoveProfile(id)
	if w.session != nil && w.session.profile.ID == id {
		w.CloseProfile()
	}
	return w.Reload()
}

// Use is one werkproces or rol of a profile that uses a competentie.
type Use struct {
	ProfileID, ProfileTitle, VersionLabel string
	OwnerID                               string // the werkproces or rol
	Code, Title                           string
	RefID                                 string // the use itself
}

// CompetentieUses lists, per catalogue competentie ID, the werkprocessen
// and rollen of all profiles that use it.
func (w *Workspace) CompetentieUses() (map[string][]Use, error) {
	uses := map[string][]Use{}
	err := w.EachProfile(func(p *app.Profile) error {
		add := func(refs []*app.CompetentieRef, owner, code, title string) {
			for _, r := range refs {
				uses[r.Competentie] = append(uses[r.Competentie], Use{ProfileID: p.ID, ProfileTitle: p.Title,
					VersionLabel: p.VersionLabel, OwnerID: owner, Code: code, Title: title, RefID: r.ID})
			}
		}
		for _, k := range p.Kerntaken {
			for _, wp := range k.Werkprocessen {
				add(wp.Competenties, wp.ID, wp.Code, wp.Title)
			}
		}
		for _, r := range p.Rollen {
			add(r.Competenties, r.ID, "rol "+r.Code, r.Title)
		}
		return nil
	})
	return uses, err
}
