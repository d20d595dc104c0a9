package extract

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// hostilePages are the pages BenchmarkHTMLHostile extracts, and what must
// come of each ("" for an article, else a keyword of the refusal).
var hostilePages = []struct {
	name    string
	page    func() []byte
	refusal string
}{
	// Issue 21: 12 MB, a million attributes; it took 1.4 GB and 20-87 s.
	{"attributes-1M", func() []byte { return attributeBomb(1_000_000) }, "too many attributes"},
	// Just under every limit at once: the most a page costs.
	{"at-limits", func() []byte { return limitsPage(19_750, 50, 172) }, ""},
	// Just under a quarter of every limit: the most a page extracted in
	// full (not lean) costs.
	{"quarter", func() []byte { return limitsPage(4_750, 50, 172) }, ""},
	// Text nested 250 deep, at the other limits: refused after parsing.
	{"nested", func() []byte { return limitsPage(19_750, 250, 172) }, "text nested too deep"},
}

// peakPageEnv names the page TestHTMLPeakChild extracts.
const peakPageEnv = "CHORUS_PEAK_PAGE"

// BenchmarkHTMLHostile extracts hostile pages and reports, beside the time,
// the peak RSS of a process of its own that builds the page and extracts
// it once with chorus's garbage collector settings (Linux only):
//
//	go test -run '^$' -bench HTMLHostile -benchtime 1x ./internal/extract/
func BenchmarkHTMLHostile(b *testing.B) {
	for _, p := range hostilePages {
		b.Run(p.name, func(b *testing.B) {
			body := p.page()
			doc := news.RawDoc{Source: p.name + ".html", Body: body, Format: news.FormatHTML}
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				_, err := Extract(doc, DefaultOptions())
				if (err == nil) != (p.refusal == "") || err != nil && !strings.Contains(err.Error(), p.refusal) {
					b.Fatalf("%s: %v, want %q", p.name, err, p.refusal)
				}
			}
			b.StopTimer()
			if peak, took, ok := peakOfChild(b, p.name); ok {
				b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MiB")
				b.ReportMetric(took.Seconds()*1000, "child-ms")
			}
		})
	}
}

// peakOfChild runs TestHTMLPeakChild on the named page in a process of its
// own, and returns its peak RSS in bytes and how long the extraction took.
func peakOfChild(b *testing.B, name string) (peak int64, took time.Duration, ok bool) {
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run=^TestHTMLPeakChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), peakPageEnv+"="+name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if _, err := fmt.Sscanf(line, "peak %d took %d", &peak, &took); err == nil {
			return peak, took, peak > 0
		}
	}
	b.Fatalf("child said nothing of its peak:\n%s", out)
	return 0, 0, false
}

// TestHTMLPeakChild is BenchmarkHTMLHostile's child process: it extracts
// one page and prints its peak RSS, read from /proc (the peak that wait4
// reports includes the parent's on Linux), and the time it took.
func TestHTMLPeakChild(t *testing.T) {
	name := os.Getenv(peakPageEnv)
	if name == "" {
		t.Skip("run by BenchmarkHTMLHostile in a process of its own")
	}
	debug.SetGCPercent(300) // as chorus runs (internal/cli/gc.go)
	debug.SetMemoryLimit(3 << 30)
	for _, p := range hostilePages {
		if p.name != name {
			continue
		}
		doc := news.RawDoc{Source: name + ".html", Body: p.page(), Format: news.FormatHTML}
		start := time.Now()
		_, err := Extract(doc, DefaultOptions())
		took := time.Since(start)
		if (err == nil) != (p.refusal == "") {
			t.Fatalf("%s: %v", name, err)
		}
		fmt.Printf("peak %d took %d\n", peakRSS(), took)
		return
	}
	t.Fatalf("no page %q", name)
}

// peakRSS returns the process's peak RSS in bytes, or 0 where /proc does
// not tell it.
func peakRSS() int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	_, rest, ok := bytes.Cut(status, []byte("\nVmHWM:"))
	if !ok {
		return 0
	}
	f := strings.Fields(string(rest))
	if len(f) < 2 || f[1] != "kB" {
		return 0
	}
	kb, _ := strconv.ParseInt(f[0], 10, 64)
	return kb << 10
}
