package plaintext

import "testing"

var yearCases = []string{
	"", "2022", "1999", "2100", "1899", "12022", "20221", "x2022y", "May 5, 2022.", "v1.2019", "19", "202", "3019 2019",
	"a1900", "00020000", "2020-01-02", "١٩٩٩ 1999", "\xff2001\xfe",
}

func TestHasYearMatchesPattern(t *testing.T) {
	for _, s := range yearCases {
		if got, want := hasYear(s), yearRe.MatchString(s); got != want {
			t.Errorf("hasYear(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzHasYear(f *testing.F) {
	for _, s := range yearCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasYear(s), yearRe.MatchString(s); got != want {
			t.Errorf("hasYear(%q) = %v, want %v", s, got, want)
		}
	})
}
