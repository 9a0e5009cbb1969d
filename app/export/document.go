package export

import (
	"io"
)

// document is what a profile document needs of a word-processing format.
// Word (docx.go), PDF (pdf.go) and HTML (html.go) implement it, so that all
// three carry the same content in the same order with the same numbering.
type document interface {
	// TitlePage writes the title page; the document's header and footer
	// start after it.
	TitlePage(t titlePage)
	// Contents writes a table of contents of the level 1 and 2 headings.
	Contents()
	// Heading writes a heading; level 1 starts a new page. The text holds
	// its number ("3.1 Kerntaak 1 …").
	Heading(text string, level int)
	Paragraph(text string)
	// Label is a short bold line that introduces what follows ("Kennis
	// van:") and stays with it.
	Label(text string)
	// Aside is a remark in italics about the text rather than text of
	// the profile or its sources: where a text comes from, what was noted
	// on entering a source. It stays with what follows.
	Aside(text string)
	// Provenance writes a text that is not the bcp's own (a finding of a
	// research): the line saying where it comes from in italics, then the
	// text set apart by a rule in the margin.
	Provenance(label string, bs []block)
	Bullets(items []string)
	// Numbered writes a numbered list; every list starts at 1.
	Numbered(items []string)
	Table(t table)
	PageBreak()
	Write(w io.Writer) error
}

// markedDocument can also show word diffs: a paragraph of pieces, some
// struck through (removed) and some marked (added). Word does.
type markedDocument interface {
	document
	Marked(parts []Part)
}

// Part is a run of text in a Marked paragraph.
type Part struct {
	Text    string
	Removed bool // struck through
	Added   bool // highlighted
	Shared  bool // marked as held by both sides of a crosswalk link
}

// docInfo is what a document says about itself: file properties, and the
// running header ("title — versie").
type docInfo struct {
	Title, Subject, Author, Version string
	Created, Modified               string // RFC 3339 or ""
	Description                     string
}

// titlePage is the first page of a profile document.
type titlePage struct {
	Title    string
	Subtitle string   // the beroep
	Lines    []string // versie, eigenaar, competentiemodel
	Status   []string // "Vastgesteld op 30 september 2010 te Amersfoort door …"
}

// table is a table whose cells hold paragraphs, labels and lists. Widths
// are percentages of the text width. Header rows repeat on every page.
type table struct {
	Widths []int
	Header []string
	Rows   [][]cell
}

// cell is one table cell; Span > 1 joins it with the cells to its right.
type cell struct {
	Blocks []block
	Span   int
	Shade  bool
}

// blockKind is what a block of text is.
type blockKind int

const (
	blockText blockKind = iota
	blockLabel
	blockBullets
	blockNumbered
	blockTable // only in running text, never inside a cell
)

// block is a paragraph, label, list or (in running text) a table.
type block struct {
	Kind  blockKind
	Text  string
	Items []string
	Table *table
}

func textCell(texts ...string) cell {
	var c cell
	for _, t := range texts {
		c.Blocks = append(c.Blocks, block{Kind: blockText, Text: t})
	}
	return c
}

// span returns c joined over n columns.
func (c cell) span(n int) cell { c.Span = n; return c }

// shaded returns c with the header shade.
func (c cell) shaded() cell { c.Shade = true; return c }

// add appends a labelled list (label, then bullets or numbers) to the
// cell when there are items.
func (c *cell) addList(label string, numbered bool, items []string) {
	if len(items) == 0 {
		return
	}
	if label != "" {
		c.Blocks = append(c.Blocks, block{Kind: blockLabel, Text: label})
	}
	kind := blockBullets
	if numbered {
		kind = blockNumbered
	}
	c.Blocks = append(c.Blocks, block{Kind: kind, Items: items})
}

// writeBlocks writes blocks of running text.
func writeBlocks(d document, bs []block) {
	for _, b := range bs {
		switch b.Kind {
		case blockText:
			d.Paragraph(b.Text)
		case blockLabel:
			d.Label(b.Text)
		case blockBullets:
			d.Bullets(b.Items)
		case blockNumbered:
			d.Numbered(b.Items)
		case blockTable:
			d.Table(*b.Table)
		}
	}
}
