package cli

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

const prose = "The council approved the new bridge on Tuesday after a debate that lasted for more than ten years, and the mayor said that work would start in the spring.\n\n" +
	"The bridge will cost about 12 million euros and should open in 2024, according to the plans that the council published after the vote.\n\n" +
	"Traffic on the old bridge has doubled since 2010, and the engineers warned last year that it could not carry the load for much longer."

func TestExtractBadInputsDoNotStopTheRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(prose + "\n" + prose))
	zw.Close()
	good := write("good.txt", []byte("Bridge approved\n"+prose))
	bad := []string{
		write("empty.txt", nil),
		write("binary.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0, 9}),
		write("truncated.txt.gz", gz.Bytes()[:gz.Len()/2]),
		write("nobody.html", []byte("<html><head><title>x</title></head></html>")),
		write("broken.jsonl", []byte(`{"id":"ok-1","text":"`+strings.ReplaceAll(prose, "\n", `\n`)+`"}`+"\n{\"id\": \n")),
		filepath.Join(dir, "missing.txt"),
	}
	code, stdout, stderr := run(t, "", append([]string{"extract", "--json", good}, bad...)...)
	if code != exitOK {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(bad) {
		t.Errorf("%d error lines for %d bad inputs:\n%s", len(lines), len(bad), stderr)
	}
	for _, b := range []string{"empty.txt", "binary.bin", "truncated.txt.gz", "nobody.html", "broken.jsonl#2", "missing.txt"} {
		if !strings.Contains(stderr, b) {
			t.Errorf("no error line names %s:\n%s", b, stderr)
		}
	}
	var got []news.Article
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a news.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		got = append(got, a)
	}
	if len(got) != 2 || got[0].Source != good || got[1].Source != "ok-1" {
		t.Fatalf("articles = %+v", got)
	}
	if got[0].Title != "Bridge approved" || strings.Count(got[0].Text, "\n\n") != 2 {
		t.Errorf("article = %+v", got[0])
	}
}

func TestExtractExitStatus(t *testing.T) {
	if code, _, _ := run(t, ""); code != exitUsage {
		t.Errorf("no command: exit %d", code)
	}
	if code, _, _ := run(t, "", "extract"); code != exitUsage {
		t.Errorf("no path: exit %d", code)
	}
	if code, _, _ := run(t, "", "frobnicate"); code != exitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _, stderr := run(t, "", "extract", filepath.Join(t.TempDir(), "none.txt")); code != exitEmpty || stderr == "" {
		t.Errorf("only bad input: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ := run(t, "Bridge approved\n"+prose, "extract", "-")
	if code != exitOK || !strings.Contains(stdout, "# Bridge approved") {
		t.Errorf("stdin: exit %d, output %q", code, stdout)
	}
}

func TestExtractSeedsJSON(t *testing.T) {
	code, stdout, stderr := run(t, "", "extract", "--json", "../../../shared/seeds")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		for _, field := range []string{"id", "source", "url", "outlet", "title", "authors", "published", "language", "text", "duplicate_of"} {
			if _, ok := m[field]; !ok {
				t.Errorf("article lacks contract field %q", field)
			}
		}
		if _, ok := m["authors"].([]any); !ok {
			t.Errorf("authors is %T, want an array", m["authors"])
		}
		n++
	}
	if n != 5 {
		t.Errorf("%d articles, want 5", n)
	}
}

func TestAnalyzeJSON(t *testing.T) {
	code, stdout, stderr := run(t, "", "analyze", "--json", "../../../shared/seeds/001_646108a48d638425.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var a news.Analyzed
	if err := json.Unmarshal([]byte(stdout), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Quotes) == 0 || len(a.Entities) == 0 || len(a.Facts) == 0 {
		t.Errorf("analysis empty: %d quotes, %d entities, %d facts", len(a.Quotes), len(a.Entities), len(a.Facts))
	}
	var m map[string]any
	json.Unmarshal([]byte(stdout), &m)
	for _, k := range []string{"quotes", "entities", "facts", "title", "text"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q in analyze output", k)
		}
	}
}

func TestDigestCommand(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "empty.txt")
	os.WriteFile(bad, nil, 0o644)
	code, stdout, stderr := run(t, "", "digest", "--json", "../../../shared/seeds", bad)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d news.Digest
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Stories) != 1 || len(d.Errors) != 1 || d.Errors[0].Source != bad {
		t.Errorf("%d stories, errors %+v", len(d.Stories), d.Errors)
	}
	code, stdout, _ = run(t, "", "digest", "../../../shared/seeds")
	if code != exitOK || !strings.Contains(stdout, "## Summary") || !strings.Contains(stdout, "## Where outlets disagree") {
		t.Errorf("markdown digest: exit %d\n%s", code, stdout)
	}
	if code, _, _ := run(t, "", "digest", "--json", "--markdown", "x"); code != exitUsage {
		t.Errorf("--json with --markdown: exit %d", code)
	}
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "chorus.db")
	code, _, stderr := run(t, "", "ingest", "--db", db, "../../../shared/seeds")
	if code != exitOK || !strings.Contains(stderr, "5 added, 0 already stored") {
		t.Fatalf("first ingest: exit %d, %s", code, stderr)
	}
	code, _, stderr = run(t, "", "ingest", "--db", db, "../../../shared/seeds")
	if code != exitOK || !strings.Contains(stderr, "0 added, 5 already stored") {
		t.Fatalf("second ingest: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := run(t, "", "export", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("export: exit %d, %s", code, stderr)
	}
	var d news.Digest
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 5 || len(d.Stories) != 1 || len(d.Stories[0].Quotes) == 0 {
		t.Errorf("export: %d articles, %d stories", len(d.Articles), len(d.Stories))
	}
	for _, a := range d.Articles {
		if a.Story != d.Stories[0].ID {
			t.Errorf("%s in story %q", a.ID, a.Story)
		}
	}
	if code, stdout, _ := run(t, "", "export", "--db", db, "--format", "atom"); code != exitOK || strings.Count(stdout, "<entry>") != 1 {
		t.Errorf("atom export: exit %d\n%s", code, stdout)
	}
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "rss"); code != exitUsage {
		t.Errorf("unknown format: exit %d", code)
	}
}

func TestBenchCommand(t *testing.T) {
	code, stdout, stderr := run(t, "", "bench", "--articles", "300",
		"--articles-file", "../../../shared/data/stories/allsides-dev.articles.jsonl", "--events-file", "../../../shared/data/stories/allsides-dev.gold.tsv",
		"--texts-dir", "../../../shared/data/attribution/polnear-dev/text")
	if code != exitOK || !strings.Contains(stdout, "articles 300") || !strings.Contains(stdout, "articles/s") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := run(t, "", "bench", "--articles", "0"); code != exitUsage {
		t.Errorf("--articles 0: exit %d", code)
	}
	// A library the html mode cannot run is refused before any round,
	// in one line naming it.
	code, _, stderr = run(t, "", "bench", "--mode", "html", "--library", "bogus", "--dir", "../../../shared/data/extraction/aeb/html")
	if code != exitUsage || !strings.Contains(stderr, `--library "bogus"`) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("--library bogus: exit %d, stderr %q", code, stderr)
	}
}

func TestProgressOnlyOnTerminals(t *testing.T) {
	if progressBar(&bytes.Buffer{}, "x") != nil {
		t.Error("a progress bar drawn into a buffer")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if progressBar(w, "x") != nil {
		t.Error("a progress bar drawn into a pipe")
	}
	db := filepath.Join(t.TempDir(), "chorus.db")
	if code, _, stderr := run(t, "", "ingest", "--quiet", "--db", db, "../../../shared/seeds"); code != exitOK || stderr != "" {
		t.Errorf("--quiet: exit %d, stderr %q", code, stderr)
	}
}
