package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/queue"
)

// enqueue is `chorus ingest --queue`: it reads the inputs and publishes
// them for workers.
func enqueue(e env, url, stream string, paths []string, io ingest.Options, quiet bool) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	q, err := queue.Open(ctx, url, queue.Options{Stream: stream})
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus ingest: %v\n", err)
		return exitEmpty
	}
	defer q.Close()
	n, errs, err := pipeline.Enqueue(ctx, q, ingest.Read(paths, e.stdin, io))
	for _, er := range errs {
		fmt.Fprintf(e.stderr, "chorus: %s: %s\n", er.Source, er.Error)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus ingest: %v\n", err)
		return exitEmpty
	}
	if !quiet {
		fmt.Fprintf(e.stderr, "chorus ingest: %d queued on %s (stream %s), %d failed\n", n, url, stream, len(errs))
	}
	if n == 0 {
		return exitEmpty
	}
	return exitOK
}

func runWorker(e env, args []string) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	url := fs.String("queue", "nats://127.0.0.1:4222", "the NATS JetStream server to take inputs from")
	stream := fs.String("stream", "chorus", "the queue's stream name")
	concurrency := fs.Int("concurrency", 1, "inputs cleaned and analysed at once, and the cores the worker uses; run more workers to use more cores or machines")
	untilEmpty := fs.Bool("until-empty", false, "stop once the queue is empty and the stories are up to date")
	quiet := fs.Bool("quiet", false, "print errors only")
	ackWait := fs.Duration("ack-wait", time.Minute, "how long an input taken by a worker that died waits before another worker gets it")
	stats := fs.String("stats", "", "write the per-input clean+analyse times, in µs, to this file as JSON when done (for chorus bench)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 || *concurrency < 1 {
		fmt.Fprintln(e.stderr, "usage: chorus worker [--db STORE] [--queue nats://HOST:PORT] [--stream NAME] [--concurrency N] [--until-empty]")
		return exitUsage
	}
	// A worker's core budget is its concurrency: its collector and its
	// story updates run within it too, so that N workers of one core use N
	// cores and no more, as a queue consumer should (GOMAXPROCS in the
	// environment still decides when set).
	var onIdle func(bool)
	if os.Getenv("GOMAXPROCS") == "" {
		all := runtime.GOMAXPROCS(0)
		own := min(*concurrency, all)
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(own))
		// With the queue empty, the story update under way (or the last
		// one of a run, which every worker waits for) is all there is to
		// do: it gets every core, to digest and sign on all of them.
		onIdle = func(idle bool) {
			if idle {
				runtime.GOMAXPROCS(all)
			} else {
				runtime.GOMAXPROCS(own)
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, ok := openStore(e, "worker", *db)
	if !ok {
		return exitEmpty
	}
	defer st.Close()
	q, err := queue.Open(ctx, *url, queue.Options{Stream: *stream, AckWait: *ackWait})
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus worker: %v\n", err)
		return exitEmpty
	}
	defer q.Close()
	o := e.cfg.articles
	o.Workers = *concurrency
	var mu sync.Mutex
	var took []int64
	if *stats != "" {
		o.Observe = func(d time.Duration) {
			mu.Lock()
			took = append(took, d.Microseconds())
			mu.Unlock()
		}
	}
	start := time.Now()
	wo := pipeline.WorkOptions{UntilEmpty: *untilEmpty, Idle: onIdle}
	if bar := progressBar(e.stderr, "worker"); bar != nil && !*quiet {
		wo.Progress = func(r pipeline.WorkResult) { bar(r.Added+r.Known, 0) }
	}
	res, err := pipeline.Work(ctx, st, q, o, wo, e.cfg.stories)
	if wo.Progress != nil {
		fmt.Fprintln(e.stderr) // end the progress line
	}
	for _, er := range res.Errors {
		fmt.Fprintf(e.stderr, "chorus: %s: %s\n", er.Source, er.Error)
	}
	if *stats != "" {
		b, _ := json.Marshal(map[string]any{"latencies_us": took})
		if werr := os.WriteFile(*stats, b, 0o644); werr != nil {
			fmt.Fprintf(e.stderr, "chorus worker: %v\n", werr)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "chorus worker: %s: %v\n", st.Where(), err)
		return exitEmpty
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "chorus worker: %d added, %d already stored, %d failed, %d stories new or updated in %s (%s)\n",
			res.Added, res.Known, res.Failed(), res.Stories, st.Where(), time.Since(start).Round(time.Millisecond))
	}
	return exitOK
}
