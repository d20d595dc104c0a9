package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/analyze/entities"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
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
		{"001", "This is about respecting nations", stoltenberg, "added", "their own path … Russia should also withdraw its forces"},
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

// analyzeSeed finds the quotes of a seed as the analysis stage does: with
// the entity index resolving speakers.
func analyzeSeed(t *testing.T, prefix string) (string, []news.Quote) {
	t.Helper()
	text := readSeed(t, prefix)
	sents := sentences.Split(text)
	x := entities.Find(text, sents, "en")
	return text, FindWith(text, sents, Options{Lang: "en", Entities: x.Entities(), Resolver: x})
}

// TestSeedsWholeQuotes checks that no seed quote is a fragment: reported
// speech starts at its clause, never at a preposition or at the object of
// a verb that names a stance, and parts of one quotation are never glued
// into one sentence.
func TestSeedsWholeQuotes(t *testing.T) {
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		text, qs := analyzeSeed(t, seed)
		for _, q := range qs {
			first, _, _ := strings.Cut(q.Text, " ")
			if !q.Direct && clausePreps[strings.ToLower(first)] && first != "to" {
				t.Errorf("seed %s: %q starts at a preposition", seed, q.Text)
			}
			if glued := gluedPair(text, q.Text); glued != "" {
				t.Errorf("seed %s: %q glues %q", seed, q.Text, glued)
			}
		}
		for _, bad := range []string{"to Kuleba's remarks", "Washington's stance"} {
			if q, ok := quoteStarting(qs, bad); ok {
				t.Errorf("seed %s: fragment %q by %q", seed, q.Text, q.Speaker)
			}
		}
	}
	_, qs := analyzeSeed(t, "004")
	q, ok := quoteStarting(qs, "We continue to watch Russia’s threatening behavior")
	if !ok || !strings.Contains(q.Text, "with alarm … There is no military solution") {
		t.Errorf("seed 004: the two paragraphs of the joint statement: %q", q.Text)
	}
}

// gluedPair returns the first two words of quote that run a word without
// punctuation into a capitalised one ("alarm There") where the article
// never writes them so; "" when there is none.
func gluedPair(article, quote string) string {
	ws := strings.Fields(quote)
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		last, _ := utf8.DecodeLastRuneInString(a)
		first, _ := utf8.DecodeRuneInString(b)
		if !unicode.IsLetter(last) || !unicode.IsUpper(first) {
			continue
		}
		if pair := a + " " + b; !strings.Contains(article, pair) {
			return pair
		}
	}
	return ""
}

// TestSeedsAnalyzed checks speakers as analysis resolves them: Lavrov's
// short quotation stands, and Kuleba is named however the article
// describes him.
func TestSeedsAnalyzed(t *testing.T) {
	tests := []struct {
		seed, prefix, speaker, kind string
	}{
		{"001", "We have run out of patience", "Sergey Lavrov", news.SpeakerPerson},
		{"000", "We had seen the written response", "Dmytro Kuleba", news.SpeakerPerson},
		{"000", "the U.S. had shared the written response", "Dmytro Kuleba", news.SpeakerPerson},
		{"003", "German Chancellor Olaf Scholz will also reportedly head", "Bild", news.SpeakerPublication},
		{"003", "The talks, which lasted more than eight hours", "Elysee", news.SpeakerOrganization},
		{"003", "The head of the American diplomatic mission", "Russian Foreign Ministry", news.SpeakerOrganization},
	}
	found := map[string][]news.Quote{}
	for _, tt := range tests {
		qs, ok := found[tt.seed]
		if !ok {
			_, qs = analyzeSeed(t, tt.seed)
			found[tt.seed] = qs
		}
		q, ok := quoteStarting(qs, tt.prefix)
		if !ok || q.Speaker != tt.speaker || q.SpeakerKind != tt.kind {
			t.Errorf("seed %s: %q by %q (%s), want %q (%s)", tt.seed, tt.prefix, q.Speaker, q.SpeakerKind, tt.speaker, tt.kind)
		}
	}
}

// TestDescriptionResolved: a description of a person the article names
// elsewhere is that person (an excerpt of seeds 000 and 004); unnamed, it
// stays as written.
func TestDescriptionResolved(t *testing.T) {
	tests := []struct{ text, speaker string }{
		{"Foreign Minister Dmytro Kuleba said that the U.S. had shared the written response with Ukraine.\n\n" +
			"Meanwhile, Ukraine’s foreign minister has said Moscow’s buildup of troops near its border is “insufficient for a full-scale offensive”.",
			"Dmytro Kuleba"},
		{"Meanwhile, Ukraine’s foreign minister has said Moscow’s buildup of troops near its border is “insufficient for a full-scale offensive”.",
			"Ukraine’s foreign minister"},
	}
	for _, tt := range tests {
		sents := sentences.Split(tt.text)
		x := entities.Find(tt.text, sents, "en")
		qs := FindWith(tt.text, sents, Options{Lang: "en", Entities: x.Entities(), Resolver: x})
		q, ok := quoteStarting(qs, "Moscow’s buildup")
		if !ok || q.Speaker != tt.speaker || q.SpeakerKind != news.SpeakerPerson {
			t.Errorf("%q: speaker %q (%s), want %q\n%s", tt.text, q.Speaker, q.SpeakerKind, tt.speaker, dump(qs))
		}
	}
}
