package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExtractHTMLEngines(t *testing.T) {
	dir := t.TempDir()
	for i, town := range []string{"Arles", "Brest", "Caen"} {
		page := `<html><head><title>` + town + ` approves bridge</title></head><body><nav><a href="/">Home</a></nav><article><h1>` + town + ` approves bridge</h1>` +
			strings.Repeat("<p>The council of "+town+" approved the new bridge over the river on Tuesday after a debate that lasted for years.</p>", 5) +
			`</article></body></html>`
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.html", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []Engine{EngineLibrary, EngineLibraryNoFallback, EngineChorus} {
		r, err := ExtractHTML(e, []string{dir}, 2)
		if err != nil {
			t.Fatalf("%s: %v", e, err)
		}
		if r.Engine != e || r.Pages != 3 || r.Extracted != 3 || r.Elapsed <= 0 {
			t.Errorf("%s: %+v, want 3 pages extracted", e, r)
		}
	}
	if _, err := ExtractHTML("other", []string{dir}, 0); err == nil {
		t.Error("an unknown engine ran")
	}
}

func TestMedianHTML(t *testing.T) {
	runs := []HTMLResult{
		{Engine: EngineLibrary, Elapsed: 3 * time.Second, PeakRSS: 10},
		{Engine: EngineChorus, Elapsed: 1 * time.Second, PeakRSS: 30},
		{Engine: EngineLibrary, Elapsed: 1 * time.Second, PeakRSS: 20},
		{Engine: EngineLibrary, Elapsed: 2 * time.Second, PeakRSS: 15},
	}
	m, ok := MedianHTML(runs, EngineLibrary)
	if !ok || m.Elapsed != 2*time.Second || m.PeakRSS != 20 {
		t.Errorf("median of the library's runs: %+v, want 2s with the largest RSS, 20", m)
	}
	if _, ok := MedianHTML(runs[:1], EngineChorus); ok {
		t.Error("a median of no runs")
	}
}
