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

// DefaultSearchLimit is how many hits Search returns when asked for none.
const DefaultSearchLimit = 20

// maxTerms caps how many words of a query are searched for.
const maxTerms = 32

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

// searchQuery turns plain user text into the words to search for, at most
// maxTerms of them; "" when none is left.
func searchQuery(q string) string {
	words := strings.Fields(searchText(q))
	return strings.Join(words[:min(len(words), maxTerms)], " ")
}

// headlineOptions shape a snippet: one fragment of up to 24 words around
// the best match, unmarked.
const headlineOptions = `StartSel="", StopSel="", MaxWords=24, MinWords=12, MaxFragments=1`

// Search finds articles and stories by their words; see store.Store. Every
// word must match (plainto_tsquery ANDs them); hits are ranked by ts_rank
// with title matches weighing four times body ones, then stories before
// articles, then by id.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	words := searchQuery(query)
	if words == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	rows, err := s.pool.Query(ctx, `
WITH q AS (SELECT plainto_tsquery('chorus_search', $1) AS q),
hits AS (
	SELECT 'article' AS kind, a.id, ts_rank('{0, 0, 0.25, 1}', a.search, q.q, 1) AS score
	FROM articles a, q WHERE a.search @@ q.q
	UNION ALL
	SELECT 'story', st.id, ts_rank('{0, 0, 0.25, 1}', st.search, q.q, 1)
	FROM stories st, q WHERE st.search @@ q.q
),
top AS (
	SELECT * FROM hits ORDER BY score DESC, kind DESC, id LIMIT $2
)
SELECT t.kind, t.id, coalesce(a.title, st.title, ''),
	coalesce(ts_headline('chorus_search', coalesce(a.text, st.summary, ''), q.q, $3), '')
FROM top t CROSS JOIN q
LEFT JOIN articles a ON t.kind = 'article' AND a.id = t.id
LEFT JOIN stories st ON t.kind = 'story' AND st.id = t.id
ORDER BY t.score DESC, t.kind DESC, t.id`, words, limit, headlineOptions)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	defer rows.Close()
	hits, err := store.Collect(rows, store.ScanHit)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	for i := range hits {
		hits[i].Snippet = strings.TrimSpace(hits[i].Snippet)
	}
	return hits, nil
}
