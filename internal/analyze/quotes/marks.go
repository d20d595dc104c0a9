package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation marks: which family a mark is of and which way it faces.
const (
	famDouble = 1
	famSingle = 2

	roleNone   = 0
	roleOpen   = 1
	roleClose  = 2
	roleEither = 3 // a straight mark whose direction is told by the pairing
)

// seg is a byte range of the text.
type seg struct{ s, e int }

// qspan is one quotation: the words between an opening mark and its
// closing mark, possibly over several paragraphs (each continuation
// paragraph opens with a mark of its own). segs are the inner ranges,
// without the marks.
type qspan struct {
	open, osz   int // the opening mark
	close, csz  int // the closing mark; close = -1 when it ran to the paragraph's end
	segs        []seg
	lineStart   bool  // the opening mark begins its paragraph
	single      bool  // single marks (‘…’)
	cont        []seg // the opening marks of continuation paragraphs
	kind        int   // markKind of the opening mark
	r           rune  // the opening mark
	inner0, end int   // segs[0].s and segs[len-1].e
}

// rawMark is a quotation mark found while scanning a paragraph.
type rawMark struct {
	pos, size int
	fam, role int
	r         rune
}

// classify tells the family and direction of the mark r at text[i:i+size].
func classify(text string, i, size int, r rune) (fam, role int) {
	prev, next := rune(' '), rune(' ')
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if i+size < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+size:])
	}
	openCtx := isOpenCtx(prev)
	closeCtx := isCloseCtx(next)
	if (i == 0 || prev == '\n') && r != '’' && r != '\'' && r != '‘' && r != '`' {
		return famDouble, roleOpen // a paragraph never begins with a closing mark: ” … in the case"
	}
	alnumPrev := isAlnum(prev)
	alnumNext := isAlnum(next)
	switch r {
	case '“':
		if !openCtx && closeCtx {
			return famDouble, roleClose
		}
		return famDouble, roleOpen
	case '”':
		if openCtx && !closeCtx {
			return famDouble, roleOpen
		}
		return famDouble, roleClose
	case '„', '「', '『':
		return famDouble, roleOpen
	case '」', '』':
		return famDouble, roleClose
	case '"', '\'' + 1<<20: // straight double, or two apostrophes
		switch {
		case openCtx && !closeCtx:
			return famDouble, roleOpen
		case !openCtx && closeCtx:
			return famDouble, roleClose
		case alnumPrev && alnumNext:
			return famDouble, roleEither
		}
		return famDouble, roleEither
	case '`' + 1<<20: // ``
		return famDouble, roleOpen
	case '«':
		if !openCtx && closeCtx {
			return famDouble, roleClose
		}
		return famDouble, roleOpen
	case '»':
		if openCtx && !closeCtx {
			return famDouble, roleOpen // German »Text«
		}
		return famDouble, roleClose
	case '‹':
		return famSingle, roleOpen
	case '›':
		return famSingle, roleClose
	case '‚':
		return famSingle, roleOpen
	case '‘', '`':
		if alnumPrev && alnumNext {
			return 0, roleNone // a misplaced apostrophe: don‘t
		}
		if openCtx && !unicode.IsSpace(next) {
			return famSingle, roleOpen
		}
		return 0, roleNone
	case '’', '\'':
		if alnumPrev && alnumNext {
			return 0, roleNone // don’t, Russia’s
		}
		if openCtx && (alnumNext || next == '“' || next == '"') {
			if r == '\'' && !unicode.IsDigit(next) {
				return famSingle, roleOpen // 'quoted'
			}
			return 0, roleNone // ’90s, ’em
		}
		if !openCtx && closeCtx {
			return famSingle, roleClose
		}
		return 0, roleNone
	}
	return 0, roleNone
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// markByte: bytes that may begin a quotation mark.
var markByte = func() (t [256]bool) {
	for _, c := range []byte{'"', '\'', '`', 0xC2, 0xE2, 0xE3} {
		t[c] = true
	}
	return
}()

// asciiAlnum tells the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-32] = true, true
	}
	return
}()

// isOpenCtx: a mark after this rune may open a quotation.
func isOpenCtx(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '(', '[', '{', '<', '—', '–', '-', '/', '“', '‘', '«', '„', '‚', '\u00a0', '\u202f', ':', '»', '"':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// isCloseCtx: a mark before this rune may close a quotation.
func isCloseCtx(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '—', '–', '-', '…', '/', '”', '’', '»', '«', '\u00a0', '\u202f', '"', '\'':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// scanMark reports the quotation mark at text[i], if any: its rune (two
// ASCII apostrophes or backquotes are given as r+1<<20) and size.
func scanMark(text string, i int) (rune, int) {
	switch c := text[i]; c {
	case '"':
		return '"', 1
	case '\'':
		if i+1 < len(text) && text[i+1] == '\'' {
			return '\'' + 1<<20, 2
		}
		return '\'', 1
	case '`':
		if i+1 < len(text) && text[i+1] == '`' {
			return '`' + 1<<20, 2
		}
		return '`', 1
	case 0xC2:
		if i+1 < len(text) && (text[i+1] == 0xAB || text[i+1] == 0xBB) {
			r, _ := utf8.DecodeRuneInString(text[i:])
			return r, 2
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x98, 0x99, 0x9A, 0x9C, 0x9D, 0x9E, 0xB9, 0xBA:
				r, _ := utf8.DecodeRuneInString(text[i:])
				return r, 3
			}
		}
	case 0xE3:
		if i+2 < len(text) && text[i+1] == 0x80 && text[i+2] >= 0x8C && text[i+2] <= 0x8F {
			r, _ := utf8.DecodeRuneInString(text[i:])
			return r, 3
		}
	}
	return 0, 0
}

// pairMarks finds the quotations of text. Only outermost quotations are
// kept; single marks pair only outside double ones, and apostrophes
// (don’t, Russia’s, the voters’ choice) never pair.
func pairMarks(text string) []qspan {
	var spans []qspan
	var marks []rawMark
	var stack []int
	// pending double-mark quotation that may run over paragraphs
	var pend *qspan
	for ls := 0; ls < len(text); {
		le := len(text)
		if k := strings.IndexByte(text[ls:], '\n'); k >= 0 {
			le = ls + k
		}
		// trimmed bounds of the line
		ts, te := ls, le
		for ts < te && isSpaceByte(text, ts) {
			_, sz := utf8.DecodeRuneInString(text[ts:te])
			ts += sz
		}
		for te > ts {
			r, sz := utf8.DecodeLastRuneInString(text[ts:te])
			if !unicode.IsSpace(r) {
				break
			}
			te -= sz
		}
		next := le + 1
		if ts == te {
			ls = next
			continue
		}
		marks = marks[:0]
		for i := ts; i < te; {
			c := text[i]
			if !markByte[c] {
				i++
				continue
			}
			if i > ts && i+1 < te && (c == '\'' || c == 0xE2 && i+2 < te && text[i+1] == 0x80 && text[i+2] == 0x99) {
				// an apostrophe between ASCII letters: don’t, Russia’s
				n := i + 1
				if c != '\'' {
					n = i + 3
				}
				if n < te && asciiAlnum[text[i-1]&0x7F] && text[i-1] < 0x80 && text[n] < 0x80 && asciiAlnum[text[n]] {
					i = n
					continue
				}
			}
			r, sz := scanMark(text, i)
			if sz == 0 {
				i++
				continue
			}
			fam, role := classify(text, i, sz, r)
			if role != roleNone {
				marks = append(marks, rawMark{pos: i, size: sz, fam: fam, role: role, r: r})
			}
			i += sz
		}
		mi := 0
		// A quotation left open by the paragraph before goes on when this
		// one opens with a mark of the same kind; otherwise it ended with
		// that paragraph (a stray '"' is not continued by a '“').
		if pend != nil {
			if len(marks) > 0 && marks[0].pos == ts && marks[0].fam == famDouble && marks[0].role != roleClose && markKind(marks[0].r) == pend.kind {
				pend.segs = append(pend.segs, seg{marks[0].pos + marks[0].size, -1})
				pend.cont = append(pend.cont, seg{marks[0].pos, marks[0].pos + marks[0].size})
				mi = 1
			} else {
				if pend.lineStart {
					spans = append(spans, *pend)
				}
				pend = nil
			}
		}
		// stack of open double marks (indices in marks; -2 is the
		// quotation carried over); only the outermost makes a span, the
		// inner ones only tell which mark closes what.
		stack = stack[:0]
		if pend != nil {
			stack = append(stack, -2)
		}
		sOpen := -1 // index of a pending single opening mark
		kindAt := func(x int) int {
			if x == -2 {
				return pend.kind
			}
			return markKind(marks[x].r)
		}
		runeAt := func(x int) rune {
			if x == -2 {
				return pend.r
			}
			return marks[x].r
		}
		closeOuter := func(m rawMark) {
			b := stack[0]
			if b == -2 {
				pend.segs[len(pend.segs)-1].e = m.pos
				pend.close, pend.csz = m.pos, m.size
				spans = append(spans, *pend)
				pend = nil
			} else {
				o := marks[b]
				spans = append(spans, qspan{open: o.pos, osz: o.size, close: m.pos, csz: m.size,
					segs: []seg{{o.pos + o.size, m.pos}}, lineStart: o.pos == ts})
			}
			stack = stack[:0]
		}
		for ; mi < len(marks); mi++ {
			m := marks[mi]
			if m.fam == famDouble {
				role := m.role
				if m.r == '“' && role == roleOpen {
					for _, x := range stack {
						if runeAt(x) == '„' {
							role = roleClose // German „…“
						}
					}
				}
				if role == roleEither {
					role = roleOpen
					for _, x := range stack {
						if kindAt(x) == markKind(m.r) {
							role = roleClose
						}
					}
				}
				if role == roleOpen {
					if n := len(stack); n > 0 && kindAt(stack[n-1]) == markKind(m.r) {
						// the same opening mark again: the one before was
						// stray, or the quotation carried over ended
						if n == 1 && stack[0] == -2 {
							pend.segs[len(pend.segs)-1].e = trimEnd(text, m.pos)
							spans = append(spans, *pend)
							pend = nil
						}
						stack[n-1] = mi
						continue
					}
					if len(stack) < 4 {
						stack = append(stack, mi)
					}
					continue
				}
				// a closing mark: it closes the innermost quotation it fits
				j := -1
				for k := len(stack) - 1; k >= 0; k-- {
					if closes(m.r, runeAt(stack[k])) {
						j = k
						break
					}
				}
				switch {
				case j == 0 || j < 0 && len(stack) == 1:
					closeOuter(m)
				case j > 0:
					stack = stack[:j]
				case len(stack) > 1:
					stack = stack[:len(stack)-1]
				case sOpen >= 0:
					// ‘…” : mismatched marks
					o := marks[sOpen]
					spans = append(spans, qspan{open: o.pos, osz: o.size, close: m.pos, csz: m.size,
						segs: []seg{{o.pos + o.size, m.pos}}, lineStart: o.pos == ts})
					sOpen = -1
				}
				continue
			}
			if len(stack) > 0 {
				continue // single marks inside a double quotation are its words
			}
			switch m.role {
			case roleOpen:
				if sOpen < 0 {
					sOpen = mi
				}
			case roleClose:
				if sOpen >= 0 && singleCloses(text, marks[sOpen], m, te) {
					o := marks[sOpen]
					spans = append(spans, qspan{open: o.pos, osz: o.size, close: m.pos, csz: m.size,
						segs: []seg{{o.pos + o.size, m.pos}}, lineStart: o.pos == ts, single: true})
					sOpen = -1
				}
			}
		}
		if len(stack) > 0 {
			if stack[0] == -2 {
				pend.segs[len(pend.segs)-1].e = te
			} else {
				o := marks[stack[0]]
				pend = &qspan{open: o.pos, osz: o.size, close: -1, segs: []seg{{o.pos + o.size, te}}, lineStart: o.pos == ts,
					kind: markKind(o.r), r: o.r}
			}
		}
		ls = next
	}
	if pend != nil && pend.lineStart {
		spans = append(spans, *pend)
	}
	// Outermost only, in text order, non-empty.
	sort.Slice(spans, func(i, j int) bool { return spans[i].open < spans[j].open })
	out := spans[:0]
	maxEnd := -1
	for _, s := range spans {
		s.inner0, s.end = s.segs[0].s, s.segs[len(s.segs)-1].e
		if s.end <= s.inner0 || s.open < maxEnd {
			continue
		}
		out = append(out, s)
		maxEnd = s.end
	}
	return out
}

// Kinds of double marks, for telling which closes which.
const (
	mkStraight = iota + 1
	mkApos2
	mkCurly
	mkGuillemet
	mkCorner
)

func markKind(r rune) int {
	switch r {
	case '"':
		return mkStraight
	case '\'' + 1<<20, '`' + 1<<20:
		return mkApos2
	case '“', '”', '„':
		return mkCurly
	case '«', '»':
		return mkGuillemet
	}
	return mkCorner
}

// closes tells whether the closing mark c may close the opening mark o.
func closes(c, o rune) bool {
	switch c {
	case '"':
		return o == '"'
	case '\'' + 1<<20:
		return o == '\''+1<<20 || o == '`'+1<<20
	case '”':
		return o == '“' || o == '„' || o == '”'
	case '“':
		return o == '„' || o == '“'
	case '»', '«':
		return o == '«' || o == '»'
	case '」':
		return o == '「'
	case '』':
		return o == '『'
	}
	return false
}

// trimEnd moves e back over white space.
func trimEnd(text string, e int) int {
	for e > 0 {
		r, sz := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= sz
	}
	return e
}

// singleCloses tells whether the closing single mark c closes the opening
// o, or is rather the apostrophe of a plural possessive ("the voters’
// choice").
func singleCloses(text string, o, c rawMark, te int) bool {
	if c.pos-(o.pos+o.size) < 2 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:c.pos])
	if prev == 's' || prev == 'S' || prev == 'z' {
		// voters’ choice: a lower-case word follows
		j := c.pos + c.size
		if j < te && text[j] == ' ' && j+1 < te {
			n, _ := utf8.DecodeRuneInString(text[j+1:])
			if unicode.IsLower(n) {
				return false
			}
		}
	}
	return true
}

func isSpaceByte(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}
