package export

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"bcpeditor/assets"
)

// The embedded DejaVu Sans: which characters it can draw and how wide they
// are. The PDF uses it to replace what it cannot draw instead of failing;
// the workbook to size its vertical headers.

type fontFace struct {
	once sync.Once
	f    *sfnt.Font
}

var dejaVuRegular, dejaVuBold fontFace

func (ff *fontFace) font(bold bool) *sfnt.Font {
	ff.once.Do(func() {
		regular, b := assets.Fonts()
		data := regular
		if bold {
			data = b
		}
		ff.f, _ = sfnt.Parse(data) // the embedded font is known good
	})
	return ff.f
}

func dejaVu(bold bool) *sfnt.Font {
	if bold {
		return dejaVuBold.font(true)
	}
	return dejaVuRegular.font(false)
}

// hasGlyph reports whether DejaVu Sans (regular and bold) can draw r.
func hasGlyph(r rune) bool {
	var buf sfnt.Buffer
	for _, bold := range []bool{false, true} {
		f := dejaVu(bold)
		if f == nil {
			return false
		}
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// textWidth is the width in points of s set in DejaVu Sans at size points.
func textWidth(s string, size float64, bold bool) float64 {
	f := dejaVu(bold)
	if f == nil {
		return float64(len([]rune(s))) * size * 0.6
	}
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(size * 64)
	total := 0.0
	for _, r := range s {
		i, err := f.GlyphIndex(&buf, r)
		if err != nil || i == 0 {
			total += size * 0.6
			continue
		}
		adv, err := f.GlyphAdvance(&buf, i, ppem, font.HintingNone)
		if err != nil {
			total += size * 0.6
			continue
		}
		total += float64(adv) / 64
	}
	return total
}

// glyphFilter replaces what DejaVu Sans cannot draw: control characters
// are dropped (a tab becomes a space), a character with a compatibility
// form the font has is replaced by it ("𝑑" → "d"), anything else (an
// emoji) is dropped. It remembers what it dropped, for a note.
type glyphFilter struct {
	dropped map[rune]int
}

// Clean returns s as the font can draw it.
func (g *glyphFilter) Clean(s string) string {
	clean := true
	for _, r := range s {
		if !drawable(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case drawable(r):
			b.WriteRune(r)
		case unicode.IsControl(r) || r == unicode.ReplacementChar || unicode.Is(unicode.Variation_Selector, r) || r == '\u200d':
			g.drop(r)
		default:
			if alt := norm.NFKD.String(string(r)); alt != string(r) && allDrawable(alt) {
				b.WriteString(alt)
			} else {
				g.drop(r)
			}
		}
	}
	return b.String()
}

func drawable(r rune) bool { return r == '\n' || (!unicode.IsControl(r) && hasGlyph(r)) }

func allDrawable(s string) bool {
	for _, r := range s {
		if !drawable(r) {
			return false
		}
	}
	return true
}

func (g *glyphFilter) drop(r rune) {
	if g.dropped == nil {
		g.dropped = map[rune]int{}
	}
	g.dropped[r]++
}

// Note is a Dutch sentence about what was dropped, or "" when nothing was.
func (g *glyphFilter) Note() string {
	if len(g.dropped) == 0 {
		return ""
	}
	var runes []rune
	n := 0
	for r, c := range g.dropped {
		runes = append(runes, r)
		n += c
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	var codes []string
	for _, r := range runes {
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	return fmt.Sprintf("In deze PDF zijn %d teken(s) weggelaten die het lettertype niet kan weergeven of die geen tekst zijn (%s). Het Word- en HTML-document bevatten de volledige tekst.",
		n, strings.Join(codes, ", "))
}
