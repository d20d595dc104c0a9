//go:build !unix

package sqlite

import (
	"os"
	"sync"
)

// Without flock the lock holds within one process only.
var processLock sync.Mutex

func tryLock(*os.File) (bool, error) { return processLock.TryLock(), nil }

func unlock(*os.File) { processLock.Unlock() }
