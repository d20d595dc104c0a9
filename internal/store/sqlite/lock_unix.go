//go:build unix

package sqlite

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes f's exclusive flock if it is free. Each Exclusive call
// opens the file anew, and flock locks belong to the open file, so two
// calls in one process exclude each other as two processes do.
func tryLock(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

func unlock(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
