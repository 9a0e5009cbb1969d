// Package compare makes the crosswalk between two profiles — two versions
// of one profile, or a 2010 profile of kerntaken against a 2020 one of
// rollen — and shows what changed.
//
// # Links
//
// Compare returns every Link from an old element (kerntaak, werkproces,
// rol, werkzaamheid) to a new one whose content carries over. An old
// element may link to several new ones and the reverse. The links come in
// stages, each on what the stages before it left:
//
//   - ByHand: the designer's own links (Options.Decisions, verdict Made),
//     and suggestions the designer confirmed (Confirmed, How stays ByText);
//     rejected links (Rejected) are never made, and a rejection with an
//     empty side marks an element vervallen or really nieuw.
//   - ByLineage: within one lineage (app.NewVersion) a new element links
//     to the old element it was copied from; exact, strength 1.
//   - ByCode: elements of the same kind and code that are still unlinked
//     (a profile typed in again).
//   - ByText: the rest, across structures too: werkproces ↔ werkzaamheid
//     (or werkproces) by the likeness of their texts (TF-IDF over taal's
//     stems, compound parts, separable verbs, elisions, -eren/-atie
//     pairs and taal.CommercialSynonyms; a werkproces's text is its
//     title, beschrijving and resultaat lines), weighed by
//     their context (the kennis and vaardigheden lines, and the
//     competenties through the competency-model Mapping, of a werkproces
//     or of a werkzaamheid's rol) and by how much of each other's title
//     they hold. Each element links to every counterpart at least 0.8 times
//     as strong as its best. Then kerntaak ↔ rol from their texts and from
//     how many of their children's links run between them. A link by text
//     below Options.Threshold is a Suggestion: shown, but not counted for
//     the statuses until the designer confirms it.
//
// # Statuses
//
// An element's Status follows from its firm links: none — nieuw or
// vervallen; several — gesplitst (one old in several new) or samengevoegd
// (several old in one new); exactly one on both sides — verplaatst (under
// a parent its old parent does not link to, or out of order among its
// siblings: the fewest moves that explain a reordering), gewijzigd (other
// content, or another kind of element) or ongewijzigd.
//
// # The side-by-side view
//
// Result.Rows is what a virtualised list renders row by row (the rows are
// computed once; rendering a row costs nothing more):
//
//   - A row of an old element has Old, its Status and its Links (firm ones
//     first, then suggestions; each group in the new profile's order).
//   - Row.OneToOne returns the link when the old element maps to exactly one
//     new element of the same kind that nothing else maps to; its Link.Diff
//     holds the word diffs (Title, Body, Lists item by item, Competenties)
//     to draw with struck-through and marked words.
//   - Otherwise each link's Shared gives the phrases and telling words both
//     texts hold, and Link.Marks(text) splits either element's title or
//     text into runs to highlight. Both are worked out when first asked,
//     so a view pays only for the rows it shows; they are safe to call
//     from several goroutines.
//   - A new element that nothing links to (not even a suggestion) has a row
//     with only New, placed after the row of the old element whose
//     counterpart precedes it in the new profile.
//
// Result.Status and Result.LinksOf answer for any element of either side;
// LinkLabel words how a link was made ("op tekst (0,42)", "suggestie
// (0,08)", "zelfde herkomst", "door u gekoppeld").
//
// # Output
//
// JSON gives the command line's --json: every link as one row of "paren"
// ({"status", "oud": {id, soort, code, titel, status}, "nieuw": {…},
// "gelijkenis", "gekoppeldOp", "suggestie", "besluit", "gedeeld"}), each
// element without links in a row with only "oud" or "nieuw". WriteHTML
// writes a printable report; the export package writes the Word report and
// the concordantietabel.
package compare
