package words

import (
	"strings"
	"testing"
	"time"
)

func TestStopWordsByLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, word string
		stop       bool
	}{
		{"de", "der", true}, {"de", "zentralbank", false},
		{"fr", "la", true}, {"fr", "séisme", false},
		{"ru", "что", true}, {"ru", "пригожин", false},
		{"es", "los", true}, {"it", "della", true}, {"tr", "ve", true}, {"ar", "في", true},
		{"en", "the", true}, {"en", "earthquake", false},
		{"xx", "the", false}, // a language without a lexicon has no stop words
	} {
		if got := For(c.lang).Stop(c.word); got != c.stop {
			t.Errorf("For(%q).Stop(%q) = %v, want %v", c.lang, c.word, got, c.stop)
		}
	}
}

func TestStemsInflectionsTogether(t *testing.T) {
	for _, c := range []struct {
		lang  string
		forms string
	}{
		{"de", "Erdbeben Erdbebens"}, {"de", "Zentralbank Zentralbanken"},
		{"fr", "missiles missile"},
		{"es", "terremotos terremoto"},
		{"ru", "Москва Москве Москву Москвы"},
		{"it", "tassi tasso"},
		{"en", "sanctions sanctioned sanction"},
	} {
		l := For(c.lang)
		forms := strings.Fields(c.forms)
		want := l.Stem(strings.ToLower(forms[0]))
		for _, f := range forms[1:] {
			if got := l.Stem(strings.ToLower(f)); got != want {
				t.Errorf("%s: stem of %q is %q, of %q %q", c.lang, forms[0], want, f, got)
			}
		}
	}
	if got := For("xx").Stem("words"); got != "words" {
		t.Errorf("an unknown language stems %q to %q", "words", got)
	}
}

func TestMonthsAndWeekdays(t *testing.T) {
	for _, c := range []struct {
		lang, word string
		month      int
	}{
		{"fr", "janvier", 1}, {"de", "januar", 1}, {"ru", "января", 1}, {"ru", "январь", 1},
		{"es", "junio", 6}, {"it", "giugno", 6}, {"tr", "şubat", 2}, {"pt", "outubro", 10},
		{"en", "sep", 9}, {"de", "mär", 3}, {"ar", "أبريل", 4}, {"uk", "квітня", 4},
		{"fr", "jeudi", 0},
	} {
		if got := For(c.lang).Month(c.word); got != c.month {
			t.Errorf("For(%q).Month(%q) = %d, want %d", c.lang, c.word, got, c.month)
		}
	}
	if d, ok := For("de").Weekday("sonntag"); !ok || d != time.Sunday {
		t.Errorf("Sonntag is %v, %v", d, ok)
	}
	if AnyMonth("janvier") != 1 || AnyMonth("settembre") != 9 || AnyMonth("word") != 0 {
		t.Errorf("AnyMonth: janvier %d, settembre %d, word %d", AnyMonth("janvier"), AnyMonth("settembre"), AnyMonth("word"))
	}
}

func TestSeparators(t *testing.T) {
	for lang, want := range map[string][2]string{"de": {",", "."}, "en": {".", ","}, "fr": {",", "\u202f"}, "xx": {".", ","}} {
		if d, g := For(lang).Separators(); d != want[0] || g != want[1] {
			t.Errorf("%s: separators %q %q, want %q", lang, d, g, want)
		}
	}
}

func TestScan(t *testing.T) {
	var got []string
	Scan("L'Iran a tiré 7,8 missiles. Russia's U.S.-led dell'Inter O'Brien didn't 8.500 2-1", 0, func(tk Token) bool {
		s := tk.Lower
		if tk.Cap && !tk.SentenceStart {
			s = "^" + s
		}
		if tk.Number {
			s = "#" + s
		}
		got = append(got, s)
		return true
	})
	want := "iran a tiré #7,8 missiles russia ^us led ^inter ^obrien didnt #8.500 #2 #1"
	if strings.Join(got, " ") != want {
		t.Errorf("Scan:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
