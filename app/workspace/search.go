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
	w    *Workspace
	ids  []string
	open *app.Profile
	cats []*app.Catalogue
}

// IndexAll prepares indexing the whole library.
func (w *Workspace) IndexAll() *IndexJob {
	w.indexMu.Lock()
	w.indexedHere = map[string]bool{}
	w.indexMu.Unlock()
	j := &IndexJob{w: w, cats: w.catalogues}
	for _, s := range w.summaries {
		j.ids = append(j.ids, s.ID)
	}
	if w.session != nil {
		j.open = w.session.profile.Clone()
	}
	return j
}

// Run loads and indexes every profile. A profile that the owner indexed
// meanwhile (after an edit) is left as the owner indexed it.
func (j *IndexJob) Run() {
	w := j.w
	for _, id := range j.ids {
		var p *app.Profile
		if j.open != nil && j.open.ID == id {
			p = j.open
		} else {
			var err error
			if p, err = w.store.LoadProfile(w.ctx, id); err != nil {
				continue // deleted meanwhile
			}
		}
		w.indexMu.Lock()
		if !w.indexedHere[id] {
			w.index.SetProfile(p, j.cats)
		}
		w.indexMu.Unlock()
	}
}
