package workspace

import (
	"context"
	"errors"

	"bcpeditor/app"
)

// Editing together: changes others make reach the workspace through
// RemoteChanges; the window hands each to ApplyRemote on its own
// goroutine, which brings the list, the search index and the open profile
// up to date and announces it with Event.Remote set.

// RemoteChanges are the changes made elsewhere to the library — other
// designers in a team library, the command line beside a window — and news
// about the connection, for as long as the workspace is open (the channel
// is closed by Close). It is nil when the library cannot tell. Read it on
// any goroutine and hand each change to ApplyRemote on the owner's:
//
//	go func() {
//		for c := range ws.RemoteChanges() {
//			fyne.Do(func() { ws.ApplyRemote(c, focusedFieldKey()) })
//		}
//	}()
func (w *Workspace) RemoteChanges() <-chan app.StoreChange {
	if _, ok := w.store.(app.Watcher); !ok {
		return nil
	}
	if w.remote == nil {
		w.remote = make(chan app.StoreChange, 8)
		w.startWatch()
	}
	return w.remote
}

// startWatch pumps the store's changes into w.remote (when watching was
// asked for).
func (w *Workspace) startWatch() {
	wt, ok := w.store.(app.Watcher)
	if !ok || w.remote == nil {
		return
	}
	ctx, cancel := context.WithCancel(w.ctx)
	ch, err := wt.Watch(ctx)
	if err != nil {
		cancel()
		w.connection, w.status = app.ConnectionLost, "De BCP Editor kan niet volgen wat anderen wijzigen; open de bibliotheek opnieuw om hun wijzigingen te zien."
		return
	}
	done := make(chan struct{})
	out := w.remote
	go func() {
		defer close(done)
		for c := range ch {
			select {
			case out <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	w.stopWatch = func() {
		cancel()
		<-done
	}
}

// endWatch stops pumping; closing also closes the channel.
func (w *Workspace) endWatch(closing bool) {
	if w.stopWatch != nil {
		w.stopWatch()
		w.stopWatch = nil
	}
	if closing && w.remote != nil {
		close(w.remote)
		w.remote = nil
	}
}

// Connection is the state of the connection to a library on a server and
// the last news about it in Dutch ("" when there was none).
func (w *Workspace) Connection() (app.Connection, string) { return w.connection, w.status }

// ApplyRemote brings one change made elsewhere into the workspace: the
// list of profiles, the search index, and the open profile — its changed
// elements are taken into the editor (keeping the undo steps that do not
// touch them) except the field the designer is typing in (typing: its key,
// "id/field" or "meta/…", or ""). It announces ConnectionChanged,
// LibraryChanged, ProfileEdited (Remote set) and PresenceChanged as they
// apply. Call it on the owner's goroutine.
func (w *Workspace) ApplyRemote(c app.StoreChange, typing string) error {
	if w.store == nil {
		return nil // closed meanwhile
	}
	if c.Connection != app.ConnectionOK {
		w.connection, w.status = c.Connection, c.Status
		if c.Connection == app.ConnectionRestored {
			w.connection = app.ConnectionOK
		}
		w.emit(Event{Kind: ConnectionChanged, Label: c.Status, Remote: true})
	}
	changed, err := w.remoteList(c)
	if err != nil {
		return err
	}
	for _, id := range c.Profiles {
		changed[id] = true
	}
	open := ""
	if w.session != nil {
		open = w.session.profile.ID
	}
	for id := range changed {
		if id != open {
			w.reindex(id)
		}
	}
	if open != "" && (changed[open] || c.All) {
		if err := w.reloadOpen(typing); err != nil {
			return err
		}
	}
	if c.Presence {
		w.emit(Event{Kind: PresenceChanged, Remote: true})
	}
	return nil
}

// remoteList reads the list again when the change asks for it and returns
// the profiles whose stamp changed, that came or that went.
func (w *Workspace) remoteList(c app.StoreChange) (map[string]bool, error) {
	changed := map[string]bool{}
	if !c.All && !c.List {
		return changed, nil
	}
	before := map[string]string{}
	for _, s := range w.summaries {
		before[s.ID] = s.Modified
	}
	var err error
	if c.All {
		err = w.Reload()
	} else {
		w.refreshSummaries()
	}
	if err != nil {
		return nil, err
	}
	for _, s := range w.summaries {
		if m, ok := before[s.ID]; !ok || m != s.Modified {
			changed[s.ID] = true
		}
		delete(before, s.ID)
	}
	for id := range before {
		changed[id] = true
	}
	return changed, nil
}

// reindex brings one profile that is not open up to date in the index
// (or takes it out when it is gone).
func (w *Workspace) reindex(id string) {
	p, err := w.store.LoadProfile(w.ctx, id)
	if errors.Is(err, app.ErrNotFound) {
		w.index.RemoveProfile(id)
		return
	}
	if err == nil {
		w.indexNow(p)
	}
}

// reloadOpen takes what is stored of the open profile into its editor.
func (w *Workspace) reloadOpen(typing string) error {
	s := w.session
	stored, err := w.store.LoadProfile(w.ctx, s.profile.ID)
	if errors.Is(err, app.ErrNotFound) {
		w.index.RemoveProfile(s.profile.ID)
		w.session = nil
		w.setPresent("")
		w.emit(Event{Kind: ProfileOpened, ProfileID: s.profile.ID, Remote: true, Label: "Het profiel dat u bewerkte is elders verwijderd."})
		return nil
	}
	if err != nil {
		return err
	}
	meta := s.profile.Meta()
	res := s.editor.ApplyRemote(stored, typing)
	if !res.Changed() && res.Held == "" {
		return nil
	}
	s.problems = app.Validate(s.profile, s.catalogue)
	w.indexNow(s.profile)
	if res.Meta && !sameSummary(meta, s.profile.Meta()) {
		w.refreshSummaries()
	}
	w.emit(Event{Kind: ProfileEdited, ProfileID: s.profile.ID, Remote: true, Elements: res.Elements, Held: res.Held,
		Label: "gewijzigd door een ander"})
	return nil
}

func sameSummary(a, b app.ProfileMeta) bool {
	return a.Title == b.Title && a.VersionLabel == b.VersionLabel && a.Status == b.Status && a.Beroep == b.Beroep && a.Owner == b.Owner
}

// setPresent tells a library that knows who is at work which profile is
// open; a failure only means others do not see it.
func (w *Workspace) setPresent(id string) {
	if p, ok := w.store.(app.Presence); ok && !(w.mode == app.OpenReadOnly) {
		_ = p.SetPresent(w.ctx, id)
	}
}

// OthersOnProfile names who else has the open profile open (nil when no
// profile is open or the library cannot tell), for the status bar.
func (w *Workspace) OthersOnProfile() []string { return w.PrepareOthers()() }

// PrepareOthers is OthersOnProfile in two stages: prepared on the owner's
// goroutine, the returned function asks the library on any goroutine (a
// server may be slow to answer). It asks about the profile open now.
func (w *Workspace) PrepareOthers() func() []string {
	p, ok := w.store.(app.Presence)
	if !ok || w.session == nil {
		return func() []string { return nil }
	}
	ctx, id := w.ctx, w.session.profile.ID
	return func() []string {
		names, err := p.Others(ctx, id)
		if err != nil {
			return nil
		}
		return names
	}
}

// KeepMine stores the edit the library refused with ce over what is stored
// now: the designer chose their own text in the conflict dialog.
func (s *Session) KeepMine(ce *app.ConflictError) error {
	rev, meta := s.editor.Revision(), s.profile.Meta()
	err := s.editor.KeepMine(ce)
	if s.editor.Revision() != rev {
		s.changed("", "uw versie gehouden", meta)
	}
	return err
}

// TakeTheirs drops the edit the library refused and takes what is stored
// now into the editor: the designer chose the other's text.
func (s *Session) TakeTheirs() error {
	s.editor.DropPending()
	return s.w.reloadOpen("")
}
