package pipeline

import (
	"slices"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// TestMultilingualStories runs multilingual-dev through the digest: 157
// saved pages in 13 languages, 28 events among which look-alikes (the next
// rate cut, the second launch, the runoff after the first round). One event
// must be one story whatever the language, and no story may hold an event
// and its look-alike.
func TestMultilingualStories(t *testing.T) {
	ml := shareddata.MultilingualDev(t)
	d := Digest([]string{ml.Path}, nil, DefaultOptions(), DefaultStoryOptions())
	story := map[string]string{}
	detected := 0
	for _, a := range d.Articles {
		story[a.Source] = a.Story
		if a.Language == ml.Language[a.Source] {
			detected++
		}
	}
	if len(story) != len(ml.Event) {
		t.Fatalf("%d articles in the digest, %d labelled", len(story), len(ml.Event))
	}
	p, r, f := pairScores(story, ml.Event)
	bp, br := bcubed(story, ml.Event)
	t.Logf("multilingual-dev: %d stories; pairwise P/R/F1 %.3f/%.3f/%.3f, BCubed P/R %.3f/%.3f", len(d.Stories), p, r, f, bp, br)
	if f < 0.90 || 2*bp*br/(bp+br) < 0.90 {
		t.Errorf("pairwise F1 %.3f, BCubed F1 %.3f: want both ≥ 0.90", f, 2*bp*br/(bp+br))
	}
	events := map[string]map[string]bool{} // story → its gold events
	for id, s := range story {
		if events[s] == nil {
			events[s] = map[string]bool{}
		}
		events[s][ml.Event[id]] = true
	}
	for s, evs := range events {
		for e := range evs {
			if main := ml.Mirrors[e]; main != "" && evs[main] {
				t.Errorf("story %s holds %s and its look-alike %s", s, main, e)
			}
		}
	}
	if share := float64(detected) / float64(len(story)); share < 0.99 {
		t.Errorf("language told right for %.3f of the pages, want ≥ 0.99", share)
	}
}

// pairScores scores predicted groups against gold as score_clusters.py
// does: over all pairs of articles.
func pairScores(pred, gold map[string]string) (p, r, f float64) {
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	var tp, fp, fn int
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			sp, sg := pred[ids[i]] == pred[ids[j]], gold[ids[i]] == gold[ids[j]]
			switch {
			case sp && sg:
				tp++
			case sp:
				fp++
			case sg:
				fn++
			}
		}
	}
	p, r = float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn))
	return p, r, 2 * p * r / max(1e-9, p+r)
}

// bcubed is BCubed precision and recall: for each article, the share of
// its story in its event and of its event in its story.
func bcubed(pred, gold map[string]string) (p, r float64) {
	for a := range gold {
		same, inStory, inEvent := 0, 0, 0
		for b := range gold {
			sp, sg := pred[a] == pred[b], gold[a] == gold[b]
			if sp {
				inStory++
			}
			if sg {
				inEvent++
			}
			if sp && sg {
				same++
			}
		}
		p += float64(same) / float64(inStory)
		r += float64(same) / float64(inEvent)
	}
	return p / float64(len(gold)), r / float64(len(gold))
}

// BenchmarkMultilingualGroup times copy marking and clustering of
// multilingual-dev's 157 analysed pages in 13 languages, where anchors
// are read and linked: the cost the multilingual work adds per article.
func BenchmarkMultilingualGroup(b *testing.B) {
	ml := shareddata.MultilingualDev(b)
	var arts []news.Analyzed
	for a, err := range Analyzed([]string{ml.Path}, nil, DefaultOptions()) {
		if err == nil {
			arts = append(arts, a)
		}
	}
	so := DefaultStoryOptions()
	b.ResetTimer()
	for b.Loop() {
		group(slices.Clone(arts), so)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(arts)), "µs/article")
}

// BenchmarkMultilingualAnalyze times cleaning and analysing the same
// pages, each in its own language.
func BenchmarkMultilingualAnalyze(b *testing.B) {
	ml := shareddata.MultilingualDev(b)
	n := 0
	for b.Loop() {
		n = 0
		for _, err := range Analyzed([]string{ml.Path}, nil, DefaultOptions()) {
			if err == nil {
				n++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/article")
}
