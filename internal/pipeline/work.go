package pipeline

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/queue"
	"github.com/chorusnews/chorus/internal/store"
)

// WorkOptions configures a worker.
type WorkOptions struct {
	// Fetch is how many inputs are taken from the queue at once (64).
	Fetch int
	// Wait is how long a fetch waits for inputs (one second).
	Wait time.Duration
	// UntilEmpty ends the worker once the queue is empty and the stories
	// are up to date, instead of waiting for more.
	UntilEmpty bool
	// Progress, when set, is told the totals after every fetch.
	Progress func(WorkResult)
	// Idle, when set, is told when the worker finds the queue empty (true)
	// and when inputs come again (false): while it has none to clean, its
	// story update is the only work it has, and may use more cores.
	Idle func(idle bool)
}

// WorkResult counts what a worker did.
type WorkResult struct {
	Added, Known int
	Stories      int // stories created or changed
	Errors       []news.ErrorEntry
}

// Failed counts the inputs that failed: errors, not warnings.
func (r WorkResult) Failed() int { return failures(r.Errors) }

// untilEmptyPoll is how often a worker that ends with the queue looks
// again while other workers hold its last inputs.
const untilEmptyPoll = 100 * time.Millisecond

// Enqueue publishes every document to the queue and returns how many were
// new to it (an input the queue holds already is not queued twice); a
// document that cannot be queued is reported and the rest go on.
func Enqueue(ctx context.Context, q *queue.Queue, docs iter.Seq2[news.RawDoc, error]) (int, []news.ErrorEntry, error) {
	n := 0
	var errs []news.ErrorEntry
	for doc, err := range docs {
		if err := ctx.Err(); err != nil {
			return n, errs, err
		}
		fresh := false
		if err == nil {
			fresh, err = q.Publish(ctx, doc)
			if err != nil && !errors.Is(err, queue.ErrTooLarge) {
				return n, errs, err // the queue itself failed
			}
			if err != nil {
				err = &news.InputError{Source: doc.Source, Err: err}
			}
		}
		if err != nil {
			errs = append(errs, errorEntry(err))
			continue
		}
		if fresh {
			n++
		}
	}
	return n, errs, nil
}

// Work takes inputs from the queue, cleans, analyses and stores them, and
// brings the stories up to date, until ctx ends (or the queue is empty,
// with UntilEmpty). Several workers may share a queue and a store: each
// input goes to one of them at a time, and stories are only ever changed
// under the store's stories lock, by one worker at a time, from the
// articles waiting in the store — so they come out the same whichever
// worker stored which article. An input is acknowledged once its article
// is stored; a worker killed before that leaves it to be delivered again,
// and one killed after leaves its article waiting in the store for the
// next worker's story update — its own next start at the latest: a worker
// first finishes any story update left pending (by a crash, or by a run
// stopped midway), before it takes new work. Nothing is lost and, the
// writes being keyed by content, nothing is doubled.
func Work(ctx context.Context, st store.Store, q *queue.Queue, o Options, wo WorkOptions, so StoryOptions) (WorkResult, error) {
	if wo.Fetch <= 0 {
		wo.Fetch = 64
	}
	if wo.Wait <= 0 {
		wo.Wait = time.Second
	}
	var res WorkResult
	// Articles an earlier run (of any worker, or an ingest or a server)
	// stored but left waiting go into their stories now, whether or not
	// inputs come: a store left mid-update by a crash heals itself. When
	// nothing waits, this is two look-ups in indexes.
	n, err := Restory(ctx, st, so)
	res.Stories += n
	if err != nil {
		if ctx.Err() != nil {
			return res, nil
		}
		return res, err
	}
	// Story updates run beside the work, as in IngestDocs; when the queue
	// runs dry the worker brings them up to date itself.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stories := startStoryUpdates(ctx, st, so, cancel)
	finish := func(err error) (WorkResult, error) {
		n, serr := stories.stop()
		res.Stories += n
		if err == nil {
			err = serr
		}
		return res, err
	}
	dirty := false // articles stored since the stories were last brought up to date
	idle := false
	setIdle := func(now bool) {
		if now != idle && wo.Idle != nil {
			wo.Idle(now)
		}
		idle = now
	}
	wait := wo.Wait
	if wo.UntilEmpty {
		// A worker that ends with the queue need not wait for it to fill.
		wait = 0
	}
	for {
		ds, err := q.Fetch(ctx, wo.Fetch, wait)
		if err != nil {
			if ctx.Err() != nil {
				return finish(nil)
			}
			return finish(err)
		}
		setIdle(len(ds) == 0)
		if len(ds) == 0 {
			if dirty {
				n, err := Restory(ctx, st, so)
				res.Stories += n
				if err != nil {
					return finish(err)
				}
				dirty = false
			}
			if wo.UntilEmpty {
				left, err := q.Pending(ctx)
				if err != nil {
					return finish(err)
				}
				if left == 0 {
					// Other workers may have stored articles since.
					n, err := Restory(ctx, st, so)
					res.Stories += n
					return finish(err)
				}
				// Other workers hold the rest: look again shortly, for
				// their acknowledgements or for inputs a worker that
				// died leaves to come back.
				wait = min(wo.Wait, untilEmptyPoll)
			}
			continue
		}
		var docs []news.RawDoc
		for _, d := range ds {
			if d.Err != nil {
				res.Errors = append(res.Errors, errorEntry(d.Err))
				continue
			}
			docs = append(docs, d.Doc)
		}
		var ir IngestResult
		docs = newOnly(ctx, st, docs, &ir) // some may come again after a worker stored them
		n, err := storeBatch(ctx, st, analyzeBatch(docs, o), o, &ir)
		res.Added += ir.Added
		res.Known += ir.Known
		res.Errors = append(res.Errors, ir.Errors...)
		if err != nil {
			return finish(err) // unacknowledged: they come again
		}
		if err := q.AckAll(ctx, ds); err != nil {
			return finish(err)
		}
		dirty = dirty || n > 0
		stories.stored(n)
		if wo.Progress != nil {
			wo.Progress(res)
		}
	}
}
