package digest

import (
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// bridgeStory is one council vote told by three outlets: each opens with
// the vote in its own words, and they share the cost and the traffic in
// the same phrases, in other places of their articles.
func bridgeStory() []news.Analyzed {
	return []news.Analyzed{
		art("daily", "Daily", "2021-03-02", "Council votes to rebuild the old bridge",
			"The town council voted on Tuesday to rebuild the old stone bridge over the river Lune after ten years of debate. "+
				"The rebuilding will cost 12 million euros, paid by the region and the town over five years. "+
				"Shops near the bridge fear that months of work will keep their customers away."),
		art("gazette", "Gazette", "2021-03-02", "Old bridge to be rebuilt",
			"Councillors backed plans on Tuesday evening to replace the crumbling Lune crossing, ending a decade of argument in the town hall. "+
				"The stone bridge, built in 1790, carries four thousand cars a day into the town centre. "+
				"Its rebuilding will cost 12 million euros, paid by the region and the town over five years."),
		art("herald", "Herald", "2021-03-03", "Lune bridge rebuild approved",
			"After a decade of wrangling, the town council finally approved a new bridge over the Lune in a vote on Tuesday. "+
				"Councillors voted to rebuild the old stone bridge, which carries four thousand cars a day, by a large majority."),
	}
}

// TestSummaryKeepsArticleOrder: two sentences of one article are told in
// the order the article tells them, whatever their weight.
func TestSummaryKeepsArticleOrder(t *testing.T) {
	arts := bridgeStory()
	type place struct{ art, sent int }
	at := map[string]place{} // sentence → where it is told
	for i, a := range arts {
		for k, sent := range strings.SplitAfter(a.Text, ". ") {
			at[strings.TrimSpace(sent)] = place{i, k}
		}
	}
	s := Build("s", arts, DefaultOptions())
	last := map[int]int{} // article → the place of its last sentence told
	for _, c := range s.Summary {
		p, ok := at[c.Text]
		if !ok {
			t.Fatalf("summary sentence %q is no sentence of the articles", c.Text)
		}
		if k, ok := last[p.art]; ok && k > p.sent {
			t.Errorf("sentence %d of %s told after its sentence %d: %q", p.sent, arts[p.art].ID, k, s.Summary)
		}
		last[p.art] = p.sent
	}
}

// TestSummarySkipsTrailingSentences: a sentence cut short ("…", "...")
// is not told, however central its words.
func TestSummarySkipsTrailingSentences(t *testing.T) {
	arts := bridgeStory()
	for i, cut := range []string{"...", "…"} {
		arts[i].Text = "The council voted on Tuesday to rebuild the old stone bridge over the Lune, which carries four thousand cars a day" + cut + " " + arts[i].Text
	}
	s := Build("s", arts, DefaultOptions())
	if len(s.Summary) == 0 {
		t.Fatal("no summary")
	}
	for _, c := range s.Summary {
		if strings.HasSuffix(c.Text, "...") || strings.HasSuffix(c.Text, "…") {
			t.Errorf("a sentence cut short is told: %q", c.Text)
		}
	}
}
