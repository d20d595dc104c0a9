package digest

import (
	"cmp"
	"slices"

	"github.com/chorusnews/chorus/internal/news"
)

// entities merges the articles' entities by their key, so spelling
// variants (Sergei/Sergey Lavrov) become one entity with aliases, listed by
// how many independent articles name them.
func (c *corpus) entities() []news.StoryEntity {
	type acc struct {
		e        news.StoryEntity
		names    map[string]int
		articles map[string]bool
		first    int
	}
	byKey := map[string]*acc{}
	var order []string
	for _, a := range c.arts {
		for _, e := range a.Entities {
			k := e.Key
			if k == "" {
				k = string(e.Type) + "|" + lowerTrim(e.Name)
			}
			x, ok := byKey[k]
			if !ok {
				x = &acc{e: news.StoryEntity{Type: e.Type}, names: map[string]int{}, articles: map[string]bool{}, first: len(order)}
				byKey[k] = x
				order = append(order, k)
			}
			x.names[e.Name] += max(e.Mentions, 1)
			for _, al := range e.Aliases {
				if _, seen := x.names[al]; !seen {
					x.names[al] = 0
				}
			}
			x.articles[a.ID] = true
			x.e.Mentions += e.Mentions
		}
	}
	out := make([]news.StoryEntity, 0, len(order))
	voices := make([]int, 0, len(order))
	for _, k := range order {
		x := byKey[k]
		x.e.Name = mostUsed(x.names, true)
		x.e.Aliases = []string{}
		for n := range x.names {
			if n != x.e.Name {
				x.e.Aliases = append(x.e.Aliases, n)
			}
		}
		slices.Sort(x.e.Aliases)
		x.e.Articles = sortedKeys(x.articles)
		out = append(out, x.e)
		voices = append(voices, c.voices(x.e.Articles))
	}
	// Sorting the positions, with each entity's voices counted once,
	// orders the entities as sorting them would.
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(voices[b], voices[a]), cmp.Compare(out[b].Mentions, out[a].Mentions))
	})
	sorted := make([]news.StoryEntity, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	return sorted
}
