package extract

import (
	"bytes"
	"fmt"
	"strconv"

	"golang.org/x/net/html"
)

// htmlShape counts what the cost of parsing and extracting a page grows
// with.
type htmlShape struct {
	elements  int // start tags
	attrs     int // attributes of start tags, repeated names counted each time
	attrBytes int // bytes of attribute names and values
	texts     int // runs of text between markup, scripts and styles included
	textBytes int // bytes of text outside scripts and styles
	comments  int // comments, bogus comments and doctypes
	textDepth int // bytes of text times their depth in the parsed tree
}

// htmlLimits bound the pages that go to go-trafilatura, whose time and
// memory grow with a page's elements, attributes and text far more than
// with its bytes (the tree is cloned for each extractor and walked many
// times; the text under each element is gathered, which costs the text
// times its depth): within the 16 MiB input cap, a page of a million
// attributes took 1.4 GB and 20 s, one of two million text nodes 3 GB and
// 150 s. A page over any limit is refused, all but textDepth counted
// before the page is parsed (measureHTML); the parser bounds nesting to
// 512 open elements. No news page comes near them: the largest of the 892
// pages of the AEB and WCXB evaluation sets have 4,975 elements, 11,016
// attributes, 573 KiB of attributes, 6,751 text nodes, 226 KiB of text,
// 447 comments and 7.5 MiB of text × depth, a quarter of each limit or
// less. Extracted lean (see heavy), a page just under every limit at once
// takes about 1.3 s and 300 MB; one just under a quarter of them,
// extracted in full, as much (BenchmarkHTMLHostile).
var htmlLimits = htmlShape{
	elements:  20_000,
	attrs:     50_000,
	attrBytes: 4 << 20,
	texts:     30_000,
	textBytes: MaxText, // an article may have no more
	comments:  10_000,
	textDepth: 32 << 20,
}

// check returns why a page of shape s is refused, or nil.
func (s htmlShape) check() error {
	return s.over(1)
}

// heavy tells whether a page of shape s is over a quarter of any limit,
// larger than any page of the evaluation sets. Such a page is extracted
// one at a time (heavyPages), without the fallback extractors and with the
// fast date search only: go-readability gathers the text under every
// element again, and go-htmldate's extensive search copies the rest of
// the rendered page for each date-like string in it. In full, a page just
// under the limits took 6 s and 750 MB.
func (s htmlShape) heavy() bool {
	return s.over(4) != nil
}

// over returns which of s's counts exceeds its limit in htmlLimits divided
// by part, or nil.
func (s htmlShape) over(part int) error {
	l := htmlLimits
	for _, c := range [...]struct {
		what, unit string
		got, most  int
	}{
		{"too many elements", "", s.elements, l.elements},
		{"too many attributes", "", s.attrs, l.attrs},
		{"attributes too long", " bytes", s.attrBytes, l.attrBytes},
		{"too many text nodes", "", s.texts, l.texts},
		{"too much text", " bytes", s.textBytes, l.textBytes},
		{"too many comments", "", s.comments, l.comments},
		{"text nested too deep", " bytes × depth", s.textDepth, l.textDepth},
	} {
		if most := c.most / part; c.got > most {
			return fmt.Errorf("%s: %s%s exceeds the limit of %s", c.what, thousands(c.got), c.unit, thousands(most))
		}
	}
	return nil
}

// heavyPages lets one heavy page at a time through extraction, so that a
// run's memory holds one of them at most (beside smaller pages) however
// many workers meet them at once.
var heavyPages = make(chan struct{}, 1)

// lean fits opts to a heavy page: no fallback, no extensive date search.
func (o HTMLOptions) lean() HTMLOptions {
	o.Fallback = FallbackOff
	if o.DateMode == DateAuto || o.DateMode == DateExtensive {
		o.DateMode = DateFast
	}
	return o
}

// parseHTML parses page unless its shape is over htmlLimits, and returns
// the tree and the shape. All but the text depth are measured before the
// page is parsed, so that a page over them costs no parse; the text depth
// is measured in the tree. The shape comes back with a refusal too.
func parseHTML(page []byte) (*html.Node, htmlShape, error) {
	shape := measureHTML(page)
	if err := shape.check(); err != nil {
		return nil, shape, err
	}
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, shape, fmt.Errorf("parse HTML: %w", err)
	}
	shape.textDepth = textDepth(root, 0)
	if err := shape.check(); err != nil {
		return nil, shape, err
	}
	return root, shape, nil
}

// textDepth returns the bytes of text under n times their depth below it.
func textDepth(n *html.Node, depth int) int {
	if n.Type == html.TextNode {
		return len(n.Data) * depth
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += textDepth(c, depth+1)
	}
	return sum
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// measureHTML counts page's elements, attributes, text and comments in
// one pass that allocates nothing. It follows the HTML tokenizer closely
// enough to count what html.Parse would build (start tags, attribute
// values in quotes, comments, the raw text of scripts, styles and the
// like), without its cost: html.Tokenizer keeps a map of a tag's attribute
// names, and took 2 s and 300 MB for one tag of a million attributes.
func measureHTML(page []byte) htmlShape {
	var s htmlShape
	n := len(page)
	text := 0 // where the current run of text starts
	endText := func(end int, visible bool) {
		if end > text {
			s.texts++
			if visible {
				s.textBytes += end - text
			}
		}
	}
	for i := 0; i < n; {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 || i+j+1 >= n {
			break
		}
		i += j
		switch c := page[i+1]; {
		case isASCIILetter(c):
			endText(i, true)
			var name []byte
			var attrs, attrBytes int
			name, attrs, attrBytes, i = scanTag(page, i+1)
			s.elements++
			s.attrs += attrs
			s.attrBytes += attrBytes
			if raw := rawTextElement(name); raw != "" {
				// Everything up to the matching end tag is one text.
				end := n
				if raw != "plaintext" {
					end = findEndTag(page, i, raw)
				}
				text = i
				endText(end, raw != "script" && raw != "style")
				i = end
			}
		case c == '/' && i+2 < n && isASCIILetter(page[i+2]):
			endText(i, true)
			_, _, _, i = scanTag(page, i+2) // an end tag's attributes are dropped
		case c == '/' && i+2 < n && page[i+2] == '>':
			endText(i, true) // "</>" is nothing
			i += 3
		case c == '!' && bytes.HasPrefix(page[i:], []byte("<!--")):
			endText(i, true)
			s.comments++
			i = commentEnd(page, i+4)
		case c == '!' || c == '/' || c == '?':
			// A doctype, or a bogus comment up to the next '>'.
			endText(i, true)
			s.comments++
			if k := bytes.IndexByte(page[i+2:], '>'); k >= 0 {
				i += 2 + k + 1
			} else {
				i = n
			}
		default:
			// A '<' that opens no markup is text.
			i++
			continue
		}
		text = i
	}
	endText(n, true)
	return s
}

func isASCIILetter(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z'
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// scanTag reads a tag from its name at page[i] to its '>', as the
// tokenizer does, and returns the name, how many attributes it has and
// their bytes, and where the tag ends.
func scanTag(page []byte, i int) (name []byte, attrs, attrBytes, end int) {
	n := len(page)
	start := i
	for i < n && !isHTMLSpace(page[i]) && page[i] != '/' && page[i] != '>' {
		i++
	}
	name = page[start:i]
	for i < n {
		c := page[i]
		if c == '>' {
			return name, attrs, attrBytes, i + 1
		}
		if isHTMLSpace(c) || c == '/' {
			i++
			continue
		}
		// A name, up to a space, '/', '>' or a '=' after its first byte.
		k := i
		for i++; i < n && !isHTMLSpace(page[i]) && page[i] != '/' && page[i] != '>' && page[i] != '='; i++ {
		}
		attrs++
		attrBytes += i - k
		for i < n && isHTMLSpace(page[i]) {
			i++
		}
		if i >= n || page[i] != '=' {
			continue
		}
		for i++; i < n && isHTMLSpace(page[i]); i++ {
		}
		if i >= n {
			break
		}
		switch q := page[i]; q {
		case '"', '\'':
			k := bytes.IndexByte(page[i+1:], q)
			if k < 0 {
				return name, attrs, attrBytes + n - i - 1, n
			}
			attrBytes += k
			i += 1 + k + 1
		case '>':
		default:
			k := i
			for i < n && !isHTMLSpace(page[i]) && page[i] != '>' {
				i++
			}
			attrBytes += i - k
		}
	}
	return name, attrs, attrBytes, n
}

// rawTextElement returns the lower-case name of an element whose content
// the tokenizer reads as raw text, or "".
func rawTextElement(name []byte) string {
	if len(name) < 3 || len(name) > 9 {
		return ""
	}
	for _, raw := range [...]string{"script", "style", "title", "textarea", "iframe", "noscript", "noembed", "noframes", "xmp", "plaintext"} {
		if len(name) == len(raw) && bytes.EqualFold(name, []byte(raw)) {
			return raw
		}
	}
	return ""
}

// findEndTag returns where the end tag "</name" that closes a raw text
// element starts in page[i:], or len(page).
func findEndTag(page []byte, i int, name string) int {
	n := len(page)
	for {
		k := bytes.Index(page[i:], []byte("</"))
		if k < 0 {
			return n
		}
		i += k
		e := i + 2 + len(name)
		if e <= n && bytes.EqualFold(page[i+2:e], []byte(name)) && (e == n || isHTMLSpace(page[e]) || page[e] == '/' || page[e] == '>') {
			return i
		}
		i += 2
	}
}

// commentEnd returns where the comment whose text starts at page[i] ends,
// after its "-->" (or "--!>"; "<!-->" and "<!--->" are empty comments).
func commentEnd(page []byte, i int) int {
	if bytes.HasPrefix(page[i:], []byte(">")) {
		return i + 1
	}
	if bytes.HasPrefix(page[i:], []byte("->")) {
		return i + 2
	}
	for j := i; ; {
		k := bytes.Index(page[j:], []byte("--"))
		if k < 0 {
			return len(page)
		}
		j += k + 2
		if bytes.HasPrefix(page[j:], []byte(">")) {
			return j + 1
		}
		if bytes.HasPrefix(page[j:], []byte("!>")) {
			return j + 2
		}
		j--
	}
}
