package pipeline

import (
	"context"
	"fmt"
	"io"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/chorusnews/chorus/internal/extract"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// IngestResult counts what an ingest run did.
type IngestResult struct {
	// Added counts the inputs the run kept, new to the store; Known those
	// the store held already, from an earlier run or from another run
	// keeping them at the same time (the store tells which run kept each).
	Added, Known int
	Stories      int // stories the run created or changed
	Errors       []news.ErrorEntry
}

// Failed counts the inputs that failed: errors, not warnings about inputs
// read all the same.
func (r IngestResult) Failed() int { return failures(r.Errors) }

const (
	// ingestChunk is how many new inputs are stored together: a run killed
	// midway keeps every chunk it finished. Each commit flushes the text
	// index, so fewer, larger chunks halve its cost (256 against 64).
	ingestChunk = 256
	// batchDocs and batchBytes bound how much input is held at once: a
	// batch is read, cleaned (its pages' shared lines told apart from
	// article text), analysed and stored before the next is read, so an
	// archive of any size is ingested in constant memory.
	batchDocs  = 512
	batchBytes = 16 << 20
	// restoryEvery is how many new articles are stored between two
	// updates of the stories: often enough that an update's memory (the
	// waiting articles, their neighbours in time, their stories) reaches
	// its ceiling within the first few thousand articles of a run and
	// stays there, rarely enough that the neighbours are not read again and
	// again (a 1 GiB crawl and a 2 GiB one peak alike; throughput as at
	// 16,384).
	restoryEvery = 4096
)

// Ingest adds every input under paths to the store; see IngestDocs.
func Ingest(ctx context.Context, st store.Store, paths []string, stdin io.Reader, o Options, so StoryOptions) (IngestResult, error) {
	return IngestDocs(ctx, st, ingest.Read(paths, stdin, o.Ingest), o, so)
}

// IngestDocs adds every document to the store — the input itself and its
// clean, analysed article — and brings the stories up to date around the
// new articles. A document the store already holds adds nothing. A failing
// document is reported and the run goes on. Crash safety: an input is
// recorded as stored only after its article is, an article waits for its
// story in the store itself, and every write is one transaction, so a run
// killed at any point and run again loses and doubles nothing.
func IngestDocs(ctx context.Context, st store.Store, docs iter.Seq2[news.RawDoc, error], o Options, so StoryOptions) (IngestResult, error) {
	res, err := StoreDocs(ctx, st, docs, o, so)
	if err != nil {
		return res, err
	}
	// Stories are brought up to date even when nothing was added: a run
	// killed after storing articles left them waiting for their story.
	changed, err := Restory(ctx, st, so)
	res.Stories += changed
	return res, err
}

// StoreDocs is IngestDocs but for its last story update: the stories are
// brought up to date as articles pile up (every restoryEvery of them),
// and the articles stored since the last of those updates are left
// waiting in the store for the next one — Restory, or a StoryUpdater's.
func StoreDocs(ctx context.Context, st store.Store, docs iter.Seq2[news.RawDoc, error], o Options, so StoryOptions) (IngestResult, error) {
	// Two stages overlap: while one batch is stored and its stories
	// brought up to date, the next is read, cleaned and analysed.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan analyzedBatch, 2)
	var read IngestResult // what the reading stage counts
	var readErr error
	go func() {
		defer close(batches)
		readErr = readBatches(ctx, st, docs, o, &read, batches)
	}()
	var res IngestResult
	stories := startStoryUpdates(ctx, st, so, cancel)
	var err error
	for b := range batches {
		if err != nil {
			continue // drain, so the reader ends
		}
		var n int
		n, err = storeBatch(ctx, st, b, o, &res)
		if err != nil {
			cancel()
			continue
		}
		stories.stored(n)
	}
	n, storyErr := stories.stop()
	res.Stories += n
	if err == nil {
		err = storyErr
	}
	res.Known += read.Known
	res.Errors = append(read.Errors, res.Errors...)
	if err != nil {
		return res, err
	}
	return res, readErr
}

// storyUpdates asks a StoryUpdater for an update of the stories every
// restoryEvery articles stored, so that storing goes on meanwhile, and
// fails the run (fail) at the first update that fails: a run that stores
// articles and cannot put them into stories reports it rather than retry.
type storyUpdates struct {
	up    *StoryUpdater
	since int // articles stored since the last update was asked for
	// asked are the outcomes of the updates asked for and not yet known to
	// have ended, oldest first: at most one under way and one to follow
	// it, so that the updater goes from one to the next without a pause.
	asked []<-chan StoryUpdate

	mu      sync.Mutex
	written int
	err     error
}

func startStoryUpdates(ctx context.Context, st store.Store, so StoryOptions, fail context.CancelFunc) *storyUpdates {
	u := &storyUpdates{}
	u.up = NewStoryUpdater(ctx, st, so, func(r StoryUpdate) {
		u.mu.Lock()
		defer u.mu.Unlock()
		u.written += r.Stories
		if r.Err != nil && u.err == nil {
			u.err = r.Err
			fail()
		}
	})
	return u
}

// stored counts n more articles stored and asks for an update every
// restoryEvery of them.
func (u *storyUpdates) stored(n int) {
	if u.since += n; u.since < restoryEvery {
		return
	}
	u.forgetEnded()
	if len(u.asked) == 2 {
		if u.since < 2*restoryEvery {
			return // the update to follow takes these too
		}
		// The updates fall behind: wait for the one under way, so that
		// the articles waiting (and the memory of the next update) stay
		// bounded.
		<-u.asked[0]
		u.asked = u.asked[1:]
	}
	u.asked = append(u.asked, u.up.Update())
	u.since = 0
}

// forgetEnded drops from asked the updates that have ended.
func (u *storyUpdates) forgetEnded() {
	for len(u.asked) > 0 {
		select {
		case <-u.asked[0]:
			u.asked = u.asked[1:]
		default:
			return
		}
	}
}

// stop waits for the updates asked for and returns how many stories the
// updates wrote and the first error.
func (u *storyUpdates) stop() (int, error) {
	for _, c := range u.asked {
		<-c
	}
	u.up.Close()
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.written, u.err
}

// analyzedBatch is a batch of new inputs with their articles, or the error
// each failed with.
type analyzedBatch struct {
	docs []news.RawDoc
	arts []news.Analyzed
	errs []error
}

// readBatches reads documents, skips those the store holds, and sends the
// rest on in bounded batches, cleaned and analysed.
func readBatches(ctx context.Context, st store.Store, docs iter.Seq2[news.RawDoc, error], o Options, res *IngestResult, out chan<- analyzedBatch) error {
	var batch []news.RawDoc
	size := 0
	send := func() bool {
		batch = newOnly(ctx, st, batch, res)
		if len(batch) == 0 {
			return ctx.Err() == nil
		}
		b := analyzeBatch(batch, o)
		batch, size = nil, 0
		select {
		case out <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for doc, err := range docs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			res.Errors = append(res.Errors, errorEntry(err))
			continue
		}
		batch = append(batch, doc)
		size += len(doc.Body)
		if len(batch) >= batchDocs || size >= batchBytes {
			if !send() {
				return ctx.Err()
			}
		}
	}
	if !send() {
		return ctx.Err()
	}
	return nil
}

// newOnly drops the documents the store already holds, counting them as
// known; on a store error it keeps them all (storing them again is
// harmless) and leaves ctx's error to stop the run if it ended.
func newOnly(ctx context.Context, st store.Store, docs []news.RawDoc, res *IngestResult) []news.RawDoc {
	if len(docs) == 0 {
		return docs
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = news.ContentID(d.Original())
	}
	known, err := st.HasRaw(ctx, ids)
	if err != nil {
		return docs
	}
	out := docs[:0]
	seen := map[string]bool{}
	for i, d := range docs {
		if known[ids[i]] || seen[ids[i]] {
			res.Known++
			continue
		}
		seen[ids[i]] = true
		out = append(out, d)
	}
	return out
}

// analyzeBatch cleans and analyses a batch on every core.
func analyzeBatch(batch []news.RawDoc, o Options) analyzedBatch {
	opts := extract.ForBatch(o.Extract, batch)
	b := analyzedBatch{docs: batch, arts: make([]news.Analyzed, len(batch)), errs: make([]error, len(batch))}
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(o.workers(), len(batch))) {
		wg.Go(func() {
			for i := range work {
				start := time.Now()
				b.arts[i], b.errs[i] = analyzeDoc(batch[i], opts)
				if o.Observe != nil && b.errs[i] == nil {
					o.Observe(time.Since(start))
				}
			}
		})
	}
	for i := range batch {
		work <- i
	}
	close(work)
	wg.Wait()
	return b
}

// storeBatch stores a batch in chunks, each input after its article, and
// returns how many articles it stored.
func storeBatch(ctx context.Context, st store.Store, b analyzedBatch, o Options, res *IngestResult) (int, error) {
	stored := 0
	for start := 0; start < len(b.docs); start += ingestChunk {
		end := min(start+ingestChunk, len(b.docs))
		var chunk []news.Analyzed
		for i := start; i < end; i++ {
			if b.errs[i] != nil {
				res.Errors = append(res.Errors, errorEntry(b.errs[i]))
				continue
			}
			chunk = append(chunk, b.arts[i])
		}
		if err := st.PutArticles(ctx, chunk); err != nil {
			return stored, fmt.Errorf("storing articles: %w", err)
		}
		raws := make([]store.RawInput, 0, end-start)
		for _, doc := range b.docs[start:end] {
			raws = append(raws, store.RawInput{Source: doc.Source, Body: doc.Original(), Format: doc.Format.String()})
		}
		added, err := st.PutRaws(ctx, raws)
		if err != nil {
			return stored, fmt.Errorf("storing inputs %s to %s: %w", b.docs[start].Source, b.docs[end-1].Source, err)
		}
		stored += len(chunk)
		// Inputs the store did not take were kept meanwhile by another
		// run (or by this one, met twice): theirs, not added here.
		res.Added += added
		res.Known += end - start - added
		if o.Progress != nil {
			o.Progress(res.Added, 0)
		}
	}
	return stored, nil
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Load reads the whole store back as a digest.
func Load(ctx context.Context, st store.Store) (news.Digest, error) {
	d := news.Digest{Version: news.DigestVersion, Articles: []news.StoryArticle{}, Errors: []news.ErrorEntry{}}
	if err := st.AllArticles(ctx, func(a news.StoryArticle) error {
		d.Articles = append(d.Articles, a)
		return nil
	}); err != nil {
		return d, err
	}
	stories, err := st.Stories(ctx, store.ListOptions{Order: store.OrderMostCovered})
	if stories == nil {
		stories = []news.Story{}
	}
	d.Stories = stories
	return d, err
}
