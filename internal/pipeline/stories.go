package pipeline

import (
	"cmp"
	"io"
	"slices"

	"github.com/chorusnews/chorus/internal/cluster"
	"github.com/chorusnews/chorus/internal/dedup"
	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/news"
)

// StoryOptions configures the story stages.
type StoryOptions struct {
	Dedup   dedup.Options
	Cluster cluster.Options
	Digest  digest.Options
}

// DefaultStoryOptions are the measured defaults of the story stages.
func DefaultStoryOptions() StoryOptions {
	return StoryOptions{Dedup: dedup.DefaultOptions(), Cluster: cluster.DefaultOptions(), Digest: digest.DefaultOptions()}
}

// Digest reads, cleans and analyses every input, marks copies, groups the
// articles into stories and digests each story. Inputs that fail are listed
// in the digest's errors.
func Digest(paths []string, stdin io.Reader, o Options, so StoryOptions) news.Digest {
	d := news.Digest{Version: news.DigestVersion, Articles: []news.StoryArticle{}, Stories: []news.Story{}, Errors: []news.ErrorEntry{}}
	var arts []news.Analyzed
	seen := map[string]bool{}
	for a, err := range Analyzed(paths, stdin, o) {
		if err != nil {
			d.Errors = append(d.Errors, errorEntry(err))
			continue
		}
		if seen[a.ID] {
			continue // the same input given twice
		}
		seen[a.ID] = true
		arts = append(arts, a)
	}
	return Stories(arts, so, d)
}

// Stories groups analysed articles into digested stories, adding them to d.
func Stories(arts []news.Analyzed, so StoryOptions, d news.Digest) news.Digest {
	groups := group(arts, so)
	byID := make(map[string]int, len(arts))
	for i, a := range arts {
		byID[a.ID] = i
	}
	storyOf := map[string]string{}
	for _, g := range groups {
		for _, id := range g.Articles {
			storyOf[id] = g.ID
		}
		d.Stories = append(d.Stories, digest.Build(g.ID, members(g, arts, byID), so.Digest))
	}
	// Most covered first, then newest.
	slices.SortStableFunc(d.Stories, func(a, b news.Story) int {
		return cmp.Or(cmp.Compare(len(b.Articles), len(a.Articles)), cmp.Compare(b.LastPublished, a.LastPublished), cmp.Compare(a.ID, b.ID))
	})
	for _, a := range arts {
		d.Articles = append(d.Articles, news.StoryArticle{Analyzed: a, Story: storyOf[a.ID]})
	}
	return d
}

// group marks copies (setting DuplicateOf) and clusters the articles, which
// it sorts by publication: that makes the first of a set of copies the
// original and the stories independent of the order the inputs came in.
func group(arts []news.Analyzed, so StoryOptions) []cluster.Story {
	slices.SortStableFunc(arts, func(a, b news.Analyzed) int {
		return cmp.Or(cmp.Compare(a.Published, b.Published), cmp.Compare(a.ID, b.ID))
	})
	copies := dedup.NewIndex(so.Dedup)
	sigs := make([]dedup.Signature, len(arts))
	onEveryCore(len(arts), func(i int) { sigs[i] = dedup.Sign(arts[i].Text, so.Dedup) })
	docs := make([]cluster.Doc, len(arts))
	for i := range arts {
		arts[i].DuplicateOf = copies.AddSigned(arts[i].ID, news.ParseTime(arts[i].Published), sigs[i])
		docs[i] = clusterDoc(arts[i])
	}
	return cluster.Cluster(docs, so.Cluster)
}

// members returns a group's articles in its order.
func members(g cluster.Story, arts []news.Analyzed, byID map[string]int) []news.Analyzed {
	out := make([]news.Analyzed, 0, len(g.Articles))
	for _, id := range g.Articles {
		out = append(out, arts[byID[id]])
	}
	return out
}

func clusterDoc(a news.Analyzed) cluster.Doc {
	doc := cluster.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Language: a.Language, DuplicateOf: a.DuplicateOf}
	doc.Published, doc.Day = news.ParseWhen(a.Published)
	for _, e := range a.Entities {
		// People and organisations tell events apart; places are shared by
		// every story from a country.
		if e.Key != "" && (e.Type == news.Person || e.Type == news.Organization) {
			doc.Entities = append(doc.Entities, e.Key)
		}
	}
	return doc
}
