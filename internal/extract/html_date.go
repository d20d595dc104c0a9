package extract

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
)

// maxExtensiveCost bounds the cost of go-htmldate's extensive search,
// measured as a page's date-like numbers times its bytes. For each
// distinct date-like string, the search copies the rest of the rendered
// page as runes: a 900 KB page of 15,000 dates in attributes took 17 s
// and a 250 KB page of dates in its text 3 s. Of the 892 pages of the
// AEB and WCXB sets, the 109 whose date the fast search misses cost at
// most 6.2e8 (ids full of years, searched in 6 ms).
const maxExtensiveCost = 2e9

// extensiveAffordable tells whether go-htmldate's extensive search over
// page stays within maxExtensiveCost.
func extensiveAffordable(page []byte) bool {
	return yearNumbers(page)*len(page) <= maxExtensiveCost
}

// yearNumbers counts the four-digit numbers from 1900 to 2099 in page:
// every date the search weighs holds one.
func yearNumbers(page []byte) int {
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	n := 0
	for i := 0; i+4 <= len(page); i++ {
		if c, d := page[i], page[i+1]; !(c == '1' && d == '9' || c == '2' && d == '0') {
			continue
		}
		if (i > 0 && isDigit(page[i-1])) || !isDigit(page[i+2]) || !isDigit(page[i+3]) || (i+4 < len(page) && isDigit(page[i+4])) {
			continue
		}
		n++
		i += 3
	}
	return n
}

// jsonDateLayouts are the forms structured data writes dates in.
var jsonDateLayouts = []struct {
	layout        string
	clock, offset bool
}{
	{time.RFC3339Nano, true, true},
	{"2006-01-02T15:04:05Z0700", true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02T15:04:05", true, false},
	{"2006-01-02 15:04:05", true, false},
	{"2006-01-02T15:04", true, false},
	{time.DateOnly, false, false},
}

// settleJSONDate makes a date htmldate took from a page's JSON data the
// same on every run. htmldate gathers the JSON dates (datePublished and
// dateCreated) through Go maps and keeps the first of the earliest day,
// so a page stating several times of one day (published 06:37, created
// 06:40) got either. When res came from them, the earliest of that day's
// dates is taken, the first in the page on a tie.
func settleJSONDate(scripts []string, res htmldate.Result, original bool) htmldate.Result {
	texts := jsonDateTexts(scripts, original)
	if !slices.Contains(texts, res.SrcString) {
		return res
	}
	best, found := res, false
	for _, t := range texts {
		for _, l := range jsonDateLayouts {
			d, err := time.Parse(l.layout, t)
			if err != nil {
				continue
			}
			if y, m, day := d.Date(); y == res.DateTime.Year() && m == res.DateTime.Month() && day == res.DateTime.Day() &&
				(!found || d.Before(best.DateTime)) {
				best, found = htmldate.Result{DateTime: d, HasTime: l.clock, HasTimezone: l.offset, SrcString: t}, true
			}
			break
		}
	}
	return best
}

// jsonDateTexts returns, in the order the page states them, the date
// texts of its JSON data scripts that htmldate reads: datePublished and
// dateCreated for the original date, dateModified otherwise.
func jsonDateTexts(scripts []string, original bool) []string {
	keys := map[string]bool{"dateModified": true}
	if original {
		keys = map[string]bool{"datePublished": true, "dateCreated": true}
	}
	var out []string
	for _, text := range scripts {
		out = append(out, jsonStrings(text, keys)...)
	}
	return out
}

// jsonStrings returns the string values of the given keys, at any depth of
// the JSON text, in order, with their white space collapsed. A text that
// breaks off keeps what came before the break.
func jsonStrings(text string, keys map[string]bool) []string {
	dec := json.NewDecoder(strings.NewReader(text))
	var out []string
	// Each open object or array, and whether the next string of an
	// object is a key.
	type level struct{ object, key bool }
	var stack []level
	wanted := false
	for {
		tok, err := dec.Token()
		if err != nil { // the end of the text, or a break in it
			return out
		}
		top := len(stack) - 1
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				wanted = false
				stack = append(stack, level{object: v == '{', key: v == '{'})
				continue
			default:
				stack = stack[:top]
				if top > 0 && stack[top-1].object {
					stack[top-1].key = true
				}
				continue
			}
		case string:
			if top >= 0 && stack[top].object && stack[top].key {
				wanted, stack[top].key = keys[v], false
				continue
			}
			if wanted {
				out = append(out, strings.Join(strings.Fields(v), " "))
			}
		}
		wanted = false
		if top >= 0 && stack[top].object {
			stack[top].key = true
		}
	}
}
