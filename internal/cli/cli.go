// Package cli implements chorus's subcommands: flags, wiring, exit codes.
package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/pipeline"
)

// Exit statuses, as the contract fixes them.
const (
	exitOK    = 0
	exitEmpty = 1 // no article came out
	exitUsage = 2
)

// env is what a subcommand may touch of the outside world, and the one
// configuration of the stages every command runs with.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cfg            config
}

// config is the configuration of the stages, built once in Main, so that
// every command (and the two halves of serve: its story updates and its
// POSTs) cleans, analyses and forms stories alike; flags change copies of
// it.
type config struct {
	articles pipeline.Options
	stories  pipeline.StoryOptions
}

func defaultConfig() config {
	return config{articles: pipeline.DefaultOptions(), stories: pipeline.DefaultStoryOptions()}
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
	{"watch", "poll the feeds subscribed to and store their new articles: chorus watch [--db STORE] [--opml FILE] [--interval 15m] [--once] [URL...]; manage them: chorus watch add|remove|list|export|retry", runWatch},
	{"serve", "the JSON API, Atom feeds and web UI over the store: chorus serve [--db STORE] [--create] [--addr HOST:PORT] [--base-url URL] [--outlets FILE]", runServe},
	{"bench", "measure the pipeline on a synthetic stream: chorus bench [--articles N]", runBench},
	{"export", "write the whole store: chorus export [--db STORE] [--create] --format json|markdown|atom [--base-url URL]", runExport},
	{"version", "print the version of chorus and how it was built: chorus version", runVersion},
}

// Main runs chorus with args (without the program name) and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr, cfg: defaultConfig()}
	switch {
	case len(args) == 0:
		usage(stderr)
		return exitUsage
	case args[0] == "-h" || args[0] == "--help" || args[0] == "-help":
		usage(stdout)
		return exitOK
	case args[0] == "help":
		return help(e, args[1:])
	case args[0] == "--version" || args[0] == "-version":
		return runVersion(e, nil)
	}
	for _, c := range commands {
		if c.name == args[0] {
			if asksHelp(args[1:]) {
				return commandHelp(e, c)
			}
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
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\n'chorus help COMMAND' or 'chorus COMMAND --help' lists a command's flags.")
}

// help answers "chorus help [COMMAND]" on stdout.
func help(e env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return commandHelp(e, c)
		}
	}
	fmt.Fprintf(e.stderr, "chorus help: unknown command %q\n", args[0])
	usage(e.stderr)
	return exitUsage
}

// asksHelp tells a command line that asks for help before any argument
// that is not a flag's; what follows "--" is a path, even "-h".
func asksHelp(args []string) bool {
	end := slices.Index(args, "--")
	if end < 0 {
		end = len(args)
	}
	return slices.ContainsFunc(args[:end], func(a string) bool { return a == "-h" || a == "-help" || a == "--help" })
}

// commandHelp prints what a command is for and its flags, on stdout: help
// asked for is the answer, not an error. The command's own flag set
// prints the flags, so that they are never listed twice and never stale.
func commandHelp(e env, c command) int {
	fmt.Fprintf(e.stdout, "chorus %s: %s\n\nflags:\n", c.name, c.summary)
	c.run(env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: flagsOnly{e.stdout}, cfg: e.cfg}, []string{"-h"})
	return exitOK
}

// flagsOnly passes on the flag package's listing of a flag set, without
// its "Usage of" heading, which commandHelp has written in its own words.
type flagsOnly struct{ w io.Writer }

func (f flagsOnly) Write(p []byte) (int, error) {
	if strings.HasPrefix(string(p), "Usage of ") {
		return len(p), nil
	}
	return f.w.Write(p)
}

// runVersion prints the module version and the commit chorus was built
// from, as the Go toolchain recorded them in the binary.
func runVersion(e env, args []string) int {
	if len(args) > 0 && !asksHelp(args) {
		fmt.Fprintln(e.stderr, "chorus version: takes no arguments")
		return exitUsage
	}
	fmt.Fprintln(e.stdout, versionLine())
	return exitOK
}

func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "chorus (version unknown: built without module information)"
	}
	version := bi.Main.Version
	if version == "" || version == "(devel)" {
		version = "devel"
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	line := "chorus " + version
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified {
			rev += "+changes"
		}
		line += " (commit " + rev
		if when != "" {
			line += ", " + when
		}
		line += ")"
	}
	return line + " " + bi.GoVersion
}
