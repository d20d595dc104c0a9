package store

import (
	"slices"
	"strings"
	"unicode"
)

// MaxSearchTerms caps how many phrases of a query are searched for.
const MaxSearchTerms = 32

// SearchQuery is a parsed search: every clause of All must match (one of
// its phrases, each a run of words in that order), and no phrase of None.
type SearchQuery struct {
	All  [][]string
	None []string
}

// Empty tells a query that can match nothing: one without a phrase to
// find (only words to leave out matches nothing either).
func (q SearchQuery) Empty() bool { return len(q.All) == 0 }

// ParseSearch reads the search syntax people use, and nothing else:
// words (all must match), "a phrase" in double quotes (its words in that
// order; an unclosed quote runs to the end), OR between two words or
// phrases (either may match) and -word or -"a phrase" (must not match).
// Everything else is text: AND, NOT, NEAR, column names and operators of
// the stores' own query languages are words. Phrases without a letter or
// digit are dropped.
func ParseSearch(q string) SearchQuery {
	var out SearchQuery
	terms := 0
	orNext := false // the last token was OR after a phrase
	for rest := strings.TrimSpace(q); rest != "" && terms < MaxSearchTerms; rest = strings.TrimLeftFunc(rest, unicode.IsSpace) {
		var phrase string
		negate := false
		if rest[0] == '-' && len(rest) > 1 && !unicode.IsSpace(rune(rest[1])) {
			negate, rest = true, rest[1:]
		}
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				phrase, rest = rest[1:], ""
			} else {
				phrase, rest = rest[1:1+end], rest[2+end:]
			}
		} else {
			end := strings.IndexFunc(rest, unicode.IsSpace)
			if end < 0 {
				end = len(rest)
			}
			phrase, rest = rest[:end], rest[end:]
			if phrase == "OR" && !negate && len(out.All) > 0 && !orNext && hasTermAhead(rest) {
				orNext = true
				continue
			}
		}
		phrase = strings.Join(strings.Fields(phrase), " ")
		if !strings.ContainsFunc(phrase, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			orNext = false
			continue
		}
		terms++
		switch {
		case negate:
			out.None = append(out.None, phrase)
		case orNext:
			last := len(out.All) - 1
			out.All[last] = append(out.All[last], phrase)
		default:
			out.All = append(out.All, []string{phrase})
		}
		orNext = false
	}
	return out
}

// hasTermAhead tells whether text is left after an OR for it to join.
func hasTermAhead(rest string) bool { return strings.TrimSpace(rest) != "" }

// FTS5 writes q in SQLite FTS5's query syntax: each phrase a string
// (inner quotes doubled, so no phrase can carry syntax), clauses ANDed,
// the phrases to leave out after NOT. "" when q is empty.
func (q SearchQuery) FTS5() string {
	if q.Empty() {
		return ""
	}
	quote := func(p string) string { return `"` + strings.ReplaceAll(p, `"`, `""`) + `"` }
	anyOf := func(ps []string) string {
		quoted := make([]string, len(ps))
		for i, p := range ps {
			quoted[i] = quote(p)
		}
		if len(quoted) == 1 {
			return quoted[0]
		}
		return "(" + strings.Join(quoted, " OR ") + ")"
	}
	all := make([]string, len(q.All))
	for i, c := range q.All {
		all[i] = anyOf(c)
	}
	expr := strings.Join(all, " ") // juxtaposed: AND
	if len(q.None) > 0 {
		expr = "(" + expr + ") NOT " + anyOf(q.None)
	}
	return expr
}

// ResultKey names the result a matching article belongs to, as the
// backends group their hits: its story's, or its own when it is in no
// story yet (story "").
func ResultKey(story, article string) string {
	if story != "" {
		return "s:" + story
	}
	return "a:" + article
}

// AddArticle adds a matching article to r, which takes its title, date
// and snippet when it has none of its own (an article alone, or a story
// whose own words did not match).
func (r *SearchResult) AddArticle(a SearchArticle) {
	r.Articles = append(r.Articles, a)
	if a.Outlet != "" && !slices.Contains(r.Outlets, a.Outlet) {
		r.Outlets = append(r.Outlets, a.Outlet)
	}
	if r.Title == "" {
		r.Title = a.Title
	}
	if r.Published == "" {
		r.Published = a.Published
	}
	// A snippet with the matched words marked beats one without; one
	// without (a match the highlighter could not place, such as "cafe" in
	// "cafés") beats none.
	if r.Snippet == "" || !strings.Contains(r.Snippet, MarkStart) && strings.Contains(a.Snippet, MarkStart) {
		r.Snippet = a.Snippet
	}
}
