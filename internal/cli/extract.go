package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
)

func runExtract(e env, args []string) int {
	return runArticles(e, "extract", args, func(paths []string, o pipeline.Options) iter.Seq2[news.Article, error] {
		return pipeline.Articles(paths, e.stdin, o)
	}, writeReadable)
}

func runAnalyze(e env, args []string) int {
	return runArticles(e, "analyze", args, func(paths []string, o pipeline.Options) iter.Seq2[news.Analyzed, error] {
		return pipeline.Analyzed(paths, e.stdin, o)
	}, writeAnalyzed)
}

// runArticles is the shared body of the commands that write one object per
// input: flags, the run, errors on stderr, the exit status.
func runArticles[T any](e env, name string, args []string, run func([]string, pipeline.Options) iter.Seq2[T, error], readable func(io.Writer, T)) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "write one JSON article object per line")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(e.stderr, "chorus %s: no PATH given (use - for stdin)\n", name)
		return exitUsage
	}
	opts := e.cfg.articles
	opts.Ingest.MaxBytes = *maxBytes
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	n := 0
	for v, err := range run(fs.Args(), opts) {
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus: %v\n", err)
			continue
		}
		n++
		if !*asJSON {
			readable(e.stdout, v)
			continue
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(e.stderr, "chorus: writing output: %v\n", err)
			return exitEmpty
		}
	}
	if n == 0 {
		return exitEmpty
	}
	return exitOK
}

// writeReadable prints an article for a person reading a terminal.
func writeReadable(w io.Writer, a news.Article) {
	fmt.Fprintf(w, "# %s\n", a.Title)
	meta := []string{}
	for _, f := range []struct{ k, v string }{
		{"source", a.Source}, {"outlet", a.Outlet}, {"by", strings.Join(a.Authors, ", ")},
		{"published", a.Published}, {"language", a.Language}, {"url", a.URL}, {"dateline", a.Dateline},
	} {
		if f.v != "" {
			meta = append(meta, f.k+": "+f.v)
		}
	}
	fmt.Fprintf(w, "%s\n\n%s\n\n", strings.Join(meta, " | "), a.Text)
}

// writeAnalyzed prints an article's quotes, entities and facts.
func writeAnalyzed(w io.Writer, a news.Analyzed) {
	fmt.Fprintf(w, "# %s\n%s\n", a.Title, a.Source)
	if len(a.Quotes) > 0 {
		fmt.Fprintln(w, "\nQuotes")
		for _, q := range a.Quotes {
			mark := "~"
			if q.Direct {
				mark = "“"
			}
			fmt.Fprintf(w, "  %s %s (%s): %s\n", mark, q.Speaker, q.Cue, q.Text)
		}
	}
	if len(a.Entities) > 0 {
		fmt.Fprintln(w, "\nEntities")
		for _, en := range a.Entities {
			alias := ""
			if len(en.Aliases) > 0 {
				alias = " — also " + strings.Join(en.Aliases, ", ")
			}
			fmt.Fprintf(w, "  %s [%s] ×%d%s\n", en.Name, en.Type, en.Mentions, alias)
		}
	}
	if len(a.Facts) > 0 {
		fmt.Fprintln(w, "\nFacts")
		for _, f := range a.Facts {
			fmt.Fprintf(w, "  %s — %s %s (%s)\n", f.Text, f.Value, f.Unit, f.Kind)
		}
	}
	fmt.Fprintln(w)
}
