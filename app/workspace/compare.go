package workspace

import (
	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// Compare lines up two profiles of the library (the open one as it is
// being edited): the crosswalk of links with the mapping between their
// competency models and the designer's verdicts.
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
	c, err := w.NewComparison(old, nw)
	if err != nil {
		return nil, err
	}
	return c.Result, nil
}

// Comparison is a comparison a view keeps open: it compares again after
// every verdict, reusing what was read of the texts. It holds copies of
// the two profiles, so that the comparing itself (Run) can happen off the
// owner's goroutine while the designer goes on editing.
type Comparison struct {
	w        *Workspace
	Old, New *app.Profile
	Result   *compare.Result
	reader   *compare.Reader
	opt      compare.Options
}

// NewComparison compares two profiles (on the caller's goroutine).
func (w *Workspace) NewComparison(old, nw *app.Profile) (*Comparison, error) {
	c, err := w.PrepareComparison(old, nw)
	if err != nil {
		return nil, err
	}
	c.Run()
	return c, nil
}

// PrepareComparison copies two profiles and gathers the stored verdicts
// and mapping; Run then compares, on any goroutine.
func (w *Workspace) PrepareComparison(old, nw *app.Profile) (*Comparison, error) {
	c := &Comparison{w: w, Old: old.Clone(), New: nw.Clone()}
	c.reader = compare.NewReader(c.Old, c.New)
	return c, c.prepare()
}

func (c *Comparison) prepare() error {
	opt, err := c.w.compareOptions(c.Old, c.New)
	opt.Reader = c.reader
	c.opt = opt
	return err
}

// Run compares with what was prepared and sets Result.
func (c *Comparison) Run() {
	c.Result = compare.Compare(c.Old, c.New, c.opt)
}

// Decide stores the designer's verdict on a link (made by hand,
// confirmed, rejected); Run then compares again.
func (c *Comparison) Decide(d app.Decision) error {
	if err := c.w.store.SetKoppeling(c.w.ctx, c.Old.ID, c.New.ID, d); err != nil {
		return err
	}
	return c.prepare()
}

// Forget removes the verdict on a link; Run then compares again.
func (c *Comparison) Forget(oldID, newID string) error {
	if err := c.w.store.ForgetKoppeling(c.w.ctx, c.Old.ID, c.New.ID, oldID, newID); err != nil {
		return err
	}
	return c.prepare()
}

// Remap compares again after the mapping between the competency models
// changed; Run then compares.
func (c *Comparison) Remap() error { return c.prepare() }

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
	ds, err := w.store.Koppelingen(w.ctx, old.ID, nw.ID)
	opt.Decisions = ds
	return opt, err
}

// Mapping is the mapping between two competency models.
func (w *Workspace) Mapping(fromCat, toCat string) (compare.Mapping, error) {
	return w.store.Mapping(w.ctx, fromCat, toCat)
}

// SetMappingLink adds or removes one link between two competency models.
func (w *Workspace) SetMappingLink(fromID, toID string, linked bool) error {
	return w.store.SetMappingLink(w.ctx, fromID, toID, linked)
}
