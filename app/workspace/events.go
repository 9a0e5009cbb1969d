package workspace

// EventKind says what changed.
type EventKind int

// The changes views react to.
const (
	// LibraryChanged: profiles were added, removed or renamed, or the
	// competency models changed.
	LibraryChanged EventKind = iota
	// ProfileOpened: another profile is open for editing (or none is).
	ProfileOpened
	// ProfileEdited: the open profile changed (an edit, undo or redo).
	ProfileEdited
)

// Event is one announced change.
type Event struct {
	Kind EventKind
	// ProfileID is the profile concerned ("" for the library as a whole).
	ProfileID string
	// Key is the edit key of a typing edit in one field: the element's ID
	// (or "meta" for the profile's own fields), a slash, and the field. The
	// field that was typed in is already up to date, so a form need not be
	// rebuilt for it. Empty for every other change.
	Key string
	// Label describes an edit, undo or redo ("werkproces toevoegen").
	Label string
}

// Subscribe calls f with every event, on the goroutine that caused it
// (the owner's). It returns a function that ends the subscription.
func (w *Workspace) Subscribe(f func(Event)) (cancel func()) {
	id := w.nextID
	w.nextID++
	w.listeners[id] = f
	return func() { delete(w.listeners, id) }
}

func (w *Workspace) emit(e Event) {
	// In subscription order, so that views refresh in a stable order.
	for id := 0; id < w.nextID; id++ {
		if f, ok := w.listeners[id]; ok {
			f(e)
		}
	}
}
