package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/chorusnews/chorus/internal/store"
)

// ftsQuery turns user text into an FTS5 query that cannot be malformed
// (see store.ParseSearch and SearchQuery.FTS5); "" when it has nothing to
// find.
func ftsQuery(q string) string { return store.ParseSearch(q).FTS5() }

// searchHits are the rows that match (?1), as (story or ”, article or
// ”, score): an article's story is its group, an article in no story
// yet is a group of its own.
const searchHits = `
WITH hits AS (
	SELECT coalesce(sa.story_id, '') AS story, a.id AS article, bm25(articles_fts, 4.0, 1.0) AS score
	FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid
	LEFT JOIN story_articles sa ON sa.article_id = a.id
	WHERE articles_fts MATCH ?1
	UNION ALL
	SELECT st.id, '', bm25(stories_fts, 4.0, 1.0)
	FROM stories_fts JOIN stories st ON st.n = stories_fts.rowid
	WHERE stories_fts MATCH ?1
),
groups AS (
	SELECT story, CASE WHEN story = '' THEN article ELSE '' END AS article, min(score) AS score
	FROM hits GROUP BY 1, 2
)`

// SearchStories finds stories by their words and their articles'; see
// store.Store.
func (s *Store) SearchStories(ctx context.Context, query string, opts store.SearchOptions) (store.SearchPage, error) {
	page := store.SearchPage{Results: []store.SearchResult{}}
	match := ftsQuery(query)
	if match == "" {
		return page, nil
	}
	if opts.Limit <= 0 {
		opts.Limit = store.DefaultSearchLimit
	}
	groups, total, err := s.searchGroups(ctx, match, opts)
	if err != nil {
		return page, fmt.Errorf("store: search %q: %w", query, err)
	}
	page.Total = total
	if page.Results, err = s.searchDetails(ctx, match, groups); err != nil {
		return page, fmt.Errorf("store: search %q: %w", query, err)
	}
	return page, nil
}

// searchGroup is a result before its details: a story, or a lone article.
type searchGroup struct{ story, article string }

// searchGroups finds the page of results opts asks for, best first, and
// how many there are in all.
func (s *Store) searchGroups(ctx context.Context, match string, opts store.SearchOptions) ([]searchGroup, int, error) {
	q := newQuery()
	q.Arg(match)
	filter := ""
	if !opts.Filter.IsZero() {
		where, err := q.FilterSQL(opts.Filter, "st")
		if err != nil {
			return nil, 0, err
		}
		filter = ` JOIN stories st ON st.id = g.story WHERE ` + where
	}
	groups := ` FROM groups g` + filter
	args := len(q.Args) // what the count takes: no limit, no offset
	rows, err := s.db.QueryContext(ctx, searchHits+`
SELECT g.story, g.article, count(*) OVER ()`+groups+`
ORDER BY g.score, g.story = '', g.story, g.article
LIMIT `+q.Arg(opts.Limit)+` OFFSET `+q.Arg(max(opts.Offset, 0)), q.Args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var page []searchGroup
	total := 0
	for rows.Next() {
		var g searchGroup
		if err := rows.Scan(&g.story, &g.article, &total); err != nil {
			return nil, 0, err
		}
		page = append(page, g)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if len(page) == 0 && opts.Offset > 0 {
		// Past the last page, no row carries the total: count them.
		if err := s.db.QueryRowContext(ctx, searchHits+` SELECT count(*)`+groups, q.Args[:args]...).Scan(&total); err != nil {
			return nil, 0, err
		}
	}
	return page, total, nil
}

// searchDetails reads the results of groups: each story's title and
// date, its snippet, and its articles that matched, with theirs.
func (s *Store) searchDetails(ctx context.Context, match string, groups []searchGroup) ([]store.SearchResult, error) {
	results := make([]store.SearchResult, len(groups))
	at := map[string]int{} // store.ResultKey → index in results
	var storyIDs, articleIDs []any
	for i, g := range groups {
		at[store.ResultKey(g.story, g.article)] = i
		if g.story != "" {
			storyIDs = append(storyIDs, g.story)
		} else {
			articleIDs = append(articleIDs, g.article)
		}
	}
	if len(storyIDs) > 0 {
		rows, err := s.db.QueryContext(ctx, `SELECT st.id, st.title, st.last_published,
	coalesce((SELECT snippet(stories_fts, -1, '`+store.MarkStart+`', '`+store.MarkEnd+`', '…', 24)
		FROM stories_fts WHERE stories_fts MATCH ?1 AND stories_fts.rowid = st.n), '')
FROM stories st WHERE st.id IN (`+numbered(2, len(storyIDs))+`)`, append([]any{match}, storyIDs...)...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var r store.SearchResult
			if err := rows.Scan(&r.Story, &r.Title, &r.Published, &r.Snippet); err != nil {
				return nil, err
			}
			results[at[store.ResultKey(r.Story, "")]] = r
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	ids := append(append([]any{match}, storyIDs...), articleIDs...)
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(sa.story_id, ''), a.id, a.title, a.outlet, a.published,
	snippet(articles_fts, -1, '`+store.MarkStart+`', '`+store.MarkEnd+`', '…', 24)
FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid
LEFT JOIN story_articles sa ON sa.article_id = a.id
WHERE articles_fts MATCH ?1
	AND (sa.story_id IN (`+numbered(2, len(storyIDs))+`) OR a.id IN (`+numbered(2+len(storyIDs), len(articleIDs))+`))
ORDER BY bm25(articles_fts, 4.0, 1.0), a.id`, ids...)
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
		i, ok := at[store.ResultKey(story, a.ID)]
		if !ok {
			continue // claimed by a story meanwhile
		}
		results[i].AddArticle(a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return results, nil
}

// numbered is n placeholders ?from, ?from+1, …, or NULL for none (an IN
// list that matches nothing).
func numbered(from, n int) string {
	if n == 0 {
		return "NULL"
	}
	ps := make([]string, n)
	for i := range ps {
		ps[i] = fmt.Sprintf("?%d", from+i)
	}
	return strings.Join(ps, ", ")
}
