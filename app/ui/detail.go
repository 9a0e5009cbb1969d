package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
)

// Rich-text pieces for read-only parts of the editor (review notes). User
// text goes into text segments and is never parsed as markup.

func para(text string) widget.RichTextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleParagraph}
}

func subheading(text string) widget.RichTextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleSubHeading}
}

func list(ordered bool, items []string) widget.RichTextSegment {
	l := &widget.ListSegment{Ordered: ordered}
	for _, it := range items {
		l.Items = append(l.Items, para(it))
	}
	return l
}

// section appends a titled block when there is something in it.
func section(segs []widget.RichTextSegment, title string, ordered bool, items []string) []widget.RichTextSegment {
	if len(items) == 0 {
		return segs
	}
	return append(segs, subheading(title), list(ordered, items))
}

// reviews appends the review annotations on one element.
func reviews(segs []widget.RichTextSegment, p *app.Profile, id string) []widget.RichTextSegment {
	var items []string
	for _, r := range p.Reviews {
		if r.ElementID != id {
			continue
		}
		head := lang.L(r.Aansluiting.Label())
		if r.Kind == app.ReviewAanvullend {
			head = lang.L("aanvullende informatie")
		}
		items = append(items, head+" — "+r.Source+": "+r.Toelichting)
	}
	return section(segs, lang.L("Beoordelingen en notities"), false, items)
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}
