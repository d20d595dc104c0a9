//go:build linux

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// On Linux the peak RSS that wait4 reports for a child is at least its
// parent's: os/exec starts the child with vfork, and exec records the peak
// of the memory the child leaves, which is the parent's. Run from the test
// binary, chorus was charged the test binary's own peak, which the race
// detector multiplies: 230-250 MiB under -race against 150-170 MiB without,
// so TestHostileCorpus's budget failed under -race for memory that was
// never chorus's. peakCommand runs chorus through a launcher instead, a
// small program built for the purpose (the test binary itself starts at
// 64 MiB, 195 MiB under -race), which reports the peak of chorus alone.

// peakFileEnv names the file where the launcher writes the peak RSS (KiB)
// and the terminating signal of the command it ran.
const peakFileEnv = "CHORUS_TEST_PEAK_FILE"

const launcherSource = `package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
)

// Runs os.Args[1:], writes its peak RSS (KiB) and terminating signal to
// $` + peakFileEnv + `, and exits with its status.
func main() {
	// The command dies with the launcher (on a test's deadline); the
	// thread that Pdeathsig watches lives as long as the launcher.
	runtime.LockOSThread()
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(127)
	}
	var sig syscall.Signal
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		sig = ws.Signal()
	}
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	if err := os.WriteFile(os.Getenv("` + peakFileEnv + `"), fmt.Appendf(nil, "%d %d", peak, int(sig)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(127)
	}
	if sig != 0 {
		os.Exit(128 + int(sig))
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
`

var (
	launcherOnce sync.Once
	launcherOut  []byte
	launcherErr  error
)

// launcherBinary builds the launcher, the first time a test asks for it,
// and returns its path.
func launcherBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(binDir, "launcher")
	launcherOnce.Do(func() {
		src := filepath.Join(binDir, "launcher.go")
		if launcherErr = os.WriteFile(src, []byte(launcherSource), 0o644); launcherErr != nil {
			return
		}
		launcherOut, launcherErr = exec.Command("go", "build", "-o", bin, src).CombinedOutput()
	})
	if launcherErr != nil {
		t.Fatalf("go build launcher: %v\n%s", launcherErr, launcherOut)
	}
	return bin
}

// peakCommand returns a command that runs bin with args through the
// launcher, and a function that tells, once it has run, the peak RSS of
// bin alone (MiB) and the signal that ended it, if any.
func peakCommand(ctx context.Context, t *testing.T, bin string, args ...string) (*exec.Cmd, func(*os.ProcessState) (int64, syscall.Signal)) {
	t.Helper()
	report := filepath.Join(t.TempDir(), "peak")
	cmd := exec.CommandContext(ctx, launcherBinary(t), append([]string{bin}, args...)...)
	cmd.Env = append(os.Environ(), peakFileEnv+"="+report)
	return cmd, func(*os.ProcessState) (int64, syscall.Signal) {
		t.Helper()
		b, err := os.ReadFile(report)
		if err != nil {
			t.Fatalf("chorus %v: the launcher reported nothing: %v", args, err)
		}
		var kib int64
		var sig int
		if _, err := fmt.Sscanf(string(b), "%d %d", &kib, &sig); err != nil {
			t.Fatalf("launcher's report %q: %v", b, err)
		}
		return kib >> 10, syscall.Signal(sig)
	}
}
