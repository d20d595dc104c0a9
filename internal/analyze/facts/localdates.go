package facts

import (
	"fmt"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/anchors"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
)

// Dates in the article's language, when it is not English: "26 janvier
// 2022", "26. Januar", "el 26 de enero de 2022", "26 января 2022 г.",
// "janvier 2022", "dimanche 14 avril", "lundi". They resolve to the values
// the English finder gives (dates.go): ISO 8601, the year chosen near the
// publication date when the text gives none.

// localCue tells a word that may start a date in the article's language:
// a month or a weekday. (A month with a suffix, "Şubat'ta", follows its
// day, whose figure starts the date.)
func (f *finder) localCue(i int) bool {
	if f.loc == nil {
		return false
	}
	w := strings.TrimSuffix(f.toks[i].lower, ".")
	if f.loc.dateWords != nil && !f.loc.dateWords.MayHold(w) {
		return false
	}
	if m, _ := f.loc.month(w); m > 0 {
		return true
	}
	_, ok := f.loc.lex.Weekday(w)
	return ok
}

// apostrophe returns the index of the first apostrophe in w, straight or
// curly; -1 when none.
func apostrophe(w string) int {
	for i := 0; i < len(w); i++ {
		if w[i] == '\'' || w[i] == 0xe2 && strings.HasPrefix(w[i:], "’") {
			return i
		}
	}
	return -1
}

// monthWord returns the month a lower-case word names and whether it is a
// short form; a suffix after an apostrophe is passed over (Turkish
// "Şubat'ta", in February).
func (f *finder) monthWord(w string) (int, bool) {
	m, short := f.loc.month(w)
	if m == 0 {
		if k := apostrophe(w); k > 0 {
			return f.loc.month(w[:k])
		}
	}
	return m, short
}

// localDate reads a date written the language's way starting at token i
// and returns the index after it (i when none).
func (f *finder) localDate(i int) int {
	t := &f.toks[i]
	switch t.kind {
	case kNum:
		return f.dayFirst(i, i)
	case kWord:
		if m, weak, last := f.localMonthAt(i); m > 0 {
			return f.monthFirst(i, m, weak, last)
		}
		if wd, ok := f.loc.lex.Weekday(t.lower); ok {
			return f.localWeekday(i, wd)
		}
	}
	return i
}

// localMonthAt returns the month the word at token i names (0 when none)
// and its last token, with the stop of a short form ("janv.", "Jan.").
// weak tells a short form written without its stop ("set", "ara"), which
// is a month only beside a year.
func (f *finder) localMonthAt(i int) (month int, weak bool, last int) {
	if i >= len(f.toks) || f.toks[i].kind != kWord {
		return 0, false, i
	}
	w, dotted := strings.CutSuffix(f.toks[i].lower, ".")
	m, short := f.monthWord(w)
	if m == 0 || !short {
		return m, false, i
	}
	if !dotted && f.punctAt(i+1, '.') && !f.toks[i+1].space {
		return m, false, i + 1
	}
	return m, !dotted, i
}

// localDayAt reads a day of the month at token d as it is written before
// its month: "26", "26." (German, Slavic), "1er", "1ᵉʳ", "1º", "26 de"
// (Spanish, Portuguese). It returns the day and the token where the month
// should stand.
func (f *finder) localDayAt(d int) (int, int, bool) {
	if d < 0 || d >= len(f.toks) || f.toks[d].kind != kNum {
		return 0, 0, false
	}
	digits, suf := splitSuffix(f.text[f.toks[d].s:f.toks[d].e])
	if suf != "" && suf != "er" || len(digits) > 2 {
		return 0, 0, false
	}
	day, ok := anchors.DayOfMonth(digits)
	if !ok {
		return 0, 0, false
	}
	k := d + 1
	if f.ordinalMark(k) || f.punctAt(k, '.') && !f.toks[k].space || f.punctAt(k, '°') && !f.toks[k].space {
		k++
	}
	if f.word(k) == "de" {
		k++
	}
	return day, k, true
}

// localYearAfter reads the year that follows a date at token n: "2022",
// "de 2022", "del 2022"; after a comma only when comma is set (Tagalog
// "Enero 26, 2022"), as elsewhere "3 mai, 2000 personnes" counts people.
// It returns the year and its token.
func (f *finder) localYearAfter(n int, comma bool) (int, int, bool) {
	if w := f.word(n); w == "de" || w == "del" || comma && f.punctAt(n, ',') {
		n++
	}
	y, ok := f.yearAt(n)
	return y, n, ok
}

// dayMonth is a date read day first.
type dayMonth struct {
	day, month, year int
	hasYear          bool
	last             int // its last token
}

// localDayMonth reads "26 janvier 2022", "26. Januar", "26 de enero de
// 2022", "26 января" from the day at token d.
func (f *finder) localDayMonth(d int) (dayMonth, bool) {
	day, m, ok := f.localDayAt(d)
	if !ok {
		return dayMonth{}, false
	}
	month, weak, last := f.localMonthAt(m)
	if month == 0 {
		return dayMonth{}, false
	}
	dm := dayMonth{day: day, month: month, last: last}
	if y, n, ok := f.localYearAfter(last+1, false); ok {
		dm.year, dm.hasYear, dm.last = y, true, n
	}
	if weak && !dm.hasYear {
		return dayMonth{}, false // "vince in 3 set": sets, not September
	}
	return dm, true
}

// dayFirst reads a date that starts with its day at token d, its phrase
// starting at token start: "26 janvier 2022"; or two days of one month,
// "13 au dimanche 14 avril 2024", "13.–14. April", "del 13 al 14 de abril",
// each day a date. It returns the index after it, start when none.
func (f *finder) dayFirst(start, d int) int {
	if dm, ok := f.localDayMonth(d); ok {
		f.add(news.Fact{Text: f.span(start, dm.last), Value: f.dayValue(dm.year, dm.hasYear, dm.month, dm.day), Kind: news.FactDate})
		return dm.last + 1
	}
	first, k, ok := f.localDayAt(d)
	if !ok || !f.rangeJoin(k) {
		return start
	}
	second := k + 1
	d2 := second
	if _, ok := f.loc.lex.Weekday(f.word(d2)); ok {
		d2++
		if f.punctAt(d2, ',') {
			d2++
		}
	}
	dm, ok := f.localDayMonth(d2)
	if !ok || dm.day <= first {
		return start
	}
	f.add(news.Fact{Text: f.span(start, dm.last), Value: f.dayValue(dm.year, dm.hasYear, dm.month, first), Kind: news.FactDate})
	f.add(news.Fact{Text: f.span(second, dm.last), Value: f.dayValue(dm.year, dm.hasYear, dm.month, dm.day), Kind: news.FactDate})
	return dm.last + 1
}

// rangeJoin tells a dash or a function word between two days: "13-14",
// "13 au 14", "13. bis 14.", "с 13 по 14".
func (f *finder) rangeJoin(k int) bool {
	if f.punctAt(k, '-') || f.punctAt(k, '–') || f.punctAt(k, '—') {
		return true
	}
	w := f.word(k)
	return w != "" && f.loc.stop(w)
}

// monthFirst reads a date that starts with its month at token i (last is
// the month's last token): "janvier 2022", "enero de 2022"; and, in the
// languages that write the month before the day, "Enero 26, 2022",
// "2022. január 26.". A month alone is left: in other languages the
// finder knows no words that show a month is meant ("in", "since").
func (f *finder) monthFirst(i, month int, weak bool, last int) int {
	if y, n, ok := f.localYearAfter(last+1, false); ok {
		f.add(news.Fact{Text: f.span(i, n), Value: fmt.Sprintf("%04d-%02d", y, month), Kind: news.FactDate})
		return n + 1
	}
	if !f.loc.monthFirst {
		return i
	}
	k := last + 1
	day, ok := f.dayAt(k)
	if !ok || f.timeAt(k) {
		return i
	}
	start, end := i, k
	if f.punctAt(k+1, '.') && !f.toks[k+1].space {
		end = k + 1 // Hungarian "január 26."
	}
	year, hasYear := 0, false
	if y, n, ok := f.localYearAfter(end+1, true); ok {
		year, hasYear, end = y, true, n
	} else if y, s, ok := f.yearBefore(i); ok {
		year, hasYear, start = y, true, s
	}
	if weak && !hasYear {
		return i
	}
	f.add(news.Fact{Text: f.span(start, end), Value: f.dayValue(year, hasYear, month, day), Kind: news.FactDate})
	return end + 1
}

// yearBefore reads a year written before the month at token i: "2022.
// január", "2022 m. sausio". It returns the year and its token.
func (f *finder) yearBefore(i int) (int, int, bool) {
	j := i - 1
	if f.punctAt(j, '.') || f.word(j) == "m." || f.word(j) == "m" {
		j--
	}
	y, ok := f.yearAt(j)
	return y, j, ok
}

// localWeekday reads a weekday at token i: with the date it names
// ("dimanche 14 avril", "Sonntag, den 14. April"), or alone, resolved as
// the English finder resolves "Wednesday". Alone it needs a function word
// before it ("le lundi", "am Montag"), a capital inside the sentence, or a
// comma after it at the start: what shows a day and not a word spelled
// the same (Russian "среда" is also "environment", Turkish "pazar" a
// market).
func (f *finder) localWeekday(i int, wd time.Weekday) int {
	k := i + 1
	if f.punctAt(k, ',') {
		k++
	}
	if w := f.word(k); w != "" && f.loc.stop(w) {
		k++ // "Sonntag, den 14. April", "domingo el 14"
	}
	if n := f.dayFirst(i, k); n > i {
		return n
	}
	prev := f.word(i - 1)
	first := isFirstWord(f.toks, i)
	if prev != "" && f.loc.stop(prev) || f.toks[i].cap && !first || first && f.punctAt(i+1, ',') {
		return f.weekday(i, int(wd))
	}
	return i
}

// opensWithMonth tells a sentence whose first word is a month of the
// language.
func (f *finder) opensWithMonth(b sentences.Span) bool {
	i := b.Start
	for i < b.End && (f.low[i] == ' ' || f.low[i] == '\n') {
		i++
	}
	w := f.low[i:scanWord(f.low, i, b.End)]
	m, _ := f.monthWord(strings.TrimSuffix(w, "."))
	return m > 0
}
