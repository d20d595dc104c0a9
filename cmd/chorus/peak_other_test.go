//go:build unix && !linux

package main

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"testing"
)

// peakCommand returns a command that runs bin with args, and a function
// that tells, once it has run, its peak RSS (MiB) and the signal that
// ended it, if any.
func peakCommand(ctx context.Context, t *testing.T, bin string, args ...string) (*exec.Cmd, func(*os.ProcessState) (int64, syscall.Signal)) {
	return exec.CommandContext(ctx, bin, args...), func(ps *os.ProcessState) (int64, syscall.Signal) {
		var peak int64
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			peak = int64(ru.Maxrss) >> 10 // kilobytes
			if runtime.GOOS == "darwin" {
				peak >>= 10 // bytes
			}
		}
		var sig syscall.Signal
		if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			sig = ws.Signal()
		}
		return peak, sig
	}
}
