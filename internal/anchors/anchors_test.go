package anchors

import (
	"testing"

	"github.com/chorusnews/chorus/internal/words"
)

func TestFigure(t *testing.T) {
	for _, c := range []struct {
		raw, decimal, group, want string
	}{
		{"7,8", ",", ".", "7.8"},
		{"7.8", ".", ",", "7.8"},
		{"8.500", ",", ".", "8500"},
		{"8,500", ".", ",", "8500"},
		{"3,75", ",", "\u202f", "3.75"},
		{"0,25", ",", ".", "0.25"},
		{"4.50", ".", ",", "4.5"},
		{"2024", ".", ",", "2024"},
		{"7", ".", ",", ""},          // a single digit tells nothing
		{"22.03.2024", ",", ".", ""}, // a date
	} {
		got, ok := Figure(c.raw, c.decimal, c.group)
		if c.want == "" && ok || c.want != "" && got != c.want {
			t.Errorf("Figure(%q, %q, %q) = %q, %v; want %q", c.raw, c.decimal, c.group, got, ok, c.want)
		}
	}
}

func TestNumberedOrdinal(t *testing.T) {
	for w, want := range map[string]int{"2nd": 2, "15th": 15, "15ª": 15, "2e": 2, "2ème": 2, "1er": 1, "15": 0, "2024th": 0, "th": 0} {
		if got, _ := NumberedOrdinal(w); got != want {
			t.Errorf("NumberedOrdinal(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestDayTerm(t *testing.T) {
	if got := DayTerm(1, 26); got != "@01-26" {
		t.Errorf("DayTerm(1, 26) = %q", got)
	}
	var month int
	words.Scan("26 janvier", 0, func(tk words.Token) bool {
		if m := Month(words.For("fr"), tk); m != 0 {
			month = m
		}
		return true
	})
	if month != 1 {
		t.Errorf("janvier is month %d", month)
	}
}

// TestCommonNounAfter checks the German rule: a capital after an article,
// an adjective or a number is a noun's, after a verb or a preposition a
// name's.
func TestCommonNounAfter(t *testing.T) {
	var toks []words.Token
	words.Scan("die Zentralbank russischen Regierung 3,75 Prozent sagte Lagarde von Prigoschin die erste Runde", 0, func(tk words.Token) bool {
		toks = append(toks, tk)
		return true
	})
	for i, want := range map[int]bool{1: true, 3: true, 5: true, 7: false, 9: false, 12: true} {
		var before words.Token
		if i >= 2 {
			before = toks[i-2]
		}
		if got := CommonNounAfter(before, toks[i-1], toks[i]); got != want {
			t.Errorf("%q after %q: common noun %v, want %v", toks[i].Lower, toks[i-1].Lower, got, want)
		}
	}
}
