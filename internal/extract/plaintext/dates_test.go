package plaintext

import (
	"testing"
	"unicode"
)

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

var monthDateCases = []string{
	"January 2, 2006 15:04 UTC", "by Oleg Sukhov January 26, 2022 11:58 PM", "27 janvier 2022", "5 de mayo de 2022",
	"Sept. 3, 2021", "3. März 2021", "MARCH 5TH, 2020", "ſept 5, 2020", "marchx 5, 2022", "5 мая 2022", "5 ма 2022",
	"It was out 5 years, in 2019", "the set, 2020", "Dec.,  2020", "émarch 5 2022", "May  de 2022", "dec de  5, 2022",
	"The council, which was founded in 1998, approved the bridge.", "Mar\t12, 2019", "\xffMay 5, 2019",
}

func TestMayHoldMonthDate(t *testing.T) {
	for _, s := range monthDateCases {
		if !mayHoldMonthDate(s) && (reMonthDY.MatchString(s) || reDMonthY.MatchString(s)) {
			t.Errorf("mayHoldMonthDate(%q) = false, but a month pattern matches", s)
		}
	}
	// The test stands on month names being letters in every case.
	for n := range monthNames {
		for _, r := range n {
			for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
				if !unicode.IsLetter(f) {
					t.Errorf("%q folds to %q, no letter", n, f)
				}
				if f == r {
					break
				}
			}
		}
	}
}

func FuzzMayHoldMonthDate(f *testing.F) {
	for _, s := range monthDateCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayHoldMonthDate(s) && (reMonthDY.MatchString(s) || reDMonthY.MatchString(s)) {
			t.Errorf("mayHoldMonthDate(%q) = false, but a month pattern matches", s)
		}
	})
}
