package plaintext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// class is a block's verdict, after jusText's scheme: good prose, near-good
// prose that its neighbours decide, short lines that their neighbours decide,
// and bad furniture.
type class int

const (
	classBad class = iota
	classShort
	classNearGood
	classGood
)

// block is one non-empty line of the page with what is measured of it.
type block struct {
	text        string
	runes       int
	words       int
	stopDensity float64
	endsClause  bool // ends as a sentence or a quotation does
	cjk         bool // written without spaces between words
	unlisted    bool // in a language our stop-word lists do not cover
	boiler      bool // page furniture by its wording
	caption     bool // a photo caption or credit
	term        bool // a heading that ends the article
	linky       bool // a bare link or address
	clock       bool // a time of day alone ("12:30 p.m."), as live blogs head entries
	repeated    bool // printed three times or more on the page
	class       class
}

var (
	linkRe  = regexp.MustCompile(`(?i)^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$|^(?:https?://)?[\w.-]+\.(?:com|org|net|co\.uk|de|fr|ru|io)(?:/\S*)?$`)
	clockRe = regexp.MustCompile(`(?i)^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$`)
)

// splitBlocks cuts text into trimmed, non-empty lines with spaces folded,
// and measures them.
func splitBlocks(text string) []block {
	lines := splitLines(text)
	out := make([]block, len(lines))
	for i, line := range lines {
		out[i] = measure(line)
	}
	return out
}

// splitLines cuts text into trimmed, non-empty lines with spaces folded.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(foldSpaces(line))
		if line == "" || !hasLetterOrDigit(line) && utf8.RuneCountInString(line) > 3 {
			continue
		}
		out = append(out, line)
	}
	return out
}

// foldSpaces turns each run of spaces, tabs, other space separators and
// zero-width spaces into one space: the regular expression
// [ \t\p{Zs}\x{200b}\x{feff}]+ written out, as it runs on every line.
func foldSpaces(s string) string {
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	inRun := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isFoldSpace(r) {
			if !inRun {
				b.WriteByte(' ')
			}
			inRun = true
		} else {
			inRun = false
			b.WriteString(s[i : i+n]) // byte for byte, invalid UTF-8 too
		}
		i += n
	}
	return b.String()
}

// needsFold tells whether foldSpaces has anything to change in s: a space
// other than ' ', or two in a row. ASCII is read a byte at a time.
func needsFold(s string) bool {
	prev := false // the rune before was a space
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c == '\t' || c == ' ' && prev {
				return true
			}
			prev = c == ' '
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isFoldSpace(r) {
			return true // never ' '
		}
		prev = false
		i += n
	}
	return false
}

func isFoldSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u200b' || r == '\ufeff' || r > 0x7f && unicode.Is(unicode.Zs, r)
}

// findWords returns the words of s: runs of letters and digits, with
// apostrophes inside them ("don't", "l’homme") kept. It is the regular
// expression [\p{L}\p{N}]+(?:['’]\p{L}+)* written out, as it runs on
// every line of every page.
func findWords(s string) []string {
	var out []string
	for start, end := nextWord(s, 0); start >= 0; start, end = nextWord(s, end) {
		out = append(out, s[start:end])
	}
	return out
}

// countWords is len(findWords(s)), without the words.
func countWords(s string) int {
	n := 0
	for start, end := nextWord(s, 0); start >= 0; start, end = nextWord(s, end) {
		n++
	}
	return n
}

// nextWord returns the bounds of the first word of s at or after i (see
// findWords), or -1, -1 when there is none.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i = skipWordRunes(s, i)
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != '\'' && r != '’' {
				break
			}
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); i+n >= len(s) || !unicode.IsLetter(next) {
				break
			}
			i = skip(s, i+n, unicode.IsLetter)
		}
		return start, i
	}
	return -1, -1
}

// skipWordRunes is skip(s, i, isWordRune) with ASCII, most of any page,
// read a byte at a time.
func skipWordRunes(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			return i
		}
		i += n
	}
	return i
}

// skip returns the index after the runes of s from i that are in.
func skip(s string, i int, in func(rune) bool) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !in(r) {
			break
		}
		i += n
	}
	return i
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func measure(line string) block {
	b := block{text: line, runes: utf8.RuneCountInString(line)}
	// Names are counted out of the density: a news lede full of them ("New
	// Jersey Gov. Chris Christie described…") is prose all the same. A
	// line of nothing but capitalised words (a menu, a headline) keeps them.
	stops, names := 0, 0
	shareWordsOnly := true // every word is one of a share bar's
	var keyBuf [64]byte
	key := keyBuf[:0] // the word in lower case, to look up without a string
	for s, e := nextWord(line, 0); s >= 0; s, e = nextWord(line, e) {
		w := line[s:e]
		key = appendLower(key[:0], w)
		if stopwords[string(key)] {
			stops++
		} else if r, _ := utf8.DecodeRuneInString(w); b.words > 0 && unicode.IsUpper(r) {
			names++
		}
		shareWordsOnly = shareWordsOnly && shareWords[string(key)]
		b.words++
	}
	// A share bar: "Whatsapp Facebook Pint Baixar".
	shareBar := b.words >= 2 && shareWordsOnly
	if content := b.words - names; content >= b.words/2 && content > 0 {
		b.stopDensity = float64(stops) / float64(content)
	} else if b.words > 0 {
		b.stopDensity = float64(stops) / float64(b.words)
	}
	b.cjk = isCJK(line)
	b.endsClause = endsClause(line)
	b.linky = !strings.Contains(line, " ") && linkRe.MatchString(line) // no address holds a space
	lower := strings.ToLower(line)
	bare := strings.TrimRight(lower, " :»›>|")
	// The whole-line patterns describe short lines; skipping them on prose
	// keeps the cost of a page linear in its length with a small constant.
	short := b.runes <= 160
	b.term = short && b.words <= 12 && terminator.match(bare)
	b.clock = short && clockRe.MatchString(line)
	b.boiler = short && boilerLine.match(bare) ||
		strings.Contains(line, "©") && b.words <= 40 ||
		b.words <= 40 && boilerPhrase.match(lower) ||
		b.clock || !hasLetter(line) || consent.match(lower) || shareBar
	b.caption = b.words <= 60 && captionMark.match(lower)
	return b
}

// markRepeats flags as furniture the short lines a page prints three times
// or more (form labels, share bars, "Advertisement"). Such a line is dropped
// but does not break the text around it: product boxes and listings repeat
// their labels inside an article too.
func markRepeats(bs []block) {
	count := map[string]int{}
	for _, b := range bs {
		if b.words <= 4 {
			count[b.text]++
		}
	}
	for i := range bs {
		if count[bs[i].text] >= 3 {
			bs[i].boiler, bs[i].repeated = true, true
		}
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isCJK tells text whose words are not separated by spaces, where word and
// stop-word counts mean nothing and characters are measured instead.
func isCJK(s string) bool {
	n, han := 0, 0
	for _, r := range s {
		if r < 0x80 {
			// ASCII, the bulk of most pages: no table lookups.
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				n++
			}
			continue
		}
		if unicode.IsLetter(r) {
			n++
			if r >= 0x0E00 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
				han++
			}
		}
	}
	return n > 0 && han*2 > n
}

func endsClause(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…\"”’»)。！？:;", r)
}

// neutral tells a block that neither breaks nor continues the text around
// it: a bare link (an embedded tweet) or a line of numbers and symbols (code
// line numbers, a lone bullet).
func (b block) neutral() bool {
	return b.linky || b.repeated || !hasLetter(b.text) && !b.clock
}
