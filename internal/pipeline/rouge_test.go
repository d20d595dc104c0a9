package pipeline

import (
	"bufio"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/shareddata"
)

var rougeTok = regexp.MustCompile(`\w+`)

// rouge2 is ROUGE-2 F as ../shared/scoring/score_summary.py computes it:
// lower-cased \w+ tokens, both sides cut to 100 words.
func rouge2(ref, hyp string) float64 {
	toks := func(s string) []string {
		ts := rougeTok.FindAllString(strings.ToLower(s), -1)
		return ts[:min(len(ts), 100)]
	}
	grams := func(ts []string) map[string]int {
		m := map[string]int{}
		for i := 0; i+1 < len(ts); i++ {
			m[ts[i]+" "+ts[i+1]]++
		}
		return m
	}
	r, h := grams(toks(ref)), grams(toks(hyp))
	tp, nr, nh := 0, 0, 0
	for g, n := range r {
		tp += min(n, h[g])
		nr += n
	}
	for _, n := range h {
		nh += n
	}
	if tp == 0 {
		return 0
	}
	p, rc := float64(tp)/float64(nh), float64(tp)/float64(nr)
	return 2 * p * rc / (p + rc)
}

// TestSummaryGrid measures summary options on AllSides dev by ROUGE-2, the
// way score_summary.py does (CHORUS_GRID=1).
func TestSummaryGrid(t *testing.T) {
	if os.Getenv("CHORUS_GRID") == "" {
		t.Skip("set CHORUS_GRID=1 to search the summary options")
	}
	arts, gold := shareddata.AllSides(t)
	event := map[string]string{}
	for _, a := range arts {
		event[a.URL] = gold[a.ID]
	}
	refs := map[string]string{}
	f, err := os.Open(shareddata.Path("data", "stories", "allsides-dev.summaries.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ Event, Summary string }
		json.Unmarshal(sc.Bytes(), &r)
		refs[r.Event] = r.Summary
	}
	d := Digest([]string{shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")}, nil, DefaultOptions(), DefaultStoryOptions())
	byID := map[string]news.Analyzed{}
	for _, a := range d.Articles {
		byID[a.ID] = a.Analyzed
	}
	// For each event, the story holding most of its articles.
	count := map[string]map[string]int{}
	for _, s := range d.Stories {
		for _, id := range s.Articles {
			ev := event[byID[id].URL]
			if count[ev] == nil {
				count[ev] = map[string]int{}
			}
			count[ev][s.ID]++
		}
	}
	stories := map[string]news.Story{}
	for _, s := range d.Stories {
		stories[s.ID] = s
	}
	// score is the mean ROUGE-2 over all events and over the two halves
	// of the events split by a hash of their id: a change worth keeping
	// helps both.
	score := func(o digest.Options) (all float64, halves [2]float64) {
		var events [2]int
		for ev, ref := range refs {
			h := sha1.Sum([]byte(ev))
			half := h[len(h)-1] & 1
			events[half]++
			best, n := "", 0
			for sid, k := range count[ev] {
				if k > n || k == n && sid < best {
					best, n = sid, k
				}
			}
			if best == "" {
				continue
			}
			var members []news.Analyzed
			for _, id := range stories[best].Articles {
				members = append(members, byID[id])
			}
			var parts []string
			for _, c := range digest.Build(best, members, o).Summary {
				parts = append(parts, c.Text)
			}
			r := rouge2(ref, strings.Join(parts, " "))
			all += r
			halves[half] += r
		}
		return all / float64(len(refs)), [2]float64{halves[0] / float64(events[0]), halves[1] / float64(events[1])}
	}
	report := func(name string, o digest.Options) {
		all, h := score(o)
		fmt.Printf("%-40s ROUGE-2 %.4f  halves %.4f %.4f\n", name, all, h[0], h[1])
	}
	// The extractive ceiling: sentences picked greedily by ROUGE-2 itself.
	oracle, lead := 0.0, 0.0
	var opos, olen, on float64
	for ev, ref := range refs {
		best, n := "", 0
		for sid, k := range count[ev] {
			if k > n || k == n && sid < best {
				best, n = sid, k
			}
		}
		var pool []string
		posOf := map[string]int{}
		for _, id := range stories[best].Articles {
			for k, sp := range sentences.Split(byID[id].Text) {
				pool = append(pool, sp.Text(byID[id].Text))
				posOf[sp.Text(byID[id].Text)] = k
			}
		}
		if len(stories[best].Articles) > 0 {
			first := byID[stories[best].Articles[0]].Text
			var l []string
			for k, sp := range sentences.Split(first) {
				if k < 3 {
					l = append(l, sp.Text(first))
				}
			}
			lead += rouge2(ref, strings.Join(l, " "))
		}
		var chosen []string
		cur := 0.0
		for {
			pick, gain := -1, cur
			for k, p := range pool {
				if g := rouge2(ref, strings.Join(append(slices.Clone(chosen), p), " ")); g > gain {
					pick, gain = k, g
				}
			}
			if pick < 0 {
				break
			}
			chosen, cur = append(chosen, pool[pick]), gain
			opos += float64(posOf[pool[pick]])
			olen += float64(len(strings.Fields(pool[pick])))
			on++
		}
		oracle += cur
	}
	fmt.Printf("oracle sentences: %.1f per event, mean position %.2f, mean length %.1f words\n", on/float64(len(refs)), opos/on, olen/on)
	fmt.Printf("oracle ROUGE-2 %.4f  lead-3 of the story's first article %.4f\n", oracle/float64(len(refs)), lead/float64(len(refs)))
	base := digest.DefaultOptions()
	report("default", base)
	for _, decay := range []float64{0.05, 0.1, 0.2} {
		for _, red := range []float64{0.35, 0.45, 0.55} {
			o := base
			o.PositionDecay, o.Redundancy = decay, red
			report(fmt.Sprintf("decay=%.2f redundancy=%.2f", decay, red), o)
		}
	}
	for _, rep := range []float64{0, 0.3, 0.6} {
		for _, fig := range []float64{0, 0.3, 0.6} {
			for _, cov := range []float64{0, 1, 2} {
				o := base
				o.Reported, o.Figures, o.Coverage = rep, fig, cov
				report(fmt.Sprintf("reported=%.1f figures=%.1f coverage=%.0f", rep, fig, cov), o)
			}
		}
	}
}
