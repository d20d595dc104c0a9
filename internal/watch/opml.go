package watch

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/chorusnews/chorus/internal/ingest"
)

// Feed is one feed to watch.
type Feed struct {
	URL   string
	Title string // as the subscription list names it; may be empty
}

// outline is an OPML <outline>: a feed when it has an xmlUrl, a folder
// when it holds other outlines, or both. Attributes are matched without
// regard to case, since exporters write xmlUrl, xmlURL and xmlurl alike.
type outline struct {
	Attrs    []xml.Attr `xml:",any,attr"`
	Outlines []outline  `xml:"outline"`
}

func (o outline) attr(name string) string {
	for _, a := range o.Attrs {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

type opmlDoc struct {
	XMLName xml.Name
	Body    struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

// ReadOPML reads the feeds of the OPML subscription list in file; errors
// name the file.
func ReadOPML(file string) ([]Feed, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err // *fs.PathError names the file
	}
	defer f.Close()
	feeds, err := ParseOPML(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return feeds, nil
}

// ParseOPML reads the feeds of an OPML subscription list: every outline
// with an xmlUrl, at any depth of folders, in document order and each URL
// once. Outlines without an xmlUrl are folders or plain notes and are
// skipped.
func ParseOPML(r io.Reader) ([]Feed, error) {
	dec := xml.NewDecoder(io.LimitReader(r, ingest.DefaultMaxBytes))
	// Subscription lists exported by older readers come in legacy
	// encodings; encoding/xml alone reads only UTF-8.
	dec.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("malformed OPML: empty file")
		}
		return nil, fmt.Errorf("malformed OPML: %w", err)
	}
	if !strings.EqualFold(doc.XMLName.Local, "opml") {
		return nil, fmt.Errorf("not OPML: the root element is <%s>", doc.XMLName.Local)
	}
	var feeds []Feed
	seen := map[string]bool{}
	var add func([]outline)
	add = func(outlines []outline) {
		for _, o := range outlines {
			if u := o.attr("xmlUrl"); u != "" && !seen[u] {
				seen[u] = true
				title := o.attr("title")
				if title == "" {
					title = o.attr("text")
				}
				feeds = append(feeds, Feed{URL: u, Title: title})
			}
			add(o.Outlines)
		}
	}
	add(doc.Body.Outlines)
	return feeds, nil
}

// WriteOPML writes feeds as an OPML 2.0 subscription list, the form feed
// readers import, titled title.
func WriteOPML(w io.Writer, title string, feeds []Feed) error {
	type feedOutline struct {
		Type   string `xml:"type,attr"`
		Text   string `xml:"text,attr"`
		Title  string `xml:"title,attr,omitempty"`
		XMLURL string `xml:"xmlUrl,attr"`
	}
	doc := struct {
		XMLName xml.Name      `xml:"opml"`
		Version string        `xml:"version,attr"`
		Title   string        `xml:"head>title"`
		Feeds   []feedOutline `xml:"body>outline"`
	}{Version: "2.0", Title: title}
	for _, f := range feeds {
		doc.Feeds = append(doc.Feeds, feedOutline{Type: "rss", Text: cmp.Or(f.Title, f.URL), Title: f.Title, XMLURL: f.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
