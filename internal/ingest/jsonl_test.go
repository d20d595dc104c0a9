package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/chorusnews/chorus/internal/news"
)

func TestReadJSONL(t *testing.T) {
	lines := strings.Join([]string{
		`{"id":"kyiv-1","url":"https://example.com/a","outlet":"Kyiv Independent","title":" Talks ","authors":["Alexander Query", " "],"published":"2022-01-27","language":"en","text":"Foreign ministers met."}`,
		`{"url":"https://example.com/b","authors":"Reuters","html":"<html><head><meta charset=\"windows-1251\"></head><body><p>Hello</p></body></html>"}`,
		`{"id":"broken", "text": "no closing brace"`,
		``,
		`{"id":"c","title":"No body"}`,
		`{"id":42,"text":"Numbered.","authors":[{"name":"Jane Doe"}],"extra":{"ignored":true}}`,
		`[1,2,3]`,
		`{"text":5}`,
		`{"text":"Both given.","html":"<p>ignored</p>"}`,
		`{"text":"  ","html":"<html><body><script>x()</script></body></html>"}`,
		`{"authors":{"name":"x"},"text":"Bad authors."}`,
		`{"text":"Windows line end."}` + "\r",
		`null`,
		`{"text":"Last line, no newline."}`,
	}, "\n")

	want := []got{
		{Source: "kyiv-1", Format: news.FormatText, Body: "Foreign ministers met."},
		{Source: "a.jsonl#2", Format: news.FormatHTML, Body: `<meta charset="utf-8">`},
		{Source: "a.jsonl#3", Err: "line 3: invalid JSON: unexpected end of JSON input"},
		{Source: "a.jsonl#5", Err: `line 5: neither "text" nor "html" given`},
		{Source: "42", Format: news.FormatText, Body: "Numbered."},
		{Source: "a.jsonl#7", Err: "line 7: invalid JSON: not an object"},
		{Source: "a.jsonl#8", Err: `line 8: "text" must be a string`},
		{Source: "a.jsonl#9", Format: news.FormatText, Body: "Both given."},
		{Source: "a.jsonl#10", Err: "line 10: html page has no text"},
		{Source: "a.jsonl#11", Err: `line 11: "authors" must be a string or an array of strings`},
		{Source: "a.jsonl#12", Format: news.FormatText, Body: "Windows line end."},
		{Source: "a.jsonl#13", Err: "line 13: invalid JSON: not an object"},
		{Source: "a.jsonl#14", Format: news.FormatText, Body: "Last line, no newline."},
	}
	for _, name := range []string{"a.jsonl", "a.ndjson"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			chdir(t, dir)
			write(t, dir, name, []byte(lines))
			w := append([]got(nil), want...)
			for i := range w {
				w[i].Source = strings.Replace(w[i].Source, "a.jsonl", name, 1)
				w[i].Err = strings.Replace(w[i].Err, "a.jsonl", name, 1)
			}
			gots := readAll(t, []string{name}, nil, Options{})
			check(t, gots, w)
			if len(gots) != len(want) {
				return
			}
			wantMeta := news.Meta{
				ID: "kyiv-1", URL: "https://example.com/a", Outlet: "Kyiv Independent", Title: "Talks",
				Authors: []string{"Alexander Query"}, Published: "2022-01-27", Language: "en",
			}
			if m := gots[0].doc.Meta; !reflect.DeepEqual(m, wantMeta) {
				t.Errorf("meta %+v, want %+v", m, wantMeta)
			}
			if u := gots[0].doc.URL; u != "https://example.com/a" {
				t.Errorf("url %q", u)
			}
			if m := gots[1].doc.Meta; m.ID != "" || m.URL != "https://example.com/b" || !reflect.DeepEqual(m.Authors, []string{"Reuters"}) {
				t.Errorf("meta of line 2: %+v", m)
			}
			if m := gots[4].doc.Meta; m.ID != "42" || !reflect.DeepEqual(m.Authors, []string{"Jane Doe"}) {
				t.Errorf("meta of line 6: %+v", m)
			}
		})
	}
}

func TestReadJSONLEdges(t *testing.T) {
	ru := "Министр иностранных дел заявил, что переговоры продолжатся."
	cp1251, err := charmap.Windows1251.NewEncoder().String(`{"id":"ru","text":"` + ru + `"}`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		file    string
		content string
		opts    Options
		want    []got
	}{
		{"line over the limit", "a.jsonl",
			`{"text":"short"}` + "\n" + `{"text":"` + strings.Repeat("long ", 40) + `"}` + "\n" + `{"text":"after"}`,
			Options{MaxBytes: 100},
			[]got{
				{Source: "a.jsonl#1", Body: "short"},
				{Source: "a.jsonl#2", Err: "line 2: too long: more than 100 bytes"},
				{Source: "a.jsonl#3", Body: "after"},
			}},
		{"larger than the limit as a whole", "a.jsonl",
			strings.Repeat(`{"text":"an article of some length"}`+"\n", 10), Options{MaxBytes: 64},
			[]got{
				{Source: "a.jsonl#1", Body: "an article"}, {Source: "a.jsonl#2", Body: "an article"},
				{Source: "a.jsonl#3", Body: "an article"}, {Source: "a.jsonl#4", Body: "an article"},
				{Source: "a.jsonl#5", Body: "an article"}, {Source: "a.jsonl#6", Body: "an article"},
				{Source: "a.jsonl#7", Body: "an article"}, {Source: "a.jsonl#8", Body: "an article"},
				{Source: "a.jsonl#9", Body: "an article"}, {Source: "a.jsonl#10", Body: "an article"},
			}},
		{"first line broken, named .jsonl", "a.jsonl", "{oops\n" + `{"text":"fine"}`, Options{},
			[]got{
				{Source: "a.jsonl#1", Err: "line 1: invalid JSON: invalid character 'o' looking for beginning of object key string"},
				{Source: "a.jsonl#2", Body: "fine"},
			}},
		{"legacy encoding per line", "a.jsonl", cp1251 + "\n", Options{},
			[]got{{Source: "ru", Format: news.FormatText, Body: ru}}},
		{"json that is no article is text", "data.json", `{"name":"x","value":1}` + "\n", Options{},
			[]got{{Source: "data.json", Format: news.FormatText, Body: `{"name":"x"`}}},
		{"blank lines only", "a.jsonl", "\n\n  \n", Options{},
			[]got{{Source: "a.jsonl", Err: "empty file"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			chdir(t, dir)
			write(t, dir, tt.file, []byte(tt.content))
			check(t, readAll(t, []string{tt.file}, nil, tt.opts), tt.want)
		})
	}
}

// TestReadJSONLTruncatedGzip: the lines before the damage still come out.
func TestReadJSONLTruncatedGzip(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		b.WriteString(`{"text":"Article number ` + strings.Repeat("x", i%50) + `."}` + "\n")
	}
	z := gz(t, []byte(b.String()))
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, "a.jsonl.gz", z[:len(z)/2])
	gots := readAll(t, []string{"a.jsonl.gz"}, nil, Options{})
	if len(gots) < 100 {
		t.Fatalf("got %d items, want the lines before the cut", len(gots))
	}
	last := gots[len(gots)-1]
	if last.Source != "a.jsonl.gz" || last.Err != "truncated gzip: unexpected EOF" {
		t.Errorf("last item: %q %q", last.Source, last.Err)
	}
	for _, g := range gots[:len(gots)-1] {
		if g.Err != "" || !strings.HasPrefix(g.Body, "Article number") {
			t.Fatalf("item %q: %q %q", g.Source, g.Err, g.Body)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Some text."}` + "\n" + `{"id":"b","html":"<p>x</p>"}` + "\n{bad\n"))
	f.Add([]byte(`{"text": 5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.jsonl")
		os.WriteFile(path, data, 0o644)
		for doc, err := range Read([]string{path}, nil, Options{MaxBytes: 1 << 20}) {
			if err == nil && len(doc.Body) == 0 {
				t.Fatal("empty document yielded without error")
			}
		}
	})
}
