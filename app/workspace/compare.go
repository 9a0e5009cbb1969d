package workspace

import (
	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// Compare lines up two profiles of the library (the open one as it is
// being edited), with the mapping between their competency models and the
// designer's own pairs.
func (w *Workspace) Compare(oldID, newID string) (*compare.Result, error) {
	old, err := w.Profile(oldID)
	if err != nil {
		return nil, err
	}
	nw, err := w.Profile(newID)
	if err != nil {
		return nil, err
	}
	return w.CompareProfiles(old, nw)
}

// CompareProfiles lines up two profiles in memory (a snapshot against the
// live profile, say).
func (w *Workspace) CompareProfiles(old, nw *app.Profile) (*compare.Result, error) {
	opt, err := w.compareOptions(old, nw)
	if err != nil {
		return nil, err
	}
	return compare.Compare(old, nw, opt), nil
}

// compareOptions gathers what comparing two profiles needs.
func (w *Workspace) compareOptions(old, nw *app.Profile) (compare.Options, error) {
	opt := compare.Options{OldCatalogue: w.Catalogue(old), NewCatalogue: w.Catalogue(nw)}
	if old.CatalogueID != nw.CatalogueID {
		m, err := w.store.Mapping(w.ctx, old.CatalogueID, nw.CatalogueID)
		if err != nil {
			return opt, err
		}
		opt.Mapping = m
	}
	manual, err := w.store.ManualPairs(w.ctx, old.ID, nw.ID)
	opt.Manual = manual
	return opt, err
}

// SetManualPair pairs an old element with a new one by hand; newID ""
// keeps the old element unpaired; forget removes the designer's choice.
func (w *Workspace) SetManualPair(oldProfile, newProfile, oldID, newID string, forget bool) error {
	return w.store.SetManualPair(w.ctx, oldProfile, newProfile, oldID, newID, forget)
}

// Mapping is the mapping between two competency models.
func (w *Workspace) Mapping(fromCat, toCat string) (compare.Mapping, error) {
	return w.store.Mapping(w.ctx, fromCat, toCat)
}

// SetMappingLink adds or removes one link between two competency models.
func (w *Workspace) SetMappingLink(fromID, toID string, linked bool) error {
	return w.store.SetMappingLink(w.ctx, fromID, toID, linked)
}
