package server

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// Page sizes: a list gives DefaultLimit items unless asked for another
// limit, and never more than MaxLimit: a larger limit is refused, never
// taken for "everything".
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// A paramError is a query parameter the server refuses; it answers 400,
// naming the parameter.
type paramError struct{ name, want string }

func (e *paramError) Error() string { return e.name + ": " + e.want }

// listQuery is what a list asks for — the stories, a search, a feed of
// either — read from a URL's query the one same way for the web pages,
// the API and the feeds, so that a filtered view keeps its filters from
// one to the other, and its links (next, previous, the feed of it) are
// made from it.
type listQuery struct {
	Filter store.StoryFilter
	Order  store.Order
	Limit  int
	Offset int
	// After and Before are the keys of a page's bounds (keyset paging of
	// stories: the after and before parameters, as cursors).
	After, Before *store.StoryKey
	// Query is the text searched for (q); "" for a list of stories.
	Query string
	// Lang is the language to tell stories in (lang), not a filter.
	Lang string
}

// parseList reads a list's parameters from q, with limit def unless
// asked, and refuses the first that is bad. Filters given empty (as a
// form sends its blank fields) filter nothing; the server's language
// tells stories unless lang asks for another.
func (s *Server) parseList(q url.Values, def int) (listQuery, error) {
	lq := listQuery{Limit: def, Order: store.OrderNewest, Lang: s.lang}
	steps := []func(url.Values, *listQuery) error{
		readLimit, readOffset, readOrder, readDates, readFacets, readCoverage, readCursors, readText,
	}
	for _, step := range steps {
		if err := step(q, &lq); err != nil {
			return lq, err
		}
	}
	lang, err := s.langParam(q)
	lq.Lang = lang
	return lq, err
}

// searchRefuses are the parameters of story lists that a search does not
// take: its results come by relevance, paged by offset.
var searchRefuses = []string{"order", "after", "before"}

// refuse answers for the first of names given in q that the list at
// hand does not take: a 400 rather than a parameter silently ignored.
func refuse(q url.Values, why string, names ...string) error {
	for _, name := range names {
		if _, ok := q[name]; ok {
			return &paramError{name, why}
		}
	}
	return nil
}

// param is the one value of the parameter name, if given.
func param(q url.Values, name, want string) (v string, given bool, err error) {
	vs, given := q[name]
	if len(vs) > 1 {
		return "", true, &paramError{name, want + ", given once"}
	}
	if given {
		v = vs[0]
	}
	return v, given, nil
}

// intParam reads an integer from min to max (no bound when max is 0).
func intParam(q url.Values, name string, min, max int) (n int, given bool, err error) {
	want := "must be an integer of " + strconv.Itoa(min) + " or more"
	if max > 0 {
		want = "must be an integer from " + strconv.Itoa(min) + " to " + strconv.Itoa(max)
	}
	v, given, err := param(q, name, want)
	if err != nil || !given {
		return 0, given, err
	}
	n, err = strconv.Atoi(v)
	if err != nil || n < min || (max > 0 && n > max) {
		return 0, true, &paramError{name, want}
	}
	return n, true, nil
}

// readLimit: limit, an integer from 1 to MaxLimit.
func readLimit(q url.Values, lq *listQuery) error {
	n, given, err := intParam(q, "limit", 1, MaxLimit)
	if given && err == nil {
		lq.Limit = n
	}
	return err
}

// readOffset: offset, an integer of 0 or more.
func readOffset(q url.Values, lq *listQuery) error {
	n, _, err := intParam(q, "offset", 0, 0)
	lq.Offset = n
	return err
}

// readOrder: order, newest (the default) or most_covered.
func readOrder(q url.Values, lq *listQuery) error {
	want := "must be " + string(store.OrderNewest) + " or " + string(store.OrderMostCovered)
	v, given, err := param(q, "order", want)
	if err != nil || !given {
		return err
	}
	switch o := store.Order(v); o {
	case store.OrderNewest, store.OrderMostCovered:
		lq.Order = o
		return nil
	}
	return &paramError{"order", want}
}

// readDates: from and to, days (YYYY-MM-DD), from not after to.
func readDates(q url.Values, lq *listQuery) error {
	const want = "must be a date, YYYY-MM-DD"
	for _, d := range []struct {
		name string
		to   *string
	}{{"from", &lq.Filter.From}, {"to", &lq.Filter.To}} {
		v, _, err := param(q, d.name, want)
		if err != nil {
			return err
		}
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return &paramError{d.name, want}
		}
		*d.to = v
	}
	if f := lq.Filter; f.From != "" && f.To != "" && f.To < f.From {
		return &paramError{"to", "must not be before from"}
	}
	return nil
}

// maxFacetLen bounds a filter's text: no outlet or name is longer.
const maxFacetLen = 200

// readFacets: outlet and entity (text), language (ISO 639-1).
func readFacets(q url.Values, lq *listQuery) error {
	for _, f := range []struct {
		name string
		to   *string
	}{{"outlet", &lq.Filter.Outlet}, {"entity", &lq.Filter.Entity}} {
		want := "must be text of at most " + strconv.Itoa(maxFacetLen) + " bytes"
		v, _, err := param(q, f.name, want)
		if err != nil {
			return err
		}
		if len(v) > maxFacetLen {
			return &paramError{f.name, want}
		}
		*f.to = strings.TrimSpace(v)
	}
	const want = "must be a language code (ISO 639-1, e.g. de)"
	v, _, err := param(q, "language", want)
	if err != nil || strings.TrimSpace(v) == "" {
		return err
	}
	if lq.Filter.Language = news.LangCode(v); lq.Filter.Language == "" {
		return &paramError{"language", want}
	}
	return nil
}

// readCoverage: min_outlets and min_articles, integers of 0 or more.
func readCoverage(q url.Values, lq *listQuery) error {
	for _, c := range []struct {
		name string
		to   *int
	}{{"min_outlets", &lq.Filter.MinOutlets}, {"min_articles", &lq.Filter.MinArticles}} {
		if q.Get(c.name) == "" && len(q[c.name]) == 1 {
			continue // a blank form field
		}
		n, _, err := intParam(q, c.name, 0, 0)
		if err != nil {
			return err
		}
		*c.to = n
	}
	return nil
}

// readCursors: after and before, the cursors of next and previous links.
func readCursors(q url.Values, lq *listQuery) error {
	const want = "must be a cursor from a next or previous link"
	for _, c := range []struct {
		name string
		to   **store.StoryKey
	}{{"after", &lq.After}, {"before", &lq.Before}} {
		v, given, err := param(q, c.name, want)
		if err != nil {
			return err
		}
		if !given {
			continue
		}
		key, ok := decodeCursor(v)
		if !ok {
			return &paramError{c.name, want}
		}
		*c.to = &key
	}
	if lq.After != nil && lq.Before != nil {
		return &paramError{"before", "must not be given with after"}
	}
	return nil
}

// maxQueryLen bounds the text searched for.
const maxQueryLen = 1000

// readText: q, the text to search for.
func readText(q url.Values, lq *listQuery) error {
	want := "must be text of at most " + strconv.Itoa(maxQueryLen) + " bytes"
	v, _, err := param(q, "q", want)
	if err != nil {
		return err
	}
	if len(v) > maxQueryLen {
		return &paramError{"q", want}
	}
	lq.Query = v
	return nil
}

// langParam reads lang: a language code (ISO 639-1), the server's
// language when absent.
func (s *Server) langParam(q url.Values) (string, error) {
	const want = "must be a language code (ISO 639-1, e.g. de)"
	v, given, err := param(q, "lang", want)
	if err != nil || !given {
		return s.lang, err
	}
	lang := news.LangCode(v)
	if lang == "" {
		return "", &paramError{"lang", want}
	}
	return lang, nil
}

// encodeCursor writes a story's key as an opaque URL-safe cursor.
func encodeCursor(k store.StoryKey) string {
	b, _ := json.Marshal(k) // a struct of strings and ints cannot fail
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (store.StoryKey, bool) {
	var k store.StoryKey
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) > 4096 || json.Unmarshal(b, &k) != nil || k.ID == "" {
		return k, false
	}
	return k, true
}

// values writes lq back as a query: the filters, order and language it
// was given (defaults left out), and its limit when not def — the
// parameters that make a view, without where its page starts.
func (lq listQuery) values(def int, serverLang string) url.Values {
	v := url.Values{}
	set := func(name, value string) {
		if value != "" {
			v.Set(name, value)
		}
	}
	set("q", lq.Query)
	set("language", lq.Filter.Language)
	set("outlet", lq.Filter.Outlet)
	set("entity", lq.Filter.Entity)
	set("from", lq.Filter.From)
	set("to", lq.Filter.To)
	if lq.Filter.MinOutlets > 0 {
		set("min_outlets", strconv.Itoa(lq.Filter.MinOutlets))
	}
	if lq.Filter.MinArticles > 0 {
		set("min_articles", strconv.Itoa(lq.Filter.MinArticles))
	}
	if lq.Order != store.OrderNewest {
		set("order", string(lq.Order))
	}
	if lq.Lang != serverLang {
		set("lang", lq.Lang)
	}
	if lq.Limit != def {
		set("limit", strconv.Itoa(lq.Limit))
	}
	return v
}

// link is path with the query v and one more parameter (none when name is "").
func link(path string, v url.Values, name, value string) string {
	w := url.Values{}
	for k, vs := range v {
		w[k] = vs
	}
	if name != "" {
		w.Set(name, value)
	}
	if len(w) == 0 {
		return path
	}
	return path + "?" + w.Encode()
}

// pageLinks are the links of a page of a list: to its first page, the
// next and the previous ("" when there is none).
type pageLinks struct {
	First, Next, Prev string
}

// storyPage is a page of stories read as lq asks, with its total and
// links (made on path); it reads one story more than the page holds to
// learn whether another page follows.
type storyPage struct {
	Stories []news.Story
	Total   int
	Links   pageLinks
}
