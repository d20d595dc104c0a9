package plaintext

import (
	"unicode"
	"unicode/utf8"
)

// LineIndex knows which short lines stand on several different pages of a
// batch: a site's menus, sign-up boxes and sidebars, which repeat from page
// to page while articles do not. Syndicated copies of one article share all
// their lines, so pages that share a long paragraph count as one page.
type LineIndex struct {
	pages map[string]int // short line → number of page groups carrying it
}

const (
	shortLineWords = 15 // longer lines are prose and never judged by repetition
	longLineWords  = 25 // a shared line this long means a shared article
)

// NewLineIndex indexes the pages of a batch.
func NewLineIndex(pages []string) *LineIndex {
	parent := make([]int, len(pages))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	short := make([]map[string]bool, len(pages))
	for i, p := range pages {
		short[i] = map[string]bool{}
		for _, line := range splitLines(p) {
			switch words := countWords(line); {
			case words >= longLineWords:
				key := lineKey(line)
				if j, ok := owner[key]; ok {
					parent[find(i)] = find(j)
				} else {
					owner[key] = i
				}
			case words <= shortLineWords && words > 0:
				short[i][lineKey(line)] = true
			}
		}
	}
	groups := map[string]map[int]bool{}
	for i, lines := range short {
		g := find(i)
		for l := range lines {
			if groups[l] == nil {
				groups[l] = map[int]bool{}
			}
			groups[l][g] = true
		}
	}
	x := &LineIndex{pages: map[string]int{}}
	for l, gs := range groups {
		if len(gs) > 1 {
			x.pages[l] = len(gs)
		}
	}
	return x
}

// Repeated tells whether line stands on two or more unrelated pages.
func (x *LineIndex) Repeated(line string) bool {
	if x == nil {
		return false
	}
	var buf [256]byte
	return x.pages[string(appendLineKey(buf[:0], line))] > 1
}

// lineKey is the line lower-cased with its runs of spaces folded into one.
func lineKey(s string) string {
	var buf [256]byte
	return string(appendLineKey(buf[:0], s))
}

// appendLineKey appends lineKey(s) to dst in one pass, without the words
// and strings of the definition. Like strings.ToLower it writes an invalid
// byte as U+FFFD.
func appendLineKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a space is due before the next rune
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\t', '\n', '\v', '\f', '\r': // unicode.IsSpace, in ASCII
				space = len(dst) > start
				continue
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}
