package words

//go:generate go run ./internal/genlex

import (
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/arabic"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/irish"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/turkish"
)

// rawLexicon is a language's entry in the generated table.
type rawLexicon struct {
	stop, months, weekdays string
	decimal, group         string
}

// stemmers are the Snowball stemmers by ISO 639-1 code.
var stemmers = map[string]func(*snowballstem.Env) bool{
	"ar": arabic.Stem, "da": danish.Stem, "nl": dutch.Stem, "en": english.Stem, "fi": finnish.Stem,
	"fr": french.Stem, "de": german.Stem, "hu": hungarian.Stem, "ga": irish.Stem, "it": italian.Stem,
	"no": norwegian.Stem, "pt": portuguese.Stem, "ro": romanian.Stem,
	"ru": russian.Stem, "es": spanish.Stem, "sv": swedish.Stem, "tr": turkish.Stem,
}

// Lexicon is what Chorus knows of one language's words: its stop words,
// its stemmer, its month and weekday names and how it writes numbers. The
// lexicon of a language it does not know is empty: no stop words, words
// left as they are.
type Lexicon struct {
	lang     string
	raw      rawLexicon
	once     sync.Once
	stop     map[string]bool
	months   map[string]int
	abbrevs  map[string]bool // month forms that shorten a longer form of their month
	weekdays map[string]time.Weekday
	stem     func(*snowballstem.Env) bool
}

var lexiconsByLang = func() map[string]*Lexicon {
	m := make(map[string]*Lexicon, len(lexicons))
	for lang, raw := range lexicons {
		m[lang] = &Lexicon{lang: lang, raw: raw, stem: stemmers[lang]}
	}
	return m
}()

var unknown = &Lexicon{}

// For returns the lexicon of lang, an ISO 639-1 code ("de"); never nil.
// Each language's tables are built the first time they are asked for, so
// a command pays only for the languages it meets.
func For(lang string) *Lexicon {
	if l, ok := lexiconsByLang[lang]; ok {
		l.once.Do(l.build)
		return l
	}
	if lang == "nb" || lang == "nn" {
		return For("no")
	}
	return unknown
}

func (l *Lexicon) build() {
	l.stop = map[string]bool{}
	for _, w := range strings.Fields(l.raw.stop) {
		l.stop[w] = true
	}
	l.months = map[string]int{}
	l.abbrevs = map[string]bool{}
	for i, forms := range strings.Split(l.raw.months, "|") {
		fs := strings.Fields(forms)
		for _, f := range fs {
			l.months[f] = i + 1
			for _, g := range fs {
				if len(g) > len(f) && strings.HasPrefix(g, f) {
					l.abbrevs[f] = true
				}
			}
		}
	}
	l.weekdays = map[string]time.Weekday{}
	for i, forms := range strings.Split(l.raw.weekdays, "|") {
		for _, f := range strings.Fields(forms) {
			l.weekdays[f] = time.Weekday(i)
		}
	}
}

// Lang is the language's code, "" for the unknown language.
func (l *Lexicon) Lang() string { return l.lang }

// Stop tells a stop word: a function word of the language ("der", "la",
// "что"). w is lower case.
func (l *Lexicon) Stop(w string) bool { return l.stop[w] }

// Stem returns the Snowball stem of w, a lower-case word; w itself in a
// language without a stemmer.
func (l *Lexicon) Stem(w string) string {
	if l.stem == nil || len(w) < 3 {
		return w
	}
	env := snowballstem.NewEnv(w)
	l.stem(env)
	return env.Current()
}

// Stems tells whether the language has a stemmer.
func (l *Lexicon) Stems() bool { return l.stem != nil }

// Month returns the month (1–12) that w, a lower-case word with no full
// stop, names in the language; 0 when it names none.
func (l *Lexicon) Month(w string) int { return l.months[w] }

// MonthAbbrev tells a month form that shortens a longer form of the same
// month ("janv", "set", "мар"; not "mai", "май"): such a form is often
// also a word of its own (Italian "set", Turkish "ara").
func (l *Lexicon) MonthAbbrev(w string) bool { return l.abbrevs[w] }

// DateWords returns the language's month and weekday forms, in no order,
// for a caller that turns other words away with a filter of its own
// before it asks Month or Weekday.
func (l *Lexicon) DateWords() []string {
	out := make([]string, 0, len(l.months)+len(l.weekdays))
	for w := range l.months {
		out = append(out, w)
	}
	for w := range l.weekdays {
		out = append(out, w)
	}
	return out
}

// Weekday returns the day of the week that w, a lower-case word, names.
func (l *Lexicon) Weekday(w string) (time.Weekday, bool) {
	d, ok := l.weekdays[w]
	return d, ok
}

// Separators returns the decimal sign and the digit-group separator of
// the language's numbers ("," and "." in German; "." and "," for an
// unknown language, as in English).
func (l *Lexicon) Separators() (decimal, group string) {
	if l.raw.decimal == "" {
		return ".", ","
	}
	return l.raw.decimal, l.raw.group
}

// AnyMonth returns the month w names in any language, when the languages
// that have the word agree on it; 0 otherwise.
func AnyMonth(w string) int { return anyMonth()[w] }

var anyMonth = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for lang := range lexicons {
		for w, n := range For(lang).months {
			if prev, ok := m[w]; ok && prev != n {
				m[w] = 0 // a form two languages give different months
				continue
			}
			m[w] = n
		}
	}
	return m
})
