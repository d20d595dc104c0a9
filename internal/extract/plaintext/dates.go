package plaintext

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// monthNames maps month names and abbreviations in several languages (the
// genitive forms for Slavic languages, as dates are written) to 1..12.
var monthNames = func() map[string]int {
	m := map[string]int{}
	for _, row := range []string{
		"january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sep sept|october oct|november nov|december dec",
		"januar jän|februar|märz mär|april|mai|juni|juli|august|september|oktober okt|november|dezember dez",
		"janvier janv|février févr fevrier|mars|avril avr|mai|juin|juillet juil|août aout|septembre|octobre|novembre|décembre decembre déc",
		"enero ene|febrero|marzo|abril abr|mayo|junio|julio|agosto ago|septiembre setiembre|octubre|noviembre|diciembre dic",
		"gennaio gen|febbraio|marzo|aprile|maggio mag|giugno giu|luglio lug|agosto|settembre set|ottobre ott|novembre|dicembre",
		"janeiro|fevereiro fev|março marco|abril|maio|junho|julho|agosto|setembro|outubro out|novembro|dezembro",
		"januari|februari|maart mrt|april|mei|juni|juli|augustus|september|oktober|november|december",
		"января январь|февраля февраль|марта март|апреля апрель|мая май|июня июнь|июля июль|августа август|сентября сентябрь|октября октябрь|ноября ноябрь|декабря декабрь",
		"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня",
		"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia",
	} {
		for i, names := range strings.Split(row, "|") {
			for _, n := range strings.Fields(names) {
				m[n] = i + 1
			}
		}
	}
	return m
}()

var monthAlt = func() string {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, regexp.QuoteMeta(n))
	}
	// Longest first, so "june" is tried before "jun".
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return strings.Join(names, "|")
}()

var (
	reISODate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?\b`)
	reMonthDY = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDMonthY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(` + monthAlt + `)\.?,?\s+(?:de\s+)?(\d{4})\b`)
	reNumeric = regexp.MustCompile(`\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b`)
	reClock   = regexp.MustCompile(`(?i)^[\s,|•·-]*(?:at\s+|um\s+|à\s+|a las\s+|alle\s+|в\s+)?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*(?:\(?\s*)([A-Z]{2,4}|GMT[+-]\d{1,2}(?::?\d{2})?|UTC[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2})\)?)?`)
	yearRe    = regexp.MustCompile(`(?:^|\D)(?:19|20)\d\d(?:\D|$)`)
)

// zoneOffsets holds the abbreviations news pages print, in minutes east of UTC.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180, "IST": 330,
	"PKT": 300, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
	"EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "ET": -300, "PT": -480,
}

// stamp is a publication moment found in text.
type stamp struct {
	y, mo, d      int
	hasTime       bool
	h, mi, s      int
	hasZone       bool
	offsetMinutes int
	end           int // where the match ends in the line
}

func (st stamp) valid() bool {
	if st.y < 1990 || st.y > 2100 || st.mo < 1 || st.mo > 12 || st.d < 1 || st.d > 31 {
		return false
	}
	t := time.Date(st.y, time.Month(st.mo), st.d, 0, 0, 0, 0, time.UTC)
	return t.Day() == st.d
}

// ISO renders the stamp as an ISO 8601 date, or date-time when the time is known.
func (st stamp) ISO() string {
	date := fmt.Sprintf("%04d-%02d-%02d", st.y, st.mo, st.d)
	if !st.hasTime {
		return date
	}
	s := fmt.Sprintf("%sT%02d:%02d:%02d", date, st.h, st.mi, st.s)
	if st.hasZone {
		off := st.offsetMinutes
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		s += fmt.Sprintf("%c%02d:%02d", sign, off/60, off%60)
	}
	return s
}

// findStamp returns the first full date (with year) in line, with the clock
// time that follows it when there is one.
func findStamp(line string) (stamp, bool) {
	if !hasYear(line) {
		return stamp{}, false // every form below carries a four-digit year
	}
	best := stamp{end: -1}
	start := len(line) + 1
	try := func(loc []int, st stamp) {
		if loc != nil && loc[0] < start && st.valid() {
			start, best = loc[0], st
			best.end = loc[1]
		}
	}
	if m := reISODate.FindStringSubmatchIndex(line); m != nil {
		g := groups(line, m)
		st := stamp{y: atoi(g[1]), mo: atoi(g[2]), d: atoi(g[3])}
		if g[4] != "" {
			st.hasTime, st.h, st.mi, st.s = true, atoi(g[4]), atoi(g[5]), atoi(g[6])
			if g[7] != "" {
				st.hasZone, st.offsetMinutes = true, parseOffset(g[7])
			}
		}
		try(m, st)
	}
	if mayHoldMonthDate(line) {
		if m := reMonthDY.FindStringSubmatchIndex(line); m != nil {
			g := groups(line, m)
			try(m, stamp{y: atoi(g[3]), mo: monthNames[strings.ToLower(g[1])], d: atoi(g[2])})
		}
		if m := reDMonthY.FindStringSubmatchIndex(line); m != nil {
			g := groups(line, m)
			try(m, stamp{y: atoi(g[3]), mo: monthNames[strings.ToLower(g[2])], d: atoi(g[1])})
		}
	}
	if m := reNumeric.FindStringSubmatchIndex(line); m != nil {
		g := groups(line, m)
		a, b := atoi(g[1]), atoi(g[3])
		st := stamp{y: atoi(g[4]), mo: b, d: a} // day first, as most of the world writes it
		if g[2] == "/" && a <= 12 && b <= 31 {
			st.mo, st.d = a, b // the US writes month first with slashes
		}
		if st.mo > 12 {
			st.mo, st.d = st.d, st.mo
		}
		try(m, st)
	}
	if best.end < 0 {
		return stamp{}, false
	}
	if !best.hasTime {
		best = withClock(best, line[best.end:])
	}
	return best, true
}

// hasYear tells whether line holds a year of this century or the last: four
// digits from 19 or 20 on, with no digit on either side. It is yearRe
// written out, as it runs on every line of a page's header.
func hasYear(line string) bool {
	for i := 0; i+4 <= len(line); {
		if !isDigit(line[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		if j-i == 4 && (line[i:i+2] == "19" || line[i:i+2] == "20") {
			return true
		}
		i = j
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// monthKeys holds the month names as foldKey spells them.
var monthKeys = func() map[string]bool {
	m := map[string]bool{}
	for n := range monthNames {
		m[string(appendFoldKey(nil, n))] = true
	}
	return m
}()

// mayHoldMonthDate tells whether line has a month name followed by a number
// ("May 5", "mayo de 2022": a full stop or comma, spaces, perhaps "de", and
// a digit), as a match of reMonthDY or reDMonthY must. Unanchored, those
// two case-insensitive expressions of every month name cost some hundred
// microseconds on a sentence that has a year and no date.
func mayHoldMonthDate(line string) bool {
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		// A month name is all letters and a number follows it, so it ends
		// a run of letters: try the run's endings.
		start := i
		for i < len(line) {
			if r, n = utf8.DecodeRuneInString(line[i:]); !unicode.IsLetter(r) {
				break
			}
			i += n
		}
		if !numberFollows(line[i:]) {
			continue
		}
		var buf [64]byte
		for p := start; p < i; p += n {
			if monthKeys[string(appendFoldKey(buf[:0], line[p:i]))] {
				return true
			}
			_, n = utf8.DecodeRuneInString(line[p:])
		}
	}
	return false
}

// numberFollows tells whether s opens as the text between a month name and
// the number after it does in reMonthDY and reDMonthY: \.?,?\s+(?:de\s+)?\d.
func numberFollows(s string) bool {
	s = strings.TrimPrefix(s, ".")
	s = strings.TrimPrefix(s, ",")
	t := strings.TrimLeft(s, " \t\n\f\r")
	if len(t) == len(s) || t == "" {
		return false
	}
	if len(t) > 2 && t[0]|0x20 == 'd' && t[1]|0x20 == 'e' {
		if u := strings.TrimLeft(t[2:], " \t\n\f\r"); len(u) < len(t)-2 && u != "" && isDigit(u[0]) {
			return true
		}
	}
	return isDigit(t[0])
}

// appendFoldKey appends s with each rune replaced by the least rune it
// equals under case folding, so that two strings a case-insensitive
// expression takes for one another have the same key.
func appendFoldKey(dst []byte, s string) []byte {
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		dst = utf8.AppendRune(dst, least)
	}
	return dst
}

// withClock adds the time of day written right after a date ("11:58 PM",
// "17:03 IST").
func withClock(st stamp, rest string) stamp {
	m := reClock.FindStringSubmatch(rest)
	if m == nil {
		return st
	}
	h, mi, s := atoi(m[1]), atoi(m[2]), atoi(m[3])
	ampm := strings.ToLower(strings.ReplaceAll(m[4], ".", ""))
	if ampm == "pm" && h < 12 {
		h += 12
	} else if ampm == "am" && h == 12 {
		h = 0
	}
	if h > 23 || mi > 59 || s > 59 {
		return st
	}
	st.hasTime, st.h, st.mi, st.s = true, h, mi, s
	if m[5] != "" {
		if off, ok := zoneOffset(m[5]); ok {
			st.hasZone, st.offsetMinutes = true, off
		}
	}
	return st
}

func zoneOffset(z string) (int, bool) {
	z = strings.ToUpper(z)
	if off, ok := zoneOffsets[z]; ok {
		return off, true
	}
	for _, p := range []string{"GMT", "UTC"} {
		if strings.HasPrefix(z, p) && len(z) > len(p) {
			rest := z[len(p):]
			if !strings.Contains(rest, ":") && len(rest) <= 3 {
				rest += ":00"
			}
			return parseOffset(rest), true
		}
	}
	if z[0] == '+' || z[0] == '-' {
		return parseOffset(z), true
	}
	return 0, false
}

func parseOffset(s string) int {
	if s == "Z" || s == "z" {
		return 0
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	s = strings.ReplaceAll(s[1:], ":", "")
	if len(s) < 3 {
		return sign * atoi(s) * 60
	}
	return sign * (atoi(s[:len(s)-2])*60 + atoi(s[len(s)-2:]))
}

func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
