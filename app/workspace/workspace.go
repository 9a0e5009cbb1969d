// Package workspace holds the use cases of the BCP Editor between its two
// faces — the window and the command line — and the core and the library.
// It owns the library (an app.Store opened through an app.Location), the
// competency models, the search index and the open profile's editor, and
// offers what both faces need: open, edit, undo, export, import with merge,
// compare, history, backups and restore. It announces changes as events,
// so that views refresh themselves.
//
// A Workspace belongs to one goroutine (the window's UI goroutine, or the
// command line's main): call its methods there. Background work (an
// export, building the search index) gets copies taken on that goroutine
// and never reads the live profile. The workspace knows nothing of Fyne
// and nothing of SQL.
package workspace

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"bcpeditor/app"
	"bcpeditor/app/search"
)

// Workspace is an open library with at most one profile open for editing.
type Workspace struct {
	ctx   context.Context
	loc   app.Location
	mode  app.OpenMode
	store app.Store

	summaries  []app.ProfileSummary
	catalogues []*app.Catalogue
	bronnen    []*app.Bron
	index      *search.Index
	// indexedHere marks profiles indexed on the owner's goroutine while a
	// background indexing run was going: the run must not overwrite them
	// with what it loaded earlier.
	indexMu     sync.Mutex
	indexedHere map[string]bool

	session   *Session
	listeners map[int]func(Event)
	nextID    int

	// Changes made elsewhere (see remote.go).
	remote     chan app.StoreChange
	stopWatch  func()
	connection app.Connection
	status     string
}

// OpenError is a library that could not be opened: the user's sentence and
// choices (Problem), with the cause for errors.Is.
type OpenError struct {
	Problem app.OpenProblem
	Err     error
}

func (e *OpenError) Error() string { return e.Problem.Message }

// Unwrap gives the cause.
func (e *OpenError) Unwrap() error { return e.Err }

// Open opens the library at loc and reads its profiles and competency
// models. A library that cannot be opened gives an *OpenError.
func Open(ctx context.Context, loc app.Location, mode app.OpenMode) (*Workspace, error) {
	st, err := loc.Open(ctx, mode)
	if err != nil {
		return nil, &OpenError{Problem: loc.Explain(err), Err: err}
	}
	w := New(ctx, loc, st, mode)
	if err := w.Reload(); err != nil {
		st.Close()
		return nil, err
	}
	return w, nil
}

// New makes a workspace over a library that is already open. Call Reload
// before use.
func New(ctx context.Context, loc app.Location, st app.Store, mode app.OpenMode) *Workspace {
	return &Workspace{ctx: ctx, loc: loc, mode: mode, store: st, index: search.New(),
		indexedHere: map[string]bool{}, listeners: map[int]func(Event){}}
}

// Close closes the library.
func (w *Workspace) Close() error {
	w.endWatch(true)
	w.session = nil
	if w.store == nil {
		return nil
	}
	err := w.store.Close()
	w.store = nil
	return err
}

// Warner is a library that opened with something the user should know
// (no room for today's backup, say).
type Warner interface {
	Warnings() []string
}

// Warnings are what opening the library found that the user should know,
// as Dutch sentences (none for most libraries).
func (w *Workspace) Warnings() []string {
	if wr, ok := w.store.(Warner); ok {
		return wr.Warnings()
	}
	return nil
}

// Location is where the library lives.
func (w *Workspace) Location() app.Location { return w.loc }

// ReadOnly reports whether every edit is refused: the library was opened
// read-only, or (a team library) the designer's role may only read.
func (w *Workspace) ReadOnly() bool {
	if ro, ok := w.store.(app.ReadOnlyStore); ok && ro.ReadOnly() {
		return true
	}
	return w.mode == app.OpenReadOnly
}

// Context is the workspace's context.
func (w *Workspace) Context() context.Context { return w.ctx }

// Reload reads the list of profiles and the competency models again and
// announces LibraryChanged.
func (w *Workspace) Reload() error {
	sums, err := w.store.ListProfiles(w.ctx)
	if err != nil {
		return fmt.Errorf("bibliotheek lezen: %w", err)
	}
	cats, err := w.store.Catalogues(w.ctx)
	if err != nil {
		return fmt.Errorf("competentiemodellen lezen: %w", err)
	}
	bronnen, err := w.store.Bronnen(w.ctx)
	if err != nil {
		return fmt.Errorf("onderzoeken lezen: %w", err)
	}
	w.summaries, w.catalogues, w.bronnen = sums, cats, bronnen
	w.index.SetCatalogues(cats)
	w.emit(Event{Kind: LibraryChanged})
	return nil
}

// Profiles lists the library's profiles, ordered by beroep and version.
func (w *Workspace) Profiles() []app.ProfileSummary { return w.summaries }

// Summary finds one profile of the library.
func (w *Workspace) Summary(id string) (app.ProfileSummary, bool) {
	for _, s := range w.summaries {
		if s.ID == id {
			return s, true
		}
	}
	return app.ProfileSummary{}, false
}

// Resolve finds the profile a user named: an id, an id prefix, or a part
// of its title.
func (w *Workspace) Resolve(query string) (app.ProfileSummary, error) {
	return app.ResolveProfile(w.summaries, query)
}

// Catalogues lists the library's competency models.
func (w *Workspace) Catalogues() []*app.Catalogue { return w.catalogues }

// Bronnen lists the library's research sources (onderzoeken).
func (w *Workspace) Bronnen() []*app.Bron { return w.bronnen }

// Catalogue returns the competency model of a profile, or nil.
func (w *Workspace) Catalogue(p *app.Profile) *app.Catalogue {
	if p == nil {
		return nil
	}
	return app.CatalogueByID(w.catalogues, p.CatalogueID)
}

// Profile returns a whole profile: the open one as it is being edited, any
// other as stored. Read it on the owner's goroutine; background work takes
// a Clone.
func (w *Workspace) Profile(id string) (*app.Profile, error) {
	if s := w.session; s != nil && s.profile.ID == id {
		return s.profile, nil
	}
	p, err := w.store.LoadProfile(w.ctx, id)
	if errors.Is(err, app.ErrNotFound) {
		return nil, fmt.Errorf("profiel %s staat niet (meer) in de bibliotheek: %w", id, err)
	}
	return p, err
}

// EachProfile calls f with every profile of the library in order (the open
// one as it is being edited). It stops at the first error.
func (w *Workspace) EachProfile(f func(p *app.Profile) error) error {
	var open *app.Profile
	if w.session != nil {
		open = w.session.profile
	}
	return loadEach(w.ctx, w.store, w.profileIDs(), open, f)
}

func (w *Workspace) profileIDs() []string {
	ids := make([]string, len(w.summaries))
	for i, s := range w.summaries {
		ids[i] = s.ID
	}
	return ids
}

// loadEach is the one walk over every profile: it hands f each profile of
// ids, loaded from the library, or open for the one that is open. A
// profile deleted meanwhile is left out.
func loadEach(ctx context.Context, st app.Store, ids []string, open *app.Profile, f func(p *app.Profile) error) error {
	for _, id := range ids {
		p := open
		if open == nil || open.ID != id {
			var err error
			if p, err = st.LoadProfile(ctx, id); errors.Is(err, app.ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
		}
		if err := f(p); err != nil {
			return err
		}
	}
	return nil
}

// refreshSummaries reads the list of profiles again after a change to one
// profile's own fields (title, version, status).
func (w *Workspace) refreshSummaries() {
	if sums, err := w.store.ListProfiles(w.ctx); err == nil {
		w.summaries = sums
		w.emit(Event{Kind: LibraryChanged})
	}
}
