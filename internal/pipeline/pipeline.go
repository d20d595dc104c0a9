// Package pipeline runs the stages in order over a stream of inputs: it is
// the one place that calls several stages in a row.
package pipeline

import (
	"io"
	"iter"
	"time"

	"github.com/chorusnews/chorus/internal/analyze"
	"github.com/chorusnews/chorus/internal/extract"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
)

// Options configures a run.
type Options struct {
	Ingest  ingest.Options
	Extract extract.Options
	// Progress, when set, is told how many of a run's new inputs are done,
	// and how many there are in all when that is known (else 0).
	Progress func(done, total int)
	// Workers is how many documents are cleaned and analysed at once;
	// 0 means one per core.
	Workers int
	// Observe, when set, is told how long each document took to clean
	// and analyse; it is called from several goroutines at once.
	Observe func(took time.Duration)
}

// DefaultOptions are the measured defaults of every stage.
func DefaultOptions() Options {
	return Options{Extract: extract.DefaultOptions()}
}

// Articles reads every input under paths ("-" for stdin) and yields its
// clean article, or a *news.InputError for an input that fails; one bad
// input never stops the run. The batch is read whole before extraction so
// that furniture repeated across its pages can be told from article text.
func Articles(paths []string, stdin io.Reader, o Options) iter.Seq2[news.Article, error] {
	return func(yield func(news.Article, error) bool) {
		type item struct {
			doc news.RawDoc
			err error
		}
		var items []item
		var docs []news.RawDoc
		for doc, err := range ingest.Read(paths, stdin, o.Ingest) {
			items = append(items, item{doc, err})
			if err == nil {
				docs = append(docs, doc)
			}
		}
		opts := extract.ForBatch(o.Extract, docs)
		for k, it := range items {
			if o.Progress != nil {
				o.Progress(k+1, len(items))
			}
			if it.err != nil {
				if !yield(news.Article{}, it.err) {
					return
				}
				continue
			}
			if !yield(extract.Extract(it.doc, opts)) {
				return
			}
		}
	}
}

// Analyzed is Articles with each article's quotes, entities and facts read.
func Analyzed(paths []string, stdin io.Reader, o Options) iter.Seq2[news.Analyzed, error] {
	return func(yield func(news.Analyzed, error) bool) {
		for a, err := range Articles(paths, stdin, o) {
			if err != nil {
				if !yield(news.Analyzed{}, err) {
					return
				}
				continue
			}
			if !yield(analyze.Analyze(a), nil) {
				return
			}
		}
	}
}
