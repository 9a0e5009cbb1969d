package compare

import (
	"slices"
	"sync"

	"bcpeditor/app"
)

// The text stage links the elements that no exact link (hand, lineage,
// code) reached: a werkproces with the werkzaamheden (or werkprocessen)
// whose texts carry its content, and then a kerntaak with the rollen (or
// kerntaken) that its werkprocessen went to.

// textStage holds what the text stage works on.
type textStage struct {
	mu         sync.Mutex // guards the features' caches after Compare returns (see Link.Shared)
	c          *crosswalk
	read       *Reader
	olds, news []*Unit // the elements taking part, in document order
	core       *corpus // over the texts (title and beschrijving) of the werkprocessen and werkzaamheden
	lists      *corpus // over the lists (kennis, vaardigheden …) of werkprocessen and rollen
	feat       map[*Unit]*features
}

// features is what the text stage knows of one element.
type features struct {
	unit        *Unit
	title, body []word
	terms       []string        // of title (twice), beschrijving and resultaat; a parent adds its children's
	listed      []string        // of the lists
	core, lists vector          // weighed terms of the texts and of the lists
	titleVec    vector          // weighed terms of the title
	titleSum    float64         // the sum of titleVec's weights
	comps       map[string]bool // competenties, in the new side's model
	seq         []seqWord       // content words of title and beschrijving
	pairs       map[[2]int32][]int32
	own         []int32 // sorted term IDs of title and beschrijving
}

// has reports whether the element's own title or beschrijving holds a
// term.
func (f *features) has(id int32) bool {
	_, ok := slices.BinarySearch(f.own, id)
	return ok
}

// candidate is a possible link with its strength.
type candidate struct {
	o, n *Unit
	s    float64
}

// The weights of the text stage, chosen on principle (see the README's
// section on the crosswalk) and measured on the bundled profiles.
const (
	// relative: an element links to every counterpart at least this share
	// as strong as its strongest (one-to-many both ways).
	relative = 0.8
	// maxLinks: no element gets more than this many links by text.
	maxLinks = 8
	// contextWeight: how much the lists and competenties (of a werkproces,
	// or of a werkzaamheid's rol) count beside the texts.
	contextWeight = 0.3
	// titleWeight: how much it counts that a counterpart holds the words
	// of an element's title (which says what the element is about).
	titleWeight = 0.25
)

func (c *crosswalk) linkByText() {
	t := c.newTextStage()
	if len(t.olds) == 0 || len(t.news) == 0 {
		return
	}
	t.read = c.opt.Reader
	if t.read == nil {
		t.read = newReader(c.old, c.new)
	}
	t.analyse()
	t.choose(t.scoreLeaves())
	t.choose(t.scoreParents())
	t.finish()
}

// newTextStage gathers the elements without exact links that the designer
// did not mark as vervallen or nieuw.
func (c *crosswalk) newTextStage() *textStage {
	t := &textStage{c: c, feat: map[*Unit]*features{}}
	for _, o := range c.old {
		if !c.exact[o] && !c.rejected[[2]string{o.ID, ""}] {
			t.olds = append(t.olds, o)
		}
	}
	for _, n := range c.new {
		if !c.exact[n] && !c.rejected[[2]string{"", n.ID}] {
			t.news = append(t.news, n)
		}
	}
	return t
}

// context is the element whose lists and competenties stand for u: a
// werkproces itself, a werkzaamheid its rol.
func context(u *Unit) *Unit {
	if u.Kind == app.KindWerkzaamheid && u.Parent != nil {
		return u.Parent
	}
	return u
}
