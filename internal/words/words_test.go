package words

import (
	"strings"
	"testing"
	"unicode"
)

func TestSplitAndContent(t *testing.T) {
	got := strings.Join(Split("The U.S.-led alliance didn’t cave, Russia’s 120,000 troops."), " ")
	if got != "the us led alliance didnt cave russias 120 000 troops" {
		t.Errorf("Split = %q", got)
	}
	got = strings.Join(Content("The U.S. has not caved in to Russia’s demands"), " ")
	if got != "us caved russias demands" {
		t.Errorf("Content = %q", got)
	}
}

// splitReference is Split as first written: a rune at a time into a
// builder. Split must agree with it on every input.
func splitReference(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.' && b.Len() > 0 && b.Len() < 4:
		default:
			flush()
		}
	}
	flush()
	return out
}

func TestSplitMatchesReference(t *testing.T) {
	for _, s := range []string{
		"", "The U.S.-led talks, Russia’s demands and NATO's reply.", "don't 'quoted' it's", "Сергей Лавров сказал: «нет».",
		"abc.def.ghi e.g. i.e. Mr. Smith's", "東京 2022年 ünïcödé ÀÉÎ", "a.b.c.d.e", "x'.y", "\xff\xfe bad", "3.5% of 1,000",
	} {
		if got, want := Split(s), splitReference(s); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("Split(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("The U.S.-led talks, Russia’s demands")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Split(s), splitReference(s); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("Split(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkScan(b *testing.B) {
	text := strings.Repeat("The U.S.-led alliance didn’t cave, Russia’s 120,000 troops massed near Ukraine's border on Jan. 26. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n := 0
		Scan(text, 0, func(Token) bool { n++; return true })
	}
}
