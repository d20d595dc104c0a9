package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/chorusnews/chorus/internal/extract"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
)

func runExtract(e env, args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "write one JSON article object per line")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "chorus extract: no PATH given (use - for stdin)")
		return exitUsage
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	// The whole batch is read first so that furniture repeated across its
	// pages can be told from article text.
	type item struct {
		doc news.RawDoc
		err error
	}
	var items []item
	var docs []news.RawDoc
	for doc, err := range ingest.Read(fs.Args(), e.stdin, ingest.Options{MaxBytes: *maxBytes}) {
		items = append(items, item{doc, err})
		if err == nil {
			docs = append(docs, doc)
		}
	}
	opts := extract.ForBatch(extract.DefaultOptions(), docs)
	n := 0
	for _, it := range items {
		if it.err != nil {
			fmt.Fprintf(e.stderr, "chorus: %v\n", it.err)
			continue
		}
		a, err := extract.Extract(it.doc, opts)
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus: %v\n", err)
			continue
		}
		n++
		if *asJSON {
			if err := enc.Encode(a); err != nil {
				fmt.Fprintf(e.stderr, "chorus: writing output: %v\n", err)
				return exitEmpty
			}
			continue
		}
		writeReadable(e.stdout, a)
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
