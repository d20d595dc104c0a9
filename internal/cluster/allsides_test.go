package cluster

import (
	"crypto/sha256"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/shareddata"
)

func loadAllSides(tb testing.TB) ([]Doc, map[string]string) {
	tb.Helper()
	arts, gold := shareddata.AllSides(tb)
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		t, _ := time.Parse("2006-01-02", a.Published[:min(10, len(a.Published))])
		docs[i] = Doc{ID: a.ID, Title: a.Title, Text: a.Text, Published: t}
	}
	return docs, gold
}

// pairwise scores stories against gold labels as score_clusters.py does.
func pairwise(stories []Story, gold map[string]string) (p, r, f float64) {
	pred := map[string]string{}
	for _, s := range stories {
		for _, a := range s.Articles {
			pred[a] = s.ID
		}
	}
	var tp, fp, fn int
	ids := make([]string, 0, len(gold))
	for k := range gold {
		ids = append(ids, k)
	}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			sameP := pred[ids[i]] == pred[ids[j]]
			sameG := gold[ids[i]] == gold[ids[j]]
			switch {
			case sameP && sameG:
				tp++
			case sameP:
				fp++
			case sameG:
				fn++
			}
		}
	}
	p, r = float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn))
	return p, r, 2 * p * r / max(1e-9, p+r)
}

func TestAllSidesGrid(t *testing.T) {
	if os.Getenv("CHORUS_GRID") == "" {
		t.Skip("set CHORUS_GRID=1 to search the options")
	}
	docs, gold := loadAllSides(t)
	for _, th := range []float64{0.10, 0.12, 0.13, 0.14, 0.16} {
		for _, bw := range []float64{0.25, 0.5, 1} {
			for _, coh := range []float64{0, 0.4, 0.5, 0.6} {
				o := DefaultOptions()
				o.Threshold, o.Background, o.Cohesion = th, bw, coh
				p, r, f := pairwise(Cluster(docs, o), gold)
				fmt.Printf("th=%.2f background=%.2f cohesion=%.1f  P=%.3f R=%.3f F1=%.3f\n", th, bw, coh, p, r, f)
			}
		}
	}
}

// TestAllSides guards the clustering quality on AllSides dev (0.935 here,
// without entities; 0.941 through the pipeline).
func TestAllSides(t *testing.T) {
	docs, gold := loadAllSides(t)
	p, r, f := pairwise(Cluster(docs, DefaultOptions()), gold)
	t.Logf("AllSides dev pairwise P=%.3f R=%.3f F1=%.3f", p, r, f)
	if f < 0.925 {
		t.Errorf("pairwise F1 %.3f fell below 0.925", f)
	}
}

// TestContrastOnHalves splits the AllSides events in two by a hash of their
// ids: Contrast must help on each half, not on the whole alone; and it must
// not buy recall with precision, which is what keeps the events of one
// topic on one day apart.
func TestContrastOnHalves(t *testing.T) {
	docs, gold := loadAllSides(t)
	off := DefaultOptions()
	off.Contrast = 0
	with, without := Cluster(docs, DefaultOptions()), Cluster(docs, off)
	for h := range byte(2) {
		half := map[string]string{}
		for a, e := range gold {
			if sum := sha256.Sum256([]byte(e)); sum[0]&1 == h {
				half[a] = e
			}
		}
		_, _, f0 := pairwise(without, half)
		_, _, f1 := pairwise(with, half)
		t.Logf("half %d (%d articles): pairwise F1 %.3f without Contrast, %.3f with", h, len(half), f0, f1)
		if f1 < f0+0.005 {
			t.Errorf("half %d: Contrast takes pairwise F1 from %.3f to %.3f", h, f0, f1)
		}
	}
	p0, _, _ := pairwise(without, gold)
	p1, _, _ := pairwise(with, gold)
	if p1 < p0-0.005 {
		t.Errorf("Contrast takes pairwise precision from %.3f to %.3f", p0, p1)
	}
}

// TestSurroundings pins what an article's surroundings are: its k-th
// nearest report, copies of one original counted once and its own copies
// not at all, the least link kept when it has fewer; and that a copy's
// link is never raised.
func TestSurroundings(t *testing.T) {
	o := Options{Threshold: 0.2, Contrast: 2, ContrastRank: 2}
	c := New(o)
	// 0 is the article; 1 copies it; 2 and 3 are copies of one report; 4
	// and 5 are other reports.
	heads := []int{0, 0, 2, 2, 4, 5}
	sims := []float64{0, 1, 0.5, 0.45, 0.3, 0.2}
	for i, h := range heads {
		c.all = append(c.all, &doc{head: h, edges: map[int]float64{}})
		if i > 0 {
			c.all[0].edges[i], c.all[i].edges[0] = sims[i], sims[i]
		}
	}
	if got := c.surroundings(0); got != 0.3 {
		t.Errorf("surroundings = %v, want 0.3: the second report, 2 and 3 being one and 1 its own copy", got)
	}
	if got := c.surroundings(4); got != 0.1 {
		t.Errorf("surroundings of an article with one link = %v, want the least link kept, 0.1", got)
	}
	for i := range c.all {
		c.all[i].near = c.surroundings(i)
	}
	if got := c.link(0, 1); got != 1 {
		t.Errorf("a copy's link = %v, want 1", got)
	}
	// 0 and 2: 0.5 over the surroundings of both (0.3 and 0.1): raised by
	// twice the margin. 0 and 5: 0.2, under 0's surroundings: as it is.
	if got := c.link(0, 2); math.Abs(got-0.9) > 1e-9 {
		t.Errorf("link(0, 2) = %v, want 0.5 + 2·(0.5−0.3) = 0.9", got)
	}
	if got := c.link(0, 5); got != 0.2 {
		t.Errorf("link(0, 5) = %v, want 0.2", got)
	}
	c.o.Contrast = 0
	if got := c.link(0, 2); got != 0.5 {
		t.Errorf("with Contrast 0, link(0, 2) = %v, want 0.5", got)
	}
}

// TestCohesive pins the guard that keeps two tight stories apart.
func TestCohesive(t *testing.T) {
	c := New(Options{Threshold: 0.1, Cohesion: 0.5})
	pairs := func(n int, avg float64) cohesion { return cohesion{avg * float64(n*(n-1)/2), n * (n - 1) / 2} }
	for _, tc := range []struct {
		name   string
		across float64
		a, b   cohesion
		want   bool
	}{
		{"single articles have nothing to keep", 0.11, pairs(1, 0), pairs(1, 0), true},
		{"an article joins a tight story", 0.11, pairs(3, 0.6), pairs(1, 0), true},
		{"two tight stories stay apart", 0.2, pairs(3, 0.5), pairs(3, 0.3), false},
		{"the tighter story decides", 0.2, pairs(3, 0.3), pairs(3, 0.5), false},
		{"stories about as alike across as within join", 0.3, pairs(3, 0.5), pairs(2, 0.4), true},
		{"loose stories join", 0.2, pairs(2, 0.3), pairs(2, 0.25), true},
		{"an article with its copy is no tight story", 0.2, cohesion{}, pairs(3, 0.5), true},
	} {
		if got := c.cohesive(cohesion{tc.across, 1}, tc.a, tc.b); got != tc.want {
			t.Errorf("%s: cohesive = %v, want %v", tc.name, got, tc.want)
		}
	}
	off := New(Options{Threshold: 0.1})
	if !off.cohesive(cohesion{0.2, 1}, pairs(3, 0.5), pairs(3, 0.5)) {
		t.Error("Cohesion 0 must turn the guard off")
	}
	// Two stories in two languages have no pair in one language across:
	// their links of shared names say nothing beside links of words.
	if !c.cohesive(cohesion{}, pairs(3, 0.5), pairs(3, 0.5)) {
		t.Error("stories with no language in common must be left to the threshold")
	}
}

// TestCopiesDoNotSplitStories gives every AllSides article a syndicated
// copy: an article and its copy are as alike as can be, and must not make
// a story look too tight to take in the other outlets' reports.
func TestCopiesDoNotSplitStories(t *testing.T) {
	docs, gold := loadAllSides(t)
	_, _, want := pairwise(Cluster(docs, DefaultOptions()), gold)
	withCopies := slices.Clone(docs)
	for _, d := range docs {
		c := d
		c.ID, c.DuplicateOf = d.ID+"-copy", d.ID
		c.Published = d.Published.Add(time.Hour)
		withCopies = append(withCopies, c)
	}
	stories := Cluster(withCopies, DefaultOptions())
	storyOf := map[string]string{}
	for _, s := range stories {
		for _, a := range s.Articles {
			storyOf[a] = s.ID
		}
	}
	for _, d := range docs {
		if storyOf[d.ID] != storyOf[d.ID+"-copy"] {
			t.Fatalf("%s and its copy are in different stories", d.ID)
		}
	}
	if _, _, got := pairwise(stories, gold); got < want-0.01 {
		t.Errorf("pairwise F1 over the originals %.3f with copies, %.3f without", got, want)
	}
}

// TestOrderDoesNotMatter shuffles the batch: the stories must not change.
func TestOrderDoesNotMatter(t *testing.T) {
	docs, _ := loadAllSides(t)
	want := canonical(Cluster(docs, DefaultOptions()))
	for _, seed := range []uint64{1, 2, 3} {
		shuffled := slices.Clone(docs)
		rand.New(rand.NewPCG(seed, seed)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := canonical(Cluster(shuffled, DefaultOptions())); got != want {
			t.Fatalf("shuffle %d changed the stories", seed)
		}
	}
}

func canonical(stories []Story) string {
	var parts []string
	for _, s := range stories {
		ids := slices.Clone(s.Articles)
		slices.Sort(ids)
		parts = append(parts, strings.Join(ids, ","))
	}
	slices.Sort(parts)
	return strings.Join(parts, "\n")
}

// TestIncrementalMatchesBatch feeds the articles one at a time in shuffled
// order, with word weights learnt on the way as a live feed has them: the
// stories may differ from the batch's only within a pinned tolerance.
func TestIncrementalMatchesBatch(t *testing.T) {
	docs, _ := loadAllSides(t)
	batch := map[string]string{}
	for _, s := range Cluster(docs, DefaultOptions()) {
		for _, a := range s.Articles {
			batch[a] = s.ID
		}
	}
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	c := New(DefaultOptions())
	for _, d := range shuffled {
		c.Add(d)
	}
	_, _, f := pairwise(c.Stories(), batch)
	t.Logf("incremental (shuffled) vs batch: pairwise F1 %.3f", f)
	if f < 0.95 {
		t.Errorf("incremental stories agree with the batch's at pairwise F1 %.3f, want ≥ 0.95", f)
	}
}

// BenchmarkCluster times a batch of the 850 AllSides articles; clustering
// runs on every ingest, so its cost per article matters.
func BenchmarkCluster(b *testing.B) {
	docs, _ := loadAllSides(b)
	b.ReportAllocs()
	for b.Loop() {
		Cluster(docs, DefaultOptions())
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/article")
}

// BenchmarkAdd times the articles fed one at a time, as a live feed has them.
func BenchmarkAdd(b *testing.B) {
	docs, _ := loadAllSides(b)
	b.ReportAllocs()
	for b.Loop() {
		c := New(DefaultOptions())
		for _, d := range docs {
			c.Add(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/article")
}

// denseDay retells AllSides articles n times over one day, as the coverage
// of a large event is (an election night, a war's first day): every
// article links to most others, the case where agglomeration's cost is
// quadratic or worse in the size of a story.
func denseDay(tb testing.TB, n, events int) []Doc {
	docs, _ := loadAllSides(tb)
	r := rand.New(rand.NewPCG(7, 7))
	day := time.Date(2022, 1, 26, 0, 0, 0, 0, time.UTC)
	out := make([]Doc, n)
	for i := range out {
		src := docs[r.IntN(events)] // a few events' reports, retold
		paras := strings.Split(src.Text, "\n\n")
		var kept []string
		for k, p := range paras {
			if k < 2 || r.Float64() < 0.6 {
				kept = append(kept, p)
			}
		}
		out[i] = Doc{ID: fmt.Sprintf("d%04d", i), Title: src.Title, Text: strings.Join(kept, "\n\n"), Published: day.Add(time.Duration(r.IntN(24*60)) * time.Minute)}
		if i > 0 && r.Float64() < 0.15 {
			out[i].Text, out[i].DuplicateOf = out[i-1].Text, out[i-1].ID
		}
	}
	return out
}

// BenchmarkClusterDenseDay times a batch of 600 reports of a few events
// on one day.
func BenchmarkClusterDenseDay(b *testing.B) {
	for _, events := range []int{1, 4} {
		docs := denseDay(b, 600, events)
		b.Run(fmt.Sprintf("events=%d", events), func(b *testing.B) {
			for b.Loop() {
				Cluster(docs, DefaultOptions())
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/article")
		})
	}
}
