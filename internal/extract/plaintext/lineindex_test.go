package plaintext

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzLineKey checks the one-pass key of ASCII lines against its
// definition.
func FuzzLineKey(f *testing.F) {
	for _, s := range []string{"", "  Sign Up\tNow ", "MORE\v\fNEWS\r\n", "Zürich  News", "a\u00a0b", "\xffAb  c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lineKey(s), strings.ToLower(strings.Join(strings.Fields(s), " ")); got != want {
			t.Errorf("lineKey(%q) = %q, want %q", s, got, want)
		}
	})
}

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
