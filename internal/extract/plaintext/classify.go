package plaintext

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// classify gives each block its verdict from its own features.
func classify(b *block, o Options) {
	switch {
	case b.boiler || b.caption || b.term || b.linky:
		b.class = classBad
	case b.cjk || b.unlisted:
		// Without function words to count, length and punctuation decide;
		// ideographs carry about twice what a letter does.
		low, high := o.LengthLow, o.LengthHigh
		if b.cjk {
			low, high = low/2, high/2
		}
		switch {
		case b.runes >= high && b.endsClause:
			b.class = classGood
		case b.runes >= low:
			b.class = classNearGood
		default:
			b.class = classShort
		}
	case b.runes < o.LengthLow:
		b.class = classShort
	case b.stopDensity >= o.StopwordsHigh:
		if b.runes > o.LengthHigh {
			b.class = classGood
		} else {
			b.class = classNearGood
		}
	case b.stopDensity >= o.StopwordsLow:
		b.class = classNearGood
	default:
		b.class = classBad
	}
}

// calibrate fits the stop-word bars to the page's language. Our lists cover
// some languages more fully than others, so the bars follow the density of
// the page's own longest lines; a page in a language the lists miss is
// judged without stop words at all.
func calibrate(bs []block, o Options) Options {
	var dens []float64
	for _, b := range bs {
		if b.runes >= o.LengthLow && !b.cjk && !b.boiler {
			dens = append(dens, b.stopDensity)
		}
	}
	if len(dens) == 0 {
		return o
	}
	slices.Sort(dens)
	median := dens[len(dens)/2]
	if median < 0.05 {
		for i := range bs {
			bs[i].unlisted = true
		}
		return o
	}
	o.StopwordsHigh = min(o.StopwordsHigh, 0.7*median)
	o.StopwordsLow = min(o.StopwordsLow, 0.6*median)
	return o
}

// reviseByContext settles short and near-good blocks by their neighbours,
// as jusText does: a short line between two good ones (a subheading, a
// one-line quote) is good; between furniture it is furniture.
func reviseByContext(bs []block, o Options) {
	promoteNearGoodRuns(bs, o)
	cls := make([]class, len(bs))
	for i := range bs {
		cls[i] = bs[i].class
	}
	neighbour := func(i, step int, skipNearGood bool) class {
		for j := i + step; j >= 0 && j < len(bs); j += step {
			c := cls[j]
			// An embedded link (a tweet, a video) says nothing of its
			// neighbours, nor does a time stamp (a live blog's entries).
			if c == classShort || skipNearGood && c == classNearGood || bs[j].linky || bs[j].clock {
				continue
			}
			return c
		}
		return classBad
	}
	// Unlike jusText, which sees links, we only let a near-good line vouch
	// for the short line right beside it: in a text dump a menu is a long
	// column of short lines that would otherwise all ride on one near-good
	// page title.
	adjacent := func(i, step int) class {
		for j := i + step; j >= 0 && j < len(bs); j += step {
			if !bs[j].neutral() {
				return cls[j]
			}
		}
		return classBad
	}
	for i := range bs {
		if cls[i] != classShort {
			continue
		}
		prev, next := neighbour(i, -1, true), neighbour(i, 1, true)
		switch {
		case prev == classGood && next == classGood:
			bs[i].class = classGood
		case prev == classBad && next == classBad:
			bs[i].class = classBad
		case prev == classBad && adjacent(i, -1) == classNearGood,
			next == classBad && adjacent(i, 1) == classNearGood:
			bs[i].class = classGood
		case prev == classGood && quotedSentence(bs[i]):
			// A line of speech after prose ("“You tell me,” he said.")
			// is the article's, even as its last line: furniture is not
			// quoted speech.
			bs[i].class = classGood
		default:
			bs[i].class = classBad
		}
	}
	for i := range bs {
		if cls[i] != classNearGood {
			continue
		}
		prev, next := neighbour(i, -1, true), neighbour(i, 1, true)
		if prev == classBad && next == classBad {
			bs[i].class = classBad
		} else {
			bs[i].class = classGood
		}
	}
}

// promoteNearGoodRuns makes good the near-good blocks of a run of several:
// one-sentence paragraphs in a row are prose, even when none of them is long
// enough to be good on its own (the tabloid style).
func promoteNearGoodRuns(bs []block, o Options) {
	for i := 0; i < len(bs); {
		if bs[i].class != classNearGood {
			i++
			continue
		}
		j, n, runes := i, 0, 0
		for ; j < len(bs); j++ {
			c := bs[j].class
			if c == classNearGood {
				n++
				runes += bs[j].runes
			} else if c != classShort && !bs[j].neutral() {
				break
			}
		}
		if n >= 3 && runes >= 2*o.LengthHigh {
			for k := i; k < j; k++ {
				if bs[k].class == classNearGood {
					bs[k].class = classGood
				}
			}
		}
		i = j
	}
}

// mainRegion returns the span [start, end) of the article body: the run of
// good blocks with the most text. A run may be interrupted by furniture (an
// advert, a code listing, a "Read more" link) when the prose after it is
// substantial enough to be more of the same article, and is never continued
// past a terminator heading.
func mainRegion(bs []block, o Options) (int, int) {
	type run struct{ start, end, score, good int }
	var runs []run
	for i := 0; i < len(bs); {
		if bs[i].class != classGood {
			i++
			continue
		}
		r := run{start: i, end: i + 1, score: bs[i].runes, good: 1}
		gap := 0
		for j := i + 1; j < len(bs) && !bs[j].term; j++ {
			if bs[j].class == classGood {
				r.end, gap = j+1, 0
				r.score += bs[j].runes
				r.good++
				continue
			}
			if !bs[j].neutral() {
				gap++
			}
			if gap > o.MaxGap {
				break
			}
		}
		runs = append(runs, r)
		i = r.end
	}
	if len(runs) == 0 {
		return 0, 0
	}
	// Prose after a terminator heading that itself follows prose is most
	// likely the teasers of other stories: it must weigh twice as much to
	// be taken for the article.
	best, bestScore := 0, 0
	prose, afterTerm := 0, false
	next := 0
	for k, r := range runs {
		for ; next < r.start; next++ {
			if bs[next].term && prose >= o.LengthHigh {
				afterTerm = true
			}
		}
		score := r.score
		if afterTerm {
			score /= 2
		}
		if score > bestScore {
			best, bestScore = k, score
		}
		prose += r.score
		next = r.end
	}
	// Join the runs around the best one while the furniture between is
	// outweighed by the prose it separates.
	joinable := func(a, b run) bool {
		gap := 0
		for j := a.end; j < b.start; j++ {
			if bs[j].term {
				return false
			}
			if !bs[j].neutral() {
				gap++
			}
		}
		return b.score >= 2*o.LengthHigh && gap <= o.MaxGap+2*b.good || gap <= o.MaxGap
	}
	lo, hi := best, best
	main := runs[best]
	for hi+1 < len(runs) && joinable(main, runs[hi+1]) {
		hi++
		main.end, main.score, main.good = runs[hi].end, main.score+runs[hi].score, main.good+runs[hi].good
	}
	for lo > 0 && joinable(runs[lo-1], main) {
		lo--
		main.start = runs[lo].start
	}
	return main.start, main.end
}

// quotedSentence tells a line that is a whole sentence of reported
// speech: it ends with a stop (inside closing marks or not) and holds a
// quotation of several words, opened at a word's start. Scare quotes
// around one word, inch marks and arrows ("« Previous Post") are not.
func quotedSentence(b block) bool {
	if b.words < 3 {
		return false
	}
	end := strings.TrimRight(b.text, " ”\"’»")
	if r, _ := utf8.DecodeLastRuneInString(end); !strings.ContainsRune(".!?…", r) {
		return false
	}
	return hasQuotation(b.text)
}

// hasQuotation tells whether text holds a quotation of two words or more:
// an opening mark at the start or after a space or bracket, and a closing
// mark after it with a space between.
func hasQuotation(text string) bool {
	for i, r := range text {
		if !strings.ContainsRune("“\"«„", r) {
			continue
		}
		if i > 0 {
			if p, _ := utf8.DecodeLastRuneInString(text[:i]); p != ' ' && p != '(' && p != '[' {
				continue
			}
		}
		rest := text[i+utf8.RuneLen(r):]
		closeAt := strings.IndexAny(rest, "”\"»“")
		if closeAt > 0 && strings.Contains(rest[:closeAt], " ") {
			return true
		}
	}
	return false
}
