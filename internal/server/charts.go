package server

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/outlets"
)

// coverageChart draws, as inline SVG, how many articles each outlet gave
// the story, in which languages, and by each column of the user's outlet
// file (country, lean, owner…) when there is one.
func coverageChart(arts []news.StoryArticle, table *outlets.Table) template.HTML {
	byOutlet := map[string]int{}
	byLang := map[string]int{}
	for _, a := range arts {
		o := a.Outlet
		if o == "" {
			o = "outlet not named"
		}
		byOutlet[o]++
		l := news.LangCode(a.Language)
		if l == "" {
			l = "unknown"
		}
		byLang[l]++
	}
	var b strings.Builder
	barChart(&b, "Articles by outlet", byOutlet)
	barChart(&b, "Articles by language", byLang)
	if table != nil {
		sources := make([]outlets.Source, len(arts))
		for i, a := range arts {
			sources[i] = outlets.Source{Outlet: a.Outlet, URL: a.URL}
		}
		for _, column := range table.Columns() {
			counts := table.Count(column, sources)
			if n, ok := counts[""]; ok {
				delete(counts, "")
				counts["not in the outlet file"] = n
			}
			barChart(&b, "Articles by "+column, counts)
		}
	}
	return template.HTML(b.String())
}

// barChart draws one horizontal bar a key, the longest first.
func barChart(b *strings.Builder, title string, m map[string]int) {
	keys := make([]string, 0, len(m))
	most := 1
	for k, n := range m {
		keys = append(keys, k)
		most = max(most, n)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if m[x] != m[y] {
			return m[y] - m[x]
		}
		return strings.Compare(x, y)
	})
	h := 22*len(keys) + 24
	fmt.Fprintf(b, `<svg role="img" aria-label="%s" viewBox="0 0 480 %d" width="480" height="%d"><text x="0" y="14">%s</text>`,
		template.HTMLEscapeString(title), h, h, template.HTMLEscapeString(title))
	for i, k := range keys {
		y := 24 + 22*i
		w := 260 * m[k] / most
		fmt.Fprintf(b, `<text x="0" y="%d">%s</text><rect x="180" y="%d" width="%d" height="16" fill="#1f3a5f"></rect><text x="%d" y="%d">%d</text>`,
			y+12, template.HTMLEscapeString(truncate(k, 28)), y, w, 186+w, y+12, m[k])
	}
	b.WriteString(`</svg>`)
}

// timelineBins is how many columns a timeline may have before it counts by
// a coarser step.
const timelineBins = 72

// timeline draws when the story's articles came, as columns by hour when
// they span up to three days and each gives its time, else by day (or by
// week for a long story); undated articles are counted under it.
func timeline(arts []news.StoryArticle) template.HTML {
	published := make([]string, len(arts))
	for i, a := range arts {
		published[i] = a.Published
	}
	return timelineOf(published, "Articles over time", false)
}

// timelineOf draws the times published gives (the contract's ISO 8601
// dates) under title; byDay keeps it from counting by the hour.
func timelineOf(published []string, title string, byDay bool) template.HTML {
	var times []time.Time
	undated, daysOnly := 0, false
	for _, p := range published {
		t, day := news.ParseWhen(p)
		if t.IsZero() {
			undated++
			continue
		}
		daysOnly = daysOnly || day || byDay
		times = append(times, t.UTC())
	}
	if len(times) == 0 {
		return ""
	}
	slices.SortFunc(times, func(x, y time.Time) int { return x.Compare(y) })
	step, layout := timelineStep(times[0], times[len(times)-1], daysOnly)
	first := times[0].Truncate(step)
	counts := make([]int, int(times[len(times)-1].Sub(first)/step)+1)
	most := 1
	for _, t := range times {
		k := int(t.Sub(first) / step)
		counts[k]++
		most = max(most, counts[k])
	}
	return template.HTML(drawTimeline(title, counts, most, first, step, layout, undated))
}

// timelineStep picks the column width: an hour, a day or a week, the finest
// that keeps the columns few enough to read.
func timelineStep(first, last time.Time, daysOnly bool) (time.Duration, string) {
	span := last.Sub(first)
	switch {
	case !daysOnly && span <= 72*time.Hour:
		return time.Hour, "2 Jan 15:04 UTC"
	case span <= timelineBins*24*time.Hour:
		return 24 * time.Hour, "2 Jan 2006"
	}
	return 7 * 24 * time.Hour, "week of 2 Jan 2006"
}

func drawTimeline(title string, counts []int, most int, first time.Time, step time.Duration, layout string, undated int) string {
	const width, height, top = 480, 150, 20
	colW := float64(width-20) / float64(len(counts))
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" role="img" aria-label="%s" viewBox="0 0 %d %d" width="%d" height="%d"><text x="0" y="14">%s</text>`,
		template.HTMLEscapeString(title), width, height, width, height, template.HTMLEscapeString(title))
	barTop, barBottom := top+10, height-30
	for k, n := range counts {
		if n == 0 {
			continue
		}
		h := (barBottom - barTop) * n / most
		x := 10 + colW*float64(k)
		at := first.Add(time.Duration(k) * step).Format(layout)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="#1f3a5f"><title>%s: %d</title></rect>`,
			x, barBottom-h, max(colW-1, 1), h, template.HTMLEscapeString(at), n)
	}
	last := first.Add(time.Duration(len(counts)-1) * step)
	fmt.Fprintf(&b, `<text x="10" y="%d">%s</text>`, height-14, template.HTMLEscapeString(first.Format(layout)))
	if len(counts) > 1 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, width-10, height-14, template.HTMLEscapeString(last.Format(layout)))
	}
	if undated > 0 {
		fmt.Fprintf(&b, `<text x="10" y="%d">%d without a date</text>`, height-1, undated)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
