//go:build unix

package ingest

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// TestReadSpecialFiles: a named pipe, a socket or a device, named or met
// in a folder, is refused at once with one line, where reading a named
// pipe nobody writes to would wait forever.
func TestReadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, "in/a.txt", []byte(textArticle))
	write(t, dir, "in/z.txt", []byte(textArticle))
	if err := syscall.Mkfifo(filepath.Join(dir, "in/pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("pipe", filepath.Join(dir, "in/pipe-link")); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "in/socket"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	tests := []struct {
		name  string
		paths []string
		want  []got
	}{
		{"in a folder", []string{"in"}, []got{
			{Source: "in/a.txt", Format: news.FormatText, Body: textArticle},
			{Source: "in/pipe", Err: "not a regular file (a named pipe)"},
			{Source: "in/pipe-link", Err: "not a regular file (a named pipe)"},
			{Source: "in/socket", Err: "not a regular file (a socket)"},
			{Source: "in/z.txt", Format: news.FormatText, Body: textArticle},
		}},
		{"named", []string{"in/pipe", "in/pipe-link", "in/socket", "in/a.txt"}, []got{
			{Source: "in/pipe", Err: "not a regular file (a named pipe)"},
			{Source: "in/pipe-link", Err: "not a regular file (a named pipe)"},
			{Source: "in/socket", Err: "not a regular file (a socket)"},
			{Source: "in/a.txt", Format: news.FormatText, Body: textArticle},
		}},
		{"a device", []string{"/dev/null"}, []got{
			{Source: "/dev/null", Err: "not a regular file (a character device)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan []got, 1)
			go func() { done <- readAll(t, tt.paths, nil, Options{}) }()
			select {
			case gots := <-done:
				check(t, gots, tt.want)
			case <-time.After(10 * time.Second):
				t.Fatal("still reading after 10 s: blocked on a special file")
			}
		})
	}
}

// TestReadOpenDescriptor: /dev/fd/N, as a shell's <(...) names a pipe it
// holds open, is read like stdin.
func TestReadOpenDescriptor(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/dev/fd reopens a pipe on Linux")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := w.WriteString(textArticle); err != nil {
		t.Fatal(err)
	}
	w.Close()
	p := fmt.Sprintf("/dev/fd/%d", r.Fd())
	check(t, readAll(t, []string{p}, nil, Options{}), []got{{Source: p, Format: news.FormatText, Body: textArticle}})
}
