// Package compare lines up two profiles (an old and a new version, or a
// 2010 profile of kerntaken against a 2020 one of rollen) and shows what
// changed: elements are paired by their lineage link, then by code, then by
// the likeness of their texts; texts and lists get a word-level diff.
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
	// Trim the common head and tail: most edits are local.
	pre := 0
	for pre < len(ka) && pre < len(kb) && ka[pre] == kb[pre] {
		pre++
	}
	suf := 0
	for suf < len(ka)-pre && suf < len(kb)-pre && ka[len(ka)-1-suf] == kb[len(kb)-1-suf] {
		suf++
	}
	var out []Span
	add := func(op Op, s string) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += s
			return
		}
		out = append(out, Span{op, s})
	}
	for _, t := range b[:pre] {
		add(Equal, t)
	}
	ma, mb := ka[pre:len(ka)-suf], kb[pre:len(kb)-suf]
	ta, tb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	// LCS table over the middle.
	n, m := len(ma), len(mb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else if lcs[i+1][j] >= lcs[i][j+1] {
				lcs[i][j] = lcs[i+1][j]
			} else {
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ma[i] == mb[j]:
			add(Equal, tb[j])
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			add(Insert, tb[j])
			j++
		default:
			add(Delete, ta[i])
			i++
		}
	}
	for _, t := range b[len(b)-suf:] {
		add(Equal, t)
	}
	return out
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
