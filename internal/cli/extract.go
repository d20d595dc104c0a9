package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
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
	opts := pipeline.DefaultOptions()
	opts.Ingest.MaxBytes = *maxBytes
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	n := 0
	for a, err := range pipeline.Articles(fs.Args(), e.stdin, opts) {
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus: %v\n", err)
			continue
		}
		n++
		if !*asJSON {
			writeReadable(e.stdout, a)
			continue
		}
		if err := enc.Encode(a); err != nil {
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
