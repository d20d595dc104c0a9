package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/outlets"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/server"
	"github.com/chorusnews/chorus/internal/store"
)

func runServe(e env, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", os.Getenv("CHORUS_TOKEN"), "token that POST /api/v1/articles requires (default $CHORUS_TOKEN; none: read-only)")
	create := createFlag(fs)
	baseURL := fs.String("base-url", "", "the address the server is reached at, which feeds link to pages by (default: the Host of each request)")
	lang := fs.String("lang", "", "tell stories' titles and summaries in this language (ISO 639-1, e.g. de) when some of their articles are in it, unless a request asks for another (?lang=)")
	outletFile := fs.String("outlets", "", "your outlet file: CSV with a header naming a domain or name column and any others (country, lean, owner…); coverage is counted by them and /blindspots shows the stories only one side covered")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	table, err := loadOutlets(*outletFile)
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus serve: %v\n", err)
		return exitUsage
	}
	var do digest.Options
	if !setLang(e, "serve", *lang, &do) {
		return exitUsage
	}
	st, ok := openExistingStore(e, "serve", *db, *create)
	if !ok {
		return exitEmpty
	}
	defer st.Close()
	// Story updates run in the background, on a context that outlives
	// each request (a client that goes away does not leave the articles it
	// sent waiting) and ends once the server has shut down.
	work, stopWork := context.WithCancel(context.Background())
	defer stopWork()
	stories := pipeline.NewStoryUpdater(work, st, e.cfg.stories, logStoryUpdates(e, work))
	defer stories.Close()
	// A server killed midway through a POST (or an ingest killed midway,
	// or a change of the story options) left articles waiting for their
	// stories: they go into them now, without delaying the listener.
	go healStories(e, work, st, stories)
	hs := server.New(st, server.Options{Token: *token, Lang: do.Lang, BaseURL: *baseURL, Outlets: table, Ingest: postIngest(e, work, st, stories, postStoryWait)}).HTTPServer(*addr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	shutDown := make(chan struct{})
	go func() {
		defer close(shutDown)
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		hs.Shutdown(shutdown)
	}()
	fmt.Fprintf(e.stderr, "chorus serve: %s on http://%s\n", st.Where(), *addr)
	if err := hs.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "chorus serve: %v\n", err)
		return exitEmpty
	}
	<-shutDown // the requests under way end (within its bound) before the store closes
	return exitOK
}

// postStoryWait bounds how long POST /api/v1/articles waits for the
// stories of the articles it stored before it answers that they are
// pending (202); the update goes on meanwhile.
const postStoryWait = 30 * time.Second

// postIngest is the server's Ingest: it stores a body's articles, one body
// at a time (each is cleaned and analysed on every core), asks stories for
// an update and waits for it at most wait. It works on work, not on the
// request's context, so that articles stored for a client that went away
// still go into their stories.
func postIngest(e env, work context.Context, st store.Store, stories *pipeline.StoryUpdater, wait time.Duration) func(context.Context, io.Reader) (server.Ingested, error) {
	var one sync.Mutex
	o, so := e.cfg.articles, e.cfg.stories
	return func(ctx context.Context, body io.Reader) (server.Ingested, error) {
		one.Lock()
		res, err := pipeline.StoreDocs(work, st, ingest.Read([]string{"-"}, body, o.Ingest), o, so)
		one.Unlock()
		out := server.Ingested{Added: res.Added, Known: res.Known, Stories: res.Stories, Errors: res.Errors}
		if err != nil || res.Added+res.Known == 0 {
			return out, err
		}
		// The update also takes the known articles, which may have been
		// left waiting by a server killed before it answered.
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case u := <-stories.Update():
			out.Stories += u.Stories
			if u.Err != nil {
				out.Pending = "stored; bringing their stories up to date failed, and will be tried again"
			}
		case <-timer.C:
			out.Pending = "stored; their stories are still being brought up to date"
		case <-ctx.Done():
			out.Pending = "stored; their stories are being brought up to date"
		}
		return out, nil
	}
}

// healStories brings the stories up to date once, when serve starts, and
// says so in one line (logStoryUpdates says why, should it fail).
func healStories(e env, work context.Context, st store.Store, stories *pipeline.StoryUpdater) {
	waiting, err := st.Waiting(work)
	u := <-stories.Update()
	if u.Err != nil {
		return
	}
	were := ""
	if err == nil {
		were = fmt.Sprintf("%d articles were waiting, ", len(waiting))
	}
	fmt.Fprintf(e.stderr, "chorus serve: stories up to date: %s%d stories written in %s\n", were, u.Stories, u.Took.Round(time.Millisecond))
}

// logStoryUpdates says when a story update fails, and when they succeed
// again after one did; healStories says how the first one went.
func logStoryUpdates(e env, work context.Context) func(pipeline.StoryUpdate) {
	failed := false
	return func(u pipeline.StoryUpdate) {
		switch {
		case work.Err() != nil: // shutting down
		case u.Err != nil:
			failed = true
			fmt.Fprintf(e.stderr, "chorus serve: bringing stories up to date: %v (trying again in %s)\n", u.Err, u.Retry)
		case failed:
			failed = false
			fmt.Fprintf(e.stderr, "chorus serve: stories up to date again (%d stories written in %s)\n", u.Stories, u.Took.Round(time.Millisecond))
		}
	}
}

// loadOutlets reads the outlet file at path; nil for none.
func loadOutlets(path string) (*outlets.Table, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := outlets.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}
