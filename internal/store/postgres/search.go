package postgres

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/chorusnews/chorus/internal/store"
)

// maxSearchBytes caps how much of one text is indexed: a tsvector holds
// at most 1 MB, and a longer text would fail its whole batch. Words past
// the cap (a very long article's tail) are not found.
const maxSearchBytes = 256 << 10

// searchText is the text the index and queries are made from: cleaned,
// cut to maxSearchBytes, Latin letters stripped of their diacritics (café
// → cafe, as SQLite's remove_diacritics does), and every rune that is not
// a letter, digit or mark turned into a space. The last step leaves the
// server's parser nothing but words and numbers, so markup-like text
// ("<script>", "&amp;", "title:x", URLs) is split into plain words the same
// way in articles and in queries, and a query cannot carry any syntax.
func searchText(s string) string {
	if len(s) > maxSearchBytes {
		cut := maxSearchBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = clean(s)
	if folded, ok := foldPlain(s); ok {
		return folded
	}
	return foldDecomposed(s)
}

// foldDecomposed is searchText's fold of any valid text: decomposed, so
// that a Latin letter's diacritics come apart from it and are dropped.
func foldDecomposed(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	latin, kept := false, false // of the last base rune
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r) {
			if kept && !(latin && unicode.Is(unicode.Mn, r)) {
				b.WriteRune(r)
			}
			continue
		}
		latin = unicode.Is(unicode.Latin, r)
		kept = unicode.IsLetter(r) || unicode.IsDigit(r)
		if kept {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return norm.NFC.String(b.String())
}

// foldPlain is searchText's fold of a text whose letters, digits and
// marks are all ASCII, as most English news is (its curly quotes and
// dashes apart): each other rune becomes a space, as it would in the
// decomposed walk, without decomposing. ok is false for any other text.
func foldPlain(s string) (folded string, ok bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9':
			b = append(b, byte(r))
		case r < utf8.RuneSelf || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r):
			b = append(b, ' ')
		default:
			return "", false
		}
	}
	return string(b), true
}

// tsQuery writes user text (store.ParseSearch) as a tsquery expression
// on q's parameters: each phrase folded as the index's text is
// (searchText) and given to phraseto_tsquery, so that no phrase carries
// syntax; "" when there is nothing to find.
func tsQuery(text string, q *store.Query) string {
	parsed := store.ParseSearch(text)
	phrase := func(p string) string {
		words := strings.Join(strings.Fields(searchText(p)), " ")
		if words == "" {
			return ""
		}
		return "phraseto_tsquery('chorus_search', " + q.Arg(words) + "::text)"
	}
	anyOf := func(ps []string) string {
		var parts []string
		for _, p := range ps {
			if e := phrase(p); e != "" {
				parts = append(parts, e)
			}
		}
		if len(parts) == 0 {
			return ""
		}
		return "(" + strings.Join(parts, " || ") + ")"
	}
	var all []string
	for _, c := range parsed.All {
		if e := anyOf(c); e != "" {
			all = append(all, e)
		}
	}
	if len(all) == 0 {
		return ""
	}
	expr := strings.Join(all, " && ")
	if none := anyOf(parsed.None); none != "" {
		expr = "(" + expr + ") && !!" + none
	}
	return expr
}

// markedHeadline shapes a result's snippets: one fragment around the best
// match, the matching words between store.MarkStart and store.MarkEnd.
const markedHeadline = `StartSel=` + store.MarkStart + `, StopSel=` + store.MarkEnd + `, MaxWords=24, MinWords=12, MaxFragments=1`

// SearchStories finds stories by their words and their articles'; see
// store.Store. Hits are grouped by story, each group ranked by its best
// hit.
func (s *Store) SearchStories(ctx context.Context, query string, opts store.SearchOptions) (store.SearchPage, error) {
	page := store.SearchPage{Results: []store.SearchResult{}}
	q := newQuery()
	expr := tsQuery(query, q)
	if expr == "" {
		return page, nil
	}
	if opts.Limit <= 0 {
		opts.Limit = store.DefaultSearchLimit
	}
	exprArgs := len(q.Args) // what the query's expression takes
	filter := ""
	if !opts.Filter.IsZero() {
		where, err := q.FilterSQL(cleanFilter(opts.Filter), "st")
		if err != nil {
			return page, fmt.Errorf("store: search %q: %w", query, err)
		}
		filter = ` JOIN stories st ON st.id = g.story WHERE ` + where
	}
	matches := `
WITH q AS (SELECT ` + expr + ` AS q),
hits AS (
	SELECT coalesce(sa.story_id, '') AS story, a.id AS article, ts_rank('{0, 0, 0.25, 1}', a.search, q.q, 1) AS score
	FROM q, articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
	WHERE a.search @@ q.q
	UNION ALL
	SELECT st.id, '', ts_rank('{0, 0, 0.25, 1}', st.search, q.q, 1)
	FROM stories st, q WHERE st.search @@ q.q
),
groups AS (
	SELECT story, CASE WHEN story = '' THEN article ELSE '' END AS article, max(score) AS score
	FROM hits GROUP BY 1, 2
)`
	count := len(q.Args)
	rows, err := s.pool.Query(ctx, matches+`
SELECT g.story, g.article, count(*) OVER () FROM groups g`+filter+`
ORDER BY g.score DESC, g.story = '', g.story, g.article
LIMIT `+q.Arg(opts.Limit)+` OFFSET `+q.Arg(max(opts.Offset, 0)), q.Args...)
	if err != nil {
		return page, fmt.Errorf("store: search %q: %w", query, err)
	}
	var storyIDs, articleIDs []string
	for rows.Next() {
		var story, article string
		if err := rows.Scan(&story, &article, &page.Total); err != nil {
			rows.Close()
			return page, fmt.Errorf("store: search %q: %w", query, err)
		}
		if story != "" {
			storyIDs = append(storyIDs, story)
		} else {
			articleIDs = append(articleIDs, article)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("store: search %q: %w", query, err)
	}
	if len(storyIDs)+len(articleIDs) == 0 {
		if opts.Offset > 0 { // past the last page: the total still counts every page
			err = s.pool.QueryRow(ctx, matches+` SELECT count(*) FROM groups g`+filter, q.Args[:count]...).Scan(&page.Total)
		}
		if err != nil {
			return page, fmt.Errorf("store: search %q: %w", query, err)
		}
		return page, nil
	}
	if page.Results, err = s.searchDetails(ctx, expr, q.Args[:exprArgs], storyIDs, articleIDs); err != nil {
		return page, fmt.Errorf("store: search %q: %w", query, err)
	}
	return page, nil
}

// searchDetails reads the results of a page: each story's title, date and
// snippet, and the articles that matched (of those stories, or alone),
// with theirs; results come in the order of storyIDs then articleIDs
// (the caller's order, best first).
func (s *Store) searchDetails(ctx context.Context, expr string, args []any, storyIDs, articleIDs []string) ([]store.SearchResult, error) {
	var results []store.SearchResult
	at := map[string]int{} // store.ResultKey → index in results
	q := newQuery()
	q.Args = append(q.Args, args...)
	rows, err := s.pool.Query(ctx, `WITH q AS (SELECT `+expr+` AS q)
SELECT st.id, st.title, st.last_published,
	CASE WHEN st.search @@ q.q THEN ts_headline('chorus_search', st.summary, q.q, `+q.Arg(markedHeadline)+`::text) ELSE '' END
FROM stories st, q WHERE st.id = ANY(`+q.Arg(storyIDs)+`::text[])`, q.Args...)
	if err != nil {
		return nil, err
	}
	byStory := map[string]store.SearchResult{}
	for rows.Next() {
		var r store.SearchResult
		if err := rows.Scan(&r.Story, &r.Title, &r.Published, &r.Snippet); err != nil {
			rows.Close()
			return nil, err
		}
		if !strings.Contains(r.Snippet, store.MarkStart) {
			r.Snippet = "" // its title matched: an article's words say more
		}
		byStory[r.Story] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, id := range storyIDs {
		if r, ok := byStory[id]; ok {
			at[store.ResultKey(id, "")] = len(results)
			results = append(results, r)
		}
	}
	for _, id := range articleIDs {
		at[store.ResultKey("", id)] = len(results)
		results = append(results, store.SearchResult{})
	}
	q = newQuery()
	q.Args = append(q.Args, args...)
	rows, err = s.pool.Query(ctx, `WITH q AS (SELECT `+expr+` AS q)
SELECT coalesce(sa.story_id, ''), a.id, a.title, a.outlet, a.published,
	ts_headline('chorus_search', a.text, q.q, `+q.Arg(markedHeadline)+`::text)
FROM q, articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
WHERE a.search @@ q.q AND (sa.story_id = ANY(`+q.Arg(storyIDs)+`::text[]) OR a.id = ANY(`+q.Arg(articleIDs)+`::text[]))
ORDER BY ts_rank('{0, 0, 0.25, 1}', a.search, q.q, 1) DESC, a.id`, q.Args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var story string
		var a store.SearchArticle
		if err := rows.Scan(&story, &a.ID, &a.Title, &a.Outlet, &a.Published, &a.Snippet); err != nil {
			return nil, err
		}
		a.Snippet = strings.TrimSpace(a.Snippet)
		if i, ok := at[store.ResultKey(story, a.ID)]; ok {
			results[i].AddArticle(a)
		}
	}
	return results, rows.Err()
}
