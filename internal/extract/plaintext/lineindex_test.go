package plaintext

import (
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
