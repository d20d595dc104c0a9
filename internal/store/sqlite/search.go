package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/chorusnews/chorus/internal/store"
)

// DefaultSearchLimit is how many hits Search returns when asked for none.
const DefaultSearchLimit = 20

// maxTerms caps how many words of a query are searched for.
const maxTerms = 32

// ftsQuery turns plain user text into an FTS5 query that cannot be
// malformed: each word becomes a quoted string (inner quotes doubled), and
// the words are ANDed. Words with no letter or digit are dropped; so is
// everything after maxTerms words. It returns "" when no word is left.
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.Fields(q) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
		if len(terms) == maxTerms {
			break
		}
	}
	return strings.Join(terms, " ")
}

// Search finds articles and stories by their words; see store.Store.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	rows, err := s.db.QueryContext(ctx, `
SELECT kind, id, title, snip FROM (
	SELECT 'article' AS kind, a.id AS id, a.title AS title,
		snippet(articles_fts, 1, '', '', '…', 24) AS snip, bm25(articles_fts, 4.0, 1.0) AS score
	FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid
	WHERE articles_fts MATCH ?1
	UNION ALL
	SELECT 'story', st.id, st.title,
		snippet(stories_fts, 1, '', '', '…', 24), bm25(stories_fts, 4.0, 1.0)
	FROM stories_fts JOIN stories st ON st.n = stories_fts.rowid
	WHERE stories_fts MATCH ?1
)
ORDER BY score, kind DESC, id
LIMIT ?2`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	defer rows.Close()
	hits, err := store.Collect(rows, store.ScanHit)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	return hits, nil
}
