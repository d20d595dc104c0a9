package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/sentences"
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
	if (i == 0 || prev == '\n') && r != '’' && r != '\'' && r != '‘' && r != '`' {
		return famDouble, roleOpen // a paragraph never begins with a closing mark: ” … in the case"
	}
	ctx := markContext{open: isOpenCtx(prev), close: isCloseCtx(next), prev: prev, next: next}
	if fam, role, ok := doubleMark(r, ctx); ok {
		return fam, role
	}
	return singleMark(r, ctx)
}

// markContext is what stands around a quotation mark: the runes before
// and after it, and whether they are where a quotation opens (a space, a
// bracket) or closes (a space, punctuation).
type markContext struct {
	open, close bool
	prev, next  rune
}

// doubleMark tells the direction of a double mark (false: r is none):
// curly marks by their shape unless their place says otherwise,
// straight ones by their place alone.
func doubleMark(r rune, ctx markContext) (fam, role int, ok bool) {
	switch r {
	case '“', '«':
		if !ctx.open && ctx.close {
			return famDouble, roleClose, true
		}
		return famDouble, roleOpen, true
	case '”':
		if ctx.open && !ctx.close {
			return famDouble, roleOpen, true
		}
		return famDouble, roleClose, true
	case '»':
		if ctx.open && !ctx.close {
			return famDouble, roleOpen, true // German »Text«
		}
		return famDouble, roleClose, true
	case '„', '「', '『', '`' + 1<<20: // and ``
		return famDouble, roleOpen, true
	case '」', '』':
		return famDouble, roleClose, true
	case '"', '\'' + 1<<20: // straight double, or two apostrophes
		switch {
		case ctx.open && !ctx.close:
			return famDouble, roleOpen, true
		case !ctx.open && ctx.close:
			return famDouble, roleClose, true
		}
		return famDouble, roleEither, true
	}
	return 0, roleNone, false
}

// singleMark tells the direction of a single mark, or that it is an
// apostrophe (roleNone): "don’t", "Russia’s", "’90s".
func singleMark(r rune, ctx markContext) (fam, role int) {
	alnumPrev, alnumNext := isAlnum(ctx.prev), isAlnum(ctx.next)
	switch r {
	case '‹', '‚':
		return famSingle, roleOpen
	case '›':
		return famSingle, roleClose
	case '‘', '`':
		if alnumPrev && alnumNext {
			return 0, roleNone // a misplaced apostrophe: don‘t
		}
		if ctx.open && !unicode.IsSpace(ctx.next) {
			return famSingle, roleOpen
		}
	case '’', '\'':
		if alnumPrev && alnumNext {
			return 0, roleNone // don’t, Russia’s
		}
		if ctx.open && (alnumNext || ctx.next == '“' || ctx.next == '"') {
			if r == '\'' && !unicode.IsDigit(ctx.next) {
				return famSingle, roleOpen // 'quoted'
			}
			return 0, roleNone // ’90s, ’em
		}
		if !ctx.open && ctx.close {
			return famSingle, roleClose
		}
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
// (don’t, Russia’s, the voters’ choice) never pair. It reads paragraph by
// paragraph; a double-marked quotation left open may go on in the next.
func pairMarks(text string) []qspan {
	p := &pairer{text: text}
	for ls := 0; ls < len(text); {
		le := len(text)
		if k := strings.IndexByte(text[ls:], '\n'); k >= 0 {
			le = ls + k
		}
		if ts, te := sentences.Trim(text, ls, le); ts < te {
			p.paragraph(ts, te)
		}
		ls = le + 1
	}
	if p.pend != nil && p.pend.lineStart {
		p.spans = append(p.spans, *p.pend)
	}
	return outermost(p.spans)
}

// pairer holds pairMarks' work: the spans found, the marks of the
// paragraph [ts, te) being read, the stack of its open double marks
// (indices in marks; -2 is the quotation carried over: only the outermost
// makes a span, the inner ones only tell which mark closes what), a
// pending single opening mark, and the double-marked quotation that may
// run over paragraphs.
type pairer struct {
	text   string
	spans  []qspan
	marks  []rawMark
	stack  []int
	sOpen  int
	pend   *qspan
	ts, te int
}

// paragraph pairs the marks of the paragraph [ts, te).
func (p *pairer) paragraph(ts, te int) {
	p.ts, p.te = ts, te
	p.scanMarks()
	mi := p.carryOver()
	p.stack = p.stack[:0]
	if p.pend != nil {
		p.stack = append(p.stack, -2)
	}
	p.sOpen = -1
	for ; mi < len(p.marks); mi++ {
		if p.marks[mi].fam == famDouble {
			p.double(mi)
			continue
		}
		if len(p.stack) == 0 {
			p.single(mi) // single marks inside a double quotation are its words
		}
	}
	p.leaveOpen()
}

// scanMarks collects the quotation marks of the paragraph, passing
// apostrophes between ASCII letters (don’t, Russia’s).
func (p *pairer) scanMarks() {
	text, ts, te := p.text, p.ts, p.te
	p.marks = p.marks[:0]
	for i := ts; i < te; {
		c := text[i]
		if !markByte[c] {
			i++
			continue
		}
		if n := apostropheEnd(text, i, ts, te); n > i {
			i = n
			continue
		}
		r, sz := scanMark(text, i)
		if sz == 0 {
			i++
			continue
		}
		fam, role := classify(text, i, sz, r)
		if role != roleNone {
			p.marks = append(p.marks, rawMark{pos: i, size: sz, fam: fam, role: role, r: r})
		}
		i += sz
	}
}

// apostropheEnd is the offset past an apostrophe at i that stands between
// ASCII letters (don’t, Russia’s), or i when it is none.
func apostropheEnd(text string, i, ts, te int) int {
	c := text[i]
	if i <= ts || i+1 >= te || !(c == '\'' || c == 0xE2 && i+2 < te && text[i+1] == 0x80 && text[i+2] == 0x99) {
		return i
	}
	n := i + 1
	if c != '\'' {
		n = i + 3
	}
	if n < te && asciiAlnum[text[i-1]&0x7F] && text[i-1] < 0x80 && text[n] < 0x80 && asciiAlnum[text[n]] {
		return n
	}
	return i
}

// carryOver decides the quotation left open by the paragraph before: it
// goes on when this one opens with a mark of the same kind; otherwise it
// ended with that paragraph (a stray '"' is not continued by a '“'). It
// returns the first mark left to read.
func (p *pairer) carryOver() int {
	if p.pend == nil {
		return 0
	}
	if m := p.marks; len(m) > 0 && m[0].pos == p.ts && m[0].fam == famDouble && m[0].role != roleClose && markKind(m[0].r) == p.pend.kind {
		p.pend.segs = append(p.pend.segs, seg{m[0].pos + m[0].size, -1})
		p.pend.cont = append(p.pend.cont, seg{m[0].pos, m[0].pos + m[0].size})
		return 1
	}
	if p.pend.lineStart {
		p.spans = append(p.spans, *p.pend)
	}
	p.pend = nil
	return 0
}

// kindAt and runeAt tell the opening mark of stack entry x.
func (p *pairer) kindAt(x int) int {
	if x == -2 {
		return p.pend.kind
	}
	return markKind(p.marks[x].r)
}

func (p *pairer) runeAt(x int) rune {
	if x == -2 {
		return p.pend.r
	}
	return p.marks[x].r
}

// double reads the double mark mi: it opens, or closes the innermost
// quotation it fits.
func (p *pairer) double(mi int) {
	m := p.marks[mi]
	if p.roleOf(m) == roleOpen {
		p.open(mi)
		return
	}
	j := -1
	for k := len(p.stack) - 1; k >= 0; k-- {
		if closes(m.r, p.runeAt(p.stack[k])) {
			j = k
			break
		}
	}
	switch {
	case j == 0 || j < 0 && len(p.stack) == 1:
		p.closeOuter(m)
	case j > 0:
		p.stack = p.stack[:j]
	case len(p.stack) > 1:
		p.stack = p.stack[:len(p.stack)-1]
	case p.sOpen >= 0:
		// ‘…” : mismatched marks
		p.addSpan(p.marks[p.sOpen], m, false)
		p.sOpen = -1
	}
}

// roleOf is what the double mark m does where it stands: a “ inside „…
// closes (German „…“), and a mark that may do either closes a quotation
// of its kind left open, else opens one.
func (p *pairer) roleOf(m rawMark) int {
	role := m.role
	if m.r == '“' && role == roleOpen {
		for _, x := range p.stack {
			if p.runeAt(x) == '„' {
				role = roleClose
			}
		}
	}
	if role == roleEither {
		role = roleOpen
		for _, x := range p.stack {
			if p.kindAt(x) == markKind(m.r) {
				role = roleClose
			}
		}
	}
	return role
}

// open pushes the opening double mark mi. The same opening mark again
// means the one before was stray, or the quotation carried over ended.
func (p *pairer) open(mi int) {
	m := p.marks[mi]
	if n := len(p.stack); n > 0 && p.kindAt(p.stack[n-1]) == markKind(m.r) {
		if n == 1 && p.stack[0] == -2 {
			p.pend.segs[len(p.pend.segs)-1].e = trimEnd(p.text, m.pos)
			p.spans = append(p.spans, *p.pend)
			p.pend = nil
		}
		p.stack[n-1] = mi
		return
	}
	if len(p.stack) < 4 {
		p.stack = append(p.stack, mi)
	}
}

// closeOuter closes the outermost quotation with the mark m.
func (p *pairer) closeOuter(m rawMark) {
	if b := p.stack[0]; b == -2 {
		p.pend.segs[len(p.pend.segs)-1].e = m.pos
		p.pend.close, p.pend.csz = m.pos, m.size
		p.spans = append(p.spans, *p.pend)
		p.pend = nil
	} else {
		p.addSpan(p.marks[b], m, false)
	}
	p.stack = p.stack[:0]
}

// addSpan records the quotation between the marks o and c.
func (p *pairer) addSpan(o, c rawMark, single bool) {
	p.spans = append(p.spans, qspan{open: o.pos, osz: o.size, close: c.pos, csz: c.size,
		segs: []seg{{o.pos + o.size, c.pos}}, lineStart: o.pos == p.ts, single: single})
}

// single reads the single mark mi outside any double quotation.
func (p *pairer) single(mi int) {
	switch m := p.marks[mi]; m.role {
	case roleOpen:
		if p.sOpen < 0 {
			p.sOpen = mi
		}
	case roleClose:
		if p.sOpen >= 0 && singleCloses(p.text, p.marks[p.sOpen], m, p.te) {
			p.addSpan(p.marks[p.sOpen], m, true)
			p.sOpen = -1
		}
	}
}

// leaveOpen keeps the outermost quotation still open at the paragraph's
// end pending: the next paragraph may carry it on.
func (p *pairer) leaveOpen() {
	if len(p.stack) == 0 {
		return
	}
	if p.stack[0] == -2 {
		p.pend.segs[len(p.pend.segs)-1].e = p.te
		return
	}
	o := p.marks[p.stack[0]]
	p.pend = &qspan{open: o.pos, osz: o.size, close: -1, segs: []seg{{o.pos + o.size, p.te}}, lineStart: o.pos == p.ts,
		kind: markKind(o.r), r: o.r}
}

// outermost keeps the outermost non-empty quotations, in text order.
func outermost(spans []qspan) []qspan {
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
