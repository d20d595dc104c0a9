package pipeline

import (
	"io"
	"iter"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chorusnews/chorus/internal/extract"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
)

// inputs reads every input under paths and yields process of each, in
// input order, running process on o.workers() documents at once.
//
// Documents go to the workers as they are read, so that a run over many
// pages holds a few of them at a time rather than all: a worker drops a
// page's body once it is done with it, and the reader waits for a free
// worker before it reads on. Plain-text pages are the exception: each is
// cleaned against the lines the run's other plain-text pages share
// (extract.ForBatch), so they are held until every input has been read,
// and then cleaned. Every other input comes out the same whatever it is
// read with, so the output does not depend on the number of workers nor
// on which worker took which input.
func inputs[T any](paths []string, stdin io.Reader, o Options, process func(news.RawDoc, extract.Options) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		type outcome struct {
			v   T
			err error
		}
		// slot is one input's place in the output: the reader links the
		// slots in input order as it reads, without ever waiting for the
		// consumer, which follows the links and waits on each in turn.
		type slot struct {
			done chan outcome // the input's result, sent once
			next chan *slot   // the following input's slot; closed after the last
		}
		type job struct {
			doc  news.RawDoc
			opts extract.Options
			at   *slot
		}
		newSlot := func() *slot { return &slot{done: make(chan outcome, 1), next: make(chan *slot, 1)} }

		work := make(chan job)
		stop := make(chan struct{}) // closed when the consumer stops early
		var total atomic.Int64      // inputs in all, once all are read
		var wg sync.WaitGroup
		for range max(1, o.workers()) {
			wg.Go(func() {
				for j := range work {
					start := time.Now()
					v, err := process(j.doc, j.opts)
					if o.Observe != nil && err == nil {
						o.Observe(time.Since(start))
					}
					j.at.done <- outcome{v, err}
				}
			})
		}
		first := make(chan *slot, 1)
		wg.Go(func() {
			defer close(work)
			send := func(j job) bool {
				select {
				case work <- j:
					return true
				case <-stop:
					return false
				}
			}
			link, n := first, 0
			var held []job
			for doc, err := range ingest.Read(paths, stdin, o.Ingest) {
				select {
				case <-stop:
					return
				default:
				}
				at := newSlot()
				link <- at
				link = at.next
				n++
				if err != nil {
					at.done <- outcome{err: err}
					continue
				}
				doc.Raw = nil // the input as read is for the store; extraction reads Body
				j := job{doc: doc, opts: o.Extract, at: at}
				if extract.InBatch(doc) {
					held = append(held, j)
				} else if !send(j) {
					return
				}
			}
			close(link)
			total.Store(int64(n))
			if len(held) == 0 {
				return
			}
			docs := make([]news.RawDoc, len(held))
			for i, j := range held {
				docs[i] = j.doc
			}
			opts := extract.ForBatch(o.Extract, docs)
			for i, j := range held {
				held[i] = job{} // the worker holds it now
				j.opts = opts
				if !send(j) {
					return
				}
			}
		})
		// A link closed instead of sent ends the inputs: at is nil then.
		for k, at := 1, <-first; at != nil; k, at = k+1, <-at.next {
			r := <-at.done
			if o.Progress != nil {
				o.Progress(k, int(total.Load()))
			}
			if !yield(r.v, r.err) {
				// The reader stops at its next input and the workers
				// after their page. No send of theirs blocks, so they
				// are not waited for: the reader may be in the middle
				// of a long read (a pipe, an archive).
				close(stop)
				return
			}
		}
		wg.Wait()
	}
}
