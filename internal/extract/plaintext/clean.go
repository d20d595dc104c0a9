// Package plaintext removes boilerplate from web pages saved as plain text —
// the form a browser's "save as text", a crawler's visible-text dump or a copy
// and paste gives — where no markup is left to lean on. It judges each line
// by its own text (length, density of function words, furniture phrases) and
// by its neighbours, keeps the longest run of article prose, and lifts the
// title, byline, publication date and dateline out of the text into fields.
package plaintext

import "strings"

// Options tunes the cleaner. DefaultOptions holds the measured defaults.
type Options struct {
	// LengthLow and LengthHigh, in characters, part short lines from
	// paragraphs and paragraphs from long prose (jusText's scheme).
	LengthLow, LengthHigh int
	// StopwordsLow and StopwordsHigh are the shares of function words that
	// make a line near-good and good prose.
	StopwordsLow, StopwordsHigh float64
	// MaxGap is how many furniture lines may interrupt the article body
	// before the rest counts as another part of the page.
	MaxGap int
	// Repeated tells whether a line also stands on other pages of the same
	// batch (a site's shared furniture); nil when there is no batch.
	Repeated func(line string) bool
}

// DefaultOptions are the settings measured best on the development sets.
func DefaultOptions() Options {
	return Options{LengthLow: 70, LengthHigh: 200, StopwordsLow: 0.25, StopwordsHigh: 0.30, MaxGap: 4}
}

// Result is what the cleaner finds in a page.
type Result struct {
	Title      string
	Authors    []string
	Published  string // ISO 8601 date or date-time, "" when unknown
	Dateline   string
	Outlet     string // the site name, when the page's title line gives it
	Paragraphs []string
}

// Text joins the paragraphs with one blank line between them.
func (r Result) Text() string { return strings.Join(r.Paragraphs, "\n\n") }

// Clean extracts the article from a page's visible text.
func Clean(text string, o Options) Result {
	bs := splitBlocks(text)
	markRepeats(bs)
	o = calibrate(bs, o)
	start, end := findBody(bs, o)
	if end == 0 {
		// A page of short paragraphs has no line long enough to anchor the
		// body; judge it again with paragraph length as the bar.
		relaxed := o
		relaxed.LengthHigh = o.LengthLow
		start, end = findBody(bs, relaxed)
	}
	var r Result
	if end == 0 {
		return r
	}
	h := readHeader(bs, start, end)
	r.Title, r.Outlet, r.Authors, r.Published = h.title, h.outlet, h.authors, h.published
	skip := h.used
	// A bare article (a text export, a copy of the story alone) has no
	// furniture around its body to speak of: there every line of the body
	// is kept but the furniture by its wording, short lines included.
	bare := start <= 2 && len(bs)-end <= 2
	for i := start; i < end; i++ {
		keep := bs[i].class == classGood || bare && !bs[i].boiler && !bs[i].caption && !bs[i].linky && !bs[i].term
		if !keep || skip[i] {
			continue
		}
		p := bs[i].text
		if len(r.Paragraphs) == 0 {
			if place, rest, st, ok := splitDateline(p); ok {
				r.Dateline, p = place, rest
				if r.Published == "" && st.valid() {
					r.Published = st.ISO()
				}
			}
		}
		if sameText(p, r.Title) {
			continue
		}
		r.Paragraphs = append(r.Paragraphs, p)
	}
	// Agencies credited on a line of their own close the article.
	for i := end - 1; i < min(len(bs), end+2); i++ {
		if agencies, ok := agencyCredit(bs[i].text); ok {
			if n := len(r.Paragraphs); n > 0 && r.Paragraphs[n-1] == bs[i].text {
				r.Paragraphs = r.Paragraphs[:n-1]
			}
			if len(r.Authors) == 0 {
				r.Authors = agencies
			}
			break
		}
	}
	return r
}

// findBody classifies the blocks and returns the span of the article body.
func findBody(bs []block, o Options) (int, int) {
	for i := range bs {
		classify(&bs[i], o)
		if o.Repeated != nil && bs[i].class != classBad && o.Repeated(bs[i].text) {
			bs[i].class--
		}
	}
	reviseByContext(bs, o)
	return mainRegion(bs, o)
}

func sameText(a, b string) bool {
	return b != "" && strings.EqualFold(strings.Trim(a, " .:"), strings.Trim(b, " .:"))
}

// Tidy normalises the text of an article that a source exported as such
// (JSON Lines): it keeps every paragraph and drops only lines that are
// furniture by their wording, as exports sometimes carry a share prompt or
// a sign-up line.
func Tidy(text string) Result {
	var r Result
	for _, b := range splitBlocks(text) {
		if b.boiler && b.words <= 12 || b.caption && b.words <= 12 {
			continue
		}
		r.Paragraphs = append(r.Paragraphs, b.text)
	}
	return r
}

// listItem tells a line that a number opens as a list's item ("1. Skip to
// content").
func listItem(line string) bool {
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')')
}

// TidyTitled is Tidy for an export that gave the article no title: a
// first line that reads as its headline — short, no sentence, its content
// words taken up by the paragraphs after it — is lifted into the title.
// The rest is kept as Tidy keeps it: an export's text is the article's,
// and cutting what looks like furniture there costs more than it saves.
func TidyTitled(text string) Result {
	r := Tidy(text)
	if len(r.Paragraphs) < 2 {
		return r
	}
	first := measure(r.Paragraphs[0])
	if !headlineLike([]block{first}) || first.words < 3 || first.linky || first.term || first.caption ||
		endsClause(first.text) || isDateLine(first.text) || listItem(first.text) || strings.Contains(first.text, "/") {
		return r
	}
	body := strings.ToLower(strings.Join(r.Paragraphs[1:min(len(r.Paragraphs), 4)], " "))
	shared, content := 0, 0
	for _, w := range findWords(first.text) {
		if lw := strings.ToLower(w); isContentWord(lw) {
			content++
			if strings.Contains(body, lw) {
				shared++
			}
		}
	}
	if content == 0 || shared*2 < content {
		return r
	}
	r.Title, r.Paragraphs = first.text, r.Paragraphs[1:]
	return r
}
