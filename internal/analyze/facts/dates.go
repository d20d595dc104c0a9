package facts

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// monthAt returns the month a token names, 0 when none. Month names must
// be capitalised; "May" and "March" need a day, a year or a modifier to be
// months rather than words.
func (f *finder) monthAt(i int) int {
	if i < 0 || i >= len(f.toks) {
		return 0
	}
	t := &f.toks[i]
	if t.kind != kWord || !t.cap {
		return 0
	}
	return months[strings.TrimSuffix(t.lower, ".")]
}

func (f *finder) weekdayAt(i int) (int, bool) {
	if i < 0 || i >= len(f.toks) {
		return 0, false
	}
	t := &f.toks[i]
	if t.kind != kWord || !t.cap {
		return 0, false
	}
	d, ok := weekdays[t.lower]
	return d, ok
}

// dayAt reads a day of the month at token i: "26", "26th".
func (f *finder) dayAt(i int) (int, bool) {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != kNum {
		return 0, false
	}
	d, suf := splitSuffix(f.text[f.toks[i].s:f.toks[i].e])
	switch strings.ToLower(suf) {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	if len(d) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(d)
	if err != nil || n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}

// yearAt reads a four-digit year at token i.
func (f *finder) yearAt(i int) (int, bool) {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != kNum {
		return 0, false
	}
	d := f.text[f.toks[i].s:f.toks[i].e]
	if !isYear(d) {
		return 0, false
	}
	n, _ := strconv.Atoi(d)
	return n, true
}

// timeAt tells whether the figure at token k is an hour: "6:41", "5 p.m.".
func (f *finder) timeAt(k int) bool {
	if f.punctAt(k+1, ':') && k+2 < len(f.toks) && f.toks[k+2].kind == kNum && !f.toks[k+2].space {
		return true
	}
	return k+1 < len(f.toks) && isMeridiem(f.toks[k+1].lower)
}

func (f *finder) punctAt(i int, r rune) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].kind == kPunct && f.toks[i].r == r
}

// modifierBefore returns "last", "next", "this", "early", "late" or "mid"
// when it stands right before token i.
func (f *finder) modifierBefore(i int) string {
	switch w := f.word(i - 1); w {
	case "last", "next", "this", "early", "late", "mid", "coming", "past", "previous":
		return w
	}
	if f.punctAt(i-1, '-') && f.word(i-2) == "mid" {
		return "mid"
	}
	return ""
}

// date reads a date starting at token i and returns the index after it (i
// when none).
func (f *finder) date(i int) int {
	if f.loc != nil {
		if n := f.localDate(i); n > i {
			return n
		}
	}
	t := &f.toks[i]
	switch t.kind {
	case kWord:
		if m := f.monthAt(i); m > 0 {
			return f.monthDate(i, i, m)
		}
		if wd, ok := f.weekdayAt(i); ok {
			// "Wednesday, Jan. 26": the date says it
			k := i + 1
			if f.punctAt(k, ',') {
				k++
			}
			if m := f.monthAt(k); m > 0 {
				if n := f.monthDate(i, k, m); n > k {
					return n
				}
			}
			if _, ok := f.dayAt(k); ok && f.monthAt(k+1) > 0 {
				if n := f.dayMonthDate(i, k); n > k {
					return n
				}
			}
			return f.weekday(i, wd)
		}
		switch t.lower {
		case "yesterday", "today", "tomorrow":
			if !f.hasPub || f.punctAt(i+1, '\'') || f.punctAt(i+1, '’') {
				return i + 1
			}
			d := f.pub
			switch t.lower {
			case "yesterday":
				d = d.AddDate(0, 0, -1)
			case "tomorrow":
				d = d.AddDate(0, 0, 1)
			}
			f.add(news.Fact{Text: f.span(i, i), Value: d.Format("2006-01-02"), Kind: news.FactDate})
			return i + 1
		case "last", "this", "next":
			if !f.hasPub {
				return i
			}
			n := 0
			switch t.lower {
			case "last":
				n = -1
			case "next":
				n = 1
			}
			switch f.word(i + 1) {
			case "year":
				f.add(news.Fact{Text: f.span(i, i+1), Value: strconv.Itoa(f.pub.Year() + n), Kind: news.FactDate})
				return i + 2
			case "month":
				d := time.Date(f.pub.Year(), f.pub.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
				f.add(news.Fact{Text: f.span(i, i+1), Value: d.Format("2006-01"), Kind: news.FactDate})
				return i + 2
			}
		case "mid", "early", "late":
			// "mid-2021"
			if f.punctAt(i+1, '-') {
				if y, ok := f.yearAt(i + 2); ok {
					f.add(news.Fact{Text: f.span(i, i+2), Value: strconv.Itoa(y), Kind: news.FactDate})
					return i + 3
				}
			}
		}
	case kNum:
		if _, ok := f.dayAt(i); ok {
			k := i + 1
			if f.word(k) == "of" {
				k++
			}
			if f.monthAt(k) > 0 {
				return f.dayMonthDate(i, i)
			}
		}
		return f.numericDate(i)
	}
	return i
}

// monthDate reads "Jan. 26", "January 26, 2022", "January 2022", "last
// December" with the month at token m; the phrase starts at token start.
func (f *finder) monthDate(start, m, month int) int {
	k := m + 1
	if f.punctAt(k, '.') {
		k++
	}
	mod := f.modifierBefore(start)
	if mod != "" && start == m {
		start = m - 1
		if f.punctAt(start, '-') {
			start--
		}
	}
	if day, ok := f.dayAt(k); ok && !f.timeAt(k) {
		last := k
		year, hasYear := 0, false
		n := k + 1
		if f.punctAt(n, ',') {
			n++
		}
		if y, ok := f.yearAt(n); ok {
			year, hasYear = y, true
			last = n
		}
		f.add(news.Fact{Text: f.span(start, last), Value: f.dayValue(year, hasYear, month, day), Kind: news.FactDate})
		return last + 1
	}
	if y, ok := f.yearAt(k); ok {
		f.add(news.Fact{Text: f.span(start, k), Value: fmt.Sprintf("%04d-%02d", y, month), Kind: news.FactDate})
		return k + 1
	}
	return f.monthAlone(start, m, month, mod)
}

// monthAlone reads a month with no day or year ("in December", "last
// December") where it plainly is one, with the year the publication date
// and the modifier tell.
func (f *finder) monthAlone(start, m, month int, mod string) int {
	if !plainMonth(mod, f.word(m-1), f.toks[m].lower) {
		return m + 1
	}
	value := fmt.Sprintf("--%02d", month)
	if f.hasPub {
		value = fmt.Sprintf("%04d-%02d", monthYear(f.pub, month, mod), month)
	}
	f.add(news.Fact{Text: f.span(start, m), Value: value, Kind: news.FactDate})
	return m + 1
}

// plainMonth tells a month name lw that plainly is a month: after a
// modifier ("last") or a preposition of time; "may" and "march" only
// after a modifier, "in", "since" or "until".
func plainMonth(mod, before, lw string) bool {
	switch before {
	case "in", "since", "by", "until", "from", "during", "of", "through", "before", "after", "end", "beginning":
	default:
		if mod == "" {
			return false
		}
	}
	return !((lw == "may" || lw == "march") && mod == "" && before != "in" && before != "since" && before != "until")
}

// monthYear is the year of a month named alone in an article published at
// pub: the one the modifier says ("last", "next", "this"), else the past,
// unless the month comes within two months ahead.
func monthYear(pub time.Time, month int, mod string) int {
	y, pm := pub.Year(), int(pub.Month())
	switch mod {
	case "last", "past", "previous":
		if month >= pm {
			y--
		}
	case "next", "coming":
		if month <= pm {
			y++
		}
	case "this":
	default:
		if month-pm > 2 {
			y--
		} else if pm-month > 10 {
			y++
		}
	}
	return y
}

// dayMonthDate reads "26 January 2022", "26th of January"; the day is at
// token d, the phrase starts at start.
func (f *finder) dayMonthDate(start, d int) int {
	day, _ := f.dayAt(d)
	k := d + 1
	if f.word(k) == "of" {
		k++
	}
	month := f.monthAt(k)
	last := k
	n := k + 1
	if f.punctAt(n, '.') {
		n++
	}
	year, hasYear := 0, false
	if f.punctAt(n, ',') {
		n++
	}
	if y, ok := f.yearAt(n); ok {
		year, hasYear = y, true
		last = n
	}
	f.add(news.Fact{Text: f.span(start, last), Value: f.dayValue(year, hasYear, month, day), Kind: news.FactDate})
	return last + 1
}

// dayValue writes a day as ISO 8601, choosing the year nearest the
// publication date when the text gives none.
func (f *finder) dayValue(year int, hasYear bool, month, day int) string {
	if !hasYear {
		if !f.hasPub {
			return fmt.Sprintf("--%02d-%02d", month, day)
		}
		// news tells of the past: the latest such day on or before
		// publication, unless it comes within two months after it
		year = f.pub.Year()
		d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if d.After(f.pub.AddDate(0, 2, 0)) {
			year--
		} else if d.Before(f.pub.AddDate(0, -10, 0)) {
			year++ // "Jan. 3" in a late-December article
		}
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return fmt.Sprintf("%04d-%02d", year, month) // "Feb. 30": the month
	}
	return d.Format("2006-01-02")
}

// weekday resolves "Wednesday", "on Wednesday", "last Wednesday" against
// the publication date: the latest such day on or before it ("last": before
// it; "next": after it).
func (f *finder) weekday(i, wd int) int {
	if !f.hasPub {
		return i + 1
	}
	start := i
	mod := f.modifierBefore(i)
	if mod == "last" || mod == "next" || mod == "this" || mod == "coming" || mod == "past" {
		start = i - 1
	}
	back := (int(f.pub.Weekday()) - wd + 7) % 7
	d := f.pub.AddDate(0, 0, -back)
	switch mod {
	case "last", "past":
		if back == 0 {
			d = d.AddDate(0, 0, -7)
		}
	case "next", "coming":
		d = f.pub.AddDate(0, 0, (wd-int(f.pub.Weekday())+7)%7)
		if !d.After(f.pub) {
			d = d.AddDate(0, 0, 7)
		}
	}
	f.add(news.Fact{Text: f.span(start, i), Value: d.Format("2006-01-02"), Kind: news.FactDate})
	return i + 1
}

// numericDate reads "2022-01-26", "26.01.2022", "1/26/2022".
func (f *finder) numericDate(i int) int {
	t := &f.toks[i]
	raw := f.text[t.s:t.e]
	// "26.01.2022" is one number token
	if parts := strings.Split(raw, "."); len(parts) == 3 && len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2 {
		d, _ := strconv.Atoi(parts[0])
		m, _ := strconv.Atoi(parts[1])
		y, _ := strconv.Atoi(parts[2])
		if v, ok := ymd(y, m, d); ok {
			f.add(news.Fact{Text: raw, Value: v, Kind: news.FactDate})
			return i + 1
		}
	}
	if i+4 >= len(f.toks) {
		return i
	}
	a, b, c := &f.toks[i+2], &f.toks[i+4], &f.toks[i+1]
	sep := c.r
	if c.kind != kPunct || (sep != '-' && sep != '/') || !f.punctAt(i+3, sep) || a.kind != kNum || b.kind != kNum ||
		a.space || b.space || c.space || f.toks[i+3].space {
		return i
	}
	x, _ := strconv.Atoi(raw)
	y, _ := strconv.Atoi(f.text[a.s:a.e])
	z, _ := strconv.Atoi(f.text[b.s:b.e])
	var v string
	ok := false
	switch {
	case sep == '-' && len(raw) == 4:
		v, ok = ymd(x, y, z)
	case sep == '/' && len(f.text[b.s:b.e]) == 4:
		switch {
		case x > 12 && y <= 12:
			v, ok = ymd(z, y, x)
		case y > 12 && x <= 12:
			v, ok = ymd(z, x, y)
		}
	}
	if !ok {
		return i
	}
	f.add(news.Fact{Text: f.span(i, i+4), Value: v, Kind: news.FactDate})
	return i + 5
}

func ymd(y, m, d int) (string, bool) {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}
