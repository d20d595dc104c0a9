package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// TestKillAndRerun kills `chorus ingest` with SIGKILL partway through a
// corpus, runs it again, and checks that the store holds every article
// exactly once, each in a story.
func TestKillAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	corpus := shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("AllSides dev is read from ../shared")
	}
	dir := t.TempDir()
	bin := chorusBinary(t)
	db := filepath.Join(dir, "chorus.db")
	for _, delay := range []time.Duration{300 * time.Millisecond, 800 * time.Millisecond} {
		cmd := exec.Command(bin, "ingest", "--db", db, corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Kill() // SIGKILL: no chance to clean up
		cmd.Wait()
	}
	if out, err := exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	seen := eachOnceInAStory(t, bin, db)
	if len(seen) != 850 {
		t.Errorf("%d articles stored, want all 850", len(seen))
	}
}

// eachOnceInAStory exports the store at db and checks that every article
// is stored once (by its source), is in a story, and is listed by exactly
// one story; it returns the sources seen.
func eachOnceInAStory(t *testing.T, bin, db string) map[string]bool {
	t.Helper()
	out, err := exec.Command(bin, "export", "--db", db, "--format", "json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var d news.Digest
	if err := json.NewDecoder(bytes.NewReader(out)).Decode(&d); err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, s := range d.Stories {
		for _, id := range s.Articles {
			listed[id]++
		}
	}
	seen := map[string]bool{}
	for _, a := range d.Articles {
		if seen[a.Source] {
			t.Errorf("%s stored twice", a.Source)
		}
		seen[a.Source] = true
		if a.Story == "" || listed[a.ID] != 1 {
			t.Errorf("%s: story %q, listed by %d stories", a.Source, a.Story, listed[a.ID])
		}
	}
	return seen
}
