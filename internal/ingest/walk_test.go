package ingest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	for _, name := range []string{
		"news/b.txt", "news/a.html", "news/sub/c.txt", "news/sub/deeper/d.txt",
		"news/B-upper.txt", "news/.hidden.txt", "news/.git/config.txt",
		"news/sub/.cache/e.txt", "news/z/.DS_Store",
	} {
		content := []byte(textArticle)
		if filepath.Ext(name) == ".html" {
			content = []byte(page)
		}
		write(t, dir, name, content)
	}
	write(t, dir, "news/sub/empty.txt", nil)

	tests := []struct {
		name string
		path string
		want []got
	}{
		{"sorted, hidden skipped, errors in place", "news", []got{
			{Source: "news/B-upper.txt", Format: news.FormatText, Body: textArticle},
			{Source: "news/a.html", Format: news.FormatHTML, Body: page},
			{Source: "news/b.txt", Format: news.FormatText, Body: textArticle},
			{Source: "news/sub/c.txt", Format: news.FormatText, Body: textArticle},
			{Source: "news/sub/deeper/d.txt", Format: news.FormatText, Body: textArticle},
			{Source: "news/sub/empty.txt", Err: "empty file"},
		}},
		{"joined with the folder as given", "./news/sub/", []got{
			{Source: "news/sub/c.txt", Format: news.FormatText, Body: textArticle},
			{Source: "news/sub/deeper/d.txt", Format: news.FormatText, Body: textArticle},
			{Source: "news/sub/empty.txt", Err: "empty file"},
		}},
		{"hidden folder given explicitly", "news/.git", []got{
			{Source: "news/.git/config.txt", Format: news.FormatText, Body: textArticle},
		}},
		{"hidden file given explicitly", "news/.hidden.txt", []got{
			{Source: "news/.hidden.txt", Format: news.FormatText, Body: textArticle},
		}},
		{"folder with nothing to read", "news/z", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, readAll(t, []string{tt.path}, nil, Options{}), tt.want)
		})
	}
}

func TestReadFolderLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, "store/x.txt", []byte(textArticle))
	write(t, dir, "in/a.txt", []byte(textArticle))
	for target, link := range map[string]string{
		"../store/x.txt": "in/b-link.txt", // a file: followed
		"..":             "in/c-loop",     // a folder: not followed
		"nowhere.txt":    "in/d-broken.txt",
		"e-loop.txt":     "in/e-loop.txt", // a file linking to itself
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	check(t, readAll(t, []string{"in"}, nil, Options{}), []got{
		{Source: "in/a.txt", Format: news.FormatText, Body: textArticle},
		{Source: "in/b-link.txt", Format: news.FormatText, Body: textArticle},
		{Source: "in/d-broken.txt", Err: "no such file or directory"},
		{Source: "in/e-loop.txt", Err: "too many levels of symbolic links"},
	})
}

func TestReadFolderUnreadable(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions are not enforced here")
	}
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, "in/a.txt", []byte(textArticle))
	write(t, dir, "in/locked/b.txt", []byte(textArticle))
	write(t, dir, "in/z.txt", []byte(textArticle))
	if err := os.Chmod(filepath.Join(dir, "in/locked"), 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "in/locked"), 0o755) })
	check(t, readAll(t, []string{"in"}, nil, Options{}), []got{
		{Source: "in/a.txt", Format: news.FormatText, Body: textArticle},
		{Source: "in/locked", Err: "cannot read folder: permission denied"},
		{Source: "in/z.txt", Format: news.FormatText, Body: textArticle},
	})
}
