// Package cli implements chorus's subcommands: flags, wiring, exit codes.
package cli

import (
	"fmt"
	"io"
)

// Exit statuses, as the contract fixes them.
const (
	exitOK    = 0
	exitEmpty = 1 // no article came out
	exitUsage = 2
)

// env is what a subcommand may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name, summary string
	run           func(e env, args []string) int
}

var commands = []command{
	{"extract", "clean articles from raw pages: chorus extract [--json] PATH...", runExtract},
	{"analyze", "read quotes, entities and facts: chorus analyze [--json] PATH...", runAnalyze},
	{"digest", "group articles into stories and digest them: chorus digest [--json | --markdown] PATH...", runDigest},
	{"ingest", "add articles to the store and update its stories: chorus ingest [--db STORE | --queue nats://HOST:PORT] PATH...", runIngest},
	{"worker", "take inputs from the queue into the store: chorus worker [--db STORE] [--queue nats://HOST:PORT]", runWorker},
	{"watch", "poll feeds and store their new articles: chorus watch [--db STORE] [--opml FILE] [--interval 15m] [--once] URL...", runWatch},
	{"serve", "the JSON API and Atom feed over the store: chorus serve [--db FILE] [--addr HOST:PORT]", runServe},
	{"bench", "measure the pipeline on a synthetic stream: chorus bench [--articles N]", runBench},
	{"export", "write the whole store: chorus export [--db FILE] --format json|markdown|atom", runExport},
}

// Main runs chorus with args (without the program name) and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			if c.name != "extract" { // see tuneGC
				tuneGC()
			}
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "chorus: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: chorus COMMAND [flags] PATH...")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
}
