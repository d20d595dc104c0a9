package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// StoryFilter narrows a list of stories; its zero value keeps them all, and
// every field set narrows it further (they combine with AND).
type StoryFilter struct {
	// From keeps the stories with an article published on that day
	// (YYYY-MM-DD) or later; To those with one published on that day or
	// before. Dates compare as the text they are stored as (ISO 8601), as
	// ArticlesPublished does. With either set, undated stories are left out.
	From, To string
	// Outlet, Language (ISO 639-1) and Entity keep the stories one of whose
	// outlets, article languages or entity names (or aliases) it is,
	// compared without regard to ASCII case.
	Outlet, Language, Entity string
	// MinOutlets and MinArticles keep the stories covered by at least that
	// many distinct outlets, or articles.
	MinOutlets, MinArticles int
}

// IsZero tells a filter that keeps every story.
func (f StoryFilter) IsZero() bool { return f == StoryFilter{} }

// StoryKey is where a story sits in every order of a list: the columns the
// orders sort by. A page of stories ends at a key, and the next one starts
// after it, so a story written meanwhile neither repeats nor hides a story
// across the pages (keyset paging).
type StoryKey struct {
	LastPublished  string `json:"l"`
	FirstPublished string `json:"f"`
	Outlets        int    `json:"o"`
	Articles       int    `json:"a"`
	ID             string `json:"i"`
}

// KeyOf is st's place in a list, as the stores keep it.
func KeyOf(st news.Story) StoryKey {
	return StoryKey{LastPublished: st.LastPublished, FirstPublished: st.FirstPublished,
		Outlets: len(st.Outlets), Articles: len(st.Articles), ID: st.ID}
}

// FacetValue is how an outlet, language or entity name is kept for a
// filter and looked up: ASCII letters in lower case, as SQL's lower()
// does in both stores (SQLite's, and PostgreSQL's under COLLATE "C").
func FacetValue(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Kinds of story facet, the values a story is filtered by.
const (
	FacetOutlet   = "outlet"
	FacetLanguage = "language"
	FacetEntity   = "entity"
)

// Facets lists the values st is found under by kind, each once.
func Facets(st *news.Story) (kinds, values []string) {
	seen := map[[2]string]bool{}
	add := func(kind, v string) {
		v = FacetValue(strings.TrimSpace(v))
		if v == "" || seen[[2]string{kind, v}] {
			return
		}
		seen[[2]string{kind, v}] = true
		kinds = append(kinds, kind)
		values = append(values, v)
	}
	for _, o := range st.Outlets {
		add(FacetOutlet, o)
	}
	for l := range st.Languages {
		add(FacetLanguage, l)
	}
	for _, e := range st.Entities {
		add(FacetEntity, e.Name)
		for _, a := range e.Aliases {
			add(FacetEntity, a)
		}
	}
	return kinds, values
}

// Query builds the parameters of one SQL statement; Arg names a new one in
// the store's placeholder syntax.
type Query struct {
	Args        []any
	Placeholder func(n int) string // the n-th parameter, from 1
}

// Arg adds v to the parameters and returns its placeholder.
func (q *Query) Arg(v any) string {
	q.Args = append(q.Args, v)
	return q.Placeholder(len(q.Args))
}

// FilterSQL returns the conditions (ANDed, "TRUE" for none) f puts on the
// stories table called alias, which a table story_facets (kind, value,
// story_id) beside it serves.
func (q *Query) FilterSQL(f StoryFilter, alias string) (string, error) {
	var conds []string
	col := func(name string) string { return alias + "." + name }
	if f.From != "" {
		if _, err := time.Parse(time.DateOnly, f.From); err != nil {
			return "", fmt.Errorf("filter: from %q: not a date (YYYY-MM-DD)", f.From)
		}
		conds = append(conds, col("last_published")+" >= "+q.Arg(f.From))
	}
	if f.To != "" {
		day, err := time.Parse(time.DateOnly, f.To)
		if err != nil {
			return "", fmt.Errorf("filter: to %q: not a date (YYYY-MM-DD)", f.To)
		}
		// Through the end of that day: before the next one begins.
		conds = append(conds, col("first_published")+" <> ''",
			col("first_published")+" < "+q.Arg(day.AddDate(0, 0, 1).Format(time.DateOnly)))
	}
	for _, facet := range []struct{ kind, value string }{
		{FacetOutlet, f.Outlet}, {FacetLanguage, f.Language}, {FacetEntity, f.Entity},
	} {
		if v := FacetValue(strings.TrimSpace(facet.value)); v != "" {
			conds = append(conds, `EXISTS (SELECT 1 FROM story_facets sf WHERE sf.kind = '`+facet.kind+
				`' AND sf.value = `+q.Arg(v)+` AND sf.story_id = `+col("id")+`)`)
		}
	}
	if f.MinOutlets > 0 {
		conds = append(conds, col("n_outlets")+" >= "+q.Arg(f.MinOutlets))
	}
	if f.MinArticles > 0 {
		conds = append(conds, col("n_articles")+" >= "+q.Arg(f.MinArticles))
	}
	if len(conds) == 0 {
		return "TRUE", nil
	}
	return strings.Join(conds, " AND "), nil
}

// orderColumn is one column an order sorts by.
type orderColumn struct {
	name string
	desc bool
	of   func(StoryKey) any
}

func orderColumns(o Order) ([]orderColumn, error) {
	last := orderColumn{"last_published", true, func(k StoryKey) any { return k.LastPublished }}
	first := orderColumn{"first_published", true, func(k StoryKey) any { return k.FirstPublished }}
	id := orderColumn{"id", false, func(k StoryKey) any { return k.ID }}
	switch o {
	case "", OrderNewest:
		return []orderColumn{last, first, id}, nil
	case OrderMostCovered:
		return []orderColumn{
			{"n_outlets", true, func(k StoryKey) any { return k.Outlets }},
			{"n_articles", true, func(k StoryKey) any { return k.Articles }},
			last, id}, nil
	}
	return nil, fmt.Errorf("unknown order %q", o)
}

// ListSQL returns the WHERE conditions and ORDER BY list of a page of
// stories (table alias) as opts asks, and whether the rows come in reverse
// (a page before a key is read backwards from it; the caller reverses the
// rows it reads).
func (q *Query) ListSQL(opts ListOptions, alias string) (where, orderBy string, reversed bool, err error) {
	if where, err = q.FilterSQL(opts.Filter, alias); err != nil {
		return "", "", false, err
	}
	cols, err := orderColumns(opts.Order)
	if err != nil {
		return "", "", false, err
	}
	key, reversed := opts.After, false
	if opts.Before != nil {
		key, reversed = opts.Before, true
	}
	if key != nil {
		where += " AND " + q.keysetSQL(cols, *key, reversed, alias)
	}
	order := make([]string, len(cols))
	for i, c := range cols {
		dir := " ASC"
		if c.desc != reversed {
			dir = " DESC"
		}
		order[i] = alias + "." + c.name + dir
	}
	return where, strings.Join(order, ", "), reversed, nil
}

// StoriesSQL returns the statement of a page of stories as opts asks,
// whose rows ScanStory reads, and whether they come in reverse (see
// ListSQL). noLimit is the LIMIT that keeps every row in the store's SQL.
func (q *Query) StoriesSQL(opts ListOptions, noLimit any) (stmt string, reversed bool, err error) {
	where, orderBy, reversed, err := q.ListSQL(opts, "st")
	if err != nil {
		return "", false, err
	}
	limit := noLimit
	if opts.Limit > 0 {
		limit = opts.Limit
	}
	return `SELECT st.id, st.doc, st.options FROM stories st WHERE ` + where + ` ORDER BY ` + orderBy +
		` LIMIT ` + q.Arg(limit) + ` OFFSET ` + q.Arg(max(opts.Offset, 0)), reversed, nil
}

// keysetSQL is the condition of the rows after key in cols' order (before
// it when backwards): (c1, c2, …) beyond (v1, v2, …), spelled out column by
// column because the columns do not all sort the same way.
func (q *Query) keysetSQL(cols []orderColumn, key StoryKey, backwards bool, alias string) string {
	var or []string
	for i, c := range cols {
		var and []string
		for _, eq := range cols[:i] {
			and = append(and, alias+"."+eq.name+" = "+q.Arg(eq.of(key)))
		}
		op := " > "
		if c.desc != backwards {
			op = " < "
		}
		and = append(and, alias+"."+c.name+op+q.Arg(c.of(key)))
		or = append(or, "("+strings.Join(and, " AND ")+")")
	}
	return "(" + strings.Join(or, " OR ") + ")"
}
