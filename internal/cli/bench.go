package cli

import (
	"flag"
	"fmt"
	"time"

	"github.com/chorusnews/chorus/internal/bench"
)

func runBench(e env, args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	n := fs.Int("articles", 10_000, "articles in the synthetic stream")
	data := fs.String("articles-file", "../shared/data/stories/allsides-dev.articles.jsonl", "JSON Lines articles the stream is built from")
	gold := fs.String("events-file", "../shared/data/stories/allsides-dev.gold.tsv", "TSV of article id → event that groups them (\"\" for none)")
	copies := fs.Float64("copies", 0.15, "share of syndicated copies")
	seed := fs.Uint64("seed", 42, "seed of the stream")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *n <= 0 {
		fmt.Fprintln(e.stderr, "chorus bench: --articles must be positive")
		return exitUsage
	}
	sources, err := bench.LoadSources(*data, *gold)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return exitEmpty
	}
	stream := bench.Stream(sources, bench.StreamOptions{Articles: *n, Days: max(30, *n/300), CopyShare: *copies, Seed: *seed})
	r := bench.Run(stream)
	fmt.Fprintf(e.stdout, "mode embedded (in memory: analyse, copies, stories, digests)\n")
	fmt.Fprintf(e.stdout, "articles %d  stories %d  elapsed %s\n", r.Articles, r.Stories, r.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "throughput %.0f articles/s  cost %.0f µs/article\n", r.PerSecond(), float64(r.Elapsed.Microseconds())/float64(r.Articles))
	fmt.Fprintf(e.stdout, "analysis latency p50 %s  p99 %s\n", r.Percentile(50), r.Percentile(99))
	fmt.Fprintf(e.stdout, "peak heap %.0f MiB\n", float64(r.PeakHeap)/(1<<20))
	return exitOK
}
