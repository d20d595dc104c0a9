package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// UpdateStories removes and puts stories in one transaction; see
// store.Store.
func (s *Store) UpdateStories(ctx context.Context, put []news.Story, remove []string) error {
	if len(put) == 0 && len(remove) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := deleteStories(ctx, tx, remove); err != nil {
			return err
		}
		if err := putStories(ctx, tx, put); err != nil {
			return err
		}
		if err := putFacets(ctx, tx, put, remove); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE store_state SET generation = generation + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: update stories: %w", err)
	}
	return nil
}

// putFacets replaces the facets (store.Facets) of the stories put and
// drops those of the stories removed. They are written here, from the
// stories in hand, rather than by triggers reading each story's JSON back:
// the triggers tripled the cost of a story update. A story written again
// mostly keeps its facets (a growing story gains a name or an outlet), so
// only the difference from what is stored is written: rewriting every
// facet of every story put made the update's cost grow with the store.
func putFacets(ctx context.Context, tx *sql.Tx, put []news.Story, remove []string) error {
	if err := execByID(ctx, tx, `DELETE FROM story_facets WHERE story_id IN`, remove); err != nil {
		return fmt.Errorf("story facets: %w", err)
	}
	ids := make([]string, len(put))
	for i := range put {
		ids[i] = put[i].ID
	}
	stored, err := storedFacets(ctx, tx, ids)
	if err != nil {
		return fmt.Errorf("story facets: %w", err)
	}
	var added, gone []any // kind, value, story_id
	for i := range put {
		id := put[i].ID
		had := stored[id]
		kinds, values := store.Facets(&put[i])
		for k := range kinds {
			f := facet{kinds[k], values[k]}
			if had[f] {
				delete(had, f)
				continue
			}
			added = append(added, f.kind, f.value, id)
		}
		for _, f := range sortedFacets(had) {
			gone = append(gone, f.kind, f.value, id)
		}
		delete(stored, id) // a story put twice is diffed once
	}
	if err := execRows(ctx, tx, `DELETE FROM story_facets WHERE (kind, value, story_id) IN (VALUES %s)`, 3, gone); err != nil {
		return fmt.Errorf("story facets: %w", err)
	}
	if err := execRows(ctx, tx, `INSERT OR IGNORE INTO story_facets (kind, value, story_id) VALUES %s`, 3, added); err != nil {
		return fmt.Errorf("story facets: %w", err)
	}
	return nil
}

// facet is one row of story_facets for a story.
type facet struct{ kind, value string }

// storedFacets reads the facets stored for the stories ids.
func storedFacets(ctx context.Context, tx *sql.Tx, ids []string) (map[string]map[facet]bool, error) {
	out := map[string]map[facet]bool{}
	err := eachByID(ctx, tx, `SELECT story_id, kind, value FROM story_facets WHERE story_id IN`, ids, func(rows *sql.Rows) error {
		var id string
		var f facet
		if err := rows.Scan(&id, &f.kind, &f.value); err != nil {
			return err
		}
		if out[id] == nil {
			out[id] = map[facet]bool{}
		}
		out[id][f] = true
		return nil
	})
	return out, err
}

// sortedFacets lists a set of facets in order, so that the statements a
// story update runs do not depend on map order.
func sortedFacets(set map[facet]bool) []facet {
	out := make([]facet, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b facet) int { return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.value, b.value)) })
	return out
}

// execRows runs stmt, whose %s takes a list of rows of cols values, over
// args (cols per row), chunk rows at a time.
func execRows(ctx context.Context, tx *sql.Tx, stmt string, cols int, args []any) error {
	for start := 0; start < len(args); start += cols * chunk {
		part := args[start:min(start+cols*chunk, len(args))]
		if _, err := tx.ExecContext(ctx, strings.Replace(stmt, "%s", valueRows(len(part)/cols, cols), 1), part...); err != nil {
			return err
		}
	}
	return nil
}

// putStories writes stories putRows to a statement, releases their
// articles and claims the listed ones, in as few statements as it can:
// the full-text index of stories flushes once per statement, and each
// statement has its own overhead, which one statement per story and per
// article made most of the cost of a story update.
func putStories(ctx context.Context, tx *sql.Tx, stories []news.Story) error {
	for i := range stories {
		if stories[i].ID == "" {
			return fmt.Errorf("story %q has no id", stories[i].Title)
		}
	}
	order, err := writeOrder(ctx, tx, stories)
	if err != nil {
		return err
	}
	for start := 0; start < len(order); start += putRows {
		part := order[start:min(start+putRows, len(order))]
		args := make([]any, 0, 9*len(part))
		for _, st := range part {
			doc, err := json.Marshal(st)
			if err != nil {
				return fmt.Errorf("%s: %w", st.ID, err)
			}
			args = append(args, st.ID, st.Title, store.SummaryText(st), st.FirstPublished,
				st.LastPublished, len(st.Articles), len(st.Outlets), string(doc), st.Options)
		}
		values := valueRows(len(part), 9)
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (
id, title, summary, first_published, last_published, n_articles, n_outlets, doc, options
) VALUES `+values+`
ON CONFLICT (id) DO UPDATE SET
title = excluded.title, summary = excluded.summary,
first_published = excluded.first_published, last_published = excluded.last_published,
n_articles = excluded.n_articles, n_outlets = excluded.n_outlets, doc = excluded.doc,
options = excluded.options, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`, args...); err != nil {
			return fmt.Errorf("stories %s to %s: %w", part[0].ID, part[len(part)-1].ID, err)
		}
	}

	return claimArticles(ctx, tx, stories)
}

// claimArticles makes story_articles list each story's articles and no
// others: an article no story of the call lists any more is released
// (and waits for a story again, by trigger), and an article listed by two
// stories of the call goes to the later one. A story written again mostly
// lists the articles it listed (a growing story gains a few), so only the
// rows that change are written: releasing and claiming every article of
// every story put, through the triggers that keep pending, made a story
// update's cost grow with the store. Every article listed leaves pending,
// also one put back (store.Requeue) to the same story.
func claimArticles(ctx context.Context, tx *sql.Tx, stories []news.Story) error {
	ids := make([]string, len(stories))
	want := map[string]string{} // article → the story that lists it last
	var listed []string         // the articles, in the order first listed
	for i := range stories {
		ids[i] = stories[i].ID
		for _, a := range stories[i].Articles {
			if _, ok := want[a]; !ok {
				listed = append(listed, a)
			}
			want[a] = stories[i].ID
		}
	}
	held, err := heldArticles(ctx, tx, ids)
	if err != nil {
		return fmt.Errorf("reading the articles of stories: %w", err)
	}
	var released []string
	for _, a := range slices.Sorted(maps.Keys(held)) {
		if _, ok := want[a]; !ok {
			released = append(released, a)
		}
	}
	if err := execByID(ctx, tx, `DELETE FROM story_articles WHERE article_id IN`, released); err != nil {
		return fmt.Errorf("releasing articles: %w", err)
	}
	var claims []any
	for _, a := range listed {
		if held[a] != want[a] {
			claims = append(claims, a, want[a])
		}
	}
	if err := execRows(ctx, tx, `INSERT INTO story_articles (article_id, story_id) VALUES %s
ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`, 2, claims); err != nil {
		return fmt.Errorf("claiming articles: %w", err)
	}
	if err := execByID(ctx, tx, `DELETE FROM pending WHERE article_id IN`, listed); err != nil {
		return fmt.Errorf("claimed articles leaving the waiting: %w", err)
	}
	return nil
}

// heldArticles returns the articles story_articles lists for the stories
// ids, each with its story.
func heldArticles(ctx context.Context, tx *sql.Tx, ids []string) (map[string]string, error) {
	held := map[string]string{}
	err := eachByID(ctx, tx, `SELECT article_id, story_id FROM story_articles WHERE story_id IN`, ids, func(rows *sql.Rows) error {
		var a, st string
		if err := rows.Scan(&a, &st); err != nil {
			return err
		}
		held[a] = st
		return nil
	})
	return held, err
}

// writeOrder returns the stories in the order to write them: those
// stored already by their rowid, then the new ones as given. FTS5 flushes
// the index it holds in memory to disk whenever it is handed a row below
// the last one, so stories updated in no particular order flushed it,
// and merged the small segments that made, nearly once a story. New
// stories keep their order, so they are numbered as they always were.
func writeOrder(ctx context.Context, tx *sql.Tx, stories []news.Story) ([]*news.Story, error) {
	ids := make([]string, len(stories))
	for i := range stories {
		ids[i] = stories[i].ID
	}
	rowid := make(map[string]int64, len(stories))
	err := eachByID(ctx, tx, `SELECT id, n FROM stories WHERE id IN`, ids, func(rows *sql.Rows) error {
		var id string
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		rowid[id] = n
		return nil
	})
	if err != nil {
		return nil, err
	}
	var stored, fresh []*news.Story
	for i := range stories {
		if _, ok := rowid[stories[i].ID]; ok {
			stored = append(stored, &stories[i])
		} else {
			fresh = append(fresh, &stories[i])
		}
	}
	slices.SortStableFunc(stored, func(a, b *news.Story) int { return cmp.Compare(rowid[a.ID], rowid[b.ID]) })
	return append(stored, fresh...), nil
}

func deleteStories(ctx context.Context, tx *sql.Tx, ids []string) error {
	if err := execByID(ctx, tx, `DELETE FROM story_articles WHERE story_id IN`, ids); err != nil {
		return err
	}
	return execByID(ctx, tx, `DELETE FROM stories WHERE id IN`, ids)
}

// Story returns one story; see store.Store.
func (s *Store) Story(ctx context.Context, id string) (news.Story, error) {
	var doc, options string
	err := s.db.QueryRowContext(ctx, `SELECT doc, options FROM stories WHERE id = ?`, id).Scan(&doc, &options)
	if errors.Is(err, sql.ErrNoRows) {
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
	out := make(map[string][]string, len(ids))
	err := eachByID(ctx, s.db, `SELECT id, doc FROM stories WHERE id IN`, ids, func(rows *sql.Rows) error {
		id, articles, err := store.ScanStoryArticles(rows)
		if err == nil {
			out[id] = articles
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: story articles: %w", err)
	}
	return out, nil
}
