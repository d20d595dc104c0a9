package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"github.com/chorusnews/chorus/internal/shareddata"
)

// TestConcurrentIngestsOfOneFile runs two `chorus ingest` of AllSides dev
// into one SQLite store at once: each reports what it stored itself, so
// that the two "added" counts sum to the 850 inputs, and the store holds
// each article once, in one story.
func TestConcurrentIngestsOfOneFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	corpus := shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("AllSides dev is read from ../shared")
	}
	bin := chorusBinary(t)
	db := filepath.Join(t.TempDir(), "chorus.db")
	var outs [2][]byte
	var errs [2]error
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() { outs[i], errs[i] = exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput() })
	}
	wg.Wait()
	summary := regexp.MustCompile(`chorus ingest: (\d+) added, (\d+) already stored, 0 failed`)
	added := 0
	for i, out := range outs {
		m := summary.FindSubmatch(out)
		if errs[i] != nil || m == nil {
			t.Fatalf("ingest %d: %v\n%s", i, errs[i], out)
		}
		a, _ := strconv.Atoi(string(m[1]))
		k, _ := strconv.Atoi(string(m[2]))
		if a+k != 850 {
			t.Errorf("ingest %d: %d added and %d already stored, want 850 in all", i, a, k)
		}
		added += a
	}
	t.Logf("%s\n%s", summary.Find(outs[0]), summary.Find(outs[1]))
	if added != 850 {
		t.Errorf("the two runs report %d added in all, want 850:\n%s\n%s", added, outs[0], outs[1])
	}
	if seen := eachOnceInAStory(t, bin, db); len(seen) != 850 {
		t.Errorf("%d articles stored, want 850", len(seen))
	}
}
