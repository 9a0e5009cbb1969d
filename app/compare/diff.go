package compare

import (
	"strings"
	"unicode"
)

// Op is one step of a word diff.
type Op int

// The steps of a word diff.
const (
	Equal Op = iota
	Delete
	Insert
)

// Span is a run of words with the same Op. Text keeps the words' own
// spacing, so joining the spans of one side gives that side's text.
type Span struct {
	Op   Op
	Text string
}

// WordDiff diffs two texts word by word (a longest common subsequence over
// words; spacing does not count, case and accents do), so that a changed
// word shows as one word struck through and one added.
func WordDiff(old, new string) []Span {
	if old == new {
		if new == "" {
			return nil
		}
		return []Span{{Equal, new}}
	}
	a, b := tokens(old), tokens(new)
	ka, kb := keys(a), keys(b)
	pre, suf := commonEnds(ka, kb) // most edits are local
	var d spanBuilder
	for _, t := range b[:pre] {
		d.add(Equal, t)
	}
	ma, mb := ka[pre:len(ka)-suf], kb[pre:len(kb)-suf]
	d.walk(lcsTable(ma, mb), ma, mb, a[pre:len(a)-suf], b[pre:len(b)-suf])
	for _, t := range b[len(b)-suf:] {
		d.add(Equal, t)
	}
	return d.spans
}

// commonEnds counts the words two texts share at their start and, after
// that, at their end.
func commonEnds(ka, kb []string) (pre, suf int) {
	for pre < len(ka) && pre < len(kb) && ka[pre] == kb[pre] {
		pre++
	}
	for suf < len(ka)-pre && suf < len(kb)-pre && ka[len(ka)-1-suf] == kb[len(kb)-1-suf] {
		suf++
	}
	return pre, suf
}

// lcsTable holds, for every i, j, the length of the longest common
// subsequence of ma[i:] and mb[j:].
func lcsTable(ma, mb []string) [][]int32 {
	n, m := len(ma), len(mb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case ma[i] == mb[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	return lcs
}

// spanBuilder collects a diff, joining runs of the same Op.
type spanBuilder struct{ spans []Span }

func (d *spanBuilder) add(op Op, s string) {
	if s == "" {
		return
	}
	if n := len(d.spans); n > 0 && d.spans[n-1].Op == op {
		d.spans[n-1].Text += s
		return
	}
	d.spans = append(d.spans, Span{op, s})
}

// walk follows the table from the start, keeping common words and
// emitting the others as deleted (old side) or inserted (new side).
func (d *spanBuilder) walk(lcs [][]int32, ma, mb, ta, tb []string) {
	i, j, n, m := 0, 0, len(ma), len(mb)
	for i < n || j < m {
		switch {
		case i < n && j < m && ma[i] == mb[j]:
			d.add(Equal, tb[j])
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			d.add(Insert, tb[j])
			j++
		default:
			d.add(Delete, ta[i])
			i++
		}
	}
}

// Changed reports whether a diff has any deletion or insertion.
func Changed(spans []Span) bool {
	for _, s := range spans {
		if s.Op != Equal {
			return true
		}
	}
	return false
}

// tokens splits a text into words, each with the spaces that follow it.
func tokens(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func keys(ts []string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = strings.TrimSpace(t)
	}
	return out
}
