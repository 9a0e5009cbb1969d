package search

// Typos and abbreviations, word by word: an edit distance that counts a
// swap of two letters as one edit (optimal string alignment), against the
// whole word and against its start.

// typoDistance is the edit distance of q to w (full) and to the closest
// start of w (prefix), each at most k+1.
func typoDistance(q, w string, k int) (full, prefix int) {
	n := len(q)
	m := min(len(w), n+k)
	// Three rows of the table: two back for swaps.
	var buf [3][40]int
	var prev2, prev, cur []int
	if m < 40 {
		prev2, prev, cur = buf[0][:m+1], buf[1][:m+1], buf[2][:m+1]
	} else {
		prev2, prev, cur = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			cost := 1
			if q[i-1] == w[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && q[i-1] == w[j-2] && q[i-2] == w[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return k + 1, k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	full, prefix = k+1, k+1
	if len(w) <= n+k {
		full = min(prev[len(w)], k+1)
	}
	for j := max(1, n-k); j <= m; j++ {
		prefix = min(prefix, prev[j])
	}
	return full, prefix
}

// isAbbreviation reports whether q is w with letters left out: same first
// letter, the rest in order, and at least half of w's letters there
// ("klntgrcht" for "klantgericht").
func isAbbreviation(q, w string) bool {
	if len(q) < 4 || 2*len(q) < len(w) || q[0] != w[0] {
		return false
	}
	j := 1
	for i := 1; i < len(q); i++ {
		for j < len(w) && w[j] != q[i] {
			j++
		}
		if j == len(w) {
			return false
		}
		j++
	}
	return true
}
