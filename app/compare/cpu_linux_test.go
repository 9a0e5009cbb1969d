package compare_test

import (
	"time"

	"golang.org/x/sys/unix"
)

// processCPU is the CPU time the whole process has used, on every thread
// (the crosswalk reads texts on several): a crosswalk's cost without the
// waiting for other processes on a busy machine.
func processCPU() time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
