package pipeline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/extract"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// mixedInputs writes a folder of HTML pages, plain-text pages that share a
// site's furniture, and an empty file that fails, and, when ../shared is
// there, adds the first AEB pages; it returns the folder.
func mixedInputs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	towns := []string{"Arles", "Brest", "Caen", "Dijon", "Evian", "Foix", "Gap", "Hyeres", "Istres"}
	for i, town := range towns {
		var paras strings.Builder
		for k := range 6 {
			fmt.Fprintf(&paras, "<p>The council of %s met on day %d to discuss the new bridge over the river, "+
				"and the mayor told reporters that work on item %d would start in the spring after years of debate.</p>\n", town, i+k, k)
		}
		write(fmt.Sprintf("%02d-page.html", i), `<!doctype html><html lang="en"><head><title>`+town+` approves bridge | Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>`+town+` approves bridge</h1><p class="byline">By Ana Ruiz</p>`+paras.String()+`</article>
<footer>© Daily News. All rights reserved.</footer></body></html>`)
		write(fmt.Sprintf("%02d-text.txt", i), "Daily News | Home | World | Sport\nSubscribe to our newsletter\n\n"+
			town+" opens a museum\n\n"+strings.Repeat("The new museum of "+town+" opened its doors on Saturday to a crowd of visitors who had waited for years. ", 4+i)+
			"\n\nShare this article\nDaily News | About | Contact\n")
	}
	write("zz-empty.txt", "")
	pages, _ := filepath.Glob(shareddata.Path("data", "extraction", "aeb", "html", "*.html.gz"))
	slices.Sort(pages)
	for _, p := range pages[:min(len(pages), 24)] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "aeb-"+filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// outputs renders every result of a run, an article as its JSON and a
// failure as its message, in the order they came.
func outputs[T any](t *testing.T, run func(yield func(T, error) bool)) []string {
	t.Helper()
	var out []string
	for v, err := range run {
		if err != nil {
			out = append(out, "error: "+err.Error())
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestArticlesSameOnAnyWorkers extracts and analyses one folder on one
// worker and on several, and wants the same output, in input order, as
// extracting the batch one document after the other.
func TestArticlesSameOnAnyWorkers(t *testing.T) {
	dir := mixedInputs(t)
	o := DefaultOptions()

	// The reference: the whole batch read, fitted, then extracted in turn.
	var docs []news.RawDoc
	var read []error
	for doc, err := range ingest.Read([]string{dir}, nil, o.Ingest) {
		docs = append(docs, doc)
		read = append(read, err)
	}
	var ok []news.RawDoc
	for i, d := range docs {
		if read[i] == nil {
			ok = append(ok, d)
		}
	}
	opts := extract.ForBatch(o.Extract, ok)
	want := outputs(t, func(yield func(news.Article, error) bool) {
		for i, d := range docs {
			if read[i] != nil {
				if !yield(news.Article{}, read[i]) {
					return
				}
				continue
			}
			if !yield(extract.Extract(d, opts)) {
				return
			}
		}
	})
	if len(want) < 19 || !slices.ContainsFunc(want, func(s string) bool { return strings.HasPrefix(s, "error: ") }) {
		t.Fatalf("the inputs should make at least 19 results, one of them an error: %d", len(want))
	}
	var analyzed []string
	for _, workers := range []int{1, 2, 5} {
		o.Workers = workers
		if got := outputs(t, Articles([]string{dir}, nil, o)); !slices.Equal(got, want) {
			t.Errorf("Articles on %d workers differs from one document after the other (%d results, want %d)", workers, len(got), len(want))
		}
		got := outputs(t, Analyzed([]string{dir}, nil, o))
		if analyzed == nil {
			analyzed = got
		} else if !slices.Equal(got, analyzed) {
			t.Errorf("Analyzed on %d workers differs from one worker", workers)
		}
	}
}

// TestArticlesStopEarly stops reading after two results: the run ends
// without waiting for the rest of the inputs.
func TestArticlesStopEarly(t *testing.T) {
	dir := mixedInputs(t)
	o := DefaultOptions()
	o.Workers = 3
	n := 0
	for range Analyzed([]string{dir}, nil, o) {
		if n++; n == 2 {
			break
		}
	}
	// And from stdin.
	r, w := io.Pipe()
	go func() {
		for i := range 50 {
			fmt.Fprintf(w, `{"id":"a%d","title":"Bridge %d","text":"The council approved the bridge number %d over the river on Tuesday after a long debate."}`+"\n", i, i, i)
		}
		w.Close()
	}()
	n = 0
	for _, err := range Articles([]string{"-"}, r, o) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
}
