package cluster

import (
	"cmp"
	"container/heap"
	"maps"
	"slices"
	"time"
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
// average-link agglomeration: the two groups whose articles are most alike
// on average join first, again and again, while that average clears the
// threshold and the guards below let them. Joining the best pair of
// groups, not the groups of the strongest single link, matters for an
// article that is like two stories at once (an undated report of a plane
// crash that recalls the mutiny two months before): it joins the story it
// is like on average, once both have formed.
func (c *Clusterer) regroup(members []int) {
	if members == nil {
		members = make([]int, len(c.all))
		for i := range members {
			members[i] = i
		}
	}
	a := newAgglomeration(c, members)
	for {
		p, ok := a.best()
		if !ok {
			break
		}
		across := a.across(p.a, p.b)
		if a.apart(a.dates[p.a], a.dates[p.b]) || !a.cohesive(p, across) {
			a.refuse(p)
			a.offer(p.owner)
			continue
		}
		a.join(p.a, p.b, across)
	}
	a.refine()
	for g, ms := range a.group {
		slices.Sort(ms)
		c.stories[g] = ms
	}
}

// agglomeration is the state of regroup: the groups, the sums of the links
// between each two that have any, and for each group the pair it makes
// with the group most like it, waiting to be judged. Queueing each group's
// best pair alone, not every pair, keeps the queue to the number of
// groups: a story of a thousand close reports would otherwise queue a
// pair for each two of them. A pair whose groups changed since is judged
// again when it comes up.
type agglomeration struct {
	c       *Clusterer
	group   map[int][]int           // group (its first article) → articles
	dates   map[int][]time.Time     // group → its dated articles' times, sorted
	intra   map[int]cohesions       // group → its own cohesion
	sums    map[int]map[int]float64 // group → neighbour group → sum of links across
	version map[int]int             // group → its version, renewed when it grows
	failed  map[[2]int][2]int       // pair → the versions the guards refused it at
	queue   pairQueue
}

func newAgglomeration(c *Clusterer, members []int) *agglomeration {
	a := &agglomeration{c: c, group: map[int][]int{}, dates: map[int][]time.Time{}, intra: map[int]cohesions{},
		sums: map[int]map[int]float64{}, version: map[int]int{}, failed: map[[2]int][2]int{}}
	for _, i := range members {
		delete(c.stories, c.all[i].story)
		c.all[i].story = i
		a.group[i] = []int{i}
		if t := c.all[i].at; !t.IsZero() {
			a.dates[i] = []time.Time{t}
		}
		c.all[i].near = c.surroundings(i)
	}
	for _, i := range members {
		for j, sim := range c.all[i].edges {
			if j > i {
				a.add(i, j, c.linkOf(i, j, sim))
			}
		}
	}
	for _, g := range members {
		a.offer(g)
	}
	return a
}

func (a *agglomeration) add(g, h int, s float64) {
	for _, x := range [2][2]int{{g, h}, {h, g}} {
		if a.sums[x[0]] == nil {
			a.sums[x[0]] = map[int]float64{}
		}
		a.sums[x[0]][x[1]] += s
	}
}

// offer queues group g's best pair: with the group most like it on
// average, when that clears the threshold and the guards have not refused
// the two as they are.
func (a *agglomeration) offer(g int) {
	best := pair{owner: g, avg: -1}
	n := float64(len(a.group[g]))
	for h, sum := range a.sums[g] {
		avg := sum / (n * float64(len(a.group[h])))
		p := pair{a: min(g, h), b: max(g, h), avg: avg, owner: g}
		p.va, p.vb = a.version[p.a], a.version[p.b]
		if avg < a.c.o.Threshold || a.refused(p) {
			continue
		}
		if best.avg < 0 || pairBefore(p, best) {
			best = p
		}
	}
	if best.avg >= 0 {
		heap.Push(&a.queue, best)
	}
}

// refuse remembers that the guards refused the pair as its groups stand.
func (a *agglomeration) refuse(p pair) {
	a.failed[[2]int{p.a, p.b}] = [2]int{p.va, p.vb}
}

// refused tells whether the guards refused the pair at its versions.
func (a *agglomeration) refused(p pair) bool {
	v, ok := a.failed[[2]int{p.a, p.b}]
	return ok && v == [2]int{p.va, p.vb}
}

// best returns the most alike pair of groups as they stand, queueing
// again the best pair of a group whose queued pair went stale.
func (a *agglomeration) best() (pair, bool) {
	for a.queue.Len() > 0 {
		p := heap.Pop(&a.queue).(pair)
		if a.group[p.owner] == nil {
			continue // merged away: its pairs are its new group's
		}
		if a.group[p.a] == nil || a.group[p.b] == nil || a.version[p.a] != p.va || a.version[p.b] != p.vb || a.refused(p) {
			a.offer(p.owner)
			continue
		}
		return p, true
	}
	return pair{}, false
}

// cohesive applies the cohesion guard to two groups in each language they
// share: two tight stories of one language stay apart unless alike enough
// across (see Clusterer.cohesive).
func (a *agglomeration) cohesive(p pair, across cohesions) bool {
	for lang, x := range across {
		if !a.c.cohesive(x, a.intra[p.a][lang], a.intra[p.b][lang]) {
			return false
		}
	}
	return true
}

// apart tells whether no dated article of one group is within the window
// of a dated article of the other. Undated articles may be of any day, but
// they do not make one story of two whose dated articles are all weeks
// apart: that is how the next rate cut or the second launch would join
// the first.
func (a *agglomeration) apart(x, y []time.Time) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	window := time.Duration(a.c.o.Window * 24 * float64(time.Hour))
	for _, t := range x {
		k, _ := slices.BinarySearchFunc(y, t, time.Time.Compare)
		if k < len(y) && y[k].Sub(t) <= window || k > 0 && t.Sub(y[k-1]) <= window {
			return false
		}
	}
	return true
}

// across sums the links between two groups that say how tight a story
// would be, by language: not a copy and its original, which are alike by
// construction, nor two articles in different languages, linked by the
// little they share rather than by their words — set beside links of
// words, they would keep every story in one language.
func (a *agglomeration) across(g, h int) cohesions {
	out := cohesions{}
	for _, x := range a.group[g] {
		for _, y := range a.group[h] {
			if a.c.all[x].head != a.c.all[y].head && sameLanguage(a.c.all[x], a.c.all[y]) {
				k := out[a.c.all[x].lang]
				k.sum += a.c.link(x, y)
				k.pairs++
				out[a.c.all[x].lang] = k
			}
		}
	}
	return out
}

// refine moves each article whose links are stronger, on average, with
// another story than with the rest of its own. Agglomeration joins groups
// in the order of their averages, and an article like two stories at once
// may have joined one, through an article like it, before the other had
// formed. A copy moves with its original. A few passes settle it.
func (a *agglomeration) refine() {
	units := map[int][]int{} // original → it and its copies
	for _, ms := range a.group {
		for _, m := range ms {
			h := a.c.all[m].head
			units[h] = append(units[h], m)
		}
	}
	heads := slices.Sorted(maps.Keys(units))
	for _, h := range heads {
		slices.Sort(units[h])
	}
	sums := map[int]float64{} // story → the unit's links to it; reused
	for range 3 {
		moved := false
		for _, h := range heads {
			u := units[h]
			own := a.c.all[h].story
			if len(a.group[own]) == len(u) {
				continue // alone in its story: agglomeration has judged it
			}
			clear(sums)
			for _, x := range u {
				for y, sim := range a.c.all[x].edges {
					if a.c.all[y].head != h {
						sums[a.c.all[y].story] += a.c.linkOf(x, y, sim)
					}
				}
			}
			avg := func(g int) float64 {
				n := len(a.group[g])
				if g == own {
					n -= len(u)
				}
				return sums[g] / float64(len(u)*n)
			}
			// The best other story, ties to the first: map order must
			// not decide.
			best, bestAvg := own, avg(own)
			for g := range sums {
				v := avg(g)
				if g == own || v < a.c.o.Threshold {
					continue
				}
				if best == own && v > bestAvg+refineMargin || best != own && (v > bestAvg || v == bestAvg && g < best) {
					best, bestAvg = g, v
				}
			}
			if best == own || a.apart(datesOf(a.c, u), a.dates[best]) {
				continue
			}
			a.move(u, own, best)
			moved = true
		}
		if !moved {
			break
		}
	}
}

// move takes the articles u from story from to story to.
func (a *agglomeration) move(u []int, from, to int) {
	a.group[from] = slices.DeleteFunc(a.group[from], func(m int) bool { return slices.Contains(u, m) })
	a.group[to] = append(a.group[to], u...)
	for _, m := range u {
		a.c.all[m].story = to
	}
	a.dates[from] = datesOf(a.c, a.group[from])
	a.dates[to] = mergeTimes(a.dates[to], datesOf(a.c, u))
	if len(a.group[from]) == 0 {
		delete(a.group, from)
		return
	}
	// A story is named by its first article: when that one left, the
	// story goes on under the first that stayed.
	if first := slices.Min(a.group[from]); first != from {
		for _, m := range a.group[from] {
			a.c.all[m].story = first
		}
		a.group[first], a.dates[first] = a.group[from], a.dates[from]
		delete(a.group, from)
		delete(a.dates, from)
	}
}

// datesOf returns the times of the dated articles among ms, sorted.
func datesOf(c *Clusterer, ms []int) []time.Time {
	var out []time.Time
	for _, m := range ms {
		if t := c.all[m].at; !t.IsZero() {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// join merges group gone into group keep, the links across adding to its
// cohesion, and queues keep's new pairs.
func (a *agglomeration) join(keep, gone int, across cohesions) {
	for _, y := range a.group[gone] {
		a.c.all[y].story = keep
	}
	merged := cohesions{}
	for _, part := range []cohesions{a.intra[keep], a.intra[gone], across} {
		for lang, x := range part {
			m := merged[lang]
			m.sum += x.sum
			m.pairs += x.pairs
			merged[lang] = m
		}
	}
	a.intra[keep] = merged
	delete(a.intra, gone)
	a.group[keep] = append(a.group[keep], a.group[gone]...)
	delete(a.group, gone)
	a.dates[keep] = mergeTimes(a.dates[keep], a.dates[gone])
	delete(a.dates, gone)
	for h, s := range a.sums[gone] {
		delete(a.sums[h], gone)
		if h != keep {
			a.add(keep, h, s)
		}
	}
	delete(a.sums, gone)
	delete(a.sums[keep], gone)
	a.version[keep]++
	a.offer(keep)
}

func mergeTimes(x, y []time.Time) []time.Time {
	out := append(x, y...)
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// pair is two groups waiting to be judged, with their average link, the
// versions it was taken at and the group whose best pair it is.
type pair struct {
	a, b   int
	avg    float64
	va, vb int
	owner  int
}

// pairBefore orders pairs by average link, best first, ties by the groups'
// first articles, so that the stories do not depend on map order.
func pairBefore(p, q pair) bool {
	return cmp.Or(cmp.Compare(q.avg, p.avg), cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b)) < 0
}

// pairQueue orders pairs as pairBefore does.
type pairQueue []pair

func (q pairQueue) Len() int           { return len(q) }
func (q pairQueue) Less(i, j int) bool { return pairBefore(q[i], q[j]) }
func (q pairQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *pairQueue) Push(x any)        { *q = append(*q, x.(pair)) }
func (q *pairQueue) Pop() any {
	old := *q
	p := old[len(old)-1]
	*q = old[:len(old)-1]
	return p
}

// link is how alike two linked articles count as being: their similarity,
// raised by Contrast when it stands out from the surroundings of both. The
// surroundings of every article of the regrouped component are set first;
// the component holds all their neighbours, so the links, and the stories,
// depend on which articles there are, not on their order.
func (c *Clusterer) link(a, b int) float64 {
	return c.linkOf(a, b, c.all[a].edges[b])
}

// linkOf is link for a pair whose similarity s is known.
func (c *Clusterer) linkOf(a, b int, s float64) float64 {
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
// across two, in one language, copies apart.
// cohesions are a story's or a pair's cohesion in each language.
type cohesions map[string]cohesion

type cohesion struct {
	sum   float64
	pairs int
}

// cohesive reports whether two groups, alike across as given, are alike
// enough to be one story, all in one language. A single article — or an
// article with its copies — has no cohesion to keep: joining a story is the
// threshold's business alone.
func (c *Clusterer) cohesive(across, a, b cohesion) bool {
	if c.o.Cohesion <= 0 || a.pairs == 0 || b.pairs == 0 || across.pairs == 0 {
		return true
	}
	tighter := max(a.sum/float64(a.pairs), b.sum/float64(b.pairs))
	return across.sum/float64(across.pairs) >= c.o.Cohesion*tighter
}

// refineMargin is how much more alike on average an article must be with
// another story to move there: a hair, so that ties stay put.
const refineMargin = 0.02
