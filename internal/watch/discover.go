package watch

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/chorusnews/chorus/internal/ingest"
)

// feedTypes are the media types a page's <link rel="alternate"> gives for
// its feeds.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/rdf+xml":   true,
	"application/feed+json": true,
}

// Discover finds the feeds at address: the feed itself when address is
// one, else the feeds a web page names in its <link rel="alternate">
// elements. It fetches through the same network policy, timeout and size
// limit as the watch.
func Discover(ctx context.Context, address string, o Options) ([]Feed, error) {
	w := &Watcher{opts: o.withDefaults(), hosts: hosts{delay: o.Delay}}
	resp, err := w.get(ctx, address, acceptFeed+", text/html;q=0.7", nil)
	if err != nil {
		return nil, err
	}
	if resp.status != 200 {
		return nil, &statusError{status: resp.status}
	}
	if ingest.IsFeed(resp.body) {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.body))
		if err != nil {
			return nil, fmt.Errorf("not a feed that can be read: %w", err)
		}
		return []Feed{{URL: address, Title: strings.TrimSpace(feed.Title)}}, nil
	}
	feeds := pageFeeds(resp.body, address)
	if len(feeds) == 0 {
		return nil, fmt.Errorf(`no feed: a web page that names none (no <link rel="alternate"> of a feed type)`)
	}
	return feeds, nil
}

// pageFeeds reads the feed links in a page's head, resolved against the
// page's address, each once, in page order.
func pageFeeds(page []byte, base string) []Feed {
	baseURL, err := url.Parse(base)
	if err != nil {
		return nil
	}
	var feeds []Feed
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return feeds
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return feeds
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) == atom.Body {
				return feeds
			}
			if atom.Lookup(name) != atom.Link || !hasAttr {
				continue
			}
			f, ok := feedLink(z, baseURL)
			if ok && !seen[f.URL] {
				seen[f.URL] = true
				feeds = append(feeds, f)
			}
		}
	}
}

// feedLink reads a <link>'s attributes: a feed when rel holds "alternate"
// and type is a feed's.
func feedLink(z *html.Tokenizer, base *url.URL) (Feed, bool) {
	var rel, typ, href, title string
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "rel":
			rel = strings.ToLower(string(v))
		case "type":
			typ = strings.ToLower(strings.TrimSpace(string(v)))
		case "href":
			href = strings.TrimSpace(string(v))
		case "title":
			title = strings.TrimSpace(string(v))
		}
		if !more {
			break
		}
	}
	if !feedTypes[typ] || href == "" || !slices.Contains(strings.Fields(rel), "alternate") {
		return Feed{}, false
	}
	u, err := base.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return Feed{}, false
	}
	return Feed{URL: u.String(), Title: title}, true
}
