package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/chorusnews/chorus/internal/news"
)

var errNoItems = errors.New("feed has no items")

// readFeed reads an RSS, Atom or RDF feed with gofeed and yields one
// document per item: its full content when the feed carries it, else its
// description, as HTML named path#guid, with the item's link, title,
// authors and date as stated metadata. A feed of teasers yields teasers;
// fetching the page behind each item is `chorus watch`'s job.
func (r *reader) readFeed(in input, br *bufio.Reader) bool {
	data, err := io.ReadAll(io.LimitReader(br, r.maxBytes+1))
	if err != nil {
		return r.fail(in.source, readErr(in, err))
	}
	if int64(len(data)) > r.maxBytes {
		return r.fail(in.source, tooLargeErr(in, r.maxBytes))
	}
	feed, err := gofeed.NewParser().ParseString(string(data))
	if err != nil {
		return r.fail(in.source, fmt.Errorf("malformed feed: %w", err))
	}
	if len(feed.Items) == 0 {
		return r.fail(in.source, errNoItems)
	}
	for i, item := range feed.Items {
		source := fmt.Sprintf("%s#%d", in.source, i+1)
		if item.GUID != "" {
			source = in.source + "#" + item.GUID
		}
		body := item.Content
		if strings.TrimSpace(body) == "" {
			body = item.Description
		}
		if strings.TrimSpace(body) == "" {
			if !r.fail(source, errNoText) {
				return false
			}
			continue
		}
		doc, err := document(kindHTML, []byte("<html><body><article>"+body+"</article></body></html>"))
		if err != nil {
			if !r.fail(source, err) {
				return false
			}
			continue
		}
		doc.Source, doc.URL, doc.Raw = source, item.Link, []byte(body)
		doc.Meta = news.Meta{URL: item.Link, Title: strings.TrimSpace(item.Title), Outlet: strings.TrimSpace(feed.Title)}
		for _, a := range item.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				doc.Meta.Authors = append(doc.Meta.Authors, strings.TrimSpace(a.Name))
			}
		}
		switch {
		case item.PublishedParsed != nil:
			doc.Meta.Published = item.PublishedParsed.UTC().Format("2006-01-02T15:04:05Z07:00")
		case item.UpdatedParsed != nil:
			doc.Meta.Published = item.UpdatedParsed.UTC().Format("2006-01-02T15:04:05Z07:00")
		}
		if !r.emit(doc) {
			return false
		}
	}
	return true
}
