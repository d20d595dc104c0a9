package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
)

// A feed item whose text is shorter than either bound is taken for a
// teaser: a lead paragraph is some 40 to 60 words, a full news article
// several hundred.
const (
	teaserChars = 500
	teaserWords = 80
)

// isTeaser tells a feed item that carries only a teaser of its article
// and links to the article's page. The item's body is its content, else
// its description (see ingest's feed reader), so a short body means the
// content was missing or no longer than a teaser.
func isTeaser(doc news.RawDoc) bool {
	if doc.Format != news.FormatHTML || doc.IsArticle || CheckURL(doc.URL) != nil {
		return false
	}
	text := htmlText(doc.Raw)
	return utf8.RuneCountInString(text) < teaserChars || len(strings.Fields(text)) < teaserWords
}

// htmlText is the text of an HTML fragment, spaces collapsed, without
// scripts and styles.
func htmlText(fragment []byte) string {
	var b strings.Builder
	z := html.NewTokenizer(bytes.NewReader(fragment))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		}
	}
}

// errNotPage is a link that gave something other than one page.
var errNotPage = errors.New("not an article page")

// fetchPage fetches the page behind a teaser and returns it as the
// document to store, with the item's URL, title, date, authors and outlet
// as stated metadata. The item's date and title win over what the page
// may say, as the feed states them for this very article.
func (w *Watcher) fetchPage(ctx context.Context, item news.RawDoc) (news.RawDoc, error) {
	resp, err := w.get(ctx, item.URL, acceptPage, nil)
	if err != nil {
		return news.RawDoc{}, err
	}
	if resp.status != http.StatusOK {
		return news.RawDoc{}, &statusError{status: resp.status}
	}
	var page news.RawDoc
	n := 0
	for doc, err := range ingest.ReadBytes(item.URL, resp.body, ingest.Options{MaxBytes: w.opts.MaxBytes}) {
		if err != nil {
			var ie *news.InputError
			if errors.As(err, &ie) {
				return news.RawDoc{}, ie.Err // the report names the link already
			}
			return news.RawDoc{}, err
		}
		page = doc
		n++
	}
	if n != 1 || page.Source != item.URL {
		return news.RawDoc{}, errNotPage
	}
	page.URL = item.URL
	page.Meta = item.Meta
	page.Meta.Authors = append([]string(nil), item.Meta.Authors...)
	page.Fetched = w.now()
	return page, nil
}

// teaserErr reports a page that could not be fetched behind a teaser.
func teaserErr(item news.RawDoc, err error) error {
	return &news.InputError{Source: item.Source, Err: fmt.Errorf("page %s: %w; the feed's teaser is stored instead", item.URL, err)}
}
