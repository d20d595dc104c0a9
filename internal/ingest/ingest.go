// Package ingest turns sources (files, folders, stdin) into RawDocs: it walks
// paths, tells formats by content and name, unpacks gzip, splits JSON Lines
// and decodes legacy encodings to UTF-8.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"syscall"

	"github.com/chorusnews/chorus/internal/news"
)

// Options tunes reading.
type Options struct {
	// MaxBytes is the largest document accepted, after decompression.
	// Zero means DefaultMaxBytes. A JSON Lines file may be larger: the
	// limit then holds for each of its lines.
	MaxBytes int64
}

// DefaultMaxBytes bounds one document; news pages are far smaller, and a
// larger input is almost always a mistake or an attack.
const DefaultMaxBytes = 16 << 20

// Read yields every document found under paths, in a deterministic order.
// "-" reads stdin. A failure with one input is yielded as a *news.InputError
// and reading goes on; so is a warning about an input read all the same
// (errors.Is(err, ErrWarning)), before its documents.
//
// Paths are read in the order given; folders are walked depth first in
// sorted order, skipping hidden files and folders. Reading is lazy: each
// input is opened only when the consumer asks for the next document.
func Read(paths []string, stdin io.Reader, opts Options) iter.Seq2[news.RawDoc, error] {
	return func(yield func(news.RawDoc, error) bool) {
		r := &reader{stdin: stdin, maxBytes: opts.MaxBytes, yield: yield}
		if r.maxBytes <= 0 {
			r.maxBytes = DefaultMaxBytes
		}
		for _, p := range paths {
			if !r.readPath(p) {
				return
			}
		}
	}
}

// ReadBytes yields the documents in data, an input already in memory such
// as a feed or page fetched over HTTP, through the same sniffing and
// readers as a file: a feed gives one document per item, named
// source#guid, and a page one HTML document named source. A failure is
// yielded as a *news.InputError, as with Read.
//
// source names the input; its last path element, the file name of a path
// or URL, serves as the name that hints at the format when the content
// leaves it open.
func ReadBytes(source string, data []byte, opts Options) iter.Seq2[news.RawDoc, error] {
	return func(yield func(news.RawDoc, error) bool) {
		r := &reader{maxBytes: opts.MaxBytes, yield: yield}
		if r.maxBytes <= 0 {
			r.maxBytes = DefaultMaxBytes
		}
		in := input{source: source, name: nameOf(source), size: int64(len(data))}
		r.readStream(in, bytes.NewReader(data))
	}
}

// nameOf is the last path element of source, a URL or a file path, for
// format hints by extension: "https://x.org/news/feed.rss?a=1" gives
// "feed.rss".
func nameOf(source string) string {
	if u, err := url.Parse(source); err == nil && u.Scheme != "" && u.Host != "" {
		return path.Base(u.Path)
	}
	return filepath.Base(source)
}

// reader carries one Read call's state. Its methods return false once the
// consumer has stopped asking for documents.
type reader struct {
	stdin    io.Reader
	maxBytes int64
	yield    func(news.RawDoc, error) bool
}

func (r *reader) emit(doc news.RawDoc) bool { return r.yield(doc, nil) }

// fail reports a problem with one input and tells whether to go on.
func (r *reader) fail(source string, err error) bool {
	return r.yield(news.RawDoc{Source: source}, &news.InputError{Source: source, Err: err})
}

// ErrWarning marks the *news.InputError of an input that was read all the
// same, after a repair its reader is told of (errors.Is(err, ErrWarning));
// its documents follow it.
var ErrWarning = errors.New("warning")

// warnReplaced tells, when n is not 0, that n bytes of source were not
// UTF-8 and were replaced by U+FFFD; it returns whether to go on.
func (r *reader) warnReplaced(source string, n int) bool {
	if n == 0 {
		return true
	}
	return r.fail(source, fmt.Errorf("%w: %s of invalid utf-8 replaced with U+FFFD", ErrWarning, plural(n, "byte")))
}

// plural words n of noun: "1 byte", "2 bytes".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func (r *reader) readPath(p string) bool {
	if p == "-" {
		return r.readStdin()
	}
	fi, err := os.Stat(p)
	if err != nil {
		return r.fail(p, fileErr(err))
	}
	if fi.IsDir() {
		return walk(p, func(file string, err error) bool {
			if err != nil {
				return r.fail(file, err)
			}
			return r.readFile(file)
		})
	}
	if !fi.Mode().IsRegular() && !isOpenDescriptor(p) {
		return r.fail(p, notRegular(fi.Mode()))
	}
	return r.readFile(p)
}

// readFile reads a regular file, or a descriptor open already. It opens
// without blocking, so that a file turned into a named pipe since it was
// looked at is refused rather than waited on for a writer forever.
func (r *reader) readFile(p string) bool {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return r.fail(p, fileErr(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return r.fail(p, fileErr(err))
	}
	size := fi.Size()
	if !fi.Mode().IsRegular() {
		if !isOpenDescriptor(p) {
			return r.fail(p, notRegular(fi.Mode()))
		}
		size = -1
	}
	return r.readStream(input{source: p, name: p, size: size}, f)
}

// errNotRegular refuses named pipes, devices and sockets: reading one
// waits forever for a writer that never comes (a named pipe), or never
// ends (/dev/zero), and none holds documents.
var errNotRegular = errors.New("not a regular file")

func notRegular(mode fs.FileMode) error {
	kind := "a special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeCharDevice != 0:
		kind = "a character device"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%w (%s)", errNotRegular, kind)
}

// isOpenDescriptor reports a path naming a descriptor the process holds
// open already, such as the /dev/fd/63 of a shell's <(...): its pipe has
// its writer, and is read like stdin.
func isOpenDescriptor(p string) bool {
	p = filepath.Clean(p)
	switch filepath.Dir(p) {
	case "/dev/fd", "/proc/self/fd", "/proc/thread-self/fd":
		return true
	}
	return p == "/dev/stdin"
}

func (r *reader) readStdin() bool {
	if r.stdin == nil {
		return r.fail("-", errors.New("no stdin to read"))
	}
	return r.readStream(input{source: "-", size: -1}, r.stdin)
}
