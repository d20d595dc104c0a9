package ingest

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"unicode"
)

// kind is an input's format as sniffed, before it is read whole.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindJSONL
	kindFeed
	kindWARC
	kindBinary
)

// sniff tells an input's format from the start of its content and its
// name. Content wins where it is clear, since files are often saved with a
// wrong extension or none; the name decides only what content leaves open
// (a .html file without a recognisable start, a .jsonl whose first line is
// broken). head is the input's start, complete whether it is all of it.
func sniff(name string, head []byte, complete bool) kind {
	if bytes.HasPrefix(head, []byte("WARC/1.")) {
		return kindWARC
	}
	if looksBinary(head) {
		return kindBinary
	}
	switch markupKind(head) {
	case kindFeed:
		return kindFeed
	case kindHTML:
		return kindHTML
	}
	if looksJSONL(head, complete) {
		return kindJSONL
	}
	byName := kindByName(name)
	switch byName {
	case kindHTML:
		// An "HTML" file without a single tag is text with a wrong name;
		// an HTML parser would make one paragraph of it.
		if bytes.IndexByte(head, '<') < 0 {
			return kindText
		}
	case kindJSONL:
		// A broken line is reported as such, but only if the file is
		// JSON Lines at all.
		if b := bytes.TrimLeftFunc(head, unicode.IsSpace); len(b) == 0 || b[0] != '{' {
			return kindText
		}
	}
	return byName
}

// IsFeed tells an RSS, Atom or RDF feed by its first element, as reading
// an input does.
func IsFeed(head []byte) bool { return markupKind(head) == kindFeed }

// kindByName tells the format from the file name alone.
func kindByName(name string) kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".xml", ".rss", ".atom":
		return kindFeed
	case ".warc":
		return kindWARC
	}
	return kindText
}

// looksBinary reports content that is no text in any encoding: a NUL byte,
// which text never holds (UTF-16, with a BOM or without, is decoded before
// it is looked at), or a high share of control bytes.
func looksBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	n := 0
	for _, c := range b {
		if c == 0x7f || c < 0x20 && !isTextControl(c) {
			n++
		}
	}
	return n*10 > len(b)
}

// isTextControl reports the control bytes plain text does carry: tab, line
// and page breaks, ESC of terminal colours, and SUB, the DOS end of file.
func isTextControl(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', 0x1a, 0x1b:
		return true
	}
	return false
}

func isBlank(b []byte) bool { return len(bytes.TrimFunc(b, unicode.IsSpace)) == 0 }

// markupKind tells HTML and feeds by their first tag, after any XML
// declaration, processing instructions and comments. It returns kindText
// for anything else.
func markupKind(head []byte) kind {
	b := skipPrologue(head)
	if len(b) < 2 || b[0] != '<' {
		return kindText
	}
	if hasPrefixFold(b, "<!doctype html") {
		return kindHTML
	}
	if hasPrefixFold(b, "<!doctype") {
		// Another document type, such as RSS 0.91's, perhaps with
		// declarations of its own: the first element tells.
		b = skipPrologue(skipDoctype(b))
		if len(b) < 2 || b[0] != '<' {
			return kindText
		}
	}
	switch tagName(b[1:]) {
	case "rss", "feed", "rdf:rdf":
		return kindFeed
	case "html", "head", "body":
		return kindHTML
	}
	// A fragment or a page without its <html>: several common tags early
	// on tell it from text that merely starts with "<".
	if len(b) > 2048 {
		b = b[:2048]
	}
	n := 0
	for i := bytes.IndexByte(b, '<'); i >= 0 && n < 2; i = next(b, i) {
		if commonTags[tagName(bytes.TrimPrefix(b[i+1:], []byte("/")))] {
			n++
		}
	}
	if n >= 2 {
		return kindHTML
	}
	return kindText
}

// next finds the next '<' in b after index i, or -1.
func next(b []byte, i int) int {
	j := bytes.IndexByte(b[i+1:], '<')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// commonTags are tags that open or fill most pages and fragments.
var commonTags = map[string]bool{
	"a": true, "article": true, "br": true, "div": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"header": true, "img": true, "li": true, "link": true, "main": true,
	"meta": true, "nav": true, "p": true, "script": true, "section": true,
	"span": true, "style": true, "table": true, "title": true, "ul": true,
}

// skipPrologue skips leading space, <?...?> declarations and <!--...-->
// comments, which may precede the first element of HTML and XML alike.
func skipPrologue(b []byte) []byte {
	for {
		b = bytes.TrimLeftFunc(b, unicode.IsSpace)
		var end string
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			end = "?>"
		case bytes.HasPrefix(b, []byte("<!--")):
			end = "-->"
		default:
			return b
		}
		i := bytes.Index(b, []byte(end))
		if i < 0 {
			return nil
		}
		b = b[i+len(end):]
	}
}

// skipDoctype skips the <!DOCTYPE ...> declaration at the start of b,
// internal subset ("[ <!ENTITY ...> ]") and quoted literals included. It
// returns nil when the declaration does not end within b.
func skipDoctype(b []byte) []byte {
	depth := 0
	var quote byte
	for i := len("<!doctype"); i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case c == '>' && depth == 0:
			return b[i+1:]
		}
	}
	return nil
}

// tagName returns the lowercased name at the start of b, as after a '<'.
func tagName(b []byte) string {
	i := 0
	for i < len(b) && i < 32 {
		c := b[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ':' || c == '-') {
			break
		}
		i++
	}
	// A name must end where the tag's attributes or end begin.
	if i == 0 || i < len(b) && !(b[i] == '>' || b[i] == '/' || unicode.IsSpace(rune(b[i]))) {
		return ""
	}
	return strings.ToLower(string(b[:i]))
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

func trimSuffixFold(s, suffix string) string {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// looksJSONL reports content whose lines are JSON objects, the first of
// them an article with "text" or "html". Only complete lines are judged;
// a first line longer than head is judged by its start.
func looksJSONL(head []byte, complete bool) bool {
	lines := bytes.Split(head, []byte("\n"))
	if !complete {
		// The last line may be cut short; judge what there is of it only
		// when it is the first.
		last := lines[len(lines)-1]
		lines = lines[:len(lines)-1]
		if len(lines) == 0 {
			return looksArticleStart(last)
		}
	}
	articles := 0
	for _, line := range lines {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var fields map[string]json.RawMessage
		if line[0] != '{' || json.Unmarshal(line, &fields) != nil {
			return false
		}
		if articles == 0 && fields["text"] == nil && fields["html"] == nil {
			return false
		}
		articles++
	}
	return articles > 0
}

// looksArticleStart judges the start of a JSON object too long to parse
// here: it must open with a key and name "text" or "html" as one.
func looksArticleStart(b []byte) bool {
	b = bytes.TrimLeftFunc(b, unicode.IsSpace)
	if !bytes.HasPrefix(b, []byte("{")) || !bytes.HasPrefix(bytes.TrimLeftFunc(b[1:], unicode.IsSpace), []byte(`"`)) {
		return false
	}
	return bytes.Contains(b, []byte(`"text":`)) || bytes.Contains(b, []byte(`"html":`)) ||
		bytes.Contains(b, []byte(`"text" :`)) || bytes.Contains(b, []byte(`"html" :`))
}
