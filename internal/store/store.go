// Package store keeps what Chorus reads and makes: each raw input
// byte-exact, the clean analysed articles, and the stories with their
// digests. Storage sits behind the one Store interface so that the rest of
// Chorus never speaks SQL; the sqlite subpackage is the embedded default and
// storetest is the conformance suite every implementation must pass.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// ErrNotFound is returned (wrapped) when a record asked for by id does not
// exist. Test for it with errors.Is.
var ErrNotFound = errors.New("not found")

// Order is how Stories sorts its list.
type Order string

const (
	// OrderNewest sorts by last publication date, newest first; stories
	// without a date come last. It is the default.
	OrderNewest Order = "newest"
	// OrderMostCovered sorts by the number of distinct outlets, then the
	// number of articles, then newest first.
	OrderMostCovered Order = "most_covered"
)

// ListOptions pages, orders and filters a list of stories.
type ListOptions struct {
	// Limit is the most stories to return; 0 or less means no limit.
	Limit int
	// Offset skips that many stories first (after After, or before Before).
	Offset int
	// Order is OrderNewest when empty.
	Order Order
	// Filter keeps the stories it matches.
	Filter StoryFilter
	// After, when set, starts the list after the story at that key, in
	// Order; Before ends it before that key, giving the Limit stories
	// nearest to it, still in Order. Set one at most (Before wins).
	After, Before *StoryKey
}

// Stamp is where a store is in its history: it changes whenever its
// stories change, so pages made from them can be cached until it does.
type Stamp struct {
	// Installation is the store's own random id, made when it was created
	// and kept for its life: feeds name themselves by it.
	Installation string
	// Generation counts the story writes; Changed is when the last was.
	Generation int64
	Changed    time.Time
}

// DefaultSearchLimit is how many results SearchStories returns when asked
// for none.
const DefaultSearchLimit = 20

// SearchOptions pages and filters a search.
type SearchOptions struct {
	// Limit is the most results (stories) to return; DefaultSearchLimit
	// when 0 or less.
	Limit  int
	Offset int
	// Filter keeps the results in stories it matches; with any field
	// set, articles in no story yet are left out.
	Filter StoryFilter
}

// Highlight marks enclose the words that matched in a search result's
// snippets: characters from Unicode's private use area, which the
// server turns into markup after escaping the text.
const (
	MarkStart = "\uE000"
	MarkEnd   = "\uE001"
)

// SearchPage is one page of a search's results, grouped by story.
type SearchPage struct {
	// Total counts the results on every page.
	Total   int            `json:"total"`
	Results []SearchResult `json:"results"`
}

// SearchResult is one story that matched (its title or summary, or some
// of its articles), or an article in no story yet.
type SearchResult struct {
	// Story is the story's id; "" for an article in no story yet, which
	// Articles then holds alone.
	Story string `json:"story,omitempty"`
	// Title is the story's (or the lone article's) title.
	Title string `json:"title"`
	// Published is the story's last publication date (or the article's).
	Published string `json:"published"`
	// Outlets are the outlets of the articles that matched.
	Outlets []string `json:"outlets"`
	// Snippet is plain, untrusted text around the best match, the words
	// that matched between MarkStart and MarkEnd.
	Snippet string `json:"snippet"`
	// Articles are the articles that matched, best first.
	Articles []SearchArticle `json:"articles"`
}

// SearchArticle is an article that matched a search.
type SearchArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Snippet   string `json:"snippet"`
}

// ArticleRef names an article and when it was published.
type ArticleRef struct {
	ID        string
	Published string
}

// Raw is one input exactly as it was read.
type Raw struct {
	// ID is the hex SHA-256 of Body.
	ID string
	// Source names the input the first time these bytes were stored.
	Source string
	// Format is what the caller said the bytes are ("html", "text", ...).
	Format string
	// Body is the input, byte for byte.
	Body []byte
}

// RawInput is an input to keep as it came.
type RawInput struct {
	Source string
	Body   []byte
	Format string
}

// Store keeps raw inputs, articles and stories. Every method is safe for
// concurrent use; each write is one transaction, so a failed or interrupted
// call leaves nothing half-written.
type Store interface {
	Subscriptions
	// PutRaws keeps each input byte-exact under the hex SHA-256 of its
	// content (news.ContentID), whatever its source, in one transaction:
	// all are kept or none. added is how many of them were not kept before
	// (the same bytes twice in raws count once): two callers keeping the
	// same input at once learn which of them kept it, one adding it and
	// the other not.
	PutRaws(ctx context.Context, raws []RawInput) (added int, err error)
	// Raw returns the input kept under id, or ErrNotFound.
	Raw(ctx context.Context, id string) (Raw, error)
	// HasRaw tells which of ids are kept, without reading the inputs.
	HasRaw(ctx context.Context, ids []string) (map[string]bool, error)

	// PutArticles inserts or replaces articles by id, all or none; an
	// article without an id fails the whole call. The story an article
	// belongs to is set by UpdateStories and kept across later PutArticles.
	PutArticles(ctx context.Context, articles []news.Analyzed) error
	// MarkCopies sets, by article id, the article each one copies ("" for
	// none), all or none, and changes nothing else of them: a story
	// update that finds copies need not write whole articles again. Ids
	// not stored are skipped.
	MarkCopies(ctx context.Context, copyOf map[string]string) error
	// Article returns one article with its story, or ErrNotFound.
	Article(ctx context.Context, id string) (news.StoryArticle, error)
	// Articles returns the articles with the given ids, in the order of
	// ids; ids not stored are skipped.
	Articles(ctx context.Context, ids []string) ([]news.StoryArticle, error)
	// AllArticles calls fn for every article, ordered by publication date
	// (undated first) then id, and stops at the first error fn returns,
	// which AllArticles returns as is.
	AllArticles(ctx context.Context, fn func(news.StoryArticle) error) error
	// ArticlesPublished is AllArticles for the articles published at or
	// after from and before to, and those without a date. Dates compare
	// as the text they are stored as (ISO 8601), so bounds such as
	// "2022-01-20" work on any article's date and callers pad them by a
	// day where time zones matter.
	ArticlesPublished(ctx context.Context, from, to string, fn func(news.StoryArticle) error) error
	// Waiting lists the articles waiting for the stories to be brought up
	// to date — those no story lists, and those Requeue put back — by
	// publication date then id.
	Waiting(ctx context.Context) ([]ArticleRef, error)
	// Requeue puts back among the waiting articles the stored articles of
	// stories formed with other options than options (news.Story.Options),
	// so that a story update forms them again. The stories stay as they
	// are, and keep their articles, until a story update replaces them; a
	// story that claims an article (UpdateStories) takes it out of waiting.
	// It takes the oldest such stories first (by last publication date,
	// then id), whole, until they hold limit articles or more (all of them
	// when limit is 0 or less), passes over those none of whose articles is
	// stored, and returns how many stories it put back: 0 when every story
	// was formed with options, which it tells from an index alone.
	Requeue(ctx context.Context, options string, limit int) (int, error)

	// UpdateStories removes the stories remove names, then inserts or
	// replaces put by id, in one transaction, so readers never see a story
	// half replaced. A story put lists its articles (news.Story.Articles):
	// each article belongs to the story that last listed it, and one that
	// a story claims is no longer waiting.
	UpdateStories(ctx context.Context, put []news.Story, remove []string) error
	// Story returns one story, or ErrNotFound.
	Story(ctx context.Context, id string) (news.Story, error)
	// StoryArticles returns, by story id, the Articles of each of the
	// stories ids names, as Story would, without reading the rest of the
	// story: a story update needs only which articles each story holds.
	// Ids of no story are left out.
	StoryArticles(ctx context.Context, ids []string) (map[string][]string, error)
	// Stories lists stories as opts asks.
	Stories(ctx context.Context, opts ListOptions) ([]news.Story, error)
	// CountStories counts the stories f keeps.
	CountStories(ctx context.Context, f StoryFilter) (int, error)
	// Stamp tells where the store is in its history (see Stamp).
	Stamp(ctx context.Context) (Stamp, error)

	// SearchStories finds articles (title and text) and stories (title and
	// summary) matching query by ParseSearch's syntax (every word, phrases
	// in quotes, OR, -word; no other syntax of the store's own), grouped
	// by story: a story is one result whether its title, its summary or
	// any of its articles matched, and an article in no story yet is one
	// of its own. Best matches come first; Total counts every page; a
	// query without words finds nothing.
	SearchStories(ctx context.Context, query string, opts SearchOptions) (SearchPage, error)

	// Exclusive runs fn while holding the lock called name: no other
	// Exclusive call with that name on the same data — from this process or
	// any other — runs at the same time. It returns fn's error, or the
	// error of taking the lock (ctx ending first among them).
	Exclusive(ctx context.Context, name string, fn func(context.Context) error) error

	// Close releases the store; it must not be used afterwards.
	Close() error
}
