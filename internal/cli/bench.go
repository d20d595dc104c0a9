package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/chorusnews/chorus/internal/bench"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

func runBench(e env, args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	n := fs.Int("articles", 10_000, "articles in the synthetic stream")
	data := fs.String("articles-file", "../shared/data/stories/allsides-dev.articles.jsonl", "JSON Lines articles the stream is built from")
	gold := fs.String("events-file", "../shared/data/stories/allsides-dev.gold.tsv", "TSV of article id → event that groups them (\"\" for none)")
	texts := fs.String("texts-dir", "../shared/data/attribution/polnear-train/text", "folder of .txt articles, one event each, added to the sources (\"\" for none)")
	copies := fs.Float64("copies", 0.15, "share of syndicated copies")
	seed := fs.Uint64("seed", 42, "seed of the stream")
	perDay := fs.Int("per-day", 300, "articles published per day")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	db := fs.String("db", "", "SQLite file to fill (default: a new file in a temporary folder, removed afterwards)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *n <= 0 || *perDay <= 0 {
		fmt.Fprintln(e.stderr, "chorus bench: --articles and --per-day must be positive")
		return exitUsage
	}
	sources, err := bench.LoadSources(*data, *gold)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return exitEmpty
	}
	if *texts != "" {
		more, err := bench.LoadTexts(*texts)
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
			return exitEmpty
		}
		sources = append(sources, more...)
	}
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "chorus-bench-")
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
			return exitEmpty
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	}
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %s: %v\n", path, err)
		return exitEmpty
	}
	defer st.Close()
	stream := bench.Stream(sources, bench.StreamOptions{Articles: *n, Days: max(1, *n / *perDay), CopyShare: *copies, Seed: *seed})
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: %s: %v\n", *cpuProfile, err)
			return exitUsage
		}
		defer pprof.StopCPUProfile()
	}
	r, err := bench.Embedded(context.Background(), st, stream)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return exitEmpty
	}
	report(e, "embedded (plain-text pages → clean → analyse → store → copies → stories → digests, SQLite)", r)
	return exitOK
}

func report(e env, mode string, r bench.Result) {
	fmt.Fprintf(e.stdout, "mode %s\n", mode)
	fmt.Fprintf(e.stdout, "articles %d  story writes %d  elapsed %s\n", r.Articles, r.StoriesWritten, r.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "throughput %.0f articles/s  cost %.0f µs/article\n", r.PerSecond(), float64(r.PerArticle().Nanoseconds())/1e3)
	fmt.Fprintf(e.stdout, "per-article clean+analyse latency p50 %s  p99 %s\n", r.Percentile(50).Round(time.Microsecond), r.Percentile(99).Round(time.Microsecond))
	fmt.Fprintf(e.stdout, "peak heap %.0f MiB  peak RSS %.0f MiB\n", float64(r.PeakHeap)/(1<<20), float64(r.PeakRSS)/(1<<20))
}
