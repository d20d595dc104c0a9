package extract

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/go-shiori/dom"
	"github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// extractMain runs go-trafilatura over the page with topts and gives what
// the library gives; with the fallback on, it makes the fallback's
// candidates only on the pages where the library could take one.
//
// With EnableFallback, the library runs go-readability over every page
// (and go-domdistiller too when its own extraction is under
// MinExtractedSize, 250 characters), and takes a candidate in place of its
// own extraction only when the candidate is more than twice as long, or
// about as long while its own extraction has no paragraph text or more
// tables than paragraphs; whichever it keeps, it then sanitises. Making
// the candidates doubled the time of its extraction, and one is taken on
// one page in twenty.
//
// So the page is first extracted with the fallback on but its candidates
// replaced by nothing and by a probe: a text of 2×MinExtractedSize+1
// characters, which the library takes exactly when its own extraction is
// under MinExtractedSize, or is under four times that and of the odd
// shapes above. When no candidate would be taken, that first result is
// the library's. The real candidates are made only when the probe was
// taken (the library is then run as it is, distiller and all), when the
// page holds more than twice the text extracted (no candidate can hold
// more than the page), or when the extraction is of an odd shape: then
// go-readability's candidate is made here, and if it might be taken the
// page is extracted again with it, the library deciding as it always does.
//
// The output is the library's, page for page, on the 892 pages of the AEB
// and WCXB evaluation sets (TestFallbackOnDemandSameAsLibrary).
// go-readability runs on 57% of AEB's pages and 35% of WCXB's (a page's
// furniture often holds more text than its article), the page is extracted
// again on 6%, and the library's CPU time on them falls by 12% and 21%.
func extractMain(root *html.Node, topts trafilatura.Options) (*trafilatura.ExtractResult, error) {
	if !topts.EnableFallback || topts.Focus != trafilatura.Balanced || topts.Config != nil {
		// Favouring precision, the library prunes the page before making
		// candidates; favouring recall, it also takes a candidate for its
		// headings; another Config changes the sizes. None is modelled
		// here: the library runs as it is.
		return trafilatura.ExtractDocument(root, topts)
	}
	full := topts
	probe := shortExtractionProbe()
	topts.FallbackCandidates = &trafilatura.FallbackCandidates{
		Others:      []*html.Node{probe},
		Readability: emptyCandidate(),
		Distiller:   emptyCandidate(),
	}
	res, err := trafilatura.ExtractDocument(root, topts)
	switch {
	case err != nil || res == nil || res.ContentNode == nil:
		// The library's own verdict, with its candidates, stands.
		return trafilatura.ExtractDocument(root, full)
	case strings.Contains(res.ContentText, probeText):
		// Its extraction was short or had no paragraphs: the candidates
		// are often better, and the distiller may run.
		return trafilatura.ExtractDocument(root, full)
	}
	// What the library compares is its extraction before sanitising,
	// which is at least as long, with at least the paragraph text: the
	// tests of length and paragraph text below are true whenever the
	// library's are. Sanitising could remove more paragraphs than tables
	// and so hide a table-heavy extraction; on the evaluation pages it
	// never does.
	extracted := textLen(res.ContentNode)
	paragraphs := dom.GetElementsByTagName(res.ContentNode, "p")
	tables := len(dom.GetElementsByTagName(res.ContentNode, "table"))
	oddShape := tables > len(paragraphs) || !hasText(paragraphs)
	if !oddShape && 2*extracted >= pageTextBound(root) {
		return res, nil
	}
	pageURL := topts.OriginalURL
	if pageURL == nil && res.Metadata.URL != "" {
		// As the library does before it makes its candidates.
		if u, err := url.ParseRequestURI(res.Metadata.URL); err == nil {
			pageURL = u
		}
	}
	candidate, err := readability.FromDocument(root, pageURL)
	if err != nil || candidate.Node == nil {
		return res, nil // the library passes over a failed candidate
	}
	c := textLen(candidate.Node)
	borderline := 2*c >= extracted && c > 2*minExtractedSize && oddShape
	if c > 2*extracted || borderline {
		full.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: candidate.Node}
		return trafilatura.ExtractDocument(root, full)
	}
	return res, nil
}

// minExtractedSize is the library's default MinExtractedSize: under it, its
// own extraction is short.
var minExtractedSize = trafilatura.DefaultConfig().MinExtractedSize

// probeText is the probe candidate's text: 2×MinExtractedSize+1 characters
// of the Private Use Area, which no page's own text repeats so.
var probeText = strings.Repeat("\uE05A", 2*minExtractedSize+1)

// shortExtractionProbe returns a fresh probe candidate: the library may
// take it, and sanitises what it takes.
func shortExtractionProbe() *html.Node {
	div := &html.Node{Type: html.ElementNode, Data: "div"}
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: probeText})
	div.AppendChild(p)
	return div
}

// emptyCandidate stands for a fallback extractor that found nothing: the
// library passes over it.
func emptyCandidate() *html.Node {
	return &html.Node{Type: html.ElementNode, Data: "div"}
}

// textLen measures a tree's text as go-trafilatura does (etree.IterText
// with a space for separator, white space collapsed), in characters,
// without building the text.
func textLen(n *html.Node) int {
	var w wordCount
	level, last := 0, 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && dom.IsVoidElement(n):
			w.space()
		case n.Type == html.TextNode:
			if level != last {
				w.space()
			}
			w.add(n.Data)
		}
		last = level
		level++
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		level--
	}
	walk(n)
	return w.collapsedLen()
}

// wordCount counts the words and their characters in text fed to it piece
// by piece, a word running on from one piece into the next.
type wordCount struct {
	words, chars int
	inWord       bool
}

// add counts s, white space as strings.Fields tells it.
func (w *wordCount) add(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			w.inWord = false
			continue
		}
		if !w.inWord {
			w.words++
			w.inWord = true
		}
		w.chars++
	}
}

// space counts a separator: it ends the word under way.
func (w *wordCount) space() { w.inWord = false }

// collapsedLen is the length in characters of the text counted, its white
// space collapsed to single spaces and trimmed.
func (w *wordCount) collapsedLen() int { return w.chars + max(0, w.words-1) }

// hasText tells whether any of nodes has text, as go-trafilatura measures
// it (textLen): of an extraction's <p> elements, whether it has the
// paragraph text the library looks for in its borderline cases.
func hasText(nodes []*html.Node) bool {
	for _, n := range nodes {
		if textLen(n) > 0 {
			return true
		}
	}
	return false
}

// pageTextBound is the most text a fallback candidate can hold: every word
// of the page outside scripts and styles, each counted with a space after
// it (however the candidate groups them).
func pageTextBound(n *html.Node) int {
	if n.Type == html.TextNode {
		var w wordCount
		w.add(n.Data)
		return w.chars + w.words
	}
	if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
		return 0
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += pageTextBound(c)
	}
	return sum
}
