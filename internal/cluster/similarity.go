package cluster

import (
	"math"
	"time"
)

// similarity is how alike two articles are as reports of one event: the
// signals below, discounted by the time between them. Two articles in one
// language compare their words; in two languages (or one of them not
// known), also the terms they can still share — names, places, figures,
// dates — scaled by CrossWeight to stand beside the cosine of words.
func (c *Clusterer) similarity(a, b *doc) float64 {
	decay := c.timeFactor(a, b)
	if decay == 0 {
		return 0
	}
	s := cosine(a.vec, b.vec)
	if c.o.CrossWeight > 0 && a.lang != b.lang {
		s = max(s, c.o.CrossWeight*cosine(a.anchors, b.anchors))
	}
	if ordinalsClash(a, b) {
		s *= c.o.OrdinalClash
	}
	return s * decay
}

// sameLanguage tells whether two articles are known to be in one language,
// where their words say all their anchors would. An article whose
// language is not known is compared both ways.
func sameLanguage(a, b *doc) bool {
	return a.lang == b.lang && a.lang != ""
}

// cosine is the dot product of two unit vectors sorted by term.
func cosine(x, y []entry) float64 {
	dot := 0.0
	for len(x) > 0 && len(y) > 0 {
		switch {
		case x[0].term == y[0].term:
			dot += float64(x[0].weight) * float64(y[0].weight)
			x, y = x[1:], y[1:]
		case x[0].term < y[0].term:
			x = x[1:]
		default:
			y = y[1:]
		}
	}
	return dot
}

// timeFactor discounts the link of two articles by the days between them:
// none within Grace, then decaying with TimeScale, and nothing beyond
// Window.
func (c *Clusterer) timeFactor(a, b *doc) float64 {
	if a.at.IsZero() || b.at.IsZero() {
		return 1
	}
	gap := c.daysApart(a, b)
	switch {
	case gap > c.o.Window:
		return 0
	case gap <= c.o.Grace:
		return 1
	}
	return math.Exp(-(gap - c.o.Grace) / c.o.TimeScale)
}

// daysApart is the time between two articles in days. A date without a
// time is the whole day, not its midnight: from a moment it is as far as
// its nearest end; from another day, NextDay for the next day, a day more
// for each day after.
func (c *Clusterer) daysApart(a, b *doc) float64 {
	if b.at.Before(a.at) {
		a, b = b, a
	}
	if a.day && b.day {
		days := math.Round(b.at.Sub(a.at).Hours() / 24)
		if days == 0 {
			return 0
		}
		return days - 1 + c.o.NextDay
	}
	end := a.at
	if a.day {
		end = end.Add(24 * time.Hour)
	}
	if !b.at.After(end) {
		return 0
	}
	return b.at.Sub(end).Hours() / 24
}

// ordinalsClash tells two undated articles whose leads say ordinals and
// none in common. Between dated articles the dates tell look-alikes apart,
// and ordinals in one event's reports differ often enough ("the second
// round, after the first") that they are not read there.
func ordinalsClash(a, b *doc) bool {
	return a.ordinals != 0 && b.ordinals != 0 && a.ordinals&b.ordinals == 0
}
