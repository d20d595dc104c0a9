package digest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// minPrecision is the share of flagged disagreements that must be true
// ones: an editor who finds one in ten false stops reading them.
const minPrecision = 0.90

// TestDisagreementLabels digests AllSides dev and multilingual dev as
// `chorus digest` does and scores the disagreements it flags against
// their labels in testdata. Every flagged disagreement must be labelled
// there, so that the labels stay complete as the rules change; none may
// have one article on two sides.
func TestDisagreementLabels(t *testing.T) {
	for _, set := range []struct {
		name, labels string
		path         func(t *testing.T) string // skips without ../shared
	}{
		{"AllSides dev", "testdata/allsides-disagreements.tsv", func(t *testing.T) string {
			shareddata.AllSides(t)
			return shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")
		}},
		{"multilingual dev", "testdata/multilingual-disagreements.tsv", func(t *testing.T) string {
			return shareddata.MultilingualDev(t).Path
		}},
	} {
		t.Run(set.name, func(t *testing.T) {
			labels := readDisagreementLabels(t, set.labels)
			d := pipeline.Digest([]string{set.path(t)}, nil, pipeline.DefaultOptions(), pipeline.DefaultStoryOptions())
			scoreDisagreements(t, d, labels)
		})
	}
}

// scoreDisagreements checks every disagreement of d against its label and
// the precision of them all.
func scoreDisagreements(t *testing.T, d news.Digest, labels map[string]bool) {
	flagged, correct := 0, 0
	for _, s := range d.Stories {
		for _, dg := range s.Disagreements {
			flagged++
			key := disagreementKey(s.ID, dg)
			if id, ok := articleOnTwoSides(dg); ok {
				t.Errorf("%s: article %s backs two sides", key, id)
			}
			if len(dg.Sentences) != len(dg.Claims) {
				t.Errorf("%s: %d sentences for %d claims", key, len(dg.Sentences), len(dg.Claims))
			}
			label, ok := labels[key]
			if !ok {
				t.Errorf("unlabelled disagreement; add a line to the label file:\n%s\t%s\t%s\t?\t?", s.ID, dg.Topic, claimsColumn(dg))
				continue
			}
			if label {
				correct++
			}
		}
	}
	if flagged == 0 {
		t.Fatal("no disagreement flagged")
	}
	precision := float64(correct) / float64(flagged)
	t.Logf("precision %.2f: %d of %d flagged disagreements true", precision, correct, flagged)
	if precision < minPrecision {
		t.Errorf("precision %.2f (%d of %d), want at least %.2f", precision, correct, flagged, minPrecision)
	}
}

// readDisagreementLabels reads the label file: by story and claims, whether
// the disagreement is a true one.
func readDisagreementLabels(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]bool{}
	for n, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "story\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 || f[3] != "true" && f[3] != "false" || strings.TrimSpace(f[4]) == "" {
			t.Fatalf("%s:%d: want story, topic, claims, true or false, and a reason: %q", path, n+1, line)
		}
		labels[f[0]+"\t"+f[1]+"\t"+f[2]] = f[3] == "true"
	}
	return labels
}

func disagreementKey(story string, dg news.Disagreement) string {
	return story + "\t" + dg.Topic + "\t" + claimsColumn(dg)
}

// claimsColumn writes the claims as the label file does: "more than
// 1,000 flights a-1 | at least 1,800 domestic flights a-2,a-3".
func claimsColumn(dg news.Disagreement) string {
	parts := make([]string, len(dg.Claims))
	for i, c := range dg.Claims {
		parts[i] = c.Text + " " + strings.Join(c.Articles, ",")
	}
	return strings.Join(parts, " | ")
}

// articleOnTwoSides returns an article that backs more than one claim.
func articleOnTwoSides(dg news.Disagreement) (string, bool) {
	side := map[string]int{}
	for i, c := range dg.Claims {
		for _, id := range c.Articles {
			if j, ok := side[id]; ok && j != i {
				return id, true
			}
			side[id] = i
		}
	}
	return "", false
}
