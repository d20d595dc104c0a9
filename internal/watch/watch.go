// Package watch polls news feeds on a schedule and hands their new items
// on: conditional GET with each feed's validators, exponential back-off
// per feed on errors (Retry-After honoured), one request at a time per
// host with a pause between them, and the article page fetched behind
// items that carry only a teaser. What is remembered of each feed between
// runs is kept in a small JSON state file. Feeds are untrusted: no fetch
// connects to an internal address unless allowed (see NetPolicy).
//
// The package stores nothing itself: items go to a Sink, which the
// command wires to the pipeline.
package watch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
)

// Sink takes the documents of one round of polling: feed items and the
// pages behind teasers, and a *news.InputError for an item that could not
// be read. It must consume every document or return an error; a round
// whose sink fails is not remembered, so its items come again.
type Sink func(ctx context.Context, docs iter.Seq2[news.RawDoc, error]) error

// UserAgent names Chorus to the servers it polls.
const UserAgent = "Chorus/0.1 (+https://github.com/chorusnews/chorus)"

// Options configures a Watcher.
type Options struct {
	// Interval is the time between two polls of a feed that is well.
	Interval time.Duration
	// MaxBackoff caps the wait after failures: Interval×2^failures.
	MaxBackoff time.Duration
	// Delay is the least pause between two requests to one host. Zero
	// means none.
	Delay time.Duration
	// Timeout bounds one request, body included.
	Timeout time.Duration
	// MaxBytes bounds one response body.
	MaxBytes int64
	// Concurrency bounds how many feeds are polled at once; feeds on one
	// host wait for each other all the same.
	Concurrency int
	UserAgent   string
	// States keeps each feed's state between runs; nil means the file at
	// StatePath, and with no StatePath either, memory only.
	States States
	// StatePath is the state file when States is nil.
	StatePath string
	// AllowNet lists the internal address ranges (loopback, private,
	// link-local, …) that may be fetched all the same, for a feed on the
	// user's own network; every other internal address is refused when
	// it is dialled, after DNS and on every redirect. See NetPolicy.
	AllowNet []netip.Prefix
	// Client makes the requests; nil means a client whose transport
	// checks every connection against NetPolicy{Allow: AllowNet} (the
	// timeout is set per request). A client given here is used as it is:
	// what it may reach is then its own business.
	Client *http.Client
	// Now and Sleep are the schedule's clock, replaceable in tests.
	// Sleep returns early with ctx's error when ctx is done.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Report, when set, is told of every failure, as a *news.InputError
	// naming the feed or item: a feed that could not be polled, a page
	// that could not be fetched behind a teaser.
	Report func(err error)
	// Logf, when set, is told what each poll did, for --verbose.
	// Report and Logf are never called at once, though feeds are polled
	// at once, so they may write to one stream without a lock.
	Logf func(format string, args ...any)
}

// DefaultOptions are the defaults of `chorus watch`.
func DefaultOptions() Options {
	return Options{
		Interval:    15 * time.Minute,
		MaxBackoff:  24 * time.Hour,
		Delay:       time.Second,
		Timeout:     30 * time.Second,
		MaxBytes:    ingest.DefaultMaxBytes,
		Concurrency: 8,
		UserAgent:   UserAgent,
	}
}

// Watcher polls a fixed list of feeds. Its methods are not safe for
// concurrent use.
type Watcher struct {
	feeds  []Feed
	sink   Sink
	opts   Options
	state  map[string]*FeedState
	states States // nil: memory only
	hosts  hosts
	outMu  sync.Mutex // one call of Report or Logf at a time
}

// New makes a Watcher of feeds, loading their state from o.States (or
// o.StatePath).
// Zero options take their defaults, except Delay. A state file that
// cannot be read is reported and the watch starts afresh; one that cannot
// be opened at all is an error.
func New(feeds []Feed, sink Sink, o Options) (*Watcher, error) {
	o = o.withDefaults()
	if len(feeds) == 0 {
		return nil, errors.New("no feeds to watch")
	}
	for _, f := range feeds {
		if err := CheckURL(f.URL); err != nil {
			return nil, fmt.Errorf("%s: %w", f.URL, err)
		}
	}
	w := &Watcher{feeds: feeds, sink: sink, opts: o, hosts: hosts{delay: o.Delay}}
	w.states = o.States
	if w.states == nil && o.StatePath != "" {
		w.states = FileStates(o.StatePath)
	}
	state := map[string]*FeedState{}
	var err error
	if w.states != nil {
		state, err = w.states.LoadStates(context.Background())
		if state == nil {
			state = map[string]*FeedState{}
		}
	}
	switch {
	case errors.Is(err, errDamagedState):
		w.report(err)
	case err != nil:
		return nil, err
	}
	w.state = state
	return w, nil
}

// withDefaults fills the zero options with their defaults, except Delay.
func (o Options) withDefaults() Options {
	def := DefaultOptions()
	if o.Interval <= 0 {
		o.Interval = def.Interval
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = def.MaxBackoff
	}
	if o.Timeout <= 0 {
		o.Timeout = def.Timeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = def.MaxBytes
	}
	if o.Concurrency <= 0 {
		o.Concurrency = def.Concurrency
	}
	if o.UserAgent == "" {
		o.UserAgent = def.UserAgent
	}
	if o.Client == nil {
		o.Client = &http.Client{Transport: NetPolicy{Allow: o.AllowNet}.Transport()}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	return o
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (w *Watcher) now() time.Time { return w.opts.Now() }

func (w *Watcher) report(err error) {
	if w.opts.Report != nil {
		w.outMu.Lock()
		defer w.outMu.Unlock()
		w.opts.Report(err)
	}
}

func (w *Watcher) logf(format string, args ...any) {
	if w.opts.Logf != nil {
		w.outMu.Lock()
		defer w.outMu.Unlock()
		w.opts.Logf(format, args...)
	}
}

// Round tells what one round of polling did.
type Round struct {
	Polled    int // feeds asked
	Unchanged int // of them, feeds with nothing new: 304 Not Modified, or only items seen before
	Failed    int // of them, feeds that failed
	Waiting   int // feeds not asked as they are backing off after failures
	Items     int // new items handed on
	Pages     int // pages fetched behind teasers
}

// Poll polls every feed once, except those backing off after failures,
// and hands their new items to the sink: what `chorus watch --once` does.
// Failures of single feeds are reported and counted, not returned; the
// error is the sink's, the state file's or ctx's.
func (w *Watcher) Poll(ctx context.Context) (Round, error) {
	return w.poll(ctx, func(st *FeedState, now time.Time) bool {
		return st.Failures == 0 || !now.Before(st.NextPoll)
	})
}

// Run polls each feed whenever it is due, every Interval or later after
// failures, until ctx is done; it then returns ctx's error. A round that
// fails to store or save is reported and the next goes on.
func (w *Watcher) Run(ctx context.Context) error {
	for {
		_, err := w.poll(ctx, func(st *FeedState, now time.Time) bool { return !now.Before(st.NextPoll) })
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			w.report(err)
		}
		if err := w.opts.Sleep(ctx, w.nextPoll().Sub(w.now())); err != nil {
			return err
		}
	}
}

// nextPoll is when the next feed is due.
func (w *Watcher) nextPoll() time.Time {
	var next time.Time
	for i, f := range w.feeds {
		t := w.stateOf(f.URL).NextPoll
		if i == 0 || t.Before(next) {
			next = t
		}
	}
	return next
}

func (w *Watcher) stateOf(feed string) *FeedState {
	st := w.state[feed]
	if st == nil {
		st = &FeedState{}
		w.state[feed] = st
	}
	return st
}

// outcome is what polling one feed gave, not yet remembered: the state is
// changed only once the round's items are safely handed on.
type outcome struct {
	polled bool
	err    error         // the feed failed
	wait   time.Duration // Retry-After asked for, with err
	items  []item        // new items, in feed order
	seen   []string      // keys of every item the feed now carries
	// validators of a 200 or 304 response
	etag, lastModified string
	pages              int
}

// item is one document for the sink, with the key it is remembered by.
type item struct {
	doc news.RawDoc
	err error
	key string
}

func (w *Watcher) poll(ctx context.Context, due func(*FeedState, time.Time) bool) (Round, error) {
	var round Round
	now := w.now()
	outs := make([]outcome, len(w.feeds))
	sem := make(chan struct{}, w.opts.Concurrency)
	var wg sync.WaitGroup
	for i, f := range w.feeds {
		st := w.stateOf(f.URL)
		if !due(st, now) {
			if st.Failures > 0 {
				round.Waiting++
				w.logf("%s: backing off until %s after %d failures", f.URL, st.NextPoll.Format(time.RFC3339), st.Failures)
			}
			continue
		}
		// A copy: the feeds are polled at once, and the state changes
		// only below, after the sink.
		prev := *st
		wg.Go(func() {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			outs[i] = w.pollFeed(ctx, f.URL, prev)
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return round, err // nothing of an interrupted round is remembered
	}

	var items []item
	for _, o := range outs {
		items = append(items, o.items...)
	}
	var sinkErr error
	if len(items) > 0 {
		sinkErr = w.handOn(ctx, items)
		if sinkErr != nil && ctx.Err() != nil {
			// Interrupted while storing: the items come again next time,
			// without a back-off the feeds did nothing to earn.
			return round, ctx.Err()
		}
	}

	now = w.now()
	for i, f := range w.feeds {
		o := outs[i]
		if !o.polled {
			continue
		}
		round.Polled++
		st := w.stateOf(f.URL)
		st.LastPoll = now
		err := o.err
		if err == nil && sinkErr != nil && len(o.items) > 0 {
			// Not the feed's fault, but its items are not stored: its
			// validators stay as they were, so they come again, after a
			// back-off that spares a store in trouble.
			err = fmt.Errorf("not stored: %w", sinkErr)
		}
		if err != nil {
			round.Failed++
			st.Failures++
			wait := max(w.backoff(st.Failures), o.wait)
			st.NextPoll = now.Add(wait)
			st.LastError = err.Error()
			if o.err != nil {
				w.report(&news.InputError{Source: f.URL, Err: fmt.Errorf("%w (next try in %s)", err, roundDuration(wait))})
			}
			continue
		}
		round.Items += len(o.items)
		round.Pages += o.pages
		if len(o.items) == 0 {
			round.Unchanged++
		}
		st.ETag, st.LastModified = o.etag, o.lastModified
		st.Failures, st.LastError = 0, ""
		st.NextPoll = now.Add(w.opts.Interval)
		if o.seen != nil {
			st.Seen = o.seen
		}
	}
	if w.states != nil {
		if err := w.states.SaveStates(ctx, w.state); err != nil {
			return round, errors.Join(sinkErr, err)
		}
	}
	return round, sinkErr
}

// handOn gives the round's items to the sink and makes sure it took them
// all.
func (w *Watcher) handOn(ctx context.Context, items []item) error {
	taken := 0
	err := w.sink(ctx, func(yield func(news.RawDoc, error) bool) {
		for _, it := range items {
			taken++
			if !yield(it.doc, it.err) {
				return
			}
		}
	})
	if err == nil && taken < len(items) {
		err = fmt.Errorf("the sink took %d of %d documents", taken, len(items))
	}
	return err
}

// backoff is the wait after n failures in a row: Interval×2^n, capped.
func (w *Watcher) backoff(n int) time.Duration {
	d := w.opts.Interval
	for range n {
		if d >= w.opts.MaxBackoff/2 {
			return w.opts.MaxBackoff
		}
		d *= 2
	}
	return min(d, w.opts.MaxBackoff)
}

// roundDuration shortens a wait for a message: "30m0s", not "29m59.99s".
func roundDuration(d time.Duration) time.Duration {
	if d >= time.Minute {
		return d.Round(time.Second)
	}
	return d.Round(time.Millisecond)
}

// pollFeed fetches one feed and reads its new items, fetching the pages
// behind teasers.
func (w *Watcher) pollFeed(ctx context.Context, feed string, st FeedState) outcome {
	o := outcome{polled: true}
	header := http.Header{}
	if st.ETag != "" {
		header.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		header.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := w.get(ctx, feed, acceptFeed, header)
	if err != nil {
		o.err = err
		return o
	}
	switch resp.status {
	case http.StatusOK:
		o.etag, o.lastModified = resp.header.Get("ETag"), resp.header.Get("Last-Modified")
	case http.StatusNotModified:
		// A 304 may restate the validators; otherwise they stand.
		o.etag, o.lastModified = st.ETag, st.LastModified
		if v := resp.header.Get("ETag"); v != "" {
			o.etag = v
		}
		if v := resp.header.Get("Last-Modified"); v != "" {
			o.lastModified = v
		}
		w.logf("%s: not modified", feed)
		return o
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		wait := retryAfter(resp.header.Get("Retry-After"), w.now())
		o.err, o.wait = &statusError{status: resp.status, retryAfter: wait}, wait
		return o
	default:
		o.err = &statusError{status: resp.status}
		return o
	}

	seen := map[string]bool{}
	for _, k := range st.Seen {
		seen[k] = true
	}
	o.seen = []string{}
	total := 0
	for doc, err := range ingest.ReadBytes(feed, resp.body, ingest.Options{MaxBytes: w.opts.MaxBytes}) {
		var ie *news.InputError
		if err != nil && errors.As(err, &ie) && ie.Source == feed {
			// The feed as a whole is unreadable: garbage, malformed, empty.
			o.err, o.items = ie.Err, nil
			return o
		}
		if err == nil && doc.Source == feed {
			o.err, o.items = errors.New("not a feed but plain text"), nil
			if doc.Format == news.FormatHTML {
				o.err = errors.New("not a feed but a web page")
			}
			return o
		}
		total++
		it := item{doc: doc, err: err, key: itemKey(doc)}
		o.seen = append(o.seen, it.key)
		if seen[it.key] {
			continue
		}
		if err == nil {
			it.doc.Fetched = w.now()
			if isTeaser(doc) {
				page, err := w.fetchPage(ctx, doc)
				switch {
				case ctx.Err() != nil:
					return outcome{polled: false}
				case err != nil:
					w.report(teaserErr(doc, err))
				default:
					it.doc = page
					o.pages++
				}
			}
		}
		o.items = append(o.items, it)
	}
	w.logf("%s: %d items, %d new, %d pages fetched behind teasers", feed, total, len(o.items), o.pages)
	return o
}

// itemKey is what an item is remembered by: its link and its body, so
// that an item is new again when its text changes. Not its source, which
// for an item without a guid is its position in the feed.
func itemKey(doc news.RawDoc) string {
	h := sha256.New()
	h.Write([]byte(doc.URL))
	h.Write([]byte{0})
	if doc.Raw != nil || doc.URL != "" {
		h.Write(doc.Raw)
	} else {
		// A failed item carries only its source.
		h.Write([]byte(strings.TrimSpace(doc.Source)))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
