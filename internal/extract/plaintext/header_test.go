package plaintext

import (
	"strings"
	"testing"
)

var nameStopCases = []string{
	"", "Jane Roe", "Jane Roe January 26, 2022", "Oleg Sukhov | Kyiv Independent", "Jane Roe - Staff",
	"Jane Roe-Smith", "Staff Reporter, The Times", "Jane Roe on Tuesday", "Jane Roe   for the Post", "Jane Roe\tupdated",
	"Anna Month", "Jean Décembre", "Ivan января 5", "Ivanянваря", "Roe ſept 3", "Roe ONE", "onetime Rone", "Sam Jun.",
	"Jane Roe 2 min read", "Jane Roe · News", "Jane Roe — Kyiv", "Jane Roe \xff am", "Roe_on", "Roe\non", "  Mar ",
	"Jane Roe\f-\rx", "Jane Roe März", "Kelvin \u212aPT",
}

func TestCutNameStopMatchesPattern(t *testing.T) {
	for _, s := range nameStopCases {
		if got, want := cutNameStop(s), nameStopRe.ReplaceAllString(s, ""); got != want {
			t.Errorf("cutNameStop(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCutNameStop(f *testing.F) {
	for _, s := range nameStopCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cutNameStop(s), nameStopRe.ReplaceAllString(s, ""); got != want {
			t.Errorf("cutNameStop(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "Council", "MAYOR", "Zürich", "ÉTAT", "\xffAb", "x1_Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower([]byte("prefix"), s)), "prefix"+strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
