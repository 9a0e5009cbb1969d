package workspace

import (
	"bcpeditor/app"
	"bcpeditor/app/search"
)

// Search finds competenties and elements of every profile; the window and
// the command line rank the same way. Safe to call from any goroutine.
func (w *Workspace) Search(query string, opt search.Options) []search.Result {
	return w.index.Search(query, opt)
}

// Index is the search index, for searching off the owner's goroutine (it
// is safe for concurrent use).
func (w *Workspace) Index() *search.Index { return w.index }

// indexNow (re)indexes a profile on the owner's goroutine.
func (w *Workspace) indexNow(p *app.Profile) {
	w.indexMu.Lock()
	w.indexedHere[p.ID] = true
	w.indexMu.Unlock()
	w.index.SetProfile(p, w.catalogues)
}

// IndexJob fills the search index with every profile of the library. Take
// it on the owner's goroutine (it copies what it needs) and Run it
// anywhere: the index can be searched while it fills.
type IndexJob struct {
	w     *Workspace
	store app.Store
	ids   []string
	open  *app.Profile
	cats  []*app.Catalogue
}

// IndexAll prepares indexing the whole library.
func (w *Workspace) IndexAll() *IndexJob {
	w.indexMu.Lock()
	w.indexedHere = map[string]bool{}
	w.indexMu.Unlock()
	j := &IndexJob{w: w, store: w.store, ids: w.profileIDs(), cats: w.catalogues}
	if w.session != nil {
		j.open = w.session.profile.Clone()
	}
	return j
}

// Run loads and indexes every profile. A profile that the owner indexed
// meanwhile (after an edit) is left as the owner indexed it. An error
// leaves the profiles indexed so far searchable.
func (j *IndexJob) Run() error {
	w := j.w
	return loadEach(w.ctx, j.store, j.ids, j.open, func(p *app.Profile) error {
		w.indexMu.Lock()
		defer w.indexMu.Unlock()
		if !w.indexedHere[p.ID] {
			w.index.SetProfile(p, j.cats)
		}
		return nil
	})
}
