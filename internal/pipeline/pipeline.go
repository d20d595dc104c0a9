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
// clean article, or a *news.InputError for an input that fails, in input
// order; one bad input never stops the run. Inputs are cleaned o.Workers
// at a time (see inputs); the output is the same whatever their number.
func Articles(paths []string, stdin io.Reader, o Options) iter.Seq2[news.Article, error] {
	return inputs(paths, stdin, o, extract.Extract)
}

// Analyzed is Articles with each article's quotes, entities and facts read,
// on the same workers.
func Analyzed(paths []string, stdin io.Reader, o Options) iter.Seq2[news.Analyzed, error] {
	return inputs(paths, stdin, o, analyzeDoc)
}

// analyzeDoc cleans doc with opts and reads the article's quotes, entities
// and facts: the work each input gets, streamed (Analyzed) or in a batch
// (analyzeBatch).
func analyzeDoc(doc news.RawDoc, opts extract.Options) (news.Analyzed, error) {
	a, err := extract.Extract(doc, opts)
	if err != nil {
		return news.Analyzed{}, err
	}
	return analyze.Analyze(a), nil
}
