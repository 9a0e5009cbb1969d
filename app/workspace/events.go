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
	// ProfileEdited: the open profile changed (an edit, undo or redo, or a
	// change made elsewhere: see Remote).
	ProfileEdited
	// ConnectionChanged: the connection to a library on a server was lost
	// or came back; Label says so in Dutch for the status bar.
	ConnectionChanged
	// PresenceChanged: who else has the open profile open may have changed
	// (ask OthersOnProfile).
	PresenceChanged
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
	// Label describes an edit, undo or redo ("werkproces toevoegen"), or
	// the news of ConnectionChanged.
	Label string
	// Remote: the change was made elsewhere (another designer, another
	// program). A form keeps the field the designer is typing in.
	Remote bool
	// Elements are, for a change made elsewhere to the open profile, the
	// elements it changed, added or removed.
	Elements []string
	// Held is, for a change made elsewhere, the element ("meta" for the
	// profile's own fields) kept as the designer typed it: someone else
	// changed the very field being typed in, and the next save of it asks
	// the designer to choose.
	Held string
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
