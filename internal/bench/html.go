package bench

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"syscall"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/pipeline"
)

// Engine names what extracts the pages of an HTML run.
type Engine string

const (
	// EngineLibrary is go-trafilatura alone, called as its users call
	// it: one page after the other in one goroutine, with the options its
	// own command ships (the readability and distiller fallback on, and
	// with it the extensive date search).
	EngineLibrary Engine = "go-trafilatura"
	// EngineLibraryNoFallback is go-trafilatura alone with its zero
	// Options: no fallback, and the fast date search.
	EngineLibraryNoFallback Engine = "go-trafilatura-nofallback"
	// EngineChorus is `chorus extract --json`'s own path: the pages read
	// as they come, extracted on every core, written as JSON Lines in
	// input order.
	EngineChorus Engine = "chorus"
)

// HTMLResult is what one engine's run over a set of pages measured.
type HTMLResult struct {
	Engine    Engine        `json:"engine"`
	Pages     int           `json:"pages"`     // inputs read
	Extracted int           `json:"extracted"` // inputs that yielded text
	Elapsed   time.Duration `json:"elapsed"`   // from the first read to the last page's output
	CPU       time.Duration `json:"cpu"`       // the process's CPU time over Elapsed
	// ProcessCPU and PeakRSS are the whole process's, start-up
	// included: filled in by CompareHTML, which runs each engine in a
	// process of its own.
	ProcessCPU time.Duration `json:"process_cpu,omitzero"`
	PeakRSS    uint64        `json:"peak_rss,omitzero"`
}

// PerSecond is the run's throughput in pages per second.
func (r HTMLResult) PerSecond() float64 { return float64(r.Pages) / r.Elapsed.Seconds() }

// CPUPerPage is the run's CPU time per page.
func (r HTMLResult) CPUPerPage() time.Duration { return r.CPU / time.Duration(max(1, r.Pages)) }

// ExtractHTML runs engine over every input under paths in this process and
// measures it. workers is Chorus's pipeline.Options.Workers (0: one per
// core); the library runs in one goroutine whatever it is.
func ExtractHTML(engine Engine, paths []string, workers int) (HTMLResult, error) {
	res := HTMLResult{Engine: engine}
	start, cpu := time.Now(), processCPU()
	switch engine {
	case EngineLibrary, EngineLibraryNoFallback:
		opts := trafilatura.Options{EnableFallback: engine == EngineLibrary}
		for doc, err := range ingest.Read(paths, nil, ingest.Options{}) {
			res.Pages++
			if err != nil {
				continue
			}
			r, err := trafilatura.Extract(bytes.NewReader(doc.Body), opts)
			if err == nil && r != nil && r.ContentText != "" {
				res.Extracted++
			}
		}
	case EngineChorus:
		o := pipeline.DefaultOptions()
		o.Workers = workers
		enc := json.NewEncoder(io.Discard)
		enc.SetEscapeHTML(false)
		for a, err := range pipeline.Articles(paths, nil, o) {
			res.Pages++
			if err == nil {
				res.Extracted++
				if err := enc.Encode(a); err != nil {
					return res, err
				}
			}
		}
	default:
		return res, fmt.Errorf("unknown engine %q (%s, %s or %s)", engine, EngineLibrary, EngineLibraryNoFallback, EngineChorus)
	}
	res.Elapsed, res.CPU = time.Since(start), processCPU()-cpu
	if res.Pages == 0 {
		return res, fmt.Errorf("no inputs under %v", paths)
	}
	return res, nil
}

// CompareOptions configures CompareHTML.
type CompareOptions struct {
	// Binary is the chorus program whose `bench --mode html --engine E
	// PATH...` runs one engine and prints its HTMLResult as JSON.
	Binary string
	// Paths are the inputs, as for chorus extract.
	Paths []string
	// Rounds is how many times each engine runs (1 when 0): rounds
	// alternate the engines, so that a machine whose load changes over
	// the run weighs on both alike.
	Rounds int
	// Workers is Chorus's worker count (0: one per core).
	Workers int
	// Library is the library's engine to set beside Chorus's
	// (EngineLibrary when "").
	Library Engine
}

// CompareHTML runs go-trafilatura alone and Chorus on the same pages, each
// run in a process of its own (so that each has its own resident
// high-water mark and start-up), alternating, and returns every run, the
// library's and Chorus's of each round in turn.
func CompareHTML(ctx context.Context, o CompareOptions) ([]HTMLResult, error) {
	lib := cmp.Or(o.Library, EngineLibrary)
	var out []HTMLResult
	for range max(1, o.Rounds) {
		for _, e := range []Engine{lib, EngineChorus} {
			r, err := runEngine(ctx, o, e)
			if err != nil {
				return out, fmt.Errorf("%s: %w", e, err)
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// runEngine runs one engine in a child process and reads its result.
func runEngine(ctx context.Context, o CompareOptions, e Engine) (HTMLResult, error) {
	args := []string{"bench", "--mode", "html", "--engine", string(e), "--extract-workers", fmt.Sprint(o.Workers)}
	cmd := exec.CommandContext(ctx, o.Binary, append(args, o.Paths...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return HTMLResult{}, fmt.Errorf("%v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	var r HTMLResult
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		return r, fmt.Errorf("reading its result %q: %w", stdout.String(), err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.ProcessCPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		r.PeakRSS = uint64(ru.Maxrss) << 10 // kilobytes on Linux
	}
	return r, nil
}

// MedianHTML returns, of the runs of engine, the one of median throughput,
// with the largest PeakRSS of them all.
func MedianHTML(runs []HTMLResult, engine Engine) (HTMLResult, bool) {
	var of []HTMLResult
	var rss uint64
	for _, r := range runs {
		if r.Engine == engine {
			of = append(of, r)
			rss = max(rss, r.PeakRSS)
		}
	}
	if len(of) == 0 {
		return HTMLResult{}, false
	}
	slices.SortFunc(of, func(a, b HTMLResult) int { return cmp.Compare(a.Elapsed, b.Elapsed) })
	m := of[len(of)/2]
	m.PeakRSS = rss
	return m, true
}
