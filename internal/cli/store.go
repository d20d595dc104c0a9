package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/export"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/postgres"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// dbFlag adds --db: the store, by default $CHORUS_DB or a file in the
// user's data directory.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the store: a SQLite file, or a postgres:// URL (default $CHORUS_DB, else chorus/chorus.db in the user's data directory)")
}

// namedStore is a store that can say where it is, for messages.
type namedStore interface {
	store.Store
	Path() string
}

type postgresStore struct{ *postgres.Store }

func (s postgresStore) Path() string { return s.Name() }

// createFlag adds --create, for the commands that read a store: without
// it they refuse a store that does not exist, so that a mistyped --db
// fails at once instead of showing a new, empty store.
func createFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("create", false, "make the store when it does not exist (without it, a store that does not exist is an error)")
}

// openStore opens the store at path: PostgreSQL for a postgres:// URL, else
// a SQLite file. It makes the store when it does not exist.
func openStore(e env, name, path string) (namedStore, bool) {
	return openExistingStore(e, name, path, true)
}

// openExistingStore opens the store at path as openStore does, except
// that, unless create, it refuses one that does not exist yet, in one
// line naming it.
func openExistingStore(e env, name, path string, create bool) (namedStore, bool) {
	if path == "" {
		path = os.Getenv("CHORUS_DB")
	}
	missing := func(where string) (namedStore, bool) {
		fmt.Fprintf(e.stderr, "chorus %s: %s: no such store (check --db, or add --create to make a new one)\n", name, where)
		return nil, false
	}
	if strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://") {
		if !create {
			exists, where, err := postgres.Exists(context.Background(), path)
			if err != nil {
				fmt.Fprintf(e.stderr, "chorus %s: %v\n", name, err)
				return nil, false
			}
			if !exists {
				return missing(where)
			}
		}
		st, err := postgres.Open(context.Background(), path)
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus %s: %v\n", name, err)
			return nil, false
		}
		return postgresStore{st}, true
	}
	if path == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus %s: no place for the store: %v\n", name, err)
			return nil, false
		}
		path = p
	}
	if !create {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return missing(path)
		}
	}
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus %s: %s: %v\n", name, path, err)
		return nil, false
	}
	return st, true
}

func runIngest(e env, args []string) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	quiet := fs.Bool("quiet", false, "print errors only")
	verbose := fs.Bool("verbose", false, "also name every input that failed in a summary at the end")
	queueURL := fs.String("queue", "", "publish the inputs to this NATS JetStream server (nats://host:port) for `chorus worker`, instead of processing them here")
	stream := fs.String("stream", "chorus", "the queue's stream name, with --queue")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "chorus ingest: no PATH given (use - for stdin)")
		return exitUsage
	}
	if *queueURL != "" {
		return enqueue(e, *queueURL, *stream, fs.Args(), ingest.Options{MaxBytes: *maxBytes}, *quiet)
	}
	st, ok := openStore(e, "ingest", *db)
	if !ok {
		return exitEmpty
	}
	defer st.Close()
	opts := pipeline.DefaultOptions()
	opts.Ingest.MaxBytes = *maxBytes
	if !*quiet {
		opts.Progress = progressBar(e.stderr, "ingest")
	}
	res, err := pipeline.Ingest(context.Background(), st, fs.Args(), e.stdin, opts, pipeline.DefaultStoryOptions())
	if opts.Progress != nil {
		fmt.Fprintln(e.stderr) // end the progress line
	}
	for _, er := range res.Errors {
		fmt.Fprintf(e.stderr, "chorus: %s: %s\n", er.Source, er.Error)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus ingest: %s: %v\n", st.Path(), err)
		return exitEmpty
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "chorus ingest: %d added, %d already stored, %d failed; %d stories new or updated in %s\n",
			res.Added, res.Known, res.Failed(), res.Stories, st.Path())
	}
	if *verbose && res.Failed() > 0 {
		fmt.Fprintf(e.stderr, "chorus ingest: failed inputs:\n")
		for _, er := range res.Errors {
			if !er.Warning {
				fmt.Fprintf(e.stderr, "  %s\n", er.Source)
			}
		}
	}
	if res.Added+res.Known == 0 {
		return exitEmpty
	}
	return exitOK
}

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
	do := pipeline.DefaultStoryOptions().Digest
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
			fmt.Fprintf(e.stderr, "chorus export: %s: %v\n", st.Path(), err)
			return exitEmpty
		}
		o := export.AtomOptions{BaseURL: *baseURL, Installation: stamp.Installation}
		write = func(w io.Writer, d news.Digest) error { return export.AtomFeed(w, d, o) }
	}
	d, err := pipeline.Load(context.Background(), st)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus export: %s: %v\n", st.Path(), err)
		return exitEmpty
	}
	d = digest.LocalizeAll(d, do.Lang, do)
	if err := write(e.stdout, d); err != nil {
		fmt.Fprintf(e.stderr, "chorus export: writing output: %v\n", err)
		return exitEmpty
	}
	return exitOK
}
