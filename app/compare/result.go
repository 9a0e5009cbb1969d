package compare

import "bcpeditor/app"

// Status is what happened to an element between the old and the new side.
type Status string

// The statuses of an element, which follow from its links.
const (
	Unchanged Status = "ongewijzigd"  // one link, same content, same place
	Modified  Status = "gewijzigd"    // one link, other content (or another kind of element)
	Moved     Status = "verplaatst"   // one link, under another parent or elsewhere among its siblings
	Split     Status = "gesplitst"    // one old element in several new ones
	Merged    Status = "samengevoegd" // several old elements in one new one
	Added     Status = "nieuw"        // a new element without links
	Removed   Status = "vervallen"    // an old element without links
)

// Statuses lists every status in the order summaries name them.
var Statuses = []Status{Modified, Moved, Split, Merged, Added, Removed, Unchanged}

// Summary counts the rows per status.
type Summary map[Status]int

// Result is a whole comparison: every link between the two profiles, the
// status of every element, and the rows of the side-by-side view.
type Result struct {
	Old, New           *app.Profile
	OldUnits, NewUnits []*Unit // in document order
	// Links are all links, firm ones and suggestions, in the old
	// profile's document order and, per old element, the new one's.
	Links []*Link
	// Rows are the side-by-side view (see Row).
	Rows         []Row
	Summary      Summary
	Competenties CompetentieDiff // over the whole profile

	status           map[*Unit]Status
	ofOld, ofNew     map[*Unit][]*Link
	oldByID, newByID map[string]*Unit
}

// Row is one line of the side-by-side view. In a row of an old element,
// Old is set and Links holds its links to new elements (firm ones first,
// then suggestions, each group in the new profile's order); a row of a
// new element that no old element links to (not even by a suggestion) has
// only New. Rows come in the old profile's order, with each new-only
// element placed after the row of the old element whose counterpart
// precedes it in the new profile.
type Row struct {
	Old    *Unit
	Links  []*Link
	New    *Unit // new-only rows
	Status Status
}

// OneToOne is the row's only firm link when the old element maps to
// exactly one new element that no other old element maps to: the case in
// which the view shows word diffs (Link.Diff). Otherwise nil, and the
// view highlights each link's shared phrases (Link.Shared, Marks).
func (r Row) OneToOne() *Link {
	var one *Link
	for _, l := range r.Links {
		if l.firm() {
			if one != nil {
				return nil
			}
			one = l
		}
	}
	if one == nil || one.Diff == nil {
		return nil
	}
	return one
}

// Status is the status of an element of either side.
func (r *Result) Status(u *Unit) Status { return r.status[u] }

// LinksOf returns the links of an element of either side, suggestions
// included.
func (r *Result) LinksOf(u *Unit) []*Link {
	if ls, ok := r.ofOld[u]; ok {
		return ls
	}
	return r.ofNew[u]
}

// OldUnit and NewUnit find an element of either side by ID.
func (r *Result) OldUnit(id string) *Unit { return r.oldByID[id] }

// NewUnit finds an element of the new side by ID.
func (r *Result) NewUnit(id string) *Unit { return r.newByID[id] }
