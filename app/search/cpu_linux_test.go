package search_test

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used: a keystroke's
// cost without the waiting for other processes on a busy machine.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
