package quotes

import (
	"testing"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/sentences"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We cannot,” he said, “and will not.”",
		"Lavrov said: “There was no positive answer.”\n\n“And more.",
		"According to the Kremlin, the talks failed, Blinken said.",
		"‘single’ «guillemets» „German“ \"straight\" ''two'' don’t Russia’s",
		"Kasich: ‘We Are Going.’\n“A” ― Karen Bobadilla.",
		"\"\"\"“”“”‘’‘’", "said said said, said", "according to", ":", "“\n\n“\n\n“",
		"He said it fell and did", "They said it worked and had not", // a second verb sought past the end
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, sents := range [][]sentences.Span{nil, sentences.Split(text)} {
			for _, q := range Find(text, sents, nil) {
				if q.Start < 0 || q.End > len(text) || q.Start > q.End {
					t.Fatalf("span %d-%d outside %d bytes: %+v", q.Start, q.End, len(text), q)
				}
				if q.Text == "" {
					t.Fatalf("empty quote %+v", q)
				}
				if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
					t.Fatalf("invalid UTF-8 in %q", q.Text)
				}
			}
		}
		// Odd sentence spans must not break it either.
		Find(text, []sentences.Span{{Start: 5, End: 2}, {Start: -1, End: 1 << 30}}, nil)
	})
}
