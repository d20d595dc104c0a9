package plaintext

import (
	"regexp"
	"strings"
	"testing"
)

// wordRe is the expression findWords spells out.
var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’]\p{L}+)*`)

func FuzzFindWords(f *testing.F) {
	for _, s := range []string{"", "don't stop", "l’homme d'", "U.S.-led 3,000", "Zürich\xff1a", "rock'n'roll'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := findWords(s), wordRe.FindAllString(s, -1)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Errorf("findWords(%q) = %q, want %q", s, got, want)
		}
		if n := countWords(s); n != len(want) {
			t.Errorf("countWords(%q) = %d, want %d", s, n, len(want))
		}
	})
}

// foldRe is the expression foldSpaces spells out.
var foldRe = regexp.MustCompile(`[ \t\p{Zs}\x{200b}\x{feff}]+`)

func FuzzFoldSpaces(f *testing.F) {
	for _, s := range []string{"", "a b", "a  b", "a\tb", " a\u00a0 b ", "x\u200by", "\xff \xfe\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldSpaces(s), foldRe.ReplaceAllString(s, " "); got != want {
			t.Errorf("foldSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}
