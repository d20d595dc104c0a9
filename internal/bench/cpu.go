package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used so far, user and
// system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// serverCPU is the CPU time the local PostgreSQL and NATS servers have
// used so far, their exited children included (a PostgreSQL connection is
// a process of its own), read from /proc on Linux; found is false elsewhere
// or when neither runs here. The difference over a run is what the
// servers did for it, give or take whatever else used them meanwhile.
func serverCPU() (pg, nats time.Duration, found bool) {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // gone since the listing
		}
		comm, ticks, ok := parseStat(string(b))
		if !ok || comm != "postgres" && comm != "nats-server" {
			continue
		}
		// The kernel reports clock ticks of 1/100 s (USER_HZ) on every
		// Linux platform Go runs on.
		d := time.Duration(ticks) * 10 * time.Millisecond
		if comm == "postgres" {
			pg += d
		} else {
			nats += d
		}
		found = true
	}
	return pg, nats, found
}

// parseStat reads a process's name and CPU clock ticks (user and system,
// its exited children's included) from its /proc/PID/stat line.
func parseStat(s string) (comm string, ticks int64, ok bool) {
	// pid (comm) state ppid …: comm may hold spaces and parentheses, so
	// fields are counted from its last closing parenthesis.
	open, shut := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || shut < open {
		return "", 0, false
	}
	fields := strings.Fields(s[shut+1:])
	if len(fields) < 15 {
		return "", 0, false
	}
	for _, f := range fields[11:15] { // utime stime cutime cstime
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return "", 0, false
		}
		ticks += n
	}
	return s[open+1 : shut], ticks, true
}
