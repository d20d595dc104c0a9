//go:build unix

package main

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAttributeBombs ingests four pages of a million attributes each (12
// MB, under the 16 MiB input cap; issue 21: one took 1.4 GB and 20-87 s to
// extract, four in one ingest 2.6 GB) beside a good page: each is refused
// with one line, the good page is stored, and the ingest stays within the
// hostile corpus's budget. One of them alone through extract stays within
// 300 MiB.
func TestAttributeBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := chorusBinary(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "pages")
	write := func(name string, page func(w *bufio.Writer)) string {
		t.Helper()
		p := filepath.Join(corpus, name)
		writeStreamed(t, p, page)
		return p
	}
	var bombs []string
	for i := range 4 {
		// Each bomb differs from the others by a comment: two inputs of the
		// same bytes are one input, and the second would be "already
		// stored" or fail, depending on whether the first was stored in
		// an earlier batch, which timing decides.
		bombs = append(bombs, write(fmt.Sprintf("bomb-%d.html", i), func(w *bufio.Writer) {
			writeAttributeBomb(w, 1_000_000, i%2 == 0)
			fmt.Fprintf(w, "<!-- bomb %d -->", i)
		}))
	}
	good := write("good.html", func(w *bufio.Writer) {
		w.WriteString("<!DOCTYPE html><html><head><title>Sea wall</title></head><body><article><h1>Sea wall repaired</h1>" + bombArticle + "</article></body></html>")
	})

	start := time.Now()
	code, _, errOut, peak := run(t, bin, "ingest", "--db", filepath.Join(dir, "chorus.db"), corpus)
	t.Logf("ingest of four attribute bombs: exit %d, %v, peak RSS %d MiB", code, time.Since(start).Round(time.Millisecond), peak)
	if code != 0 {
		t.Errorf("ingest: exit %d, want 0 (the good page was added)", code)
	}
	if peak > ingestBudgetMiB {
		t.Errorf("ingest: peak RSS %d MiB, over %d", peak, ingestBudgetMiB)
	}
	errs := inputErrors(errOut)
	if len(errs) != len(bombs) {
		t.Errorf("ingest: %d error lines, want %d:\n%s", len(errs), len(bombs), errOut)
	}
	for _, b := range bombs {
		n := 0
		for _, e := range errs {
			if e.Source == b {
				n++
				if !strings.Contains(e.Error, "too many attributes: 1,000,000 exceeds the limit of") {
					t.Errorf("%s: %q, want too many attributes", b, e.Error)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d lines, want 1:\n%s", b, n, errOut)
		}
	}
	d, _ := exportStore(t, bin, filepath.Join(dir, "chorus.db"))
	if len(d.Articles) != 1 || d.Articles[0].Source != good || !strings.Contains(d.Articles[0].Text, bombProbe) {
		t.Errorf("stored %d articles, want the good page's: %+v", len(d.Articles), d.Articles)
	}

	start = time.Now()
	code, _, errOut, peak = run(t, bin, "extract", bombs[0])
	t.Logf("extract of one: exit %d, %v, peak RSS %d MiB", code, time.Since(start).Round(time.Millisecond), peak)
	if errs := inputErrors(errOut); code != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error, "too many attributes") {
		t.Errorf("extract: exit %d, errors %v, want 1 and one about too many attributes", code, errs)
	}
	if peak > 300 {
		t.Errorf("extract: peak RSS %d MiB, over 300", peak)
	}
}
