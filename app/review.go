package app

import (
	"fmt"
	"sort"
	"strings"
)

// Workshop ratings: what a designer records live while practitioners talk.
// A workshop is a source ("Workshop Utrecht") with a date; each element gets
// at most one rating per workshop, kept apart from other workshops'.

// ReviewItem is one thing to rate in workshop mode.
type ReviewItem struct {
	ElementID string
	Kind      Kind
	Code      string
	Text      string
	GroupID   string // the kerntaak or rol it belongs to
	Group     string // its code and title
}

// ReviewItems walks a profile in document order for rating: each
// werkproces (2010 style), or per rol the rol itself, its werkzaamheden,
// its competenties and its kennis-en-vaardigheden lines (2020 style), as
// the 2021 research rated them. group limits the walk to one kerntaak or
// rol ("" for all).
func ReviewItems(p *Profile, cat *Catalogue, group string) []ReviewItem {
	names := map[string]string{}
	if cat != nil {
		for _, c := range cat.Competenties {
			names[c.ID] = c.Name
		}
	}
	var out []ReviewItem
	for _, k := range p.Kerntaken {
		if group != "" && group != k.ID {
			continue
		}
		g := strings.TrimSpace(k.Code + " " + k.Title)
		for _, w := range k.Werkprocessen {
			out = append(out, ReviewItem{ElementID: w.ID, Kind: KindWerkproces, Code: w.Code, Text: w.Title, GroupID: k.ID, Group: g})
		}
	}
	for _, r := range p.Rollen {
		if group != "" && group != r.ID {
			continue
		}
		g := strings.TrimSpace(r.Code + " " + r.Title)
		text := r.Beschrijving
		if text == "" {
			text = r.Title
		}
		out = append(out, ReviewItem{ElementID: r.ID, Kind: KindRol, Code: r.Code, Text: text, GroupID: r.ID, Group: g})
		for _, w := range r.Werkzaamheden {
			out = append(out, ReviewItem{ElementID: w.ID, Kind: KindWerkzaamheid, Code: w.Code, Text: w.Text, GroupID: r.ID, Group: g})
		}
		for i, c := range r.Competenties {
			out = append(out, ReviewItem{ElementID: c.ID, Kind: KindCompetentie, Code: fmt.Sprint(i + 1), Text: names[c.Competentie], GroupID: r.ID, Group: g})
		}
		for i, l := range r.KennisEnVaardigheden {
			out = append(out, ReviewItem{ElementID: l.ID, Kind: KindKennisVaardigheid, Code: fmt.Sprint(i + 1), Text: l.Text, GroupID: r.ID, Group: g})
		}
	}
	return out
}

// Workshop is the source of ratings given in one session.
type Workshop struct {
	Name string // "Workshop Utrecht"
	Date string // ISO date
}

// Source is how the workshop is recorded on a review.
func (w Workshop) Source() string { return strings.TrimSpace(w.Name) }

// Rating returns this workshop's rating of an element, if any.
func (p *Profile) Rating(elementID string, w Workshop) *Review {
	for _, r := range p.Reviews {
		if r.ElementID == elementID && r.Kind == ReviewBeoordeling && r.Source == w.Source() && r.Date == w.Date {
			return r
		}
	}
	return nil
}

// ReviewsOf returns the reviews on an element, in order.
func (p *Profile) ReviewsOf(elementID string) []*Review {
	var out []*Review
	for _, r := range p.Reviews {
		if r.ElementID == elementID {
			out = append(out, r)
		}
	}
	return out
}

// Rate gives an element this workshop's rating, as one undoable step.
func (e *Editor) Rate(elementID string, w Workshop, a Aansluiting) error {
	r := Review{ID: NewID(), ElementID: elementID, Kind: ReviewBeoordeling, Source: w.Source(), Date: w.Date}
	if old := e.p.Rating(elementID, w); old != nil {
		r = *old
	}
	if r.Aansluiting == a && e.p.Rating(elementID, w) != nil {
		return nil
	}
	r.Aansluiting = a
	return e.EditReviews("beoordeling "+a.Label(), "", []Review{r}, nil)
}

// Note sets this workshop's toelichting on an element; typing merges into
// one undo step. An element without a rating gets "niet beoordeeld".
func (e *Editor) Note(elementID string, w Workshop, text string) error {
	r := Review{ID: NewID(), ElementID: elementID, Kind: ReviewBeoordeling, Aansluiting: AansluitingNietBeoordeeld, Source: w.Source(), Date: w.Date}
	if old := e.p.Rating(elementID, w); old != nil {
		r = *old
	}
	if r.Toelichting == text {
		return nil
	}
	r.Toelichting = text
	return e.EditReviews("toelichting", "review/"+r.ID, []Review{r}, nil)
}

// SetReview changes one review's rating and toelichting. A rating that
// was read from a report's words and is changed is the designer's from
// then on: it loses the mark "uit de tekst" (the quote stays).
func (e *Editor) SetReview(id string, a Aansluiting, toelichting string) error {
	r := e.review(id)
	if r == nil {
		return fmt.Errorf("beoordeling %s: %w", id, ErrNotFound)
	}
	if r.Aansluiting != a {
		r.UitTekst = false
	}
	r.Aansluiting, r.Toelichting = a, toelichting
	return e.EditReviews("beoordeling wijzigen", "", []Review{*r}, nil)
}

// RemoveReview removes one review annotation.
func (e *Editor) RemoveReview(id string) error {
	if e.review(id) == nil {
		return fmt.Errorf("beoordeling %s: %w", id, ErrNotFound)
	}
	return e.EditReviews("beoordeling verwijderen", "", nil, []string{id})
}

// RatingCounts counts ratings: how many goed, gedeeltelijk, onvoldoende and
// niet beoordeeld.
type RatingCounts map[Aansluiting]int

// String words the counts: "3× goed, 1× gedeeltelijk".
func (c RatingCounts) String() string {
	var parts []string
	for _, a := range []Aansluiting{AansluitingGoed, AansluitingGedeeltelijk, AansluitingOnvoldoende, AansluitingNietBeoordeeld} {
		if n := c[a]; n > 0 {
			word := map[Aansluiting]string{AansluitingGoed: "goed", AansluitingGedeeltelijk: "gedeeltelijk", AansluitingOnvoldoende: "onvoldoende", AansluitingNietBeoordeeld: "niet beoordeeld"}[a]
			parts = append(parts, fmt.Sprintf("%d× %s", n, word))
		}
	}
	if len(parts) == 0 {
		return "nog niet beoordeeld"
	}
	return strings.Join(parts, ", ")
}

// RatingsOf counts the ratings (beoordelingen) on an element over all
// workshops.
func (p *Profile) RatingsOf(elementID string) RatingCounts {
	c := RatingCounts{}
	for _, r := range p.Reviews {
		if r.ElementID == elementID && r.Kind == ReviewBeoordeling {
			c[r.Aansluiting]++
		}
	}
	return c
}

// Latest is the last rating given to an element (not "niet beoordeeld"), or
// "" when it has none.
func (p *Profile) Latest(elementID string) Aansluiting {
	var latest *Review
	for _, r := range p.Reviews {
		if r.ElementID == elementID && r.Kind == ReviewBeoordeling && r.Aansluiting != AansluitingNietBeoordeeld {
			if latest == nil || r.Date >= latest.Date {
				latest = r
			}
		}
	}
	if latest == nil {
		return ""
	}
	return latest.Aansluiting
}

// GroupSummary is one rol or kerntaak in the summary, like the research
// report's tables: each item with its ratings and notes, the counts, and
// the aanvullende informatie.
type GroupSummary struct {
	Group      string
	Items      []ItemSummary
	Counts     RatingCounts
	Aanvullend []string
}

// ItemSummary is one rated item.
type ItemSummary struct {
	ReviewItem
	Counts  RatingCounts
	Reviews []*Review
}

// Summarise gathers the ratings of a profile per rol or kerntaak; workshop
// limits them to one source ("" for all).
func Summarise(p *Profile, cat *Catalogue, source string) []GroupSummary {
	var out []GroupSummary
	index := map[string]int{}
	for _, it := range ReviewItems(p, cat, "") {
		gi, ok := index[it.GroupID]
		if !ok {
			gi = len(out)
			index[it.GroupID] = gi
			out = append(out, GroupSummary{Group: it.Group, Counts: RatingCounts{}})
			for _, r := range p.ReviewsOf(it.GroupID) {
				if r.Kind == ReviewAanvullend && (source == "" || r.Source == source) {
					out[gi].Aanvullend = append(out[gi].Aanvullend, r.Toelichting)
				}
			}
		}
		is := ItemSummary{ReviewItem: it, Counts: RatingCounts{}}
		for _, r := range p.ReviewsOf(it.ElementID) {
			if r.Kind != ReviewBeoordeling || (source != "" && r.Source != source) {
				continue
			}
			is.Reviews = append(is.Reviews, r)
			is.Counts[r.Aansluiting]++
			out[gi].Counts[r.Aansluiting]++
		}
		out[gi].Items = append(out[gi].Items, is)
	}
	return out
}

// Workshops lists the sources of the ratings on a profile, oldest first.
func (p *Profile) Workshops() []Workshop {
	seen := map[Workshop]bool{}
	var out []Workshop
	for _, r := range p.Reviews {
		w := Workshop{Name: r.Source, Date: r.Date}
		if r.Kind == ReviewBeoordeling && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
