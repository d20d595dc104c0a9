package ingest

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// headScan bounds the search for charset declarations. Browsers look at
// the first 1024 bytes; pages in the wild put their <meta> after long
// scripts and comments, so we look further, up to <body>.
const headScan = 64 << 10

// charsetValue finds a charset value in a <meta> tag's text, whether in a
// charset attribute or in an http-equiv Content-Type's content.
var charsetValue = regexp.MustCompile(`(?i)\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)`)

// charsetDecl is one declaration of a page's encoding in its <head>.
type charsetDecl struct {
	label      string // as written, such as "windows-1251"
	start, end int    // offsets of the label in the page
}

// charsetDecls lists the <meta> declarations of page's encoding, in order.
// Like the HTML standard's prescan it heeds <meta charset> and <meta
// http-equiv="Content-Type" content="...; charset=...">, and nothing
// inside scripts or comments.
func charsetDecls(page []byte) []charsetDecl {
	region := page
	if len(region) > headScan {
		region = region[:headScan]
	}
	var decls []charsetDecl
	z := html.NewTokenizer(bytes.NewReader(region))
	offset := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return decls
		}
		// Raw must be taken first: TagName lowercases the buffer in place.
		raw := z.Raw()
		start := offset
		offset += len(raw)
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		raw = bytes.Clone(raw)
		name, hasAttr := z.TagName()
		switch string(name) {
		case "body":
			return decls
		case "meta":
		default:
			continue
		}
		declares, pragma := false, false
		for hasAttr {
			var key, val []byte
			key, val, hasAttr = z.TagAttr()
			switch string(key) {
			case "charset":
				declares = true
			case "http-equiv":
				pragma = strings.EqualFold(string(val), "content-type")
			}
		}
		if !declares && !pragma {
			continue
		}
		for _, m := range charsetValue.FindAllSubmatchIndex(raw, -1) {
			decls = append(decls, charsetDecl{
				label: string(raw[m[2]:m[3]]),
				start: start + m[2],
				end:   start + m[3],
			})
		}
	}
}

// declaredEncoding returns the encoding page's first usable declaration
// names, with its canonical name ("windows-1251"), or nil.
func declaredEncoding(page []byte) (encoding.Encoding, string) {
	for _, d := range charsetDecls(page) {
		if enc, name := charset.Lookup(d.label); enc != nil {
			if strings.HasPrefix(name, "utf-16") {
				// As the standard says: a page read as ASCII-compatible
				// bytes cannot be UTF-16, so the author meant UTF-8.
				return encoding.Nop, "utf-8"
			}
			return enc, name
		}
	}
	return nil, ""
}

// declareUTF8 rewrites the page's charset declarations to say utf-8, which
// the body now is. A parser honouring the old <meta charset=windows-1251>
// would otherwise decode the page a second time and garble it.
func declareUTF8(page []byte) []byte {
	decls := charsetDecls(page)
	var out []byte
	last := 0
	for _, d := range decls {
		if strings.EqualFold(d.label, "utf-8") {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(page))
		}
		out = append(out, page[last:d.start]...)
		out = append(out, "utf-8"...)
		last = d.end
	}
	if out == nil {
		return page
	}
	return append(out, page[last:]...)
}

// rawTextTags hold no text a reader sees.
var rawTextTags = map[string]bool{
	"script": true, "style": true, "title": true, "textarea": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true,
}

// maxHasTextToken bounds the tokens htmlHasText reads. The tokenizer keeps
// a map of a tag's attribute names: one tag of a million attributes took
// it 1.5 s and 280 MB.
const maxHasTextToken = 64 << 10

// htmlHasText reports whether page has any visible text at all; one
// without (a frameset, a page that only runs scripts, a bare <head>) has
// nothing to extract. A token longer than maxHasTextToken before the first
// text (a long script, or a tag of countless attributes) leaves the
// question to extraction, which bounds such pages.
func htmlHasText(page []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(page))
	z.SetMaxBuf(maxHasTextToken)
	inRaw := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return errors.Is(z.Err(), html.ErrBufferExceeded)
		case html.StartTagToken:
			name, _ := z.TagName()
			inRaw = rawTextTags[string(name)]
		case html.EndTagToken, html.SelfClosingTagToken:
			inRaw = false
		case html.TextToken:
			if !inRaw && len(bytes.TrimFunc(z.Text(), unicode.IsSpace)) > 0 {
				return true
			}
		}
	}
}
