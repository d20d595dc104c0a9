package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// got is one item of Read's stream, flattened for comparison.
type got struct {
	Source string
	Format news.Format
	Body   string
	Err    string // the InputError's message without its source, or ""
	doc    news.RawDoc
}

// readAll runs Read and collects what it yields, checking the invariants
// every item must keep.
func readAll(t *testing.T, paths []string, stdin io.Reader, opts Options) []got {
	t.Helper()
	return collect(t, Read(paths, stdin, opts))
}

// collect gathers a stream of documents, checking the invariants every
// item must keep.
func collect(t *testing.T, docs iter.Seq2[news.RawDoc, error]) []got {
	t.Helper()
	var out []got
	for doc, err := range docs {
		g := got{Source: doc.Source, Format: doc.Format, Body: string(doc.Body), doc: doc}
		if err != nil {
			var ie *news.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T) is not a *news.InputError", err, err)
			}
			if ie.Source != doc.Source {
				t.Errorf("error source %q, doc source %q", ie.Source, doc.Source)
			}
			g.Err = ie.Err.Error()
			checkMessage(t, g.Err)
		} else if !isValidUTF8(doc.Body) {
			t.Errorf("%s: body is not valid UTF-8", doc.Source)
		}
		out = append(out, g)
	}
	return out
}

// checkMessage holds error messages to the house style.
func checkMessage(t *testing.T, msg string) {
	t.Helper()
	if msg == "" || strings.ContainsAny(msg, "\n\r") || strings.HasSuffix(msg, ".") {
		t.Errorf("message %q: want one line without a trailing period", msg)
	}
	if first := msg[:1]; first != strings.ToLower(first) && !strings.HasPrefix(msg, "RSS") && !strings.HasPrefix(msg, "WARC") {
		t.Errorf("message %q: want lowercase", msg)
	}
}

func isValidUTF8(b []byte) bool { return strings.ToValidUTF8(string(b), "\uFFFD") == string(b) }

// write creates dir/name with content, making folders as needed.
func write(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	textArticle = "Foreign ministers met in Geneva on Friday.\n\nThey agreed to keep talking.\n"
	page        = `<!DOCTYPE html><html><head><title>Talks</title></head><body><article><p>Foreign ministers met in Geneva on Friday.</p></article></body></html>`
	fragment    = "<div class=\"story\">\n<p>Foreign ministers met in Geneva.</p>\n</div>\n"
	jsonlLine   = `{"id":"a1","text":"Foreign ministers met in Geneva."}` + "\n"
)

// TestReadFile covers single files: each format by name and by content,
// and each way an input can be refused.
func TestReadFile(t *testing.T) {
	big := bytes.Repeat([]byte("All work and no play. "), 1<<20) // 22 MiB of text
	tests := []struct {
		name    string
		file    string
		content []byte
		opts    Options
		want    []got // Source is relative to the temp dir; Body a substring
	}{
		{"text by extension", "a.txt", []byte(textArticle), Options{},
			[]got{{Source: "a.txt", Format: news.FormatText, Body: textArticle}}},
		{"text without extension", "story", []byte(textArticle), Options{},
			[]got{{Source: "story", Format: news.FormatText, Body: textArticle}}},
		{"html by extension", "a.html", []byte(page), Options{},
			[]got{{Source: "a.html", Format: news.FormatHTML, Body: page}}},
		{"htm by extension", "a.HTM", []byte(fragment), Options{},
			[]got{{Source: "a.HTM", Format: news.FormatHTML, Body: fragment}}},
		{"html named .txt", "a.txt", []byte(page), Options{},
			[]got{{Source: "a.txt", Format: news.FormatHTML, Body: page}}},
		{"html fragment without extension", "story", []byte(fragment), Options{},
			[]got{{Source: "story", Format: news.FormatHTML, Body: fragment}}},
		{"text named .html", "a.html", []byte(textArticle), Options{},
			[]got{{Source: "a.html", Format: news.FormatText, Body: textArticle}}},
		{"gzip of html", "a.html.gz", gz(t, []byte(page)), Options{},
			[]got{{Source: "a.html.gz", Format: news.FormatHTML, Body: page}}},
		{"gzip of text", "a.txt.gz", gz(t, []byte(textArticle)), Options{},
			[]got{{Source: "a.txt.gz", Format: news.FormatText, Body: textArticle}}},
		{"gzip named .html", "a.html", gz(t, []byte(page)), Options{},
			[]got{{Source: "a.html", Format: news.FormatHTML, Body: page}}},
		{"gzip without extension", "blob", gz(t, []byte(textArticle)), Options{},
			[]got{{Source: "blob", Format: news.FormatText, Body: textArticle}}},
		{".gz that is not gzip", "a.txt.gz", []byte(textArticle), Options{},
			[]got{{Source: "a.txt.gz", Format: news.FormatText, Body: textArticle}}},
		{"jsonl by content", "export.txt", []byte(jsonlLine), Options{},
			[]got{{Source: "a1", Format: news.FormatText, Body: "Foreign ministers met in Geneva."}}},
		{"gzip of jsonl", "export.jsonl.gz", gz(t, []byte(jsonlLine)), Options{},
			[]got{{Source: "a1", Format: news.FormatText, Body: "Foreign ministers met in Geneva."}}},
		{"utf-8 bom", "a.txt", append([]byte{0xEF, 0xBB, 0xBF}, textArticle...), Options{},
			[]got{{Source: "a.txt", Format: news.FormatText, Body: textArticle}}},

		{"empty", "a.txt", nil, Options{},
			[]got{{Source: "a.txt", Err: "empty file"}}},
		{"whitespace only", "a.txt", []byte(" \n\t\r\n  \u00a0\n"), Options{},
			[]got{{Source: "a.txt", Err: "empty file"}}},
		{"bom only", "a.txt", []byte{0xEF, 0xBB, 0xBF, '\n'}, Options{},
			[]got{{Source: "a.txt", Err: "empty file"}}},
		{"empty gzip", "a.txt.gz", gz(t, nil), Options{},
			[]got{{Source: "a.txt.gz", Err: "empty file"}}},
		{"binary with nul bytes", "a.txt", []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00"), Options{},
			[]got{{Source: "a.txt", Err: "binary content, not text or HTML"}}},
		{"binary with control bytes", "photo", bytes.Repeat([]byte("\x01\x02\x03abc\x04\x05"), 100), Options{},
			[]got{{Source: "photo", Err: "binary content, not text or HTML"}}},
		{"binary named .html", "a.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{},
			[]got{{Source: "a.html", Err: "binary content, not text or HTML"}}},
		{"binary inside gzip", "a.gz", gz(t, []byte("\x00\x01\x02\x03")), Options{},
			[]got{{Source: "a.gz", Err: "binary content, not text or HTML"}}},
		{"truncated gzip", "a.txt.gz", gz(t, []byte(strings.Repeat(textArticle, 50)))[:60], Options{},
			[]got{{Source: "a.txt.gz", Err: "truncated gzip: unexpected EOF"}}},
		{"gzip cut in its header", "a.txt.gz", []byte{0x1f, 0x8b, 0x08}, Options{},
			[]got{{Source: "a.txt.gz", Err: "truncated gzip: unexpected EOF"}}},
		{"gzip with bad checksum", "a.txt.gz", badChecksum(gz(t, []byte(textArticle))), Options{},
			[]got{{Source: "a.txt.gz", Err: "corrupt gzip: invalid checksum"}}},
		{"gzip inside gzip", "a.txt.gz", gz(t, gz(t, []byte(textArticle))), Options{},
			[]got{{Source: "a.txt.gz", Err: "gzip inside gzip is not supported"}}},
		{"too large", "a.txt", big, Options{},
			[]got{{Source: "a.txt", Err: "file too large: 23068672 bytes, limit 16777216"}}},
		{"too large for a small limit", "a.txt", []byte(textArticle), Options{MaxBytes: 10},
			[]got{{Source: "a.txt", Err: "file too large: 73 bytes, limit 10"}}},
		{"gzip bomb", "a.txt.gz", gz(t, big), Options{},
			[]got{{Source: "a.txt.gz", Err: "file too large: more than 16777216 bytes after decompression"}}},
		{"html without text", "a.html", []byte(`<html><head><title>Only a title</title><script>var x = "text";</script></head><body> &nbsp; <img src="x.png"></body></html>`), Options{},
			[]got{{Source: "a.html", Err: "html page has no text"}}},
		{"frameset", "a.htm", []byte(`<html><frameset><frame src="a.html"></frameset></html>`), Options{},
			[]got{{Source: "a.htm", Err: "html page has no text"}}},
		{"feed by name", "news.xml", []byte("just some text\n"), Options{},
			[]got{{Source: "news.xml", Err: "malformed feed: failed to detect feed type"}}},
		{"rss by content", "news.txt", []byte("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>"), Options{},
			[]got{{Source: "news.txt", Err: "feed has no items"}}},
		{"atom by content", "news", []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`), Options{},
			[]got{{Source: "news", Err: "feed has no items"}}},
		{"gzip of rss", "news.rss.gz", gz(t, []byte(`<rss version="2.0"></rss>`)), Options{},
			[]got{{Source: "news.rss.gz", Err: "feed has no items"}}},
		{"warc by name", "crawl.warc", []byte("whatever\n"), Options{},
			[]got{{Source: "crawl.warc#1", Err: `warc record 1: not a warc record (starts "whatever")`}}},
		{"warc.gz by name", "crawl.warc.gz", gz(t, []byte("whatever\n")), Options{},
			[]got{{Source: "crawl.warc.gz#1", Err: `warc record 1: not a warc record (starts "whatever")`}}},
		{"warc by content", "crawl.txt", []byte("WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n"), Options{},
			[]got{{Source: "crawl.txt#1", Err: `warc record 1: bad Content-Length ""`}}},
		{"gzip of warc by content", "crawl.gz", gz(t, []byte("WARC/1.0\r\nWARC-Type: response\r\n\r\n")), Options{},
			[]got{{Source: "crawl.gz#1", Err: `warc record 1: bad Content-Length ""`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.file, tt.content)
			chdir(t, dir)
			check(t, readAll(t, []string{tt.file}, nil, tt.opts), tt.want)
		})
	}
}

// TestReadBytes reads inputs fetched into memory, named by their URL:
// the same formats and refusals as files, with the URL's last path
// element as the name that hints at the format.
func TestReadBytes(t *testing.T) {
	const feedURL = "https://example.org/news/daily.rss?page=1"
	tests := []struct {
		name, source string
		content      []byte
		opts         Options
		want         []got
	}{
		{"feed, one document per item", feedURL, []byte(rss), Options{}, []got{
			{Source: feedURL + "#bridge-1", Format: news.FormatHTML, Body: "<p>The council approved the new bridge"},
			{Source: feedURL + "#2", Format: news.FormatHTML, Body: "<p>The mayor said the old bridge"},
			{Source: feedURL + "#3", Err: "html page has no text"},
		}},
		{"atom feed", "https://example.org/atom", []byte(atom), Options{}, []got{
			{Source: "https://example.org/atom#urn:t", Format: news.FormatHTML, Body: "A tunnel under the river"},
		}},
		{"page", "https://example.org/2021/bridge", []byte(page), Options{}, []got{
			{Source: "https://example.org/2021/bridge", Format: news.FormatHTML, Body: page},
		}},
		{"gzip of a page", "https://example.org/bridge", gz(t, []byte(page)), Options{}, []got{
			{Source: "https://example.org/bridge", Format: news.FormatHTML, Body: page},
		}},
		{"text", "https://example.org/bridge.txt", []byte(textArticle), Options{}, []got{
			{Source: "https://example.org/bridge.txt", Format: news.FormatText, Body: textArticle},
		}},
		{"the URL's name hints at a feed", "https://example.org/feed.xml?x=1", []byte("just some text\n"), Options{}, []got{
			{Source: "https://example.org/feed.xml?x=1", Err: "malformed feed: failed to detect feed type"},
		}},
		{"a host without a path is no hint", "https://example.org", []byte("just some text\n"), Options{}, []got{
			{Source: "https://example.org", Format: news.FormatText, Body: "just some text"},
		}},
		{"file path", "saved/a.html", []byte(fragment), Options{}, []got{
			{Source: "saved/a.html", Format: news.FormatHTML, Body: fragment},
		}},
		{"empty", feedURL, nil, Options{}, []got{{Source: feedURL, Err: "empty file"}}},
		{"garbage", feedURL, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{}, []got{
			{Source: feedURL, Err: "binary content, not text or HTML"},
		}},
		{"too large", "https://example.org/a.txt", []byte(textArticle), Options{MaxBytes: 10}, []got{
			{Source: "https://example.org/a.txt", Err: "file too large: 73 bytes, limit 10"},
		}},
		{"feed too large", feedURL, []byte(rss), Options{MaxBytes: 100}, []got{
			{Source: feedURL, Err: "file too large: more than 100 bytes"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, collect(t, ReadBytes(tt.source, tt.content, tt.opts)), tt.want)
		})
	}
}

func TestReadBytesFeedMetadata(t *testing.T) {
	docs := mustReadBytes(t, "https://example.org/daily.rss", []byte(rss))
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	d := docs[0]
	if d.URL != "https://example.org/bridge" || d.Meta.Title != "Bridge approved" || d.Meta.Outlet != "Daily Bridge News" ||
		d.Meta.Published != "2021-03-02T10:00:00Z" || strings.Join(d.Meta.Authors, ",") != "Maria Lopez" {
		t.Errorf("item metadata: URL %q, %+v", d.URL, d.Meta)
	}
	if !strings.HasPrefix(string(d.Raw), "<p>The council approved") {
		t.Errorf("raw %.60q: want the item's content", d.Raw)
	}
}

func mustReadBytes(t *testing.T, source string, data []byte) []news.RawDoc {
	t.Helper()
	var docs []news.RawDoc
	for doc, err := range ReadBytes(source, data, Options{}) {
		if err == nil {
			docs = append(docs, doc)
		}
	}
	return docs
}

// badChecksum spoils the CRC-32 a gzip stream ends with.
func badChecksum(b []byte) []byte {
	b = bytes.Clone(b)
	b[len(b)-8] ^= 0xff
	return b
}

// chdir makes relative paths in a test name files in dir, so that
// sources read as they would on a command line.
func chdir(t *testing.T, dir string) { t.Chdir(dir) }

// check compares Read's stream with want: sources, formats and errors
// exactly, bodies as substrings.
func check(t *testing.T, gots, want []got) {
	t.Helper()
	if len(gots) != len(want) {
		t.Errorf("got %d items, want %d:", len(gots), len(want))
		for _, g := range gots {
			t.Errorf("  %q err=%q format=%v body=%.60q", g.Source, g.Err, g.Format, g.Body)
		}
		return
	}
	for i, w := range want {
		g := gots[i]
		if g.Source != w.Source || g.Err != w.Err {
			t.Errorf("item %d: got source %q error %q, want %q %q", i, g.Source, g.Err, w.Source, w.Err)
			continue
		}
		if w.Err != "" {
			continue
		}
		if g.Format != w.Format {
			t.Errorf("item %d (%s): format %v, want %v", i, g.Source, g.Format, w.Format)
		}
		if !strings.Contains(g.Body, w.Body) {
			t.Errorf("item %d (%s): body %.200q does not hold %q", i, g.Source, g.Body, w.Body)
		}
	}
}

// TestReadTooLargeSparse reads a 50 MB file made with os.Truncate: it must
// be refused by its size, before a byte of it is read.
func TestReadTooLargeSparse(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "huge.txt", nil)
	if err := os.Truncate(p, 50<<20); err != nil {
		t.Fatal(err)
	}
	check(t, readAll(t, []string{p}, nil, Options{}), []got{
		{Source: p, Err: "file too large: 52428800 bytes, limit 16777216"},
	})
}

// TestReadGoesOn: a bad input in the middle leaves the others unharmed,
// in the order given.
func TestReadGoesOn(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, "a.txt", []byte(textArticle))
	write(t, dir, "empty.txt", nil)
	write(t, dir, "b.html", []byte(page))
	write(t, dir, "cut.txt.gz", gz(t, []byte(strings.Repeat(textArticle, 40)))[:50])
	write(t, dir, "c.txt", []byte("Third article.\n"))
	paths := []string{"a.txt", "missing.txt", "empty.txt", "b.html", "cut.txt.gz", "c.txt"}
	want := []got{
		{Source: "a.txt", Format: news.FormatText, Body: textArticle},
		{Source: "missing.txt", Err: "no such file or directory"},
		{Source: "empty.txt", Err: "empty file"},
		{Source: "b.html", Format: news.FormatHTML, Body: page},
		{Source: "cut.txt.gz", Err: "truncated gzip: unexpected EOF"},
		{Source: "c.txt", Format: news.FormatText, Body: "Third article."},
	}
	check(t, readAll(t, paths, nil, Options{}), want)
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		stdin io.Reader
		opts  Options
		want  []got
	}{
		{"text", []string{"-"}, strings.NewReader(textArticle), Options{},
			[]got{{Source: "-", Format: news.FormatText, Body: textArticle}}},
		{"html", []string{"-"}, strings.NewReader(page), Options{},
			[]got{{Source: "-", Format: news.FormatHTML, Body: page}}},
		{"gzip", []string{"-"}, bytes.NewReader(gz(t, []byte(page))), Options{},
			[]got{{Source: "-", Format: news.FormatHTML, Body: page}}},
		{"jsonl", []string{"-"}, strings.NewReader(`{"text":"One."}` + "\n\n" + `{"text":"Two."}`), Options{},
			[]got{{Source: "-#1", Body: "One."}, {Source: "-#3", Body: "Two."}}},
		{"empty", []string{"-"}, strings.NewReader(""), Options{},
			[]got{{Source: "-", Err: "empty file"}}},
		{"too large", []string{"-"}, strings.NewReader(textArticle), Options{MaxBytes: 20},
			[]got{{Source: "-", Err: "file too large: more than 20 bytes"}}},
		{"none", []string{"-"}, nil, Options{},
			[]got{{Source: "-", Err: "no stdin to read"}}},
		{"read once", []string{"-", "-"}, strings.NewReader(textArticle), Options{},
			[]got{{Source: "-", Body: textArticle}, {Source: "-", Err: "empty file"}}},
		{"failing", []string{"-"}, io.MultiReader(strings.NewReader("Some"), errReader{}), Options{},
			[]got{{Source: "-", Err: "disk on fire"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, readAll(t, tt.paths, tt.stdin, tt.opts), tt.want)
		})
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// TestReadStops: breaking out of the loop stops reading at once.
func TestReadStops(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		write(t, dir, name, []byte(textArticle))
	}
	write(t, dir, "d.jsonl", []byte(jsonlLine+jsonlLine+jsonlLine))
	for limit := 1; limit <= 5; limit++ {
		n := 0
		for range Read([]string{dir, "missing", dir}, nil, Options{}) {
			n++
			if n == limit {
				break
			}
		}
		if n != limit {
			t.Errorf("break after %d: got %d items", limit, n)
		}
	}
}

// TestReadDeterministic: the same inputs give the same stream.
func TestReadDeterministic(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"z.txt", "a/b.html", "a/c.jsonl", "m.txt.gz", "B.txt", "a/bad.bin"} {
		content := []byte(textArticle + strings.Repeat("x", i))
		switch filepath.Ext(name) {
		case ".html":
			content = []byte(page)
		case ".jsonl":
			content = []byte(jsonlLine + "{oops\n" + jsonlLine)
		case ".gz":
			content = gz(t, content)
		case ".bin":
			content = []byte{0, 1, 2}
		}
		write(t, dir, name, content)
	}
	first := readAll(t, []string{dir}, nil, Options{})
	for range 5 {
		again := readAll(t, []string{dir}, nil, Options{})
		if len(again) != len(first) {
			t.Fatalf("got %d items, then %d", len(first), len(again))
		}
		for i := range first {
			if again[i].Source != first[i].Source || again[i].Body != first[i].Body || again[i].Err != first[i].Err {
				t.Fatalf("item %d: %q then %q", i, first[i].Source, again[i].Source)
			}
		}
	}
}

// TestReadSeeds reads the shared seed folder as the command line would.
func TestReadSeeds(t *testing.T) {
	root := "../../../shared/seeds"
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no seeds: %v", err)
	}
	gots := readAll(t, []string{root}, nil, Options{})
	if len(gots) != 5 {
		t.Fatalf("got %d items, want 5", len(gots))
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range gots {
		want := filepath.Join(root, entries[i].Name())
		if g.Err != "" || g.Source != want || g.Format != news.FormatText || len(g.Body) < 200 {
			t.Errorf("item %d: source %q format %v error %q, %d bytes; want %q as text", i, g.Source, g.Format, g.Err, len(g.Body), want)
		}
	}
	if !strings.HasPrefix(gots[0].Source, "../../../shared/seeds/") {
		t.Errorf("source %q is not joined with the folder as given", gots[0].Source)
	}
}

// mustRead reads paths and fails the test on any error.
func mustRead(t *testing.T, paths ...string) []news.RawDoc {
	t.Helper()
	var got []news.RawDoc
	for doc, err := range Read(paths, nil, Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, doc)
	}
	return got
}

func TestRawIsKeptAsRead(t *testing.T) {
	dir := t.TempDir()
	latin := []byte("Le pr\xe9sident a parl\xe9 \xe0 la presse ce matin, et il a r\xe9pondu aux questions des journalistes.\n")
	os.WriteFile(filepath.Join(dir, "a.txt"), latin, 0o644)
	lines := "{\"id\":\"x1\",\"text\":\"First article text here.\"}\n{\"id\":\"x2\",\"text\":\"Second article text here.\"}\n"
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(lines), 0o644)
	got := mustRead(t, dir)
	if len(got) != 3 {
		t.Fatalf("%d docs", len(got))
	}
	if !bytes.Equal(got[0].Raw, latin) || bytes.Equal(got[0].Body, latin) {
		t.Errorf("text file: raw %q, body %q", got[0].Raw, got[0].Body)
	}
	if string(got[1].Raw) != `{"id":"x1","text":"First article text here."}` && string(got[1].Raw) != "{\"id\":\"x1\",\"text\":\"First article text here.\"}\n" {
		t.Errorf("first JSONL raw = %q", got[1].Raw)
	}
	if !strings.Contains(string(got[2].Raw), `"x2"`) {
		t.Errorf("second JSONL raw = %q", got[2].Raw)
	}
}

func TestRawOfDecodedInputsIsTheOriginal(t *testing.T) {
	dir := t.TempDir()
	text := "The council approved the new bridge on Tuesday after a debate that lasted for more than ten years.\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "a.txt.gz"), gz.Bytes(), 0o644)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Le président a parlé à la presse ce matin devant les journalistes réunis.\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	os.WriteFile(filepath.Join(dir, "b.txt"), utf16, 0o644)
	withBOM := append([]byte{0xEF, 0xBB, 0xBF}, text...)
	os.WriteFile(filepath.Join(dir, "c.txt"), withBOM, 0o644)
	got := mustRead(t, dir)
	if len(got) != 3 {
		t.Fatalf("%d docs", len(got))
	}
	if !bytes.Equal(got[2].Raw, withBOM) || string(got[2].Body) != text {
		t.Errorf("UTF-8 with BOM: raw %q, body %q", got[2].Raw, got[2].Body)
	}
	if !bytes.Equal(got[0].Raw, gz.Bytes()) || string(got[0].Body) != text {
		t.Errorf("gzip: raw %d bytes (want the %d compressed), body %q", len(got[0].Raw), gz.Len(), got[0].Body)
	}
	if !bytes.Equal(got[1].Raw, utf16) || !strings.Contains(string(got[1].Body), "président") {
		t.Errorf("UTF-16: raw %x, body %q", got[1].Raw, got[1].Body)
	}
}
