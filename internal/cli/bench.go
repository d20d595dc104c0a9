package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/bench"
	"github.com/chorusnews/chorus/internal/news"
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
	mode := fs.String("mode", "embedded", "embedded (one process, SQLite), scale-out (NATS queue, chorus worker processes, PostgreSQL), both, warc (a WARC archive of --warc-mb built, then ingested), or html (go-trafilatura alone and chorus extract on the pages of --dir, side by side)")
	dir := fs.String("dir", "../shared/data/extraction/aeb/html", "with --mode html: the pages (a folder or file, as for chorus extract)")
	rounds := fs.Int("rounds", 3, "with --mode html: runs of each engine, alternating")
	engine := fs.String("engine", "", "with --mode html: run this engine alone in this process and print its figures as JSON (go-trafilatura, go-trafilatura-nofallback or chorus)")
	library := fs.String("library", "go-trafilatura", "with --mode html: the library run beside chorus: go-trafilatura (its fallback on, as its command ships it) or go-trafilatura-nofallback (its zero Options)")
	extractWorkers := fs.Int("extract-workers", 0, "with --mode html: the pages Chorus extracts at once (0: one per core)")
	warcMB := fs.Int64("warc-mb", 1024, "with --mode warc: the archive's size in MiB")
	workers := fs.String("workers", "1,2", "with scale-out: the worker counts to measure, comma-separated")
	concurrency := fs.Int("concurrency", 1, "with scale-out: each worker's --concurrency, the cores it uses")
	pgURL := fs.String("postgres", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "with scale-out: the PostgreSQL database (the run makes and drops a schema of its own)")
	natsURL := fs.String("queue", "nats://127.0.0.1:4222", "with scale-out: the NATS JetStream server (the run makes and deletes a stream of its own)")
	db := fs.String("db", "", "SQLite file to fill (default: a new file in a temporary folder, removed afterwards)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *mode == "html" {
		return benchHTML(e, *dir, fs.Args(), bench.Engine(*engine), bench.Engine(*library), *rounds, *extractWorkers)
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
	streamOf := func() iter.Seq[news.Article] {
		return bench.Stream(sources, bench.StreamOptions{Articles: *n, Days: max(1, *n / *perDay), CopyShare: *copies, Seed: *seed})
	}
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
	switch *mode {
	case "embedded", "scale-out", "both":
	case "warc":
		if !benchWARC(e, *db, streamOf(), *warcMB<<20) {
			return exitEmpty
		}
		return exitOK
	default:
		fmt.Fprintf(e.stderr, "chorus bench: unknown --mode %q (embedded, scale-out, both, warc or html)\n", *mode)
		return exitUsage
	}
	if *mode != "scale-out" && !benchEmbedded(e, *db, streamOf()) {
		return exitEmpty
	}
	if *mode == "embedded" {
		return exitOK
	}
	bin, err := os.Executable()
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return exitEmpty
	}
	var first float64
	for _, w := range strings.Split(*workers, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(w))
		if err != nil || k < 1 {
			fmt.Fprintf(e.stderr, "chorus bench: --workers %q: want counts like 1,2\n", *workers)
			return exitUsage
		}
		r, err := bench.ScaleOut(context.Background(), streamOf(), bench.ScaleOutOptions{Binary: bin, Postgres: *pgURL, NATS: *natsURL, Workers: k, Concurrency: *concurrency})
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: scale-out with %d workers: %v\n", k, err)
			return exitEmpty
		}
		report(e, fmt.Sprintf("scale-out, %d worker(s) of %d core(s) each (queued plain-text pages → chorus worker → PostgreSQL)", k, *concurrency), r)
		if first == 0 {
			first = r.PerSecond()
		} else {
			fmt.Fprintf(e.stdout, "speed-up over the first count %.2f×\n", r.PerSecond()/first)
		}
	}
	return exitOK
}

// benchHTML measures go-trafilatura alone beside Chorus on the pages of dir
// (and paths), each engine run rounds times in a child process of its own;
// with engine set, it is that child.
func benchHTML(e env, dir string, paths []string, engine, library bench.Engine, rounds, workers int) int {
	if len(paths) == 0 {
		paths = []string{dir}
	}
	if engine != "" {
		// Go's own collector settings, not those of chorus bench
		// (tuneGC): the library's users run it so, and so does chorus
		// extract.
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(100)
		}
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(math.MaxInt64)
		}
		r, err := bench.ExtractHTML(engine, paths, workers)
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
			return exitEmpty
		}
		if err := json.NewEncoder(e.stdout).Encode(r); err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
			return exitEmpty
		}
		return exitOK
	}
	switch library {
	case "":
		library = bench.EngineLibrary
	case bench.EngineLibrary, bench.EngineLibraryNoFallback:
	default:
		fmt.Fprintf(e.stderr, "chorus bench: --library %q: want %s or %s\n", library, bench.EngineLibrary, bench.EngineLibraryNoFallback)
		return exitUsage
	}
	bin, err := os.Executable()
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return exitEmpty
	}
	runs, err := bench.CompareHTML(context.Background(), bench.CompareOptions{Binary: bin, Paths: paths, Rounds: rounds, Workers: workers, Library: library})
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return exitEmpty
	}
	fmt.Fprintf(e.stdout, "mode html (%s; each engine in a process of its own, %d round(s), alternating)\n", strings.Join(paths, " "), max(1, rounds))
	msPerPage := func(r bench.HTMLResult) float64 { return float64(r.CPUPerPage().Microseconds()) / 1e3 }
	mib := func(b uint64) float64 { return float64(b) / (1 << 20) }
	for _, r := range runs {
		fmt.Fprintf(e.stdout, "  run %-25s %4d pages  %6.1f pages/s  CPU %5.2f s (%4.1f ms/page; process %5.2f s)  peak RSS %4.0f MiB\n",
			r.Engine, r.Pages, r.PerSecond(), r.CPU.Seconds(), msPerPage(r), r.ProcessCPU.Seconds(), mib(r.PeakRSS))
	}
	lib, _ := bench.MedianHTML(runs, library)
	ch, _ := bench.MedianHTML(runs, bench.EngineChorus)
	for _, m := range []bench.HTMLResult{lib, ch} {
		fmt.Fprintf(e.stdout, "median %-22s %6.1f pages/s  CPU %4.1f ms/page  peak RSS %4.0f MiB (%d of %d pages extracted)\n",
			m.Engine, m.PerSecond(), msPerPage(m), mib(m.PeakRSS), m.Extracted, m.Pages)
	}
	fmt.Fprintf(e.stdout, "chorus / %s: speed %.2f×  CPU %.2f×  peak RSS %.2f×\n", lib.Engine, ch.PerSecond()/lib.PerSecond(), ch.CPU.Seconds()/lib.CPU.Seconds(), float64(ch.PeakRSS)/float64(lib.PeakRSS))
	return exitOK
}

// benchWARC builds a WARC archive of size bytes from the stream and
// measures its ingestion into the SQLite file path (or a temporary one).
func benchWARC(e env, path string, stream iter.Seq[news.Article], size int64) bool {
	dir, err := os.MkdirTemp("", "chorus-bench-")
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return false
	}
	defer os.RemoveAll(dir)
	if path == "" {
		path = filepath.Join(dir, "bench.db")
	}
	archive := filepath.Join(dir, "bench.warc")
	f, err := os.Create(archive)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return false
	}
	pages, err := bench.WriteWARC(f, stream, size)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: writing %s: %v\n", archive, err)
		return false
	}
	info, _ := os.Stat(archive)
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %s: %v\n", path, err)
		return false
	}
	defer st.Close()
	r, err := bench.Files(context.Background(), st, []string{archive})
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return false
	}
	report(e, fmt.Sprintf("warc (a %.0f MiB archive, %d HTML pages among request and image records → chorus ingest → SQLite)", float64(info.Size())/(1<<20), pages), r)
	return true
}

// benchEmbedded measures the embedded mode into the SQLite file path, or a
// temporary one when path is "".
func benchEmbedded(e env, path string, stream iter.Seq[news.Article]) bool {
	if path == "" {
		dir, err := os.MkdirTemp("", "chorus-bench-")
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
			return false
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	}
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %s: %v\n", path, err)
		return false
	}
	defer st.Close()
	r, err := bench.Embedded(context.Background(), st, stream)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus bench: %v\n", err)
		return false
	}
	report(e, "embedded (plain-text pages → clean → analyse → store → copies → stories → digests, SQLite)", r)
	return true
}

func report(e env, mode string, r bench.Result) {
	fmt.Fprintf(e.stdout, "mode %s\n", mode)
	fmt.Fprintf(e.stdout, "articles %d  elapsed %s\n", r.Articles, r.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "throughput %.0f articles/s  cost %.0f µs/article\n", r.PerSecond(), float64(r.PerArticle().Nanoseconds())/1e3)
	if len(r.Latencies) > 0 {
		fmt.Fprintf(e.stdout, "per-article clean+analyse latency p50 %s  p99 %s\n", r.Percentile(50).Round(time.Microsecond), r.Percentile(99).Round(time.Microsecond))
	}
	if r.PeakHeap > 0 {
		fmt.Fprintf(e.stdout, "peak heap %.0f MiB (live after collection %.0f MiB)  ", float64(r.PeakHeap)/(1<<20), float64(r.PeakLive)/(1<<20))
	}
	fmt.Fprintf(e.stdout, "peak RSS %.0f MiB\n", float64(r.PeakRSS)/(1<<20))
	if r.CPU > 0 {
		fmt.Fprintf(e.stdout, "CPU %.0f µs/article", float64(r.CPUPerArticle().Nanoseconds())/1e3)
		if r.ServerCPU > 0 {
			fmt.Fprintf(e.stdout, " (workers %.1f s, PostgreSQL and NATS %.1f s; %.2f cores busy)", r.CPU.Seconds(), r.ServerCPU.Seconds(), r.CoresBusy())
		} else {
			fmt.Fprintf(e.stdout, " (%.2f cores busy)", r.CoresBusy())
		}
		fmt.Fprintln(e.stdout)
	}
}
