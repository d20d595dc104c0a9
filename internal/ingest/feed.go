package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/chorusnews/chorus/internal/news"
)

var errNoItems = errors.New("feed has no items")

// entityDecl matches the declaration of an entity in a document type's
// internal subset: whether it is a parameter entity, its name, and either
// SYSTEM or PUBLIC with the first literal, or the quoted value.
var entityDecl = regexp.MustCompile(`<!ENTITY\s+(%\s*)?([^\s"'>%]+)\s+(?:(SYSTEM|PUBLIC)\s*("[^"]*"|'[^']*')?|("[^"]*"|'[^']*'))`)

// entityRef matches an entity reference in an entity's value; character
// references (&#160;) are not entity references.
var entityRef = regexp.MustCompile(`&([A-Za-z_:][^;\s&]*);`)

// checkEntities refuses a feed whose document type declares an entity a
// full XML parser would fetch (an external entity: "XXE") or expand into
// ever more entities (an entity made of entities: "billion laughs"). The
// parser we use does neither and leaves such references as written; but
// a feed built this way is an attack, not news, and its text would keep
// the bare references. Parameter entities, used within the declarations
// only (as feeds do to allow HTML's named characters), and entities of
// plain text are let through.
func checkEntities(data []byte) error {
	b := skipPrologue(data)
	if !hasPrefixFold(b, "<!doctype") {
		return nil
	}
	if rest := skipDoctype(b); rest != nil {
		b = b[:len(b)-len(rest)]
	}
	for _, m := range entityDecl.FindAllSubmatch(b, -1) {
		if len(m[1]) > 0 {
			continue
		}
		name := truncateStr(string(m[2]), 40)
		if m[3] != nil {
			return fmt.Errorf("feed declares external xml entity %q (%s); such feeds are refused", name, truncateStr(string(bytes.Trim(m[4], `"'`)), 60))
		}
		for _, ref := range entityRef.FindAllSubmatch(m[5], -1) {
			switch string(ref[1]) {
			case "amp", "lt", "gt", "quot", "apos":
			default:
				return fmt.Errorf("feed declares xml entity %q made of other entities, an entity bomb; such feeds are refused", name)
			}
		}
	}
	return nil
}

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
	if err := checkEntities(data); err != nil {
		return r.fail(in.source, err)
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
		doc, replaced, err := document(kindHTML, []byte("<html><body><article>"+body+"</article></body></html>"))
		if err != nil {
			if !r.fail(source, err) {
				return false
			}
			continue
		}
		if !r.warnReplaced(source, replaced) {
			return false
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
