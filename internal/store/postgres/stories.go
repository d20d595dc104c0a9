package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// putStories upserts a chunk of stories in one statement, one array per
// column, as putArticles does.
const putStories = `INSERT INTO stories (
	id, title, summary, first_published, last_published, n_articles, n_outlets, doc, search, options
) SELECT id, title, summary, first_published, last_published, n_articles, n_outlets, doc, ` + searchVectorSQL + `, options
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[],
	$9::tsvector[], $10::text[], $11::text[], $12::text[])
	AS t(id, title, summary, first_published, last_published, n_articles, n_outlets, doc,
	search_vector, search_title, search_text, options)
ON CONFLICT (id) DO UPDATE SET
	title = excluded.title, summary = excluded.summary,
	first_published = excluded.first_published, last_published = excluded.last_published,
	n_articles = excluded.n_articles, n_outlets = excluded.n_outlets, doc = excluded.doc,
	search = excluded.search, options = excluded.options, updated_at = now()`

// UpdateStories removes and puts stories in one transaction; see
// store.Store.
func (s *Store) UpdateStories(ctx context.Context, put []news.Story, remove []string) error {
	if len(put) == 0 && len(remove) == 0 {
		return nil
	}
	w, err := prepareStories(put)
	if err != nil {
		return fmt.Errorf("store: update stories: %w", err)
	}
	err = s.inTx(ctx, noWriteLock, func(tx pgx.Tx) error { return s.writeStories(ctx, tx, w, remove) })
	if err != nil {
		return fmt.Errorf("store: update stories: %w", err)
	}
	return nil
}

// storyWrite is an UpdateStories call made ready before its transaction:
// the stories' rows, and which story each listed article ends up in.
type storyWrite struct {
	rows     []storyRow
	ids      []string // the stories, in call order (repeats kept)
	articles []string // the claimed articles, each once
	owners   []string // the story claiming articles[i]
	// facets are the values the stories are filtered by (store.Facets):
	// facetStory[i] has facetKind[i] facetValue[i].
	facetStory, facetKind, facetValue []string
}

// storyRow is one row of the stories table.
type storyRow struct {
	id, title, summary, first, last string
	articles, outlets               int
	doc, searchTitle, text          string
	vector                          pgtype.TSVector
	options                         string
}

// prepareStories checks and encodes stories. A story given twice keeps
// its last version, and an article listed more than once in the call goes
// to the last story listing it, as writes made one after another would
// leave them.
func prepareStories(stories []news.Story) (*storyWrite, error) {
	w := &storyWrite{}
	owner := map[string]int{}
	row := map[string]int{}
	for i := range stories {
		st := &stories[i]
		if st.ID == "" {
			return nil, fmt.Errorf("story %q has no id", st.Title)
		}
		if !storable(st.ID) {
			return nil, fmt.Errorf("story %q: id %q is not valid UTF-8 text", st.Title, st.ID)
		}
		doc, err := json.Marshal(st)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", st.ID, err)
		}
		summary := store.SummaryText(st)
		vector, title, text := searchColumns(st.Title, summary)
		r := storyRow{st.ID, clean(st.Title), clean(summary), clean(st.FirstPublished), clean(st.LastPublished),
			len(st.Articles), len(st.Outlets), string(doc), title, text, vector, clean(st.Options)}
		if j, ok := row[st.ID]; ok {
			w.rows[j] = r // one statement cannot change a row twice
			w.dropFacets(st.ID)
		} else {
			row[st.ID] = len(w.rows)
			w.rows = append(w.rows, r)
		}
		w.addFacets(st)
		w.ids = append(w.ids, st.ID)
		for _, id := range st.Articles {
			if !storable(id) {
				return nil, fmt.Errorf("%s: article id %q is not valid UTF-8 text", st.ID, id)
			}
			if j, ok := owner[id]; ok {
				w.owners[j] = st.ID
				continue
			}
			owner[id] = len(w.articles)
			w.articles = append(w.articles, id)
			w.owners = append(w.owners, st.ID)
		}
	}
	slices.SortFunc(w.rows, func(a, b storyRow) int { return strings.Compare(a.id, b.id) })
	return w, nil
}

// writeStories removes the stories remove names, and writes w's. The
// stories' rows, the long part, go first; the write lock is taken only
// for what decides which articles wait for a story — removing stories
// and changing which articles each lists — so that article writes wait
// for that alone. A story both removed and put is put: its row is
// replaced, and its articles are those it lists now.
func (s *Store) writeStories(ctx context.Context, tx pgx.Tx, w *storyWrite, remove []string) error {
	if err := w.putRows(ctx, tx); err != nil {
		return err
	}
	if err := s.lockWrites(ctx, tx, exclusiveWriteLock); err != nil {
		return err
	}
	put := make(map[string]bool, len(w.ids))
	for _, id := range w.ids {
		put[id] = true
	}
	var gone []string
	for _, id := range remove {
		if !put[id] {
			gone = append(gone, id)
		}
	}
	if err := deleteStories(ctx, tx, gone); err != nil {
		return err
	}
	if err := w.putFacets(ctx, tx); err != nil {
		return err
	}
	if err := w.putMembers(ctx, tx); err != nil {
		return err
	}
	return markChanged(ctx, tx)
}

// dropFacets forgets the facets kept for story id, when the call gives
// the story again: a story given twice keeps those of its last version.
func (w *storyWrite) dropFacets(id string) {
	for i := 0; i < len(w.facetStory); {
		if w.facetStory[i] == id {
			w.facetStory = slices.Delete(w.facetStory, i, i+1)
			w.facetKind = slices.Delete(w.facetKind, i, i+1)
			w.facetValue = slices.Delete(w.facetValue, i, i+1)
			continue
		}
		i++
	}
}

// addFacets keeps st's facets for putFacets.
func (w *storyWrite) addFacets(st *news.Story) {
	kinds, values := store.Facets(st)
	for i := range kinds {
		w.facetStory = append(w.facetStory, st.ID)
		w.facetKind = append(w.facetKind, kinds[i])
		w.facetValue = append(w.facetValue, clean(values[i]))
	}
}

// putFacets replaces the facets of the stories written. A story written
// again mostly keeps its facets, so only those it lost are deleted, and
// those it kept are left as they are (the insert skips them): rewriting
// every facet of every story made a story update cost more as the store
// grew.
func (w *storyWrite) putFacets(ctx context.Context, tx pgx.Tx) error {
	if len(w.ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM story_facets f WHERE f.story_id = ANY($1) AND NOT EXISTS (
	SELECT 1 FROM unnest($2::text[], $3::text[], $4::text[]) AS n (story_id, kind, value)
	WHERE n.story_id = f.story_id AND n.kind = f.kind AND n.value = f.value)`, w.ids, w.facetStory, w.facetKind, w.facetValue); err != nil {
		return fmt.Errorf("story facets: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO story_facets (story_id, kind, value)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`, w.facetStory, w.facetKind, w.facetValue); err != nil {
		return fmt.Errorf("story facets: %w", err)
	}
	return nil
}

// markChanged moves the store's stamp on; callers hold the write lock
// exclusively, so story writers never wait on each other for its row.
func markChanged(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `UPDATE store_state SET generation = generation + 1, changed_at = clock_timestamp()`)
	return err
}

// putRows upserts the stories' rows.
func (w *storyWrite) putRows(ctx context.Context, tx pgx.Tx) error {
	for start := 0; start < len(w.rows); start += chunkSize {
		chunk := w.rows[start:min(start+chunkSize, len(w.rows))]
		var text [9][]string
		var counts [2][]int32
		var vectors []pgtype.TSVector
		for _, r := range chunk {
			for k, v := range []string{r.id, r.title, r.summary, r.first, r.last, r.doc, r.searchTitle, r.text, r.options} {
				text[k] = append(text[k], v)
			}
			counts[0] = append(counts[0], int32(r.articles))
			counts[1] = append(counts[1], int32(r.outlets))
			vectors = append(vectors, r.vector)
		}
		if _, err := tx.Exec(ctx, putStories, text[0], text[1], text[2], text[3], text[4], counts[0], counts[1],
			text[5], vectors, text[6], text[7], text[8]); err != nil {
			return fmt.Errorf("stories %s to %s: %w", chunk[0].id, chunk[len(chunk)-1].id, err)
		}
	}
	return nil
}

// putMembers releases the articles the stories listed before and no
// longer list, and claims the ones they list now, so an article moving
// between two stories of the same call ends up in the one that lists it.
// Rows that stay as they are are not written (a growing story keeps most
// of its articles); every article listed leaves pending all the same,
// also one put back (Requeue) to the story it is in.
func (w *storyWrite) putMembers(ctx context.Context, tx pgx.Tx) error {
	if len(w.ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM story_articles WHERE story_id = ANY($1) AND NOT (article_id = ANY($2))`, w.ids, w.articles); err != nil {
		return fmt.Errorf("release articles: %w", err)
	}
	if len(w.articles) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO story_articles (article_id, story_id)
SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id
WHERE story_articles.story_id <> excluded.story_id`, w.articles, w.owners); err != nil {
		return fmt.Errorf("claim articles: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM pending WHERE article_id = ANY($1)`, w.articles); err != nil {
		return fmt.Errorf("claim articles: %w", err)
	}
	return nil
}

func deleteStories(ctx context.Context, tx pgx.Tx, ids []string) error {
	ids = storableIDs(ids)
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM story_articles WHERE story_id = ANY($1)`, ids); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = ANY($1)`, ids)
	return err
}

// Story returns one story; see store.Store.
func (s *Store) Story(ctx context.Context, id string) (news.Story, error) {
	if !storable(id) {
		return news.Story{}, fmt.Errorf("store: story %q: %w", id, store.ErrNotFound)
	}
	var doc, options string
	err := s.pool.QueryRow(ctx, `SELECT doc, options FROM stories WHERE id = $1`, id).Scan(&doc, &options)
	if errors.Is(err, pgx.ErrNoRows) {
		return news.Story{}, fmt.Errorf("store: story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Story{}, fmt.Errorf("store: story %s: %w", id, err)
	}
	st, err := store.DecodeStory(id, doc, options)
	if err != nil {
		return news.Story{}, fmt.Errorf("store: %w", err)
	}
	return st, nil
}

// StoryArticles returns the articles of stories by id; see store.Store.
func (s *Store) StoryArticles(ctx context.Context, ids []string) (map[string][]string, error) {
	want := storableIDs(ids)
	out := make(map[string][]string, len(want))
	if len(want) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT id, doc FROM stories WHERE id = ANY($1)`, want)
	if err != nil {
		return nil, fmt.Errorf("store: story articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		id, articles, err := store.ScanStoryArticles(rows)
		if err != nil {
			return nil, fmt.Errorf("store: story articles: %w", err)
		}
		out[id] = articles
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: story articles: %w", err)
	}
	return out, nil
}
