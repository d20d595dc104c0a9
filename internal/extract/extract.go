// Package extract turns a RawDoc into a clean Article: main text only, with
// title, authors, publication date, outlet and language. HTML goes through
// go-trafilatura; plain text through our own cleaner (package plaintext).
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/chorusnews/chorus/internal/extract/plaintext"
	"github.com/chorusnews/chorus/internal/news"
)

// Options tunes extraction.
type Options struct {
	HTML HTMLOptions
	Text plaintext.Options
}

// DefaultOptions are the measured defaults.
func DefaultOptions() Options {
	return Options{Text: plaintext.DefaultOptions()}
}

// MaxText is the most text an article may have: the visible text an HTML
// page may have (see the page limits), for plain text and JSON Lines too.
// Analysis costs memory in proportion to the text; the longest article of
// the evaluation sets has a tenth of it.
const MaxText = 1 << 20

// ErrNoText is returned when a document yields no main text at all.
var ErrNoText = errors.New("no article text found")

// Extract turns one raw document into an article. It is a pure function of
// its input and options.
func Extract(doc news.RawDoc, opts Options) (news.Article, error) {
	var (
		a   news.Article
		err error
	)
	switch doc.Format {
	case news.FormatHTML:
		a, err = extractHTML(doc, opts.HTML)
	default:
		a, err = extractText(doc, opts.Text)
	}
	if err != nil {
		return news.Article{}, &news.InputError{Source: doc.Source, Err: err}
	}
	applyMeta(&a, doc)
	if strings.TrimSpace(a.Text) == "" {
		return news.Article{}, &news.InputError{Source: doc.Source, Err: ErrNoText}
	}
	if len(a.Text) > MaxText {
		return news.Article{}, &news.InputError{Source: doc.Source,
			Err: fmt.Errorf("article text too long: %d bytes, limit %d (no news article is; analysis would take memory in proportion)", len(a.Text), MaxText)}
	}
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	a.Source = doc.Source
	a.ID = articleID(doc)
	return a, nil
}

// applyMeta lets what the source stated explicitly win over inference.
func applyMeta(a *news.Article, doc news.RawDoc) {
	m := doc.Meta
	if m.URL != "" {
		a.URL = m.URL
	} else if a.URL == "" {
		a.URL = doc.URL
	}
	if m.Outlet != "" {
		a.Outlet = m.Outlet
	}
	if m.Title != "" {
		a.Title = m.Title
	}
	if len(m.Authors) > 0 {
		a.Authors = m.Authors
	}
	if m.Published != "" {
		a.Published = m.Published
	}
	if m.Language != "" {
		a.Language = m.Language
	}
	if a.Outlet == "" {
		a.Outlet = hostOf(a.URL)
	}
}

// articleID derives a stable id from what identifies the document: its
// stated id or URL and its body. The same input read twice gets the same id;
// two syndicated copies on different sites do not.
func articleID(doc news.RawDoc) string {
	h := sha256.New()
	key := doc.Meta.ID
	if key == "" {
		key = doc.Meta.URL
	}
	if key == "" {
		key = doc.URL
	}
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write(doc.Body)
	return "a-" + hex.EncodeToString(h.Sum(nil))[:16]
}

// ForBatch returns opts fitted to a batch of documents read together: lines
// that several of its plain-text pages share (a site's furniture) count
// against being article text.
func ForBatch(opts Options, docs []news.RawDoc) Options {
	var pages []string
	for _, d := range docs {
		if InBatch(d) {
			pages = append(pages, string(d.Body))
		}
	}
	if len(pages) >= 2 {
		opts.Text.Repeated = plaintext.NewLineIndex(pages).Repeated
	}
	return opts
}

// InBatch tells whether doc's extraction depends on the batch it is read
// with: a plain-text page, whose lines shared with the batch's other pages
// count against it (ForBatch). Any other document comes out the same
// whatever it is read with.
func InBatch(doc news.RawDoc) bool {
	return doc.Format == news.FormatText && !doc.IsArticle
}
