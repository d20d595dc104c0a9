package export

import (
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
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
	Summary   atomText   `xml:"summary"`
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
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// Atom writes one feed entry per story — not per article — for feed
// readers tired of duplicates. An entry's updated time is the story's latest
// article, so a reader sees the story again when it grows; its summary is
// the story's summary; its links are the articles' addresses.
func Atom(w io.Writer, d news.Digest) error {
	urls := map[string]string{}
	for _, a := range d.Articles {
		urls[a.ID] = a.URL
	}
	feed := atomFeed{ID: "urn:chorus:stories", Title: "Chorus stories", Author: atomPerson{Name: "Chorus"}}
	for _, s := range d.Stories {
		updated := atomTime(s.LastPublished)
		e := atomEntry{
			ID: "urn:chorus:story:" + s.ID, Title: s.Title, Updated: updated, Published: atomTime(s.FirstPublished),
			Summary: atomText{Type: "text", Lang: s.SummaryLanguage, Body: summaryText(s)},
		}
		if e.Updated == "" {
			e.Updated = "1970-01-01T00:00:00Z" // Atom requires a time; the articles gave none
		}
		for _, id := range s.Articles {
			if u := urls[id]; u != "" {
				e.Links = append(e.Links, atomLink{Href: u, Rel: "related"})
			}
		}
		for _, o := range s.Outlets {
			e.Category = append(e.Category, atomCat{Term: o})
		}
		if e.Updated > feed.Updated {
			feed.Updated = e.Updated
		}
		feed.Entries = append(feed.Entries, e)
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
