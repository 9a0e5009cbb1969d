package compare

import (
	"math"
	"slices"
)

// Likeness of texts: TF-IDF vectors over Dutch word stems, compared by
// cosine. Words that occur everywhere ("junior", "accountmanager") weigh
// little; rare shared words ("klachten") weigh much.

type vector struct {
	ids []int32 // sorted term IDs
	w   []float64
}

// corpus numbers the terms of a set of documents and counts in how many
// documents each occurs.
type corpus struct {
	ids   map[string]int32
	terms []string // by ID
	df    []int
	last  []int // the last document that counted each term
	n     int
	idfs  []float64 // idf by ID (see weighTerms)
}

func newCorpus() *corpus { return &corpus{ids: map[string]int32{}} }

// add counts one document and returns the IDs of its terms.
func (c *corpus) add(terms []string) []int32 {
	c.n++
	out := make([]int32, len(terms))
	for i, t := range terms {
		id, ok := c.ids[t]
		if !ok {
			id = int32(len(c.df))
			c.ids[t] = id
			c.terms = append(c.terms, t)
			c.df = append(c.df, 0)
			c.last = append(c.last, 0)
		}
		if c.last[id] != c.n {
			c.last[id] = c.n
			c.df[id]++
		}
		out[i] = id
	}
	return out
}

// lookup returns the IDs of the terms the corpus knows.
func (c *corpus) lookup(terms []string) []int32 {
	out := make([]int32, 0, len(terms))
	for _, t := range terms {
		if id, ok := c.ids[t]; ok {
			out = append(out, id)
		}
	}
	return out
}

// weighTerms works out the weight of every term once all documents are
// added: high for rare terms. After it, vector is safe for concurrent use.
func (c *corpus) weighTerms() {
	c.idfs = make([]float64, len(c.df))
	for i, df := range c.df {
		c.idfs[i] = math.Log(1 + float64(c.n)/float64(df))
	}
}

// tally counts the terms of one document at a time: room of its own for
// each goroutine that weighs documents.
type tally struct {
	n   []int32 // per term ID
	ids []int32 // the terms counted, in the order first met
}

func newTally(terms int) *tally { return &tally{n: make([]int32, terms)} }

// count counts terms.
func (tl *tally) count(terms []int32) {
	for _, id := range terms {
		if tl.n[id] == 0 {
			tl.ids = append(tl.ids, id)
		}
		tl.n[id]++
	}
}

// vector weighs the terms counted in tl and normalises the result to
// length 1 (after weighTerms); tl is empty again after.
func (c *corpus) vector(tl *tally) vector {
	slices.Sort(tl.ids)
	v := vector{ids: slices.Clone(tl.ids), w: make([]float64, len(tl.ids))}
	norm := 0.0
	for i, id := range tl.ids {
		w := termFrequency(int(tl.n[id])) * c.idfs[id]
		v.w[i] = w
		norm += w * w
		tl.n[id] = 0
	}
	tl.ids = tl.ids[:0]
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range v.w {
			v.w[i] /= norm
		}
	}
	return v
}

// termFrequency is the weight of a term that occurs n times in a document:
// 1 + ln n.
func termFrequency(n int) float64 {
	if n < len(frequencies) {
		return frequencies[n]
	}
	return 1 + math.Log(float64(n))
}

// frequencies are the first termFrequencies, worked out once.
var frequencies = func() []float64 {
	out := make([]float64, 32)
	for n := 1; n < len(out); n++ {
		out[n] = 1 + math.Log(float64(n))
	}
	return out
}()

func cosine(a, b vector) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] == b.ids[j]:
			s += a.w[i] * b.w[j]
			i, j = i+1, j+1
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// dice is the overlap of two sets of IDs: 2|a∩b| / (|a|+|b|).
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	both := 0
	for k := range a {
		if b[k] {
			both++
		}
	}
	return 2 * float64(both) / float64(len(a)+len(b))
}
