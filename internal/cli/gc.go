package cli

import (
	"os"
	"runtime/debug"
)

// tuneGC trades memory for time on the long runs: the pipeline allocates
// much short-lived garbage (words, sentences, maps per article), and with
// Go's default of collecting at twice the live heap the collector took a
// seventh of the CPU. Collecting at four times the live heap, under a soft
// ceiling of 3 GiB, measured 12% more articles/s (chorus bench, 30k). The
// GOGC and GOMEMLIMIT environment variables still decide when set.
//
// chorus extract keeps Go's own settings: it holds little live (a page or
// two per core), but each HTML page's extraction makes tens of megabytes
// of garbage (go-trafilatura clones the page's tree several times), so
// collecting at four times the live heap doubled its peak memory (AEB:
// 105 -> 205 MiB, where go-trafilatura alone peaks at 105-125 MiB) for a
// sixth less CPU.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(300)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(3 << 30)
	}
}
