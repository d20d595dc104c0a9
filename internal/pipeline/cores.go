package pipeline

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// onEveryCore calls fn(0) … fn(n-1), spread over the cores; fn must be
// safe to call at once for different i.
func onEveryCore(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
