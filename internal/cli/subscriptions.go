package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/watch"
)

// watchCommands manage the feeds chorus watch polls, kept in the store.
var watchCommands = []command{
	{"add", "subscribe to feeds, or to the feeds a web page names: chorus watch add [--db STORE] URL...", watchAdd},
	{"remove", "unsubscribe from feeds: chorus watch remove [--db STORE] URL...", watchRemove},
	{"list", "the feeds subscribed to, with last fetch, next fetch and last error: chorus watch list [--db STORE] [--json]", watchListCommand},
	{"export", "the subscriptions as an OPML list for a feed reader: chorus watch export [--db STORE] > feeds.opml", watchExport},
	{"retry", "poll feeds now, even those backing off after failures: chorus watch retry [--db STORE] URL...", watchRetry},
}

// subscribe remembers the feeds given and returns every feed subscribed
// to, each checked: one the store holds that is no longer acceptable (a
// scheme since refused) is left out.
func subscribe(ctx context.Context, st store.Subscriptions, given []watch.Feed) ([]watch.Feed, error) {
	if len(given) > 0 {
		subs := make([]store.Subscription, len(given))
		for i, f := range given {
			subs[i] = store.Subscription{URL: f.URL, Title: f.Title}
		}
		if _, err := st.Subscribe(ctx, subs); err != nil {
			return nil, err
		}
	}
	subs, err := st.Subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	var feeds []watch.Feed
	for _, s := range subs {
		if watch.CheckURL(s.URL) == nil {
			feeds = append(feeds, watch.Feed{URL: s.URL, Title: s.Title})
		}
	}
	return feeds, nil
}

// storeStates keeps the watcher's feed states in the store's
// subscriptions: the schedule and errors in their own columns, which the
// list and the web UI show, and the rest (validators, items seen) as the
// watcher's record.
type storeStates struct{ st store.Subscriptions }

// watchRecord is the part of a feed's state that has no column of its own.
type watchRecord struct {
	ETag         string   `json:"etag,omitempty"`
	LastModified string   `json:"last_modified,omitempty"`
	Seen         []string `json:"seen,omitempty"`
}

func (s storeStates) LoadStates(ctx context.Context) (map[string]*watch.FeedState, error) {
	subs, err := s.st.Subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*watch.FeedState, len(subs))
	for _, sub := range subs {
		// A record that cannot be read costs a full fetch of the feed,
		// nothing more: it holds validators and items seen.
		var rec watchRecord
		_ = json.Unmarshal(sub.Watch, &rec)
		out[sub.URL] = &watch.FeedState{ETag: rec.ETag, LastModified: rec.LastModified, Seen: rec.Seen,
			LastPoll: sub.LastFetch, NextPoll: sub.NextFetch, Failures: sub.Failures, LastError: sub.LastError}
	}
	return out, nil
}

func (s storeStates) SaveStates(ctx context.Context, feeds map[string]*watch.FeedState) error {
	subs := make([]store.Subscription, 0, len(feeds))
	for u, fs := range feeds {
		record, err := json.Marshal(watchRecord{ETag: fs.ETag, LastModified: fs.LastModified, Seen: fs.Seen})
		if err != nil {
			return err
		}
		subs = append(subs, store.Subscription{URL: u, LastFetch: fs.LastPoll, NextFetch: fs.NextPoll, Failures: fs.Failures,
			LastError: fs.LastError, Watch: record})
	}
	return s.st.SaveFeedStates(ctx, subs)
}

// fetchFlags are the flags of the watch subcommands that fetch.
type fetchFlags struct {
	allow   allowNet
	timeout *time.Duration
}

func addFetchFlags(fs *flag.FlagSet) *fetchFlags {
	f := &fetchFlags{}
	fs.Var(&f.allow, "allow-net", "fetch at the internal addresses in `CIDR[,CIDR...]` all the same (see chorus watch --help)")
	f.timeout = fs.Duration("timeout", watch.DefaultOptions().Timeout, "limit on one request, body included")
	return f
}

func (f *fetchFlags) options() watch.Options {
	o := watch.DefaultOptions()
	o.AllowNet, o.Timeout = f.allow, *f.timeout
	return o
}

// watchSubcommand parses a subcommand's flags and opens the store; done is
// false when it already answered.
func watchSubcommand(e env, name string, args []string, extra func(*flag.FlagSet)) (st store.Opened, fs *flag.FlagSet, code int, done bool) {
	fs = flag.NewFlagSet("watch "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		return nil, fs, exitUsage, true
	}
	st, ok := openStore(e, "watch "+name, *db)
	if !ok {
		return nil, fs, exitEmpty, true
	}
	return st, fs, exitOK, false
}

func watchAdd(e env, args []string) int {
	var fetch *fetchFlags
	var asGiven *bool
	st, fs, code, done := watchSubcommand(e, "add", args, func(fs *flag.FlagSet) {
		fetch = addFetchFlags(fs)
		asGiven = fs.Bool("as-given", false, "subscribe to each URL as it is, without fetching it to find its feeds")
	})
	if done {
		return code
	}
	defer st.Close()
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "chorus watch add: no URL given")
		return exitUsage
	}
	ctx := context.Background()
	var found []store.Subscription
	for _, u := range fs.Args() {
		if err := watch.CheckURL(u); err != nil {
			fmt.Fprintf(e.stderr, "chorus: %s: %v\n", u, err)
			continue
		}
		if *asGiven {
			found = append(found, store.Subscription{URL: u})
			continue
		}
		feeds, err := watch.Discover(ctx, u, fetch.options())
		if err != nil {
			fmt.Fprintf(e.stderr, "chorus: %s: %v\n", u, err)
			continue
		}
		for _, f := range feeds {
			found = append(found, store.Subscription{URL: f.URL, Title: f.Title})
			if f.URL != u {
				fmt.Fprintf(e.stdout, "%s: found %s%s\n", u, f.URL, titled(f.Title))
			}
		}
	}
	if len(found) == 0 {
		return exitEmpty
	}
	added, err := st.Subscribe(ctx, found)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch add: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	fmt.Fprintf(e.stdout, "%d feeds added, %d already subscribed to\n", added, len(found)-added)
	return exitOK
}

func titled(title string) string {
	if title == "" {
		return ""
	}
	return " (" + title + ")"
}

func watchRemove(e env, args []string) int {
	st, fs, code, done := watchSubcommand(e, "remove", args, nil)
	if done {
		return code
	}
	defer st.Close()
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "chorus watch remove: no URL given")
		return exitUsage
	}
	removed, err := st.Unsubscribe(context.Background(), fs.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch remove: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	fmt.Fprintf(e.stdout, "%d feeds removed\n", removed)
	if removed < fs.NArg() {
		fmt.Fprintf(e.stderr, "chorus watch remove: %d of the URLs given were not subscribed to\n", fs.NArg()-removed)
		return exitEmpty
	}
	return exitOK
}

// subscriptionJSON is a subscription as chorus watch list --json writes it.
type subscriptionJSON struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Added     string `json:"added"`
	LastFetch string `json:"last_fetch"`
	NextFetch string `json:"next_fetch"`
	Failures  int    `json:"failures"`
	LastError string `json:"last_error"`
}

func watchListCommand(e env, args []string) int {
	var asJSON *bool
	st, _, code, done := watchSubcommand(e, "list", args, func(fs *flag.FlagSet) {
		asJSON = fs.Bool("json", false, "one JSON object per feed")
	})
	if done {
		return code
	}
	defer st.Close()
	subs, err := st.Subscriptions(context.Background())
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch list: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, s := range subs {
			enc.Encode(subscriptionJSON{URL: s.URL, Title: s.Title, Added: rfc3339(s.Added), LastFetch: rfc3339(s.LastFetch),
				NextFetch: rfc3339(s.NextFetch), Failures: s.Failures, LastError: s.LastError})
		}
		return exitOK
	}
	writeSubscriptions(e.stdout, subs)
	return exitOK
}

func writeSubscriptions(w io.Writer, subs []store.Subscription) {
	if len(subs) == 0 {
		fmt.Fprintln(w, "no feeds subscribed to: chorus watch add URL")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FEED\tTITLE\tLAST FETCH\tNEXT FETCH\tFAILURES\tLAST ERROR")
	for _, s := range subs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", s.URL, s.Title, orNever(s.LastFetch), orNever(s.NextFetch), s.Failures, s.LastError)
	}
	tw.Flush()
}

func orNever(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func watchExport(e env, args []string) int {
	st, _, code, done := watchSubcommand(e, "export", args, nil)
	if done {
		return code
	}
	defer st.Close()
	subs, err := st.Subscriptions(context.Background())
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch export: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	feeds := make([]watch.Feed, len(subs))
	for i, s := range subs {
		feeds[i] = watch.Feed{URL: s.URL, Title: s.Title}
	}
	if err := watch.WriteOPML(e.stdout, "Chorus subscriptions", feeds); err != nil {
		fmt.Fprintf(e.stderr, "chorus watch export: %v\n", err)
		return exitEmpty
	}
	return exitOK
}

// watchRetry polls the feeds named at once, backing off or not, and
// stores what they bring.
func watchRetry(e env, args []string) int {
	var fetch *fetchFlags
	st, fs, code, done := watchSubcommand(e, "retry", args, func(fs *flag.FlagSet) { fetch = addFetchFlags(fs) })
	if done {
		return code
	}
	defer st.Close()
	ctx := context.Background()
	subs, err := st.Subscriptions(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch retry: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	asked := map[string]bool{}
	for _, u := range fs.Args() {
		asked[u] = true
	}
	var feeds []watch.Feed
	var due []store.Subscription
	for _, s := range subs {
		if asked[s.URL] || fs.NArg() == 0 && s.Failures > 0 {
			feeds = append(feeds, watch.Feed{URL: s.URL, Title: s.Title})
			s.NextFetch = time.Time{}
			due = append(due, s)
			delete(asked, s.URL)
		}
	}
	for u := range asked {
		fmt.Fprintf(e.stderr, "chorus: %s: not subscribed to (chorus watch add it first)\n", u)
	}
	if len(feeds) == 0 {
		fmt.Fprintln(e.stderr, "chorus watch retry: no feed to retry (name them, or none is failing)")
		return exitEmpty
	}
	if err := st.SaveFeedStates(ctx, due); err != nil {
		fmt.Fprintf(e.stderr, "chorus watch retry: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	o := fetch.options()
	o.States = storeStates{st}
	o.Report = func(err error) { fmt.Fprintf(e.stderr, "chorus: %v\n", err) }
	w, err := watch.New(feeds, storeSink(e, st, true), o)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus watch retry: %v\n", err)
		return exitEmpty
	}
	r, err := w.Poll(ctx)
	fmt.Fprintf(e.stderr, "chorus watch retry: %d feeds polled, %d failed; %d new items\n", r.Polled, r.Failed, r.Items)
	if err != nil || r.Failed == r.Polled {
		return exitEmpty
	}
	return exitOK
}
