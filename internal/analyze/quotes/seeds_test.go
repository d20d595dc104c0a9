package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// seedDir holds the five seed articles (web-page text dumps).
const seedDir = "../../../../shared/seeds"

func readSeed(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(seedDir, prefix+"_*.txt"))
	if len(m) == 0 {
		t.Skipf("seed %s not found under %s", prefix, seedDir)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// quoteStarting is the quote whose text starts with prefix, if any.
func quoteStarting(qs []news.Quote, prefix string) (news.Quote, bool) {
	for _, q := range qs {
		if strings.HasPrefix(q.Text, prefix) {
			return q, true
		}
	}
	return news.Quote{}, false
}

func TestSeeds(t *testing.T) {
	type exp struct {
		seed, prefix string
		speakers     []string // any of these
		cue          string   // "" = any
		contains     string   // a later part the quote must hold
	}
	lavrov := []string{"Sergei Lavrov"}
	blinken := []string{"Antony Blinken"}
	stoltenberg := []string{"Jens Stoltenberg"}
	tests := []exp{
		{"000", "We had seen the written response", []string{"Dmytro Kuleba"}, "wrote on Twitter", "No objections on the Ukrainian side"},
		{"000", "There was no positive answer to the main question", lavrov, "said", ""},
		{"000", "We will uphold the principle of NATO’s open-door policy", blinken, "said", ""},
		{"000", "We cannot and will not compromise", stoltenberg, "said", ""},
		{"001", "We will uphold the principle of NATO’s open-door policy", blinken, "said", ""},
		{"001", "We cannot and will not compromise", stoltenberg, "", ""},
		{"001", "This is about respecting nations", stoltenberg, "added", "Russia should also withdraw its forces"},
		{"001", "We have run out of patience", []string{"Sergey Lavrov"}, "said", ""},
		{"001", "We make clear that there are core principles", blinken, "said", ""},
		{"002", "The document delivered includes concerns", blinken, "said", ""},
		{"003", "Putting things in writing is... a good way", blinken, "told reporters", "the ball is in their court"},
		{"003", "I can't be more clear", blinken, "said", ""},
		{"003", "We are now reaching out to Russia", stoltenberg, "said", ""},
		{"003", "But of course while we are hoping", stoltenberg, "said", ""},
		{"003", "The head of the American diplomatic mission handed over", []string{"Russian Foreign Ministry"}, "said in a statement", ""},
		{"003", "If the West continues its aggressive course", []string{"Sergey Lavrov"}, "said", ""},
		{"004", "We made clear that there are core principles", blinken, "said", ""},
		{"004", "We continue to watch Russia’s threatening behavior", []string{"Barbara Lee and Pramila Jayapal", "Pramila Jayapal and Barbara Lee", "Lee and Jayapal"}, "said in a joint statement", ""},
	}
	found := map[string][]news.Quote{}
	for _, tt := range tests {
		qs, ok := found[tt.seed]
		if !ok {
			qs = Find(readSeed(t, tt.seed), nil, nil)
			found[tt.seed] = qs
		}
		q, ok := quoteStarting(qs, tt.prefix)
		if !ok {
			t.Errorf("seed %s: no quote %q; got\n%s", tt.seed, tt.prefix, dump(qs))
			continue
		}
		okSpk := false
		for _, s := range tt.speakers {
			okSpk = okSpk || q.Speaker == s
		}
		if !okSpk || !q.Direct || tt.cue != "" && q.Cue != tt.cue || !strings.Contains(q.Text, tt.contains) {
			t.Errorf("seed %s: %q -> speaker %q cue %q direct %v\n  text %q\n  want speaker %v cue %q containing %q",
				tt.seed, tt.prefix, q.Speaker, q.Cue, q.Direct, q.Text, tt.speakers, tt.cue, tt.contains)
		}
	}
	// Blinken's reply on Twitter is reported with a quoted phrase.
	if q, ok := quoteStarting(found["000"], "nothing about Ukraine without Ukraine"); ok && q.Speaker != "Antony Blinken" {
		t.Errorf("seed 000: %q by %q", q.Text, q.Speaker)
	}
}
