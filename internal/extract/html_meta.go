package extract

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// pageInfo is what one pass over the page finds for the metadata go-trafilatura
// does not settle well: the visible headline(s) and the site's names.
type pageInfo struct {
	h1s       []string // text of each <h1> outside navigation, in order
	siteNames []string // og:site_name, application-name
	docTitle  string   // <title>
	ogTitle   string   // og:title
	bylines   []string // "By Jane Doe" lines, the "By" cut off
	authorRef []string // text of links to author pages
	data      []string // JSON-LD and settings JSON scripts, where go-htmldate looks for dates
}

func scanPage(root *html.Node) pageInfo {
	var p pageInfo
	var walk func(n *html.Node, skip bool)
	walk = func(n *html.Node, skip bool) {
		if n.Type == html.TextNode && !skip && len(p.bylines) < 3 {
			if b := bylineAt(n); b != "" {
				p.bylines = append(p.bylines, b)
			}
		}
		if n.Type == html.ElementNode {
			switch strings.ToLower(n.Data) {
			case "script":
				if typ := strings.ToLower(strings.TrimSpace(attr(n, "type"))); typ == "application/ld+json" || typ == "application/settings+json" {
					p.data = append(p.data, nodeData(n))
				}
				return
			case "style", "noscript", "template", "svg":
				return
			case "nav", "footer", "aside":
				skip = true
			case "h1":
				if !skip {
					if t := nodeText(n); t != "" {
						p.h1s = append(p.h1s, t)
					}
				}
				return
			case "a":
				if !skip && len(p.authorRef) < 3 && isAuthorLink(n) {
					if t := nodeText(n); t != "" {
						p.authorRef = append(p.authorRef, t)
					}
				}
			case "title":
				if p.docTitle == "" {
					p.docTitle = nodeText(n)
				}
				return
			case "meta":
				key := strings.ToLower(attr(n, "property") + attr(n, "name"))
				switch key {
				case "og:site_name", "application-name", "twitter:app:name:iphone":
					if c := cleanSpace(attr(n, "content")); c != "" {
						p.siteNames = append(p.siteNames, c)
					}
				case "og:title":
					if p.ogTitle == "" {
						p.ogTitle = cleanSpace(attr(n, "content"))
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, skip)
		}
	}
	walk(root, false)
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeData joins the text directly inside n, as a script's content is.
func nodeData(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// nodeText is the text of a node with white space collapsed; a <br> or a
// block boundary counts as a space.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			switch strings.ToLower(n.Data) {
			case "script", "style", "noscript", "template", "svg":
				return
			case "br":
				b.WriteByte(' ')
				return
			}
			if blockTags[strings.ToLower(n.Data)] {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[strings.ToLower(n.Data)] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return cleanSpace(b.String())
}

// rxTitleSep splits a page title into its headline and the site's name:
// "Headline | Site", "Site - Headline", "Headline — Section — Site".
var rxTitleSep = regexp.MustCompile(`\s+(?:[|–—•·»«:/~*-]|::)\s+`)

// chooseTitle picks the headline. The visible <h1> is what a reader sees as the
// headline; the metadata title (og:title, <title>) often carries the site's
// name or an SEO rewording. So: the <h1> that shares most words with the
// metadata title (a page's only <h1> may be a logo or a section name, which
// shares none), else the metadata title with the site's name cut off.
//
// The metadata title is og:title, else <title>, else what go-trafilatura
// found (JSON-LD, other meta tags): go-trafilatura's own cleaning of <title>
// sometimes keeps the site's name and drops the headline.
func chooseTitle(trafTitle string, p pageInfo, siteNames []string, host string) string {
	metaTitle := p.ogTitle
	if metaTitle == "" {
		metaTitle = p.docTitle
	}
	if metaTitle == "" {
		metaTitle = cleanSpace(trafTitle)
	}
	var (
		best      string
		bestScore = -1.0
	)
	for _, h := range p.h1s {
		if !plausibleHeadline(h, siteNames, host) {
			continue
		}
		s := overlap(h, metaTitle)
		if s > bestScore {
			best, bestScore = h, s
		}
	}
	if best != "" && (bestScore > 0 || metaTitle == "") {
		return best
	}
	return stripSiteName(metaTitle, siteNames, host)
}

func plausibleHeadline(h string, siteNames []string, host string) bool {
	n := utf8.RuneCountInString(h)
	if n < 4 || n > 300 {
		return false
	}
	if len(strings.Fields(h)) < 2 && !hasNoSpaceScript(h) {
		return false
	}
	return !isSiteName(h, siteNames, host)
}

// stripSiteName removes a leading or trailing segment that names the site,
// and a trailing "| anything" segment (pipes almost always add the site or
// section, never a part of the headline).
func stripSiteName(title string, siteNames []string, host string) string {
	seps := rxTitleSep.FindAllStringIndex(title, -1)
	if len(seps) == 0 {
		return title
	}
	last := seps[len(seps)-1]
	if isSiteName(title[last[1]:], siteNames, host) {
		return stripSiteName(strings.TrimSpace(title[:last[0]]), siteNames, host)
	}
	first := seps[0]
	if isSiteName(title[:first[0]], siteNames, host) {
		return stripSiteName(strings.TrimSpace(title[first[1]:]), siteNames, host)
	}
	if strings.Contains(title[last[0]:last[1]], "|") && last[0] > len(title)-last[1] {
		return strings.TrimSpace(title[:last[0]])
	}
	return title
}

// isSiteName tells whether s names the site: one of its stated names, or its
// host with or without "www." and the top-level domain.
func isSiteName(s string, siteNames []string, host string) bool {
	k := normKey(s)
	if k == "" {
		return false
	}
	for _, n := range siteNames {
		if nk := normKey(n); nk != "" && (nk == k || strings.HasPrefix(nk, k) && len(k) >= 4) {
			return true
		}
	}
	if host != "" {
		h := normKey(host)
		if h == k {
			return true
		}
		if i := strings.LastIndexByte(host, '.'); i > 0 && normKey(host[:i]) == k {
			return true
		}
	}
	return false
}

// normKey keeps only letters and digits, lower-cased: "Help Net Security"
// and "helpnetsecurity" compare equal.
func normKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// overlap is the share of a's words found in b.
func overlap(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, w := range wb {
		in[w] = true
	}
	n := 0
	for _, w := range wa {
		if in[w] {
			n++
		}
	}
	return float64(n) / float64(len(wa))
}

// words splits s into lower-case words; in scripts written without spaces
// each character counts as a word.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !hasNoSpaceScript(w) {
			out = append(out, w)
			continue
		}
		start := 0
		for i, r := range w {
			if noSpaceScript(r) {
				if start < i {
					out = append(out, w[start:i])
				}
				out = append(out, string(r))
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(w) {
			out = append(out, w[start:])
		}
	}
	return out
}

func hasNoSpaceScript(s string) bool {
	for _, r := range s {
		if noSpaceScript(r) {
			return true
		}
	}
	return false
}

var (
	// rxByline matches the word that opens a byline, in a few languages.
	rxByline = regexp.MustCompile(`(?i)^(?:written\s+by|posted\s+by|reported\s+by|words\s+by|by|von|par|por|door|af|av)\s*:?(?:\s+|$)`)
	// rxBylineEnd ends the name part of a byline: a separator, a date or
	// time, or words such as "Updated" and "Published".
	rxBylineEnd = regexp.MustCompile(`(?i)\s*(?:[|•·—–]|\s-\s|\d|\bupdated\b|\bpublished\b|\bposted\b|\bon\s|\bin\s|\bfor\s|\bat\s).*$`)
	// rxAuthorPath matches the path of a link to an author's page.
	rxAuthorPath = regexp.MustCompile(`(?i)/(?:authors?|autor(?:en)?|auteurs?|writers?|journalists?|reporters?|contributors?|byline)/[^/?#]`)
)

// bylineAt reads a byline that starts at text node n: "By Jane Doe", or "By"
// followed by a link or span holding the name. The enclosing element must be
// short, so that a sentence starting with "By" is not taken for one.
func bylineAt(n *html.Node) string {
	t := strings.TrimSpace(n.Data)
	if t == "" || len(t) > 120 || !rxByline.MatchString(t) {
		return ""
	}
	el := n.Parent
	for depth := 0; el != nil && depth < 3; depth, el = depth+1, el.Parent {
		text := nodeText(el)
		if utf8.RuneCountInString(text) > 120 {
			return ""
		}
		loc := rxByline.FindStringIndex(text)
		if loc == nil {
			return ""
		}
		name := strings.TrimSpace(rxBylineEnd.ReplaceAllString(text[loc[1]:], ""))
		name = strings.TrimRight(name, ",;:")
		if name != "" {
			if nameLike(name) {
				return name
			}
			return ""
		}
	}
	return ""
}

func isAuthorLink(n *html.Node) bool {
	if strings.Contains(" "+strings.ToLower(attr(n, "rel"))+" ", " author ") {
		return true
	}
	return rxAuthorPath.MatchString(attr(n, "href"))
}

// nameParticles may start a word of a name in lower case.
var nameParticles = map[string]bool{
	"de": true, "da": true, "das": true, "do": true, "dos": true, "del": true,
	"della": true, "di": true, "du": true, "la": true, "le": true, "van": true,
	"von": true, "der": true, "den": true, "ter": true, "zu": true, "bin": true,
	"al": true, "el": true, "and": true, "y": true, "e": true, "und": true,
	"et": true, "of": true, "the": true, "for": true, "at": true,
}

// nameLike tells whether s reads as the name of a person or an agency:
// one to six words, no digits, each word capitalised but for particles.
func nameLike(s string) bool {
	if utf8.RuneCountInString(s) > 60 {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
		if unicode.IsLower(r) && (i == 0 || !nameParticles[w]) {
			return false
		}
		if !unicode.IsLetter(r) && i == 0 {
			return false
		}
	}
	return !notNames[strings.ToLower(s)]
}

// inPageOrder orders names by where the page first states them, those it
// does not state as such (written with entities, say) last and by
// spelling, so that the order no longer depends on how they were found.
func inPageOrder(names []string, page []byte) []string {
	if len(names) < 2 {
		return names
	}
	// Each name's place is found once, not at every comparison: a look-up
	// reads the whole page.
	at := make(map[string]int, len(names))
	for _, name := range names {
		at[name] = len(page)
		if i := bytes.Index(page, []byte(name)); i >= 0 {
			at[name] = i
		} else if i := bytes.Index(page, []byte(html.EscapeString(name))); i >= 0 {
			at[name] = i
		}
	}
	out := slices.Clone(names)
	slices.SortStableFunc(out, func(x, y string) int {
		return cmp.Or(cmp.Compare(at[x], at[y]), strings.Compare(x, y))
	})
	return out
}
