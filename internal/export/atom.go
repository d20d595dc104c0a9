package export

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// DefaultBaseURL is where entries link to when no base URL is given: the
// address `chorus serve` listens on by default.
const DefaultBaseURL = "http://127.0.0.1:8080/"

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Summary   *atomText  `xml:"summary,omitempty"`
	Content   atomText   `xml:"content"`
	Links     []atomLink `xml:"link"`
	Category  []atomCat  `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	// Lang is the language of the text (xml:lang), when known.
	Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// AtomOptions says where a feed is and what it is part of.
type AtomOptions struct {
	// BaseURL is the address of the web UI the entries link to (their
	// alternate link is BaseURL + "stories/" + id); DefaultBaseURL when "".
	BaseURL string
	// Installation is the store's own id (store.Stamp): the feed's id and
	// its entries' are made from it, so no two installations share one.
	// "" gives ids of no installation, as before there was one.
	Installation string
	// View names what the feed shows within the installation (a filter,
	// a search: the query of its URL, canonical); "" for all stories.
	View string
	// Title is the feed's title; "Chorus stories" when "".
	Title string
	// Self is the feed's own address; First, Next and Previous those of
	// the pages of a paged feed (RFC 5005), each left out when "".
	Self, First, Next, Previous string
}

// AtomEntry is one entry of a feed.
type AtomEntry struct {
	// Key is what the entry is within the installation ("story:ID").
	Key                string
	Title              string
	Link               string // the entry's page (alternate)
	Updated, Published string // RFC 3339, or dates news.ParseTime reads
	// Summary is plain text in language Lang; ContentHTML is the entry's
	// content as HTML (escaped by the writer, as Atom's type="html" asks).
	Summary, Lang, ContentHTML string
	Related                    []string // addresses of the articles
	Categories                 []string // outlets
}

// Atom writes one feed entry per story — not per article — for feed
// readers tired of duplicates, each linking to the story's page at
// DefaultBaseURL; see AtomFeed.
func Atom(w io.Writer, d news.Digest) error { return AtomFeed(w, d, AtomOptions{}) }

// AtomFeed writes the stories of d as an Atom feed (RFC 4287). An entry's
// updated time is the story's latest article, so a reader sees the story
// again when it grows; its summary is the story's summary, its content
// that summary and the articles' headlines as HTML; it links to the
// story's page (alternate) and to the articles' addresses (related).
func AtomFeed(w io.Writer, d news.Digest, o AtomOptions) error {
	byID := map[string]news.StoryArticle{}
	for _, a := range d.Articles {
		byID[a.ID] = a
	}
	base := baseURL(o.BaseURL)
	entries := make([]AtomEntry, 0, len(d.Stories))
	for _, s := range d.Stories {
		e := AtomEntry{Key: "story:" + s.ID, Title: s.Title, Link: base + "stories/" + url.PathEscape(s.ID),
			Updated: s.LastPublished, Published: s.FirstPublished, Summary: summaryText(s), Lang: s.SummaryLanguage,
			Categories: s.Outlets}
		var content strings.Builder
		for _, c := range s.Summary {
			fmt.Fprintf(&content, "<p>%s</p>\n", html.EscapeString(c.Text))
		}
		var items []string
		for _, id := range s.Articles {
			a, ok := byID[id]
			if !ok {
				continue
			}
			if a.URL != "" {
				e.Related = append(e.Related, a.URL)
			}
			item := html.EscapeString(a.Title)
			if a.Outlet != "" {
				item = html.EscapeString(a.Outlet) + ": " + item
			}
			if u := webURL(a.URL); u != "" {
				item = `<a href="` + html.EscapeString(u) + `">` + item + `</a>`
			}
			items = append(items, "<li>"+item+"</li>")
		}
		if len(items) > 0 {
			content.WriteString("<ul>\n" + strings.Join(items, "\n") + "\n</ul>\n")
		}
		e.ContentHTML = content.String()
		entries = append(entries, e)
	}
	return WriteAtom(w, o, entries)
}

// WriteAtom writes entries as a feed. Every entry gets what RFC 4287
// asks of it: an id, an updated time (1970 when none is known), an
// alternate link and content; the feed gets its id, self link and the
// links of its pages.
func WriteAtom(w io.Writer, o AtomOptions, entries []AtomEntry) error {
	title := o.Title
	if title == "" {
		title = "Chorus stories"
	}
	feed := atomFeed{ID: FeedID(o.Installation, o.View), Title: title, Author: atomPerson{Name: "Chorus"}}
	for _, l := range []atomLink{{o.Self, "self", "application/atom+xml"}, {o.First, "first", ""},
		{o.Next, "next", ""}, {o.Previous, "previous", ""}, {baseURL(o.BaseURL), "alternate", "text/html"}} {
		if l.Href != "" {
			feed.Links = append(feed.Links, l)
		}
	}
	for _, e := range entries {
		ae := atomEntry{
			ID: entryID(o.Installation, e.Key), Title: e.Title, Updated: atomTime(e.Updated), Published: atomTime(e.Published),
			Content: atomText{Type: "html", Lang: e.Lang, Body: e.ContentHTML},
			Links:   []atomLink{{Href: e.Link, Rel: "alternate", Type: "text/html"}},
		}
		if e.Summary != "" {
			ae.Summary = &atomText{Type: "text", Lang: e.Lang, Body: e.Summary}
		}
		if ae.Content.Body == "" {
			ae.Content.Body = html.EscapeString(e.Summary)
		}
		if ae.Updated == "" {
			ae.Updated = "1970-01-01T00:00:00Z" // Atom requires a time; the articles gave none
		}
		for _, u := range e.Related {
			ae.Links = append(ae.Links, atomLink{Href: u, Rel: "related"})
		}
		for _, c := range e.Categories {
			ae.Category = append(ae.Category, atomCat{Term: c})
		}
		if ae.Updated > feed.Updated {
			feed.Updated = ae.Updated
		}
		feed.Entries = append(feed.Entries, ae)
	}
	if feed.Updated == "" {
		feed.Updated = "1970-01-01T00:00:00Z"
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// FeedID is the id of the feed of view in installation: a name-based
// UUID (version 5's layout, SHA-1), so that the same view of the same
// store keeps its id, and no two installations or views share one.
func FeedID(installation, view string) string {
	if installation == "" && view == "" {
		return "urn:chorus:stories"
	}
	return nameUUID("feed\x00" + installation + "\x00" + view)
}

// entryID is the id of an entry: the same story has the same id in every
// feed of an installation, and another in another installation's.
func entryID(installation, key string) string {
	if installation == "" {
		return "urn:chorus:" + key
	}
	return nameUUID("entry\x00" + installation + "\x00" + key)
}

func nameUUID(name string) string {
	h := sha1.Sum([]byte(name))
	h[6] = h[6]&0x0f | 0x50 // version 5
	h[8] = h[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// baseURL is u with one trailing slash, DefaultBaseURL when "".
func baseURL(u string) string {
	if u == "" {
		return DefaultBaseURL
	}
	return strings.TrimRight(u, "/") + "/"
}

// webURL keeps only web addresses as links.
func webURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}

func summaryText(s news.Story) string {
	var parts []string
	for _, c := range s.Summary {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, " ")
}

// atomTime renders the contract's dates as RFC 3339, which Atom requires,
// or "" when there is none.
func atomTime(s string) string {
	if t := news.ParseTime(s); !t.IsZero() {
		return t.UTC().Format(time.RFC3339)
	}
	return ""
}
