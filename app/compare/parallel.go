package compare

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// inParallel calls do(i) for every i in [0, n), spread over the
// processors; each i is done by one goroutine, in no particular order.
func inParallel(n int, do func(i int)) {
	inParallelWith(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { do(i) })
}

// inParallelWith is inParallel for work that needs room of its own: each
// goroutine makes its room once (with mine) and passes it to every do.
func inParallelWith[R any](n int, mine func() R, do func(room R, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		room := mine()
		for i := range n {
			do(room, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			room := mine()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(room, i)
			}
		})
	}
	wg.Wait()
}
