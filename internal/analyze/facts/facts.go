// Package facts finds the figures an article states — counts, amounts of
// money, percentages, durations and dates — with the phrase each belongs
// to ("over 120,000 troops", "$268m", "Jan. 26"), normalised so that
// articles can be compared: numbers without separators and with their scale
// multiplied out, currencies as ISO 4217 codes, dates in ISO 8601 (resolved
// against the publication date when the text gives only a weekday, a month
// or "yesterday").
//
// It is one pass over the tokens of each sentence with map look-ups; no
// regular expressions.
package facts

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/wordfilter"
)

// token kinds
const (
	kWord = iota
	kNum
	kSym // a currency symbol
	kPunct
)

type tok struct {
	s, e  int
	lower string
	kind  uint8
	cap   bool
	space bool // whitespace before it
	r     rune // kPunct and kSym
}

type finder struct {
	text, low string
	pub       time.Time
	hasPub    bool
	toks      []tok
	sentence  string
	out       []news.Fact
	seen      map[string]bool
	loc       *locale // the article's language when it is not English; nil for English
}

// Find returns the facts text states, in text order, each once. sents are
// its sentences (sentences.Split(text) when nil); published is the
// article's ISO 8601 date or date-time, or "" when unknown; lang is its
// language (ISO 639-1), "" when unknown: English and unknown text are
// read the English way, other languages with their month and weekday
// names and their way of writing numbers ("26. Januar", "8.500", "7,8").
func Find(text string, sents []sentences.Span, published, lang string) []news.Fact {
	if sents == nil {
		sents = sentences.Split(text)
	}
	toks := tokenBuffers.Get().(*[]tok)
	f := &finder{text: text, low: lowerCopy(text), toks: *toks, loc: localeFor(lang)}
	f.pub, f.hasPub = parsePublished(published)
	for k := 0; k < len(sents); k++ {
		sp := sents[k]
		for f.loc != nil && k+1 < len(sents) && f.splitFigure(sp, sents[k+1]) {
			k++
			sp.End = sents[k].End
		}
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		// mayHold knows the English words only; other languages' weekdays
		// ("vendredi", "pazar") start with any letter
		if f.loc == nil && !mayHold(text[sp.Start:sp.End]) {
			continue
		}
		f.toks = f.tokenize(sp.Start, sp.End, f.toks[:0])
		f.sentence = text[sp.Start:sp.End]
		f.scan()
	}
	*toks = f.toks[:0]
	tokenBuffers.Put(toks)
	return f.out
}

// tokenBuffers recycles the token slices of finished calls: the tokens are
// most of what a call allocates, and no result refers to them.
var tokenBuffers = sync.Pool{New: func() any { return new([]tok) }}

// mayHold tells cheaply whether a sentence can hold a fact: a digit, a
// currency sign, or a letter that starts a date or number word.
func mayHold(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c >= utf8.RuneSelf || c == '$' {
			return true
		}
		// words that start with the letters of months, weekdays, number words,
		// "yesterday", "today", "tomorrow", "last", "next", "this"
		if (i == 0 || s[i-1] == ' ' || s[i-1] == '(' || s[i-1] == '-') && strings.IndexByte("JFMASONDjfmasondTtWwYyEeHhLlNnQqZz", c) >= 0 {
			return true
		}
	}
	return false
}

func parsePublished(p string) (time.Time, bool) {
	p = strings.TrimSpace(p)
	if len(p) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", p[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// lowerCopy lower-cases text without changing its byte offsets: a letter
// whose lower case is written with another number of bytes stays as it is.
// It copies the text whole and rewrites only the capitals in place, as most
// bytes of prose are lower case already.
func lowerCopy(text string) string {
	b := []byte(text)
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			utf8.EncodeRune(b[i:], l)
		}
		i += size
	}
	return string(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetterAt(s string, i int) bool {
	if i >= len(s) || i < 0 {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// tokenize splits text[s:e] into tokens. Chunks that are links, e-mail
// addresses or paths are left out whole.
func (f *finder) tokenize(s, e int, toks []tok) []tok {
	text := f.text
	space := true
	for i := s; i < e; {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = true
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
		}
		if space && isLinkChunk(text, i, e) {
			for i < e && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' {
				i++
			}
			space = true
			continue
		}
		t := tok{s: i, space: space}
		space = false
		switch {
		case isDigit(c):
			t.kind = kNum
			i = scanNumber(text, i, e, f.loc != nil && f.loc.spaced)
		case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf && unicode.IsLetter(r):
			t.kind = kWord
			t.cap = c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(r)
			i = scanWord(text, i, e)
			// "US$", "C$", "HK$"
			if i < e && text[i] == '$' && i-t.s <= 3 {
				i++
				t.kind = kSym
			}
		case strings.ContainsRune("$€£¥₹₽₴₩₺₪₦₿", r):
			t.kind = kSym
			t.r = r
			i += size
		default:
			t.kind = kPunct
			t.r = r
			i += size
		}
		t.e = i
		t.lower = f.low[t.s:t.e]
		toks = append(toks, t)
	}
	return toks
}

// isLinkChunk tells a whitespace-delimited chunk that is a link, an
// address or a path: its figures are no facts.
func isLinkChunk(text string, i, e int) bool {
	j := i
	marks := 0
	for j < e && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
		if c := text[j]; c == '/' || c == '@' || c == '.' && j-i == 3 {
			marks++
		}
		j++
	}
	chunk := text[i:j]
	if len(chunk) < 6 || marks == 0 {
		return false
	}
	if strings.Trim(chunk, "0123456789/.,;:()") == "" {
		return false // "1/26/2022"
	}
	return strings.Contains(chunk, "://") || strings.HasPrefix(chunk, "www.") ||
		strings.Contains(chunk, "@") && strings.Contains(chunk, ".") ||
		strings.Count(chunk, "/") >= 2 && !strings.ContainsAny(chunk[:1], "($€£")
}

// scanNumber reads digits with thousands separators and a decimal point,
// and letters stuck to them ("268m", "25%", "1990s", "26th"). In languages
// that group digits with spaces (spaced), a space of any width before
// three digits groups them too ("8 500"), after a first group of at most
// three digits and before any comma or dot.
func scanNumber(text string, i, e int, spaced bool) int {
	start, groups, points := i, 0, false
	for i < e {
		c := text[i]
		switch {
		case isDigit(c):
			i++
			continue
		case (c == ',' || c == '.') && i+1 < e && isDigit(text[i+1]):
			points = true
			i++
			continue
		case spaced && !points && (groups > 0 || i-start <= 3) && (c == ' ' || c == 0xc2 || c == 0xe2):
			if w := spaceGroupAt(text, i, e); w > 0 {
				groups++
				i += w
				continue
			}
		case c == '%':
			return i + 1
		case c == 0xc2 && i+1 < e && text[i+1] == 0xa0 && i+4 < e && isDigit(text[i+2]) && isDigit(text[i+3]) && isDigit(text[i+4]) && (i+5 >= e || !isDigit(text[i+5])):
			i += 2 // 120 000 with a no-break space
			continue
		case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			j := i
			for j < e && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			return j
		}
		break
	}
	return i
}

// scanWord reads letters with inner hyphens, apostrophes and dots ("Jan.",
// "a.m.", "combat-ready", "U.S.").
func scanWord(text string, i, e int) int {
	start := i
	for i < e {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				i++
				continue
			}
			if (c == '-' || c == '\'') && isLetterAt(text, i+1) {
				i++
				continue
			}
			if c == '.' {
				// abbreviations keep their stop: "Jan.", "a.m.", "U.S."
				w := strings.ToLower(text[start:i])
				if i-start == 1 || abbrev[w] {
					i++
					if isLetterAt(text, i) && i+1 < e && text[i+1] == '.' || isLetterAt(text, i) && i-start <= 2 {
						continue
					}
					return i
				}
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if r == '’' && isLetterAt(text, i+size) {
			i += size
			continue
		}
		return i
	}
	return i
}

var abbrev = wordSet(`jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
rs fr approx no nos vs mr mrs ms dr st`)

// add keeps a fact, once.
func (f *finder) add(fa news.Fact) {
	if fa.Value == "" {
		return
	}
	fa.Sentence = f.sentence
	key := fa.Kind + "\x00" + fa.Value + "\x00" + fa.Unit + "\x00" + fa.Text
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	if f.seen[key] {
		return
	}
	f.seen[key] = true
	f.out = append(f.out, fa)
}

// span is the text from token i to token j, inclusive.
func (f *finder) span(i, j int) string {
	return f.text[f.toks[i].s:f.toks[j].e]
}

func (f *finder) word(i int) string {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != kWord {
		return ""
	}
	return f.toks[i].lower
}

// cue flags: what a word may start
const (
	cueQualifier = 1 << iota
	cueNumber
	cueDate
	cueCurrency
)

var cues = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range qualifiers {
		m[w] |= cueQualifier
	}
	for w := range smallNumbers {
		m[w] |= cueNumber
	}
	for w := range vague {
		m[w] |= cueNumber
	}
	for _, w := range []string{"a", "an", "half", "dozen", "tens"} {
		m[w] |= cueNumber
	}
	for w := range months {
		m[w] |= cueDate
		m[w+"."] |= cueDate
	}
	for w := range weekdays {
		m[w] |= cueDate
	}
	for _, w := range []string{"yesterday", "today", "tomorrow", "last", "this", "next", "mid", "early", "late"} {
		m[w] |= cueDate
	}
	for w := range currencyPrefix {
		m[w] |= cueCurrency
	}
	return m
}()

// cueOf returns what the word token i may start; hyphenated words by their
// first part ("twenty-five", "three-year").
func (f *finder) cueOf(i int) uint8 {
	w := f.toks[i].lower
	if len(w) > 12 {
		return 0
	}
	var c uint8
	if cueFilter.MayHold(w) {
		c = cues[w]
	}
	if c == 0 {
		if k := strings.IndexByte(w, '-'); k > 0 && cueFilter.MayHold(w[:k]) {
			c = cues[w[:k]] & cueNumber
		}
	}
	return c
}

// cueFilter turns most words away before the look-up in cues: cueOf runs
// on every word of a sentence that may hold a fact, and few are cues.
var cueFilter = wordfilter.New(cues)

// scan reads the facts of the current sentence.
func (f *finder) scan() {
	toks := f.toks
	for i := 0; i < len(toks); {
		if toks[i].kind == kWord && f.cueOf(i) == 0 && (f.loc == nil || !f.localCue(i)) || toks[i].kind == kPunct {
			i++
			continue
		}
		if n := f.date(i); n > i {
			i = n
			continue
		}
		if n := f.quantity(i); n > i {
			i = n
			continue
		}
		i++
	}
}

// qualifierAt returns the length in tokens of a qualifier starting at i.
func (f *finder) qualifierAt(i int) int {
	t := &f.toks[i]
	if t.kind != kWord {
		return 0
	}
	for _, q := range qualifiers[t.lower] {
		ok := true
		for k, w := range q {
			if f.word(i+k) != w {
				ok = false
				break
			}
		}
		if ok {
			return len(q)
		}
	}
	return 0
}

// quantity reads "[qualifier] [currency] figure [scale] [currency|%] [unit]"
// starting at token i, and returns the index after it (i when none).
func (f *finder) quantity(i int) int {
	toks := f.toks
	start := i
	qual := ""
	j := i
	if n := f.qualifierAt(i); n > 0 && i+n < len(toks) {
		next := &toks[i+n]
		if next.kind == kNum || next.kind == kSym || f.spelled(i+n) || currencyPrefix[next.lower] != "" && next.kind == kWord && i+n+1 < len(toks) && toks[i+n+1].kind == kNum {
			qual = strings.ToLower(f.span(i, i+n-1))
			j = i + n
		} else {
			return i
		}
	}
	// a currency before the figure
	cur := ""
	if t := &toks[j]; t.kind == kSym || t.kind == kWord && t.cap && j+1 < len(toks) && toks[j+1].kind == kNum {
		if c, ok := currencyPrefix[t.lower]; ok {
			cur = c
			if t.lower == "¥" && f.wordAfter(j, "yuan") {
				cur = "CNY"
			}
			j++
			if j < len(toks) && toks[j].kind == kPunct && toks[j].r == '.' {
				j++ // "Rs. 300"
			}
		} else if t.kind == kSym {
			return i
		}
	}
	if j >= len(toks) {
		return i
	}
	if toks[j].kind == kNum {
		return f.numeric(start, j, qual, cur)
	}
	if cur == "" && f.spelled(j) {
		return f.spelledQuantity(start, j, qual)
	}
	// "three-year", "a 10-day"
	if w := f.word(j); cur == "" && strings.Contains(w, "-") {
		a, b, _ := strings.Cut(w, "-")
		if n, ok := smallNumbers[a]; ok && (timeUnits[b] || strings.HasPrefix(b, "year-old")) {
			if strings.HasPrefix(b, "year-old") {
				f.add(news.Fact{Text: f.span(start, j), Value: strconv.Itoa(n), Unit: "years old", Kind: news.FactNumber, Qualifier: qual})
			} else {
				f.add(news.Fact{Text: f.span(start, j), Value: strconv.Itoa(n), Unit: b, Kind: news.FactDuration, Qualifier: qual})
			}
			return j + 1
		}
	}
	return i
}

func (f *finder) wordAfter(j int, w string) bool {
	for k := j + 1; k < len(f.toks) && k <= j+3; k++ {
		if f.toks[k].lower == w {
			return true
		}
	}
	return false
}

// numeric reads a figure written in digits at token j; start is where its
// phrase starts (a qualifier or a currency before it). It returns the
// token after what it read.
func (f *finder) numeric(start, j int, qual, cur string) int {
	digits, suffix := splitSuffix(f.text[f.toks[j].s:f.toks[j].e])
	if digits == "" {
		return j + 1
	}
	if n, ok := f.notCounted(start, j, digits, suffix, qual, cur); ok {
		return n
	}
	value, ok := f.value(digits)
	if !ok {
		return j + 1
	}
	if n := f.percentFirst(start, j, value); n > j {
		return n
	}
	fg := figure{start: start, j: j, end: j, digits: digits, value: value, qual: qual, cur: cur}
	if n, ok := f.yearSpan(&fg); ok {
		return n
	}
	if n, ok := f.unitSuffix(&fg, suffix); ok {
		return n
	}
	f.scaleWord(&fg)
	if fg.scale > 0 {
		fg.value = shift(fg.value, fg.scale)
	}
	return f.counting(fg)
}

// notCounted reads the digits at token j that count nothing: a name's
// number ("F-22", "COVID-19", "G7"), a time of day ("6:41 PM", "17:03",
// "5 p.m."), an ordinal ("26th"; dates are read elsewhere) and a decade
// ("the 1990s", kept as a date). It returns the token after them.
func (f *finder) notCounted(start, j int, digits, suffix, qual, cur string) (int, bool) {
	toks := f.toks
	t := &toks[j]
	// stuck to letters before: "F-22", "COVID-19", "G7"
	if j > 0 && !t.space && (toks[j-1].kind == kWord || toks[j-1].kind == kPunct && (toks[j-1].r == '-' || toks[j-1].r == '/') && j > 1 && !toks[j-1].space) && cur == "" {
		return j + 1, true
	}
	if n, ok := f.timeOfDay(j, suffix); ok {
		return n, true
	}
	switch strings.ToLower(suffix) {
	case "st", "nd", "rd", "th":
		return j + 1, true
	case "er", "re", "e":
		if f.loc != nil {
			return j + 1, true // French: "1er", "2e"
		}
	case "s":
		if len(digits) == 4 && cur == "" {
			f.add(news.Fact{Text: f.span(start, j), Value: digits + "s", Kind: news.FactDate, Qualifier: qual})
		}
		return j + 1, true // "the 1990s", "the 60s"
	}
	if f.loc != nil && f.ordinalMark(j+1) {
		return j + 2, true // "15ª", "1ᵉʳ"
	}
	return 0, false
}

// timeOfDay reads a time of day at token j: "6:41 PM", "17:03", "5 p.m.".
func (f *finder) timeOfDay(j int, suffix string) (int, bool) {
	toks := f.toks
	if j+2 < len(toks) && toks[j+1].kind == kPunct && toks[j+1].r == ':' && toks[j+2].kind == kNum && !toks[j+1].space {
		k := j + 3
		if k < len(toks) && isMeridiem(toks[k].lower) {
			k++
		}
		return k, true
	}
	if isMeridiem(strings.ToLower(suffix)) || j+1 < len(toks) && isMeridiem(toks[j+1].lower) {
		return j + 2, true
	}
	return 0, false
}

// yearSpan reads a range after the figure: "300-500 miles" becomes one
// figure of value "300-500"; "2021-22" is a date, its first year.
func (f *finder) yearSpan(fg *figure) (int, bool) {
	toks, j := f.toks, fg.j
	if !(j+2 < len(toks) && toks[j+1].kind == kPunct && (toks[j+1].r == '-' || toks[j+1].r == '–') && toks[j+2].kind == kNum && !toks[j+1].space && !toks[j+2].space) {
		return 0, false
	}
	d2, s2 := splitSuffix(f.text[toks[j+2].s:toks[j+2].e])
	if v2, ok := f.value(d2); ok && s2 == "" && !(len(fg.digits) == 4 && len(d2) <= 4 && isYear(fg.digits)) {
		fg.value = fg.value + "-" + v2
		fg.end = j + 2
	} else if ok && isYear(fg.digits) && (len(d2) == 2 || isYear(d2)) {
		f.add(news.Fact{Text: f.span(fg.start, j+2), Value: fg.digits, Kind: news.FactDate})
		return j + 3, true
	}
	return 0, false
}

// unitSuffix reads what is stuck to the figure's digits: a scale ("268m"),
// kept for scaleWord to apply; a percent sign ("25%"); or a unit ("5km",
// "10kg", "3ft"), which ends the figure.
func (f *finder) unitSuffix(fg *figure, suffix string) (int, bool) {
	if p, ok := scales[strings.ToLower(suffix)]; ok && suffix != "" {
		fg.scale = p
		return 0, false
	}
	switch {
	case suffix == "%":
		f.add(news.Fact{Text: f.percentPhrase(fg.start, fg.end), Value: fg.value, Unit: "%", Kind: news.FactPercent, Qualifier: fg.qual})
		return fg.end + 1, true
	case suffix != "":
		if fg.cur == "" {
			f.add(news.Fact{Text: f.span(fg.start, fg.end), Value: fg.value, Unit: strings.ToLower(suffix), Kind: news.FactNumber, Qualifier: fg.qual})
		}
		return fg.end + 1, true
	}
	return 0, false
}

// scaleWord reads a scale word after the figure ("1.5 billion", "8
// milliards"), unless its digits carried one, and sets where the figure's
// phrase ends and what follows it.
func (f *finder) scaleWord(fg *figure) {
	toks := f.toks
	fg.k = fg.end + 1
	if fg.scale != 0 || fg.k >= len(toks) || toks[fg.k].kind != kWord {
		return
	}
	if p, ok := f.scaleOf(toks[fg.k].lower); ok && len(toks[fg.k].lower) > 2 {
		fg.scale, fg.end = p, fg.k
		fg.k++
		if f.loc != nil {
			fg.scale, fg.end, fg.k = f.scaleTail(fg.scale, fg.end, fg.k)
		}
	}
}

// counting reads what a scaled figure counts, in order of precedence: a
// percentage, an amount of money, a year, a labelled figure, a hyphenated
// unit, else a count of what follows.
func (f *finder) counting(fg figure) int {
	if n, ok := f.percentAfter(fg); ok {
		return n
	}
	if n, ok := f.moneyAfter(fg); ok {
		return n
	}
	if fg.bareYear() && f.yearContext(fg.start, fg.k) {
		f.add(news.Fact{Text: f.span(fg.start, fg.end), Value: fg.digits, Kind: news.FactDate})
		return fg.k
	}
	if f.labelled(fg) {
		return fg.k
	}
	if n, ok := f.hyphenatedUnit(fg); ok {
		return n
	}
	return f.counted(fg)
}

// figure is a figure in digits as numeric has read it so far: its phrase
// from token start, the figure at token j, its last token end (a range's
// second figure, a scale word) and the token k after it; its digits as
// written and its value normalised and scaled.
type figure struct {
	start, j, end, k int
	digits, value    string
	qual, cur        string
	scale            int
}

// bareYear tells a figure that reads as a year if nothing it counts
// follows: four digits with no hedge, scale or separator.
func (fg figure) bareYear() bool {
	return fg.qual == "" && fg.scale == 0 && isYear(fg.digits) && !strings.ContainsAny(fg.digits, ",.")
}

// percentAfter reads a percentage: "25%", "25 percent", "3 percentage
// points", and the words other languages write.
func (f *finder) percentAfter(fg figure) (int, bool) {
	toks, k := f.toks, fg.k
	if k < len(toks) && toks[k].kind == kPunct && toks[k].r == '%' {
		f.add(news.Fact{Text: f.percentPhrase(fg.start, k), Value: fg.value, Unit: "%", Kind: news.FactPercent, Qualifier: fg.qual})
		return k + 1, true
	}
	if w := f.word(k); w == "percent" || w == "pct" || w == "per" && f.word(k+1) == "cent" || w == "percentage" && strings.HasPrefix(f.word(k+1), "point") {
		unit := "%"
		last := k
		if w == "per" {
			last = k + 1
		}
		if w == "percentage" {
			unit = "percentage points"
			last = k + 1
		}
		f.add(news.Fact{Text: f.percentPhrase(fg.start, last), Value: fg.value, Unit: unit, Kind: news.FactPercent, Qualifier: fg.qual})
		return last + 1, true
	}
	if unit, last := f.localPercent(k); unit != "" {
		f.add(news.Fact{Text: f.span(fg.start, last), Value: fg.value, Unit: unit, Kind: news.FactPercent, Qualifier: fg.qual})
		return last + 1, true
	}
	return 0, false
}

// moneyAfter reads an amount of money: a figure after a currency sign,
// which a country may follow ("$340m Canadian"), or before a currency's
// word or code ("12 million euros", "8 milliards d'euros", "300 EUR").
func (f *finder) moneyAfter(fg figure) (int, bool) {
	toks, k := f.toks, fg.k
	if cur := fg.cur; cur != "" {
		last := fg.end
		// "$340m Canadian", "US$ 5 billion"
		if w := f.word(k); w != "" {
			if c, ok := dollarCountries[w]; ok && cur == "USD" && f.text[toks[fg.start].s] != 'U' {
				if w == "hong" && f.word(k+1) == "kong" {
					k++
				} else if w == "new" && f.word(k+1) == "zealand" {
					k++
				} else if w == "hong" || w == "new" {
					c = ""
				}
				if c != "" {
					cur = c
					last = k
					k++
				}
			}
			if w := f.word(k); w == "dollars" || w == "dollar" {
				last = k
				k++
			}
		}
		f.add(news.Fact{Text: f.span(fg.start, last), Value: fg.value, Unit: cur, Kind: news.FactAmount, Qualifier: fg.qual})
		return k, true
	}
	if c, last, ok := f.localCurrency(k, fg.scale > 0); ok {
		f.add(news.Fact{Text: f.span(fg.start, last), Value: fg.value, Unit: c, Kind: news.FactAmount, Qualifier: fg.qual})
		return last + 1, true
	}
	if c, last, ok := f.currencyAfter(k, fg.scale > 0); ok {
		f.add(news.Fact{Text: f.span(fg.start, last), Value: fg.value, Unit: c, Kind: news.FactAmount, Qualifier: fg.qual})
		return last + 1, true
	}
	return 0, false
}

// labelled tells a figure that labels rather than counts: "Article 5",
// "Flight 370", "No. 2"; in German, where every noun takes a capital, a
// whole number only ("Stärke 7,8" is a magnitude).
func (f *finder) labelled(fg figure) bool {
	toks, j := f.toks, fg.j
	wholeOnly := f.loc != nil && f.loc.nounCaps && strings.Contains(fg.value, ".")
	if fg.start == j && j > 0 && toks[j-1].kind == kWord && (toks[j-1].cap && !wholeOnly || toks[j-1].lower == "no." || toks[j-1].lower == "number") && !isFirstWord(toks, j-1) && fg.scale == 0 {
		_, isMonth := months[strings.TrimSuffix(toks[j-1].lower, ".")]
		return !isMonth
	}
	return false
}

// hyphenatedUnit reads a unit joined to the figure: "10-day",
// "30-year-old", "30-business-day".
func (f *finder) hyphenatedUnit(fg figure) (int, bool) {
	toks, k := f.toks, fg.k
	if k+1 >= len(toks) || toks[k].kind != kPunct || toks[k].r != '-' || toks[k].space || toks[k+1].kind != kWord {
		return 0, false
	}
	w := toks[k+1].lower
	if strings.HasPrefix(w, "year-old") || strings.HasPrefix(w, "years-old") {
		f.add(news.Fact{Text: f.span(fg.start, k+1), Value: fg.value, Unit: "years old", Kind: news.FactNumber, Qualifier: fg.qual})
		return k + 2, true
	}
	unit := w
	if i := strings.IndexByte(w, '-'); i > 0 {
		unit = w[:i]
		if l := w[strings.LastIndexByte(w, '-')+1:]; timeUnits[l] {
			unit = l // "30-business-day"
		}
	}
	kind := news.FactCount
	if timeUnits[unit] {
		kind = news.FactDuration
	}
	f.add(news.Fact{Text: f.span(fg.start, k+1), Value: fg.value, Unit: unit, Kind: kind, Qualifier: fg.qual})
	return k + 2, true
}

// counted reads what a figure counts ("120,000 troops", "three hours"),
// or takes it for a year or a bare number when it counts nothing.
func (f *finder) counted(fg figure) int {
	k := fg.k
	if f.loc != nil && fg.scale > 0 && (f.word(k) == "de" || f.word(k) == "di") {
		k++ // "10 millones de habitantes", "2 milioni di persone"
	}
	unit, last := f.unit(k)
	if f.loc != nil {
		unit = trimElision(unit) // "millions d'habitants"
	}
	if unit != "" && yearModifier(fg, unit) {
		f.add(news.Fact{Text: f.span(fg.start, fg.end), Value: fg.digits, Kind: news.FactDate})
		return k
	}
	if unit != "" {
		if furniture[unit] {
			return last + 1
		}
		kind := news.FactCount
		if timeUnits[unit] {
			kind = news.FactDuration
			if f.word(last+1) == "ago" && (strings.HasPrefix(unit, "minute") || strings.HasPrefix(unit, "hour") || strings.HasPrefix(unit, "second")) {
				return last + 2 // "3 hours ago": a page's time stamp
			}
		} else if fg.scale == 0 && strings.Contains(fg.value, ".") {
			kind = news.FactNumber // a fraction counts no things: it measures or rates them ("2.5 miles", "a 7.7 earthquake")
		}
		f.add(news.Fact{Text: f.span(fg.start, last), Value: fg.value, Unit: unit, Kind: kind, Qualifier: fg.qual})
		return last + 1
	}
	if fg.bareYear() {
		f.add(news.Fact{Text: f.span(fg.start, fg.end), Value: fg.digits, Kind: news.FactDate})
		return k
	}
	f.add(news.Fact{Text: f.span(fg.start, fg.end), Value: fg.value, Kind: news.FactNumber, Qualifier: fg.qual})
	return k
}

// yearModifier tells a year that qualifies a noun ("its 2021 growth
// forecast", "the 2020 census") rather than a figure that counts it: a
// count of one thing is never in the thousands, so a bare year before a
// singular noun is a year.
func yearModifier(fg figure, unit string) bool {
	plural := strings.HasSuffix(unit, "s") && !strings.HasSuffix(unit, "ss")
	return !plural && !timeUnits[unit] && fg.bareYear()
}

// isAcronym tells an all-capital word: "US", "NGOs".
func (t *tok) isAcronym(text string) bool {
	w := strings.TrimSuffix(text[t.s:t.e], "s")
	return len(w) > 1 && strings.ToUpper(w) == w
}

func isFirstWord(toks []tok, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if toks[k].kind == kWord || toks[k].kind == kNum {
			return false
		}
	}
	return true
}

func isMeridiem(w string) bool {
	switch w {
	case "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "cest", "ist", "bst", "msk", "et", "pt", "ct", "hrs", "h":
		return true
	}
	return false
}

func isYear(d string) bool {
	if len(d) != 4 {
		return false
	}
	y := int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	return y >= 1800 && y <= 2100
}

// yearContext tells whether a four-digit figure at token k-1 (phrase from
// start) reads as a year: after "in", "since", a month, or followed by
// nothing it could count.
func (f *finder) yearContext(start, k int) bool {
	if start > 0 {
		p := f.toks[start-1]
		if p.kind == kWord && (yearPrepositions[p.lower] || months[strings.TrimSuffix(p.lower, ".")] > 0) {
			return true
		}
		if p.kind == kWord && f.loc != nil && f.loc.stop(p.lower) {
			return true // "en 2022", "seit 2014"
		}
		if p.kind == kPunct && (p.r == ',' || p.r == '(') {
			return true
		}
	}
	return false
}

// percentPhrase extends a percentage to what it is a share of: "25% of
// Ukraine", "some 25% of Ukrainian territory".
func (f *finder) percentPhrase(start, last int) string {
	k := last + 1
	if f.word(k) != "of" {
		return f.span(start, last)
	}
	end := -1
	for n := k + 1; n < len(f.toks) && n <= k+4; n++ {
		t := &f.toks[n]
		if t.kind != kWord {
			break
		}
		if stops[t.lower] && !(n == k+1 && (t.lower == "the" || t.lower == "its" || t.lower == "their" || t.lower == "all")) {
			break
		}
		end = n
	}
	if end < 0 {
		return f.span(start, last)
	}
	return f.span(start, end)
}

// currencyAfter reads a currency word at k: "euros", "Canadian dollars",
// "pounds sterling". Words that are also other things ("pounds", "won")
// count only after a scale.
func (f *finder) currencyAfter(k int, scaled bool) (string, int, bool) {
	w := f.word(k)
	if w == "" {
		return "", 0, false
	}
	if c, ok := f.currencyCode(k); ok {
		return c, k, true
	}
	if c, ok := dollarCountries[w]; ok {
		n := k + 1
		if (w == "hong" || w == "new") && f.word(n) != "" {
			n++
		}
		if n < len(f.toks) && f.toks[n].kind == kPunct && f.toks[n].r == '.' && !f.toks[n].space {
			n++ // "U.S. dollars": the tokens part the last dot from "U.S"
		}
		if d := f.word(n); d == "dollars" || d == "dollar" {
			return c, n, true
		}
		if w == "us" || w == "u.s." || w == "u.s" {
			return "", 0, false
		}
	}
	c, ok := currencyWords[w]
	if !ok {
		return "", 0, false
	}
	switch w {
	case "pound", "pounds":
		if f.word(k+1) == "sterling" {
			return c, k + 1, true
		}
		if !scaled {
			return "", 0, false
		}
	case "won", "real", "rand", "franc", "francs", "dinar", "dinars":
		if !scaled {
			return "", 0, false
		}
	}
	return c, k, true
}

// currencyCode reads an ISO 4217 code at k, in capitals as codes are
// written ("1.2 trillion USD"), so that the figure is the amount it is in
// any other writing ("$1.2 trillion"); "try" in lower case is a verb.
func (f *finder) currencyCode(k int) (string, bool) {
	t := &f.toks[k]
	c, ok := currencyPrefix[t.lower]
	if !ok {
		return "", false // most words: no need to look at their case
	}
	if code := f.text[t.s:t.e]; len(code) != 3 || strings.ToUpper(code) != code {
		return "", false
	}
	return c, true
}

// unit finds the head noun a figure counts, from token k: adjectives are
// passed ("combat-ready troops"), a compound ends at its last noun
// ("fighter jets"). It returns "" when none follows.
func (f *finder) unit(k int) (string, int) {
	toks := f.toks
	n := k
	for n < len(toks) && n < k+4 {
		t := &toks[n]
		if t.kind != kWord {
			return "", 0
		}
		w := t.lower
		capital := f.capital(t)
		if f.stop(w) && !capital {
			return "", 0
		}
		if f.loc != nil && f.loc.nounCaps {
			if t.cap {
				return w, n // German: a capital marks a noun, and its compounds are one word
			}
			n++ // and a word in lower case is no noun: an adjective before one, or a verb ("auf 3000 gestiegen")
			continue
		}
		nextNoun := n+1 < len(toks) && toks[n+1].kind == kWord && (!f.stop(toks[n+1].lower) || f.capital(&toks[n+1]))
		plural := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
		if capital && plural && !t.isAcronym(f.text) {
			return w, n // "Americans", "Republicans"
		}
		if adjectives[w] || nextNoun && (capital || strings.Contains(w, "-") || adjectiveShape(w) && !strings.HasSuffix(toks[n+1].lower, "ed")) {
			n++
			continue
		}
		if capital {
			return "", 0 // "5 Main Street", "2 Kings"
		}
		// a compound noun: "fighter jets", "nonfarm payroll jobs"
		if !plural {
			for m := n + 1; m < len(toks) && m <= n+2 && toks[m].kind == kWord && !f.capital(&toks[m]); m++ {
				nx := toks[m].lower
				if f.stop(nx) || verbLike(nx) || strings.HasSuffix(nx, "ed") {
					break
				}
				if strings.HasSuffix(nx, "s") && !strings.HasSuffix(nx, "ss") && len(nx) > 3 {
					return nx, m
				}
			}
		}
		if verbLike(w) {
			return "", 0
		}
		return w, n
	}
	return "", 0
}

// adjectiveShape tells words whose ending marks an adjective: "prominent",
// "armed", "active", "dangerous".
func adjectiveShape(w string) bool {
	for _, suf := range [...]string{"ent", "ant", "ive", "ous", "ful", "less", "al", "ic", "ible", "able", "ary", "ed", "ish", "ese", "ian", "ern"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// verbLike tells words that follow a subject, not a figure: "says", "has".
func verbLike(w string) bool {
	switch w {
	case "says", "said", "was", "is", "has", "does", "goes", "gets", "makes", "takes", "seems", "remains", "means",
		"shows", "plans", "wants", "needs", "appears", "comes", "tells", "asks", "calls", "warns", "adds":
		return true
	}
	return false
}

// splitSuffix splits "268m" into "268" and "m", "25%" into "25" and "%".
func splitSuffix(raw string) (string, string) {
	i := len(raw)
	for i > 0 && !isDigit(raw[i-1]) {
		i--
	}
	return raw[:i], raw[i:]
}

// normalise turns written digits into a plain decimal: "120,000" →
// "120000", "1.5" → "1.5", "1.234.567" → "1234567", "2,5" → "2.5".
func normalise(d string) (string, bool) {
	if d == "" {
		return "", false
	}
	d = strings.ReplaceAll(d, "\u00a0", "")
	commas, dots := strings.Count(d, ","), strings.Count(d, ".")
	switch {
	case commas == 0 && dots == 0:
	case commas > 0 && dots == 0:
		if groupedBy(d, ',') {
			d = strings.ReplaceAll(d, ",", "")
		} else if commas == 1 {
			d = strings.Replace(d, ",", ".", 1) // a decimal comma
		} else {
			return "", false
		}
	case dots > 0 && commas == 0:
		if dots == 1 && strings.HasSuffix(d, ".000") && len(d) <= 7 {
			d = strings.TrimSuffix(d, ".000") + "000" // "120.000": thousands
		} else if dots > 1 {
			if !groupedBy(d, '.') {
				return "", false
			}
			d = strings.ReplaceAll(d, ".", "")
		}
	default:
		// "1,234.5" or "1.234,5": the last separator is the decimal point
		if strings.LastIndexByte(d, '.') > strings.LastIndexByte(d, ',') {
			d = strings.ReplaceAll(d, ",", "")
		} else {
			d = strings.ReplaceAll(d, ".", "")
			d = strings.Replace(d, ",", ".", 1)
		}
		if strings.Count(d, ".") > 1 {
			return "", false
		}
	}
	return plainDecimal(d)
}

// plainDecimal writes a number with a decimal point and no separators
// with no leading zeros but one and no trailing zeros: "007.50" → "7.5".
func plainDecimal(d string) (string, bool) {
	intPart, frac, hasFrac := strings.Cut(d, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if hasFrac {
		frac = strings.TrimRight(frac, "0")
		if frac != "" {
			return intPart + "." + frac, true
		}
	}
	return intPart, true
}

// shift multiplies a plain decimal by 10^p without rounding: shift("1.5",
// 9) = "1500000000".
func shift(v string, p int) string {
	if a, b, ok := strings.Cut(v, "-"); ok {
		// a range: shift both ends
		return shift(a, p) + "-" + shift(b, p)
	}
	intPart, frac, _ := strings.Cut(v, ".")
	for p > 0 {
		if frac != "" {
			intPart += frac[:1]
			frac = frac[1:]
		} else {
			intPart += "0"
		}
		p--
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		return intPart + "." + frac
	}
	return intPart
}
