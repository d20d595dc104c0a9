package dedup

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chorusnews/chorus/internal/shareddata"
)

const story = `The council approved the new bridge on Tuesday after a debate that lasted for more than ten years.
The bridge will cost about 12 million euros and should open in 2024, according to the plans the council published after the vote.
Traffic on the old bridge has doubled since 2010, and engineers warned last year that it could not carry the load much longer.
The mayor said work would start in the spring and that the old bridge would stay open to pedestrians while the new one is built.
Opponents said the money would be better spent on public transport and promised to keep campaigning against the project.`

func TestCopies(t *testing.T) {
	o := DefaultOptions()
	x := NewIndex(o)
	if got := x.Add("orig", time.Time{}, story); got != "" {
		t.Fatalf("first article marked as copy of %q", got)
	}
	// A syndicated copy: other punctuation and case, a credit line added.
	syndicated := strings.ToUpper(story[:1]) + strings.ReplaceAll(story[1:], ",", " —") + "\n(Reporting by the wire agency.)"
	if got := x.Add("wire", time.Time{}, syndicated); got != "orig" {
		t.Errorf("syndicated copy: duplicate_of = %q, want orig", got)
	}
	// A copy of the copy points at the original.
	if got := x.Add("repost", time.Time{}, syndicated+" Updated."); got != "orig" {
		t.Errorf("copy of a copy: duplicate_of = %q, want orig", got)
	}
	// Same event, other words: not a copy.
	other := `Councillors voted on Tuesday to build a bridge that has been discussed for a decade, at a cost put at 12 million euros.
Supporters cited the heavy traffic on the existing crossing, which engineers have said is near the end of its life.
Critics argued for buses and trams instead and vowed to fight on, while the mayor promised work in spring.`
	if got := x.Add("other", time.Time{}, other); got != "" {
		t.Errorf("rewritten report marked as copy of %q", got)
	}
	if got := x.Add("orig", time.Time{}, story); got != "" {
		t.Errorf("re-adding the original: %q", got)
	}
	if got := x.Add("short", time.Time{}, "Too short to tell."); got != "" {
		t.Errorf("short text marked as copy of %q", got)
	}
}

// TestCopiesAreNearInTime: a syndicated copy follows its original within
// days; the same text months later is a new telling, and an undated copy
// may be of any day.
func TestCopiesAreNearInTime(t *testing.T) {
	day := time.Date(2022, 1, 26, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"same day", day.Add(5 * time.Hour), "orig"},
		{"six days on", day.AddDate(0, 0, 6), "orig"},
		{"the day before", day.AddDate(0, 0, -1), "orig"},
		{"a month on", day.AddDate(0, 1, 0), ""},
		{"undated", time.Time{}, "orig"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := NewIndex(DefaultOptions())
			x.Add("orig", day, story)
			if got := x.Add("copy", tc.at, story+" Updated."); got != tc.want {
				t.Errorf("duplicate_of = %q, want %q", got, tc.want)
			}
		})
	}
	o := DefaultOptions()
	o.Window = 0
	x := NewIndex(o)
	x.Add("orig", day, story)
	if got := x.Add("copy", day.AddDate(1, 0, 0), story); got != "orig" {
		t.Errorf("without a window, a copy a year on: duplicate_of = %q, want orig", got)
	}
}

func TestSeedsAreNotCopies(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) != 5 {
		t.Skip("seeds are read from ../shared")
	}
	x := NewIndex(DefaultOptions())
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := x.Add(f, time.Time{}, string(b)); got != "" {
			t.Errorf("%s marked as a copy of %s", filepath.Base(f), filepath.Base(got))
		}
	}
}

func TestSimilarityEstimate(t *testing.T) {
	o := DefaultOptions()
	a, b := Sign(story, o), Sign(story, o)
	if Similarity(a, b) != 1 {
		t.Error("identical texts differ")
	}
	half := strings.SplitN(story, "\n", 3)
	c := Sign(half[0]+"\n"+half[1]+"\nSomething else entirely was said about a completely different matter in another town far away.", o)
	if s := Similarity(a, c); s > 0.7 || s < 0.1 {
		t.Errorf("similarity of half-shared texts = %.2f", s)
	}
}

func TestManyCopiesStayBounded(t *testing.T) {
	x := NewIndex(DefaultOptions())
	x.Add("orig", time.Time{}, story)
	for i := range 200 {
		if got := x.Add(fmt.Sprint("copy-", i), time.Time{}, story+fmt.Sprint(" Copy ", i, ".")); got != "orig" {
			t.Fatalf("copy %d: duplicate_of = %q", i, got)
		}
	}
	for _, band := range x.bands {
		for _, bucket := range band {
			if len(bucket) > maxBucket {
				t.Fatalf("bucket of %d entries", len(bucket))
			}
		}
	}
}

// wordHashesReference is wordHashes as first written: the text
// lower-cased, cut into words, each word hashed.
func wordHashesReference(text string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := make([]uint64, len(words))
	for i, w := range words {
		h := uint64(fnvOffset)
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * fnvPrime
		}
		out[i] = h
	}
	return out
}

func TestWordHashesMatchReference(t *testing.T) {
	check := func(text string) {
		t.Helper()
		if got, want := wordHashes(text), wordHashesReference(text); !slices.Equal(got, want) {
			t.Errorf("wordHashes(%.40q): %d hashes, want %d", text, len(got), len(want))
		}
	}
	for _, text := range []string{"", story, "The U.S.-led talks, Russia’s demands — and NATO's reply.", "Сергей Лавров СКАЗАЛ: «нет».",
		"İstanbul ÀÉÎ ünïcödé 東京 2022年 ǅemal ΣΊΣΥΦΟΣ", "\xff\xfebad\xc3 bytes\xe2\x80", "KELVIN \u212a 3.5% of 1,000", "a"} {
		check(text)
	}
	for _, s := range shareddata.Seeds(t) {
		check(s.Text)
	}
	arts, _ := shareddata.AllSides(t)
	for _, a := range arts {
		check(a.Title)
		check(a.Text)
	}
}
