package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/pipeline"
)

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
	opts := e.cfg.articles
	opts.Ingest.MaxBytes = *maxBytes
	if !*quiet {
		opts.Progress = progressBar(e.stderr, "ingest")
	}
	res, err := pipeline.Ingest(context.Background(), st, fs.Args(), e.stdin, opts, e.cfg.stories)
	if opts.Progress != nil {
		fmt.Fprintln(e.stderr) // end the progress line
	}
	for _, er := range res.Errors {
		fmt.Fprintf(e.stderr, "chorus: %s: %s\n", er.Source, er.Error)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus ingest: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "chorus ingest: %d added, %d already stored, %d failed; %d stories new or updated in %s\n",
			res.Added, res.Known, res.Failed(), res.Stories, st.Where())
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
