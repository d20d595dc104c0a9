package cli

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/export"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
)

func runExport(e env, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	format := fs.String("format", "json", "json, markdown or atom")
	baseURL := fs.String("base-url", export.DefaultBaseURL, "with --format atom: the address of `chorus serve`'s pages, which entries link to")
	create := createFlag(fs)
	lang := langFlag(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	do := e.cfg.stories.Digest
	if !setLang(e, "export", *lang, &do) {
		return exitUsage
	}
	write := export.JSON
	switch *format {
	case "json":
	case "markdown":
		write = export.Markdown
	case "atom":
		write = nil // needs the store's installation id: see below
	default:
		fmt.Fprintf(e.stderr, "chorus export: unknown --format %q (json, markdown or atom)\n", *format)
		return exitUsage
	}
	st, ok := openExistingStore(e, "export", *db, *create)
	if !ok {
		return exitEmpty
	}
	defer st.Close()
	if write == nil {
		stamp, err := st.Stamp(context.Background())
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus export: %s: %v\n", st.Where(), err)
			return exitEmpty
		}
		o := export.AtomOptions{BaseURL: *baseURL, Installation: stamp.Installation}
		write = func(w io.Writer, d news.Digest) error { return export.AtomFeed(w, d, o) }
	}
	d, err := pipeline.Load(context.Background(), st)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus export: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	d = digest.LocalizeAll(d, do.Lang, do)
	if err := write(e.stdout, d); err != nil {
		fmt.Fprintf(e.stderr, "chorus export: writing output: %v\n", err)
		return exitEmpty
	}
	return exitOK
}
