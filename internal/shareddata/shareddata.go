// Package shareddata reads the seeds and the evaluation sets that sit in
// ../shared beside the repository, for tests and benchmarks. When ../shared
// is not there, the caller's test is skipped rather than failed.
package shareddata

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// Dir returns the path of ../shared, found from this source file so that
// tests in any package reach it.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}

// Path joins elements onto Dir.
func Path(elem ...string) string { return filepath.Join(append([]string{Dir()}, elem...)...) }

// Seed is one seed article as saved from the web.
type Seed struct {
	Name string // file name, such as "000_0b808cb1f53d8eec.txt"
	Path string
	Text string
}

// Seeds reads the five seed files in name order.
func Seeds(tb testing.TB) []Seed {
	tb.Helper()
	files, _ := filepath.Glob(Path("seeds", "*.txt"))
	if len(files) == 0 {
		tb.Skipf("seeds are read from %s", Path("seeds"))
	}
	sort.Strings(files)
	var out []Seed
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, Seed{Name: filepath.Base(f), Path: f, Text: string(b)})
	}
	return out
}

// AllSides reads the AllSides dev articles and their gold event labels.
func AllSides(tb testing.TB) ([]news.Article, map[string]string) {
	tb.Helper()
	f, err := os.Open(Path("data", "stories", "allsides-dev.articles.jsonl"))
	if err != nil {
		tb.Skipf("AllSides dev is read from ../shared: %v", err)
	}
	defer f.Close()
	var arts []news.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a news.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("allsides-dev.articles.jsonl: %v", err)
		}
		arts = append(arts, a)
	}
	g, err := os.ReadFile(Path("data", "stories", "allsides-dev.gold.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	gold := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(g)), "\n") {
		if k, v, ok := strings.Cut(line, "\t"); ok {
			gold[k] = v
		}
	}
	return arts, gold
}

// SeedText returns the text of the seed whose name starts with prefix
// ("000", "001", …).
func SeedText(tb testing.TB, prefix string) string {
	tb.Helper()
	for _, s := range Seeds(tb) {
		if strings.HasPrefix(s.Name, prefix) {
			return s.Text
		}
	}
	tb.Skipf("no seed %s in %s", prefix, Path("seeds"))
	return ""
}

// Multilingual is multilingual-dev: the path of its articles (JSON Lines,
// the id of each is its source), and for each id its gold event, the
// language a person read it in and the main event it is a look-alike of
// ("" for a main event).
type Multilingual struct {
	Path                     string
	Event, Language, Mirrors map[string]string
}

// MultilingualDev reads multilingual-dev's labels.
func MultilingualDev(tb testing.TB) Multilingual {
	tb.Helper()
	m := Multilingual{Path: Path("data", "stories", "multilingual-dev.articles.jsonl"),
		Event: map[string]string{}, Language: map[string]string{}, Mirrors: map[string]string{}}
	meta, err := os.ReadFile(Path("data", "stories", "multilingual-dev.meta.tsv"))
	if err != nil {
		tb.Skipf("multilingual-dev is read from ../shared: %v", err)
	}
	// id, language, outlet, event, look_alike_of
	for _, line := range strings.Split(strings.TrimSpace(string(meta)), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			tb.Fatalf("multilingual-dev.meta.tsv: short line %q", line)
		}
		m.Language[f[0]], m.Event[f[0]] = f[1], f[3]
		if len(f) > 4 {
			m.Mirrors[f[3]] = f[4]
		}
	}
	return m
}
