package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// background runs work off the UI goroutine and hands the result back to
// it with fyne.Do. Work never reads the live profile: it gets copies taken
// on the UI goroutine before it starts.
type background struct {
	wg sync.WaitGroup
	// queue holds the results' callbacks until wait, instead of fyne.Do:
	// tests set it (see queueBackgroundDone), so that callbacks run on the
	// test's goroutine as they would on the UI goroutine, while the work
	// itself runs on real goroutines.
	queue  bool
	mu     sync.Mutex
	queued []func()
}

// queueBackgroundDone makes new windows queue background callbacks until
// wait (tests set it; Fyne's test driver would run fyne.Do on the
// background goroutine).
var queueBackgroundDone bool

// run starts work on a goroutine of its own; done (optional) then runs on
// the UI goroutine.
func (b *background) run(work func(), done func()) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		work()
		if done != nil {
			b.deliver(done)
		}
	}()
}

// deliver runs f on the UI goroutine (queued until wait in tests); for
// goroutines that are not work started with run, such as the one that
// follows changes made elsewhere.
func (b *background) deliver(f func()) {
	if !b.queue {
		fyne.Do(f)
		return
	}
	b.mu.Lock()
	b.queued = append(b.queued, f)
	b.mu.Unlock()
}

// wait waits until every piece of work has finished and runs the queued
// callbacks (tests).
func (b *background) wait() {
	for {
		b.wg.Wait()
		b.mu.Lock()
		q := b.queued
		b.queued = nil
		b.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}
