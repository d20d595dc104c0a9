package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/store"
)

// Result is what one measured run found.
type Result struct {
	Articles int
	// StoriesWritten counts story writes: a story written again as it
	// grows counts each time.
	StoriesWritten int
	Elapsed        time.Duration
	PeakHeap       uint64 // bytes in use on the Go heap, sampled
	PeakRSS        uint64 // the process's resident high-water mark, bytes (0 where unknown)
	// PeakLive is the most the collector found still in use after a
	// cycle: what the run needs, before the collector's headroom.
	PeakLive uint64
	// Latencies are the per-article cleaning and analysis times.
	Latencies []time.Duration
	// CPU is the CPU time of the run's own processes: this one when
	// embedded, the workers' when scaled out.
	CPU time.Duration
	// ServerCPU is the CPU time the local PostgreSQL and NATS servers
	// spent meanwhile (scale-out on Linux; zero when unknown).
	ServerCPU time.Duration
}

// CPUPerArticle is the CPU time of the run, servers included, per article.
func (r Result) CPUPerArticle() time.Duration {
	return (r.CPU + r.ServerCPU) / time.Duration(max(1, r.Articles))
}

// CoresBusy is how many cores the run kept busy on average, servers
// included.
func (r Result) CoresBusy() float64 {
	return (r.CPU + r.ServerCPU).Seconds() / r.Elapsed.Seconds()
}

// PerSecond is the throughput of the run.
func (r Result) PerSecond() float64 { return float64(r.Articles) / r.Elapsed.Seconds() }

// PerArticle is the wall time of the run per article.
func (r Result) PerArticle() time.Duration { return r.Elapsed / time.Duration(max(1, r.Articles)) }

// Percentile returns the p-th percentile (0–100) of the per-article
// latency.
func (r Result) Percentile(p float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.Latencies)
	slices.Sort(s)
	return s[min(len(s)-1, int(p/100*float64(len(s))))]
}

// Embedded runs the stream through `chorus ingest`'s own path into st:
// each article as a plain-text page, cleaned, analysed and stored, copies
// marked, stories grouped, digested and stored; and measures it.
func Embedded(ctx context.Context, st store.Store, stream iter.Seq[news.Article]) (Result, error) {
	docs := func(yield func(news.RawDoc, error) bool) {
		for a := range stream {
			if !yield(TextPage(a), nil) {
				return
			}
		}
	}
	return measure(ctx, st, docs)
}

// Files ingests files (a WARC archive, a folder) into st through
// `chorus ingest`'s own path, and measures it.
func Files(ctx context.Context, st store.Store, paths []string) (Result, error) {
	return measure(ctx, st, ingest.Read(paths, nil, ingest.Options{}))
}

// measure ingests docs into st and measures the run.
func measure(ctx context.Context, st store.Store, docs iter.Seq2[news.RawDoc, error]) (Result, error) {
	var res Result
	var mu sync.Mutex
	o := pipeline.DefaultOptions()
	o.Observe = func(took time.Duration) {
		mu.Lock()
		res.Latencies = append(res.Latencies, took)
		mu.Unlock()
	}
	stop := watchMemory()
	start, cpu := time.Now(), processCPU()
	ir, err := pipeline.IngestDocs(ctx, st, docs, o, pipeline.DefaultStoryOptions())
	res.Elapsed, res.CPU = time.Since(start), processCPU()-cpu
	res.PeakHeap, res.PeakLive, res.PeakRSS = stop()
	res.Articles, res.StoriesWritten = ir.Added, ir.Stories
	if err == nil && len(ir.Errors) > 0 {
		err = fmt.Errorf("%d inputs failed, the first %s: %s", len(ir.Errors), ir.Errors[0].Source, ir.Errors[0].Error)
	}
	return res, err
}

// watchMemory samples the heap until the returned function is called,
// which returns the largest readings of the heap in use and of the heap
// live after a collection, and the resident high-water mark.
func watchMemory() func() (heap, live, rss uint64) {
	// Start the resident high-water mark afresh (Linux), so that what
	// was built before the run does not count.
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	done, peak := make(chan struct{}), make(chan [2]uint64)
	go func() {
		var most, live uint64
		var m runtime.MemStats
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapInuse)
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				live = max(live, sample[0].Value.Uint64())
			}
			select {
			case <-done:
				peak <- [2]uint64{most, live}
				return
			case <-t.C:
			}
		}
	}()
	return func() (uint64, uint64, uint64) {
		close(done)
		p := <-peak
		return p[0], p[1], peakRSS()
	}
}

// peakRSS reads the process's resident high-water mark (VmHWM) on Linux.
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// LoadSources reads source events from a JSON Lines file of articles and,
// when goldPath is not "", a TSV of article id → event that groups them;
// without it each article is an event of its own.
func LoadSources(articlesPath, goldPath string) ([][]news.Article, error) {
	f, err := os.Open(articlesPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	event := map[string]string{}
	if goldPath != "" {
		g, err := os.ReadFile(goldPath)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(strings.TrimSpace(string(g)), "\n") {
			if k, v, ok := strings.Cut(line, "\t"); ok {
				event[k] = v
			}
		}
	}
	groups := map[string][]news.Article{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		var a news.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", articlesPath, n, err)
		}
		ev := event[a.ID]
		if ev == "" {
			ev = a.ID
		}
		if _, ok := groups[ev]; !ok {
			order = append(order, ev)
		}
		groups[ev] = append(groups[ev], a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", articlesPath, err)
	}
	out := make([][]news.Article, 0, len(order))
	for _, ev := range order {
		out = append(out, groups[ev])
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no articles", articlesPath)
	}
	return out, nil
}

// LoadTexts reads every .txt file of dir as a source event of one article:
// its first line the headline, the rest the text.
func LoadTexts(dir string) ([][]news.Article, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	var out [][]news.Article
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		title, text, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		// A few lines are a brief, not an event's telling.
		if text = strings.TrimSpace(text); title != "" && len(strings.Fields(text)) >= 100 {
			out = append(out, []news.Article{{ID: filepath.Base(p), Title: title, Text: text}})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no .txt files", dir)
	}
	return out, nil
}
