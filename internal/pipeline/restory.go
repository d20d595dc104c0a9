package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/chorusnews/chorus/internal/cluster"
	"github.com/chorusnews/chorus/internal/dedup"
	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// storiesLock is the store lock under which stories are changed, so that
// several ingests or workers sharing a store take turns.
const storiesLock = "stories"

// Restory brings the stories up to date around the articles waiting for
// one (stored, but in no story yet). Clustering only links articles a few
// days apart, so it reads only the articles published near the waiting
// ones — with the whole stories they belong to — groups them again, and
// writes what changed: new and changed stories, stories that merged away,
// articles newly found to be copies. Stories far from the new articles are
// neither read nor written, so the cost follows the news of those days,
// not the size of the store. It returns how many stories it wrote.
//
// Stories formed with other options than so (another Fingerprint: a
// changed default, or a store older than fingerprints) are formed again
// from their articles, so that old and new stories are not mixed: their
// articles are put back among the waiting ones (store.Requeue), a span's
// worth at a time, and go through the same spans. Each share is a turn of
// its own under the stories lock, so that other workers sharing the store
// take turns meanwhile (and take shares too). When every story was formed
// with so, all this costs Restory one look-up in an index. A run killed
// midway leaves the stories it did not reach as they were, and the
// articles it put back waiting, for the next run to finish.
func Restory(ctx context.Context, st store.Store, so StoryOptions) (int, error) {
	fp := so.Fingerprint()
	written := 0
	for {
		var stale, n int
		err := st.Exclusive(ctx, storiesLock, func(ctx context.Context) error {
			var err error
			if stale, err = st.Requeue(ctx, fp, spanArticles); err != nil {
				return fmt.Errorf("putting back the articles of stories formed with other options: %w", err)
			}
			n, err = restoryWaiting(ctx, st, so, fp)
			return err
		})
		written += n
		// Each story put back is written again, or merged into one that
		// is: a turn that wrote none would only put the same stories back
		// again, so it ends the run (the next one tries again).
		if err != nil || stale == 0 || n == 0 {
			return written, err
		}
	}
}

// restoryWaiting brings the stories up to date around every article
// waiting, span by span.
func restoryWaiting(ctx context.Context, st store.Store, so StoryOptions, fp string) (int, error) {
	refs, err := st.Waiting(ctx)
	if err != nil {
		return 0, fmt.Errorf("reading articles waiting for a story: %w", err)
	}
	if len(refs) == 0 {
		return 0, nil
	}
	var times []time.Time
	undated := false
	waiting := make(map[string]bool, len(refs))
	for _, r := range refs {
		t := news.ParseTime(r.Published)
		undated = undated || t.IsZero()
		times = append(times, t)
		waiting[r.ID] = true
	}
	spans := [][2]string{{"", "\uffff"}} // an undated article may belong anywhere
	if !undated {
		spans = windows(times, max(so.Cluster.Window, so.Dedup.Window), spanArticles)
	}
	written := 0
	for _, sp := range spans {
		n, err := restorySpan(ctx, st, so, fp, waiting, sp[0], sp[1])
		written += n
		if err != nil {
			return written, err
		}
	}
	return written, nil
}

// storyFormat is part of every Fingerprint: raise it when a change to the
// story stages' code, rather than to their options, should form the
// stories a store keeps again.
const storyFormat = 1

// Fingerprint names the options a story is formed with, for the store to
// keep beside it (news.Story.Options): 16 hex digits of the SHA-256 of the
// canonical JSON of every field of Dedup, Cluster and Digest (by name, keys
// sorted, numbers as encoding/json writes them) and storyFormat. Equal
// options give equal fingerprints in any build; a changed value, or a
// field added to one of the options, gives another, and Restory then forms
// the stories again.
func (so StoryOptions) Fingerprint() string {
	b, err := json.Marshal(struct {
		Format  int
		Dedup   dedup.Options
		Cluster cluster.Options
		Digest  digest.Options
	}{storyFormat, so.Dedup, so.Cluster, so.Digest})
	if err == nil {
		// Through a map, so that the keys are sorted at every level and
		// reordering a struct's fields changes nothing.
		var canon any
		if err = json.Unmarshal(b, &canon); err == nil {
			b, err = json.Marshal(canon)
		}
	}
	if err != nil { // NaN or ±Inf, which JSON cannot hold
		b = fmt.Appendf(nil, "%d %#v", storyFormat, so)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// spanArticles bounds how many waiting articles one span takes, so that
// the memory of a story update does not grow with a backlog: a longer run
// of waiting articles is cut into spans that are grouped one after the
// other, each seeing the stories the one before it wrote. Each span reads
// its neighbourhood again, so it takes what two workers store between two
// of their updates (restoryEvery each) in one: at 4,096, two workers that
// asked for an update at once had it cut in two, and read their days twice.
const spanArticles = 2 * restoryEvery

// windows returns the publication-date bounds of the articles that may
// share a story with articles published at times: each time widened by the
// clustering window and a day for time zones, overlapping spans merged,
// and no span taking more than perSpan of the times.
func windows(times []time.Time, windowDays float64, perSpan int) [][2]string {
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	pad := time.Duration((math.Ceil(windowDays)+1)*24) * time.Hour
	var out [][2]string
	lo, hi, n := times[0], times[0], 1
	emit := func() {
		out = append(out, [2]string{lo.Add(-pad).UTC().Format(time.DateOnly), hi.Add(pad + 24*time.Hour).UTC().Format(time.DateOnly)})
	}
	for _, t := range times[1:] {
		if t.Sub(hi) > 2*pad || n >= perSpan {
			emit()
			lo, n = t, 0
		}
		hi = t
		n++
	}
	emit()
	return out
}

// restorySpan groups again the articles published in [from, to) and every
// article of their stories, and writes what changed, with fingerprint fp:
// every story that holds a waiting article, whether or not its articles
// changed (one put back by store.Requeue lists the same articles when the
// new options form it alike). The articles of the stories it writes no
// longer wait, and leave waiting.
func restorySpan(ctx context.Context, st store.Store, so StoryOptions, fp string, waiting map[string]bool, from, to string) (int, error) {
	loaded := map[string]news.StoryArticle{}
	if err := st.ArticlesPublished(ctx, from, to, func(a news.StoryArticle) error {
		loaded[a.ID] = a
		return nil
	}); err != nil {
		return 0, fmt.Errorf("reading articles of %s to %s: %w", from, to, err)
	}
	// The stories these articles are in, by the articles each lists: the
	// rest of an old story is not needed to tell whether it changed.
	var sids []string
	seen := map[string]bool{}
	for _, id := range sortedKeys(loaded) {
		if sid := loaded[id].Story; sid != "" && !seen[sid] {
			seen[sid] = true
			sids = append(sids, sid)
		}
	}
	old, err := st.StoryArticles(ctx, sids)
	if err != nil {
		return 0, fmt.Errorf("reading the articles of stories: %w", err)
	}
	var outside []string
	for _, sid := range sids {
		listed, ok := old[sid]
		if !ok {
			return 0, fmt.Errorf("reading story %s: %w", sid, store.ErrNotFound)
		}
		for _, m := range listed {
			if _, ok := loaded[m]; !ok {
				outside = append(outside, m)
			}
		}
	}
	more, err := st.Articles(ctx, outside)
	if err != nil {
		return 0, fmt.Errorf("reading articles of stories: %w", err)
	}
	for _, a := range more {
		loaded[a.ID] = a
	}
	arts := make([]news.Analyzed, 0, len(loaded))
	copyOf := make(map[string]string, len(loaded)) // as stored
	for _, id := range sortedKeys(loaded) {
		arts = append(arts, loaded[id].Analyzed)
		copyOf[id] = loaded[id].DuplicateOf
	}
	groups := group(arts, so)
	byID := make(map[string]int, len(arts))
	copies := map[string]string{} // the copy marks that changed
	for i, a := range arts {
		byID[a.ID] = i
		if a.DuplicateOf != copyOf[a.ID] {
			copies[a.ID] = a.DuplicateOf
		}
	}
	var changed []cluster.Story
	now := map[string]bool{}
	for _, g := range groups {
		now[g.ID] = true
		if prev, ok := old[g.ID]; ok && slices.Equal(prev, g.Articles) && !anyCopyChanged(g.Articles, arts, byID, copyOf) &&
			!slices.ContainsFunc(g.Articles, func(id string) bool { return waiting[id] }) {
			continue // same articles, same copies, none waiting: the same story
		}
		changed = append(changed, g)
	}
	// Digests are pure functions of their story's articles: they are
	// built on every core.
	put := make([]news.Story, len(changed))
	onEveryCore(len(changed), func(k int) {
		put[k] = digest.Build(changed[k].ID, members(changed[k], arts, byID), so.Digest)
		put[k].Options = fp
	})
	var gone []string
	for _, id := range sortedKeys(old) {
		if !now[id] {
			gone = append(gone, id)
		}
	}
	if err := st.MarkCopies(ctx, copies); err != nil {
		return 0, fmt.Errorf("storing copies: %w", err)
	}
	if err := st.UpdateStories(ctx, put, gone); err != nil {
		return 0, fmt.Errorf("storing stories: %w", err)
	}
	for _, g := range changed {
		for _, id := range g.Articles {
			delete(waiting, id)
		}
	}
	return len(put), nil
}

func anyCopyChanged(ids []string, arts []news.Analyzed, byID map[string]int, copyOf map[string]string) bool {
	for _, id := range ids {
		if arts[byID[id]].DuplicateOf != copyOf[id] {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp.Compare)
	return keys
}
