package workspace

import (
	"bcpeditor/app"
)

// Session is the profile open for editing: its editor (with undo and
// redo), its competency model and its validation problems. Every edit goes
// through Edit, Undo or Redo, which keep the search index, the problems
// and the library's list current and announce ProfileEdited.
type Session struct {
	w         *Workspace
	profile   *app.Profile
	editor    *app.Editor
	catalogue *app.Catalogue
	problems  []app.Problem
}

// OpenProfile starts editing a profile (closing the one that was open) and
// announces ProfileOpened.
func (w *Workspace) OpenProfile(id string) (*Session, error) {
	p, err := w.store.LoadProfile(w.ctx, id)
	if err != nil {
		return nil, err
	}
	s := &Session{w: w, profile: p, editor: app.NewEditor(w.ctx, w.store, p), catalogue: w.Catalogue(p)}
	s.problems = app.Validate(p, s.catalogue)
	w.session = s
	w.setPresent(id)
	w.emit(Event{Kind: ProfileOpened, ProfileID: id})
	return s, nil
}

// CloseProfile closes the open profile, if any.
func (w *Workspace) CloseProfile() {
	if w.session != nil {
		w.session = nil
		w.setPresent("")
		w.emit(Event{Kind: ProfileOpened})
	}
}

// Session is the open profile, or nil.
func (w *Workspace) Session() *Session { return w.session }

// Profile is the profile being edited; it reflects every edit at once.
// Read it on the owner's goroutine only.
func (s *Session) Profile() *app.Profile { return s.profile }

// Catalogue is the profile's competency model (nil when the library lacks
// it).
func (s *Session) Catalogue() *app.Catalogue { return s.catalogue }

// Problems are the validation messages of the profile as it is now.
func (s *Session) Problems() []app.Problem { return s.problems }

// Element returns the current flat form of an element.
func (s *Session) Element(id string) (app.Element, bool) { return s.editor.Element(id) }

// Children returns the current children of parent of the given kinds, in
// order.
func (s *Session) Children(parent string, kinds ...app.Kind) []app.Element {
	return s.editor.Children(parent, kinds...)
}

// Edit runs one or more edits of the editor as the designer made them;
// key is the field typed in, for a typing edit ("" otherwise). When the
// profile changed, the index, the problems and the library list follow and
// ProfileEdited is announced — also when a later edit in f failed, since
// the earlier ones are stored.
func (s *Session) Edit(key string, f func(ed *app.Editor) error) error {
	rev, meta := s.editor.Revision(), s.profile.Meta()
	err := f(s.editor)
	if s.editor.Revision() != rev {
		s.changed(key, "", meta)
	}
	return err
}

// CanUndo tells whether there is an edit to undo, and its label.
func (s *Session) CanUndo() (string, bool) { return s.editor.CanUndo() }

// CanRedo tells whether there is an undone edit to redo, and its label.
func (s *Session) CanRedo() (string, bool) { return s.editor.CanRedo() }

// Undo reverts the last edit; ok is false when there was nothing to undo.
func (s *Session) Undo() (label string, ok bool, err error) {
	meta := s.profile.Meta()
	label, ok, err = s.editor.Undo()
	if ok {
		s.changed("", label, meta)
	}
	return label, ok, err
}

// Redo applies the last undone edit again.
func (s *Session) Redo() (label string, ok bool, err error) {
	meta := s.profile.Meta()
	label, ok, err = s.editor.Redo()
	if ok {
		s.changed("", label, meta)
	}
	return label, ok, err
}

// changed brings what depends on the profile up to date and announces it.
func (s *Session) changed(key, label string, metaBefore app.ProfileMeta) {
	w := s.w
	s.problems = app.Validate(s.profile, s.catalogue)
	w.indexNow(s.profile)
	m := s.profile.Meta()
	if m.Title != metaBefore.Title || m.VersionLabel != metaBefore.VersionLabel || m.Status != metaBefore.Status ||
		m.Beroep != metaBefore.Beroep || m.Owner != metaBefore.Owner {
		w.refreshSummaries()
	}
	w.emit(Event{Kind: ProfileEdited, ProfileID: s.profile.ID, Key: key, Label: label})
}
