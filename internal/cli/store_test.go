package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// TestMissingStoreRefused: serve and export refuse a store that does not
// exist, in one line naming it, and make nothing; --create makes it, and
// ingest makes it by default.
func TestMissingStoreRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo", "chorus.db")
	for _, args := range [][]string{{"serve", "--db", db, "--addr", "127.0.0.1:0"}, {"export", "--db", db, "--format", "json"}} {
		code, _, stderr := run(t, "", args...)
		if code != exitEmpty || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, db) || !strings.Contains(stderr, "--create") {
			t.Errorf("%v: exit %d %q, want one line naming %s", args, code, stderr, db)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v made the store", args)
		}
	}
	if code, stdout, stderr := run(t, "", "export", "--db", db, "--create", "--format", "json"); code != exitOK || !strings.Contains(stdout, `"stories"`) {
		t.Errorf("export --create: %d %s", code, stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("export --create made no store: %v", err)
	}
	other := filepath.Join(t.TempDir(), "new.db")
	if code, _, stderr := run(t, prose, "ingest", "--db", other, "--quiet", "-"); code != exitOK {
		t.Errorf("ingest into a new store: %d %s", code, stderr)
	}
}

// TestExportAtomLinks: the exported feed is valid for a feed reader —
// every entry links to its story page under --base-url and has content.
func TestExportAtomLinks(t *testing.T) {
	db := filepath.Join(t.TempDir(), "chorus.db")
	if code, _, stderr := run(t, prose, "ingest", "--db", db, "--quiet", "-"); code != exitOK {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	for base, want := range map[string]string{"": "http://127.0.0.1:8080/stories/", "https://news.example/chorus": "https://news.example/chorus/stories/"} {
		args := []string{"export", "--db", db, "--format", "atom"}
		if base != "" {
			args = append(args, "--base-url", base)
		}
		code, stdout, stderr := run(t, "", args...)
		if code != exitOK {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
		f, err := gofeed.NewParser().ParseString(stdout)
		if err != nil || len(f.Items) != 1 {
			t.Fatalf("%v: %v %s", args, err, stdout)
		}
		if it := f.Items[0]; !strings.HasPrefix(it.Link, want) || it.Content == "" {
			t.Errorf("%v: entry link %q content %q", args, it.Link, it.Content)
		}
	}
}
