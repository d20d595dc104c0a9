package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/analyze"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
)

// Result is what one measured run found.
type Result struct {
	Articles, Stories int
	Elapsed           time.Duration
	PeakHeap          uint64 // bytes
	Latencies         []time.Duration
}

// PerSecond is the throughput of the run.
func (r Result) PerSecond() float64 { return float64(r.Articles) / r.Elapsed.Seconds() }

// Percentile returns the p-th percentile (0–100) of the per-article
// analysis latency.
func (r Result) Percentile(p float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), r.Latencies...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(p/100*float64(len(s))))]
}

// Run analyses the stream, marks copies, clusters and digests it in the
// embedded mode, and measures it.
func Run(stream []news.Article) Result {
	done, peak := make(chan struct{}), make(chan uint64)
	go func() { peak <- watchHeap(done) }()
	start := time.Now()
	res := Result{Articles: len(stream), Latencies: make([]time.Duration, len(stream))}
	arts := make([]news.Analyzed, len(stream))
	for i, a := range stream {
		t := time.Now()
		arts[i] = analyze.Analyze(a)
		res.Latencies[i] = time.Since(t)
	}
	d := pipeline.Stories(arts, pipeline.DefaultStoryOptions(), news.Digest{})
	res.Elapsed = time.Since(start)
	close(done)
	res.PeakHeap = <-peak
	res.Stories = len(d.Stories)
	return res
}

// watchHeap samples the heap until done and returns the largest reading.
func watchHeap(done chan struct{}) uint64 {
	var peak uint64
	var m runtime.MemStats
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
		select {
		case <-done:
			return peak
		case <-t.C:
		}
	}
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
