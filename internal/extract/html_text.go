package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags start and end a paragraph of their own. go-trafilatura builds its
// content tree with bare tag names (no atoms), so names are compared.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "thead": true,
	"tbody": true, "tfoot": true, "caption": true, "section": true,
	"article": true, "figure": true, "figcaption": true, "dl": true, "dt": true,
	"dd": true, "hr": true, "header": true, "footer": true, "main": true,
	"aside": true, "nav": true, "details": true, "summary": true,
	"address": true, "form": true, "fieldset": true, "body": true, "html": true,
}

// paragraphs renders an extracted content tree as paragraphs of plain text:
// one per block element, inline markup flattened, white space collapsed, a
// <br> kept as a line break inside its paragraph.
//
// go-trafilatura trims the text around inline elements, so "for <a>Larry</a>"
// comes out as "for<a>Larry</a>"; where an inline element begins or ends
// between two word characters a space is put back.
func paragraphs(root *html.Node) []string {
	r := renderer{}
	r.walk(root)
	r.flush()
	return r.out
}

type renderer struct {
	out      []string
	buf      strings.Builder
	boundary bool // an inline element began or ended since the last text
}

func (r *renderer) flush() {
	if p := cleanParagraph(r.buf.String()); p != "" {
		r.out = append(r.out, p)
	}
	r.buf.Reset()
	r.boundary = false
}

func (r *renderer) text(s string) {
	if s == "" {
		return
	}
	if r.boundary && r.buf.Len() > 0 {
		prev, _ := utf8.DecodeLastRuneInString(r.buf.String())
		next, _ := utf8.DecodeRuneInString(s)
		if needsSpace(prev, next) {
			r.buf.WriteByte(' ')
		}
	}
	r.boundary = false
	r.buf.WriteString(s)
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	tag := strings.ToLower(n.Data)
	switch tag {
	case "script", "style", "noscript", "template", "head":
		return
	case "br", "lb":
		r.buf.WriteByte('\n')
		r.boundary = false
		return
	case "td", "th", "cell":
		r.buf.WriteByte(' ')
	}
	block := n.Type == html.ElementNode && blockTags[tag]
	if block {
		r.flush()
	} else {
		r.boundary = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	switch {
	case block:
		r.flush()
	case tag == "td" || tag == "th" || tag == "cell":
		r.buf.WriteByte(' ')
	default:
		r.boundary = true
	}
}

// needsSpace tells whether two pieces of text that met at an inline element's
// edge were words apart: both sides are word characters (or the right side
// opens a bracket or quote), and neither side is a script written without
// spaces.
func needsSpace(prev, next rune) bool {
	if unicode.IsSpace(prev) || unicode.IsSpace(next) || noSpaceScript(prev) || noSpaceScript(next) {
		return false
	}
	prevWord := unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(".,;:!?)]”»", prev)
	nextWord := unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("([“«", next)
	return prevWord && nextWord
}

func noSpaceScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
		unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}

// cleanParagraph collapses white space within each line, drops empty lines
// and trims the result.
func cleanParagraph(s string) string {
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l = cleanSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}
