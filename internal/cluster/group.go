package cluster

import (
	"cmp"
	"slices"
)

// component returns the articles linked to i, directly or not.
func (c *Clusterer) component(i int) []int {
	seen := map[int]bool{i: true}
	queue := []int{i}
	for k := 0; k < len(queue); k++ {
		for j := range c.all[queue[k]].edges {
			if !seen[j] {
				seen[j] = true
				queue = append(queue, j)
			}
		}
	}
	slices.Sort(queue)
	return queue
}

// regroup rebuilds the stories of the given articles (all when nil) by
// average-link agglomeration over their links, strongest first.
func (c *Clusterer) regroup(members []int) {
	if members == nil {
		members = make([]int, len(c.all))
		for i := range members {
			members[i] = i
		}
	}
	type edge struct {
		a, b int
		s    float64
	}
	var edges []edge
	group := map[int][]int{}
	for _, i := range members {
		delete(c.stories, c.all[i].story)
		c.all[i].story = i
		group[i] = []int{i}
		c.all[i].near = c.surroundings(i)
	}
	for _, i := range members {
		for j := range c.all[i].edges {
			if s := c.link(i, j); j > i && s >= c.o.Threshold {
				edges = append(edges, edge{i, j, s})
			}
		}
	}
	slices.SortFunc(edges, func(x, y edge) int {
		return cmp.Or(cmp.Compare(y.s, x.s), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	intra := map[int]cohesion{}
	// Two groups that failed to join fail again on every other link
	// between them until one of them grows: a dense story's many links
	// would otherwise average the same two groups over and over, a cost
	// of the fourth power of its size. Each group has a version, renewed
	// when it grows, and a failure is remembered with the versions it
	// was judged at.
	version := map[int]int{}
	versions := 0
	failed := map[[2]int][2]int{}
	for _, e := range edges {
		ga, gb := c.all[e.a].story, c.all[e.b].story
		if ga == gb {
			continue
		}
		pair := [2]int{min(ga, gb), max(ga, gb)}
		if v, ok := failed[pair]; ok && v == [2]int{version[pair[0]], version[pair[1]]} {
			continue
		}
		total, inside := 0.0, cohesion{}
		dated, near := 0, 0 // pairs of dated articles, and those within the window
		for _, x := range group[ga] {
			for _, y := range group[gb] {
				s := c.link(x, y)
				total += s
				if !c.all[x].at.IsZero() && !c.all[y].at.IsZero() {
					dated++
					if c.timeFactor(c.all[x], c.all[y]) > 0 {
						near++
					}
				}
				// A copy and its original are alike by construction, not
				// by telling the same event: they say nothing of how
				// tight a story is. Nor do two articles in different
				// languages, linked by the little they share rather than
				// by their words: set beside links of words, they would
				// keep every story in one language.
				if c.all[x].head != c.all[y].head && sameLanguage(c.all[x], c.all[y]) {
					inside.sum += s
					inside.pairs++
				}
			}
		}
		across := total / float64(len(group[ga])*len(group[gb]))
		// Undated articles may be of any day, but they do not make one
		// story of two whose dated articles are all weeks apart: that is
		// how the next rate cut or the second launch would join the first.
		apart := dated > 0 && near == 0
		if across < c.o.Threshold || apart || !c.cohesive(inside, intra[ga], intra[gb]) {
			failed[pair] = [2]int{version[pair[0]], version[pair[1]]}
			continue
		}
		keep, gone := pair[0], pair[1]
		versions++
		version[keep] = versions
		for _, y := range group[gone] {
			c.all[y].story = keep
		}
		intra[keep] = cohesion{intra[ga].sum + intra[gb].sum + inside.sum, intra[ga].pairs + intra[gb].pairs + inside.pairs}
		delete(intra, gone)
		group[keep] = append(group[keep], group[gone]...)
		delete(group, gone)
	}
	for g, ms := range group {
		slices.Sort(ms)
		c.stories[g] = ms
	}
}

// link is how alike two linked articles count as being: their similarity,
// raised by Contrast when it stands out from the surroundings of both. The
// surroundings of every article of the regrouped component are set first;
// the component holds all their neighbours, so the links, and the stories,
// depend on which articles there are, not on their order.
func (c *Clusterer) link(a, b int) float64 {
	s := c.all[a].edges[b]
	x, y := c.all[a], c.all[b]
	if c.o.Contrast <= 0 || x.head == y.head {
		// A copy is as alike as can be already.
		return s
	}
	return s + c.o.Contrast*max(0, s-max(x.near, y.near))
}

// surroundings returns the similarity of article i's ContrastRank-th
// nearest report: the level a link of its must rise above to stand out.
// Copies of one original are one report, and i's own copies none. When i
// has fewer neighbours it is the least link kept, which the missing ones
// fall below.
func (c *Clusterer) surroundings(i int) float64 {
	floor := c.o.Threshold / 2
	k := c.o.ContrastRank
	if c.o.Contrast <= 0 || k <= 0 || len(c.all[i].edges) < k {
		return floor
	}
	own := c.all[i].head
	vs := c.voices[:0]
	for j, s := range c.all[i].edges {
		if h := c.all[j].head; h != own {
			vs = append(vs, voice{h, s})
		}
	}
	// Strongest first within each original; keep one per original.
	slices.SortFunc(vs, func(a, b voice) int { return cmp.Or(cmp.Compare(a.head, b.head), cmp.Compare(b.s, a.s)) })
	vs = slices.CompactFunc(vs, func(a, b voice) bool { return a.head == b.head })
	c.voices = vs
	if len(vs) < k {
		return floor
	}
	slices.SortFunc(vs, func(a, b voice) int { return cmp.Compare(b.s, a.s) })
	return max(floor, vs[k-1].s)
}

// voice is one report among an article's neighbours: the original its
// articles copy, and the nearest of them.
type voice struct {
	head int
	s    float64
}

// cohesion sums the links of the pairs of articles inside a story or
// across two, copies and pairs of different languages apart.
type cohesion struct {
	sum   float64
	pairs int
}

// cohesive reports whether two groups, alike across as given, are alike
// enough to be one story. A single article — or an article with its
// copies — has no cohesion to keep, and two groups with no language in
// common none that their links could be set beside: joining them is the
// threshold's business alone.
func (c *Clusterer) cohesive(across, a, b cohesion) bool {
	if c.o.Cohesion <= 0 || a.pairs == 0 || b.pairs == 0 || across.pairs == 0 {
		return true
	}
	tighter := max(a.sum/float64(a.pairs), b.sum/float64(b.pairs))
	return across.sum/float64(across.pairs) >= c.o.Cohesion*tighter
}
