package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"iter"
	"net/netip"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/watch"
)

// opmlFiles collects repeated --opml flags.
type opmlFiles []string

func (f *opmlFiles) String() string     { return strings.Join(*f, ",") }
func (f *opmlFiles) Set(v string) error { *f = append(*f, v); return nil }

// allowNet collects repeated --allow-net flags, each a list of ranges.
type allowNet []netip.Prefix

func (a *allowNet) String() string {
	var s []string
	for _, p := range *a {
		s = append(s, p.String())
	}
	return strings.Join(s, ",")
}

func (a *allowNet) Set(v string) error {
	p, err := watch.ParseAllowNet(v)
	if err != nil {
		return err
	}
	*a = append(*a, p...)
	return nil
}

// runWatch polls the feeds subscribed to, or with a first argument
// manages the subscriptions: add, remove, list, export, retry.
func runWatch(e env, args []string) int {
	if len(args) > 0 {
		for _, sub := range watchCommands {
			if args[0] == sub.name {
				return sub.run(e, args[1:])
			}
		}
	}
	return watchRun(e, args)
}

func watchRun(e env, args []string) int {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	var opml opmlFiles
	fs.Var(&opml, "opml", "read the feeds to watch from this OPML subscription list (may be repeated)")
	def := watch.DefaultOptions()
	interval := fs.Duration("interval", def.Interval, "time between two polls of a feed; after failures it doubles, up to 24h")
	once := fs.Bool("once", false, "poll every feed once (those backing off after failures excepted) and exit, as from cron")
	delay := fs.Duration("delay", def.Delay, "least pause between two requests to one host")
	timeout := fs.Duration("timeout", def.Timeout, "limit on one request, body included")
	statePath := fs.String("state", "", "keep each feed's validators and schedule in this file rather than in the store")
	var allow allowNet
	fs.Var(&allow, "allow-net", "fetch feeds and pages at the internal addresses in `CIDR[,CIDR...]` all the same, for feeds on your own network\n"+
		"(e.g. 127.0.0.0/8,10.1.0.0/16; may be repeated). Without it, loopback, private, link-local, CGNAT, multicast\n"+
		"and other internal addresses are refused when dialled: after DNS, and on every redirect")
	quiet := fs.Bool("quiet", false, "print errors only")
	verbose := fs.Bool("verbose", false, "also say what each poll of each feed did")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *interval <= 0 || *timeout <= 0 || *delay < 0 {
		fmt.Fprintln(e.stderr, "chorus watch: --interval and --timeout must be positive, --delay not negative")
		return exitUsage
	}
	given := watchList(e, opml, fs.Args())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, ok := openStore(e, "watch", *db)
	if !ok {
		return exitEmpty
	}
	defer st.Close()
	// The feeds given are remembered, and the watch polls every feed
	// subscribed to, those of earlier runs and of chorus watch add too.
	feeds, err := subscribe(ctx, st, given)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	if len(feeds) == 0 {
		fmt.Fprintln(e.stderr, "chorus watch: no feeds to watch (give URLs or --opml FILE, or chorus watch add URL)")
		return exitUsage
	}
	var states watch.States = storeStates{st}
	if *statePath != "" {
		states = watch.FileStates(*statePath)
	}

	o := def
	o.Interval, o.Delay, o.Timeout, o.States = *interval, *delay, *timeout, states
	o.AllowNet = allow
	o.Report = func(err error) { fmt.Fprintf(e.stderr, "chorus: %v\n", err) }
	if *verbose {
		o.Logf = func(format string, args ...any) { fmt.Fprintf(e.stderr, "chorus watch: "+format+"\n", args...) }
	}
	w, err := watch.New(feeds, storeSink(e, st, *quiet), o)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch: %v\n", err)
		return exitEmpty
	}

	if *once {
		r, err := w.Poll(ctx)
		if !*quiet {
			fmt.Fprintf(e.stderr, "chorus watch: %d feeds polled: %d unchanged, %d failed, %d backing off; %d new items, %d pages fetched behind teasers\n",
				r.Polled, r.Unchanged, r.Failed, r.Waiting, r.Items, r.Pages)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus watch: %v\n", err)
			return exitEmpty
		}
		if r.Polled > 0 && r.Failed == r.Polled {
			return exitEmpty // every feed asked failed
		}
		return exitOK
	}

	if !*quiet {
		fmt.Fprintf(e.stderr, "chorus watch: watching %d feeds every %s into %s\n", len(feeds), *interval, st.Where())
	}
	err = w.Run(ctx)
	if errors.Is(err, context.Canceled) {
		if !*quiet {
			fmt.Fprintln(e.stderr, "chorus watch: stopped")
		}
		return exitOK
	}
	fmt.Fprintf(e.stderr, "chorus watch: %v\n", err)
	return exitEmpty
}

// watchList gathers the feeds of the OPML files and of the URLs given,
// each once. A list that cannot be read and a URL that cannot be fetched
// each get a line on stderr; the others are watched all the same.
func watchList(e env, opml, urls []string) []watch.Feed {
	var feeds []watch.Feed
	seen := map[string]bool{}
	add := func(f watch.Feed) {
		if seen[f.URL] {
			return
		}
		seen[f.URL] = true
		if err := watch.CheckURL(f.URL); err != nil {
			fmt.Fprintf(e.stderr, "chorus: %s: %v\n", f.URL, err)
			return
		}
		feeds = append(feeds, f)
	}
	for _, file := range opml {
		list, err := watch.ReadOPML(file)
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus watch: %v\n", err)
			continue
		}
		if len(list) == 0 {
			fmt.Fprintf(e.stderr, "chorus watch: %s: no feeds in it (no outline has an xmlUrl)\n", file)
		}
		for _, f := range list {
			add(f)
		}
	}
	for _, u := range urls {
		add(watch.Feed{URL: u})
	}
	return feeds
}

// storeSink stores what the watch hands on, with the stories around it,
// and says so unless quiet.
func storeSink(e env, st store.Opened, quiet bool) watch.Sink {
	return func(ctx context.Context, docs iter.Seq2[news.RawDoc, error]) error {
		res, err := pipeline.IngestDocs(ctx, st, docs, e.cfg.articles, e.cfg.stories)
		for _, er := range res.Errors {
			fmt.Fprintf(e.stderr, "chorus: %s: %s\n", er.Source, er.Error)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", st.Where(), err)
		}
		if !quiet {
			fmt.Fprintf(e.stderr, "chorus watch: %d added, %d already stored, %d failed; %d stories new or updated in %s\n",
				res.Added, res.Known, res.Failed(), res.Stories, st.Where())
		}
		return nil
	}
}
