package main

import (
	"bytes"
	"io"
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
// into one SQLite store at once, each finding none of it stored: each reports what it stored itself, so
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
	body, err := os.ReadFile(corpus)
	if err != nil {
		t.Fatal(err)
	}
	// Both runs read the file from stdin, given to them only once both
	// have started, so that they look it up in the store at the same time
	// and find none of it, whichever process started first.
	var outs [2]bytes.Buffer
	var cmds [2]*exec.Cmd
	var stdins [2]io.WriteCloser
	for i := range cmds {
		cmds[i] = exec.Command(bin, "ingest", "--db", db, "-")
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if stdins[i], err = cmds[i].StdinPipe(); err != nil {
			t.Fatal(err)
		}
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for _, in := range stdins {
		wg.Go(func() {
			in.Write(body)
			in.Close()
		})
	}
	wg.Wait()
	var errs [2]error
	for i, c := range cmds {
		errs[i] = c.Wait()
	}
	summary := regexp.MustCompile(`chorus ingest: (\d+) added, (\d+) already stored, 0 failed`)
	added := 0
	for i := range outs {
		out := outs[i].Bytes()
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
	t.Logf("%s\n%s", summary.Find(outs[0].Bytes()), summary.Find(outs[1].Bytes()))
	if added != 850 {
		t.Errorf("the two runs report %d added in all, want 850:\n%s\n%s", added, outs[0].String(), outs[1].String())
	}
	if seen := eachOnceInAStory(t, bin, db); len(seen) != 850 {
		t.Errorf("%d articles stored, want 850", len(seen))
	}
}
