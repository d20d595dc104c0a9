package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/queue"
	"github.com/chorusnews/chorus/internal/store/postgres"
)

// ScaleOutOptions says where the scale-out run goes.
type ScaleOutOptions struct {
	// Binary is the chorus program that runs the workers.
	Binary string
	// Postgres is a PostgreSQL URL; the run makes a schema of its own
	// there and drops it afterwards.
	Postgres string
	// NATS is the NATS server's URL; the run makes a stream of its own.
	NATS string
	// Workers is how many `chorus worker` processes share the queue.
	Workers int
	// Concurrency is each worker's --concurrency: the inputs it analyses
	// at once and the cores it uses (1 when 0).
	Concurrency int
}

// ScaleOut measures the scale-out mode: the stream, as plain-text pages, is
// queued on NATS JetStream, then Workers `chorus worker` processes take it
// into PostgreSQL — cleaning, analysing, storing, grouping stories — and
// the time from their start to the last one's end is measured. PeakRSS is
// the largest worker's.
func ScaleOut(ctx context.Context, stream iter.Seq[news.Article], o ScaleOutOptions) (Result, error) {
	var res Result
	name := fmt.Sprintf("chorus_bench_%d", time.Now().UnixNano())
	dsn := o.Postgres + sep(o.Postgres) + "search_path=" + name
	st, err := postgres.Open(ctx, dsn) // makes the schema
	if err != nil {
		return res, err
	}
	defer st.Close()
	defer st.DropSchema(context.WithoutCancel(ctx))
	q, err := queue.Open(ctx, o.NATS, queue.Options{Stream: name})
	if err != nil {
		return res, err
	}
	defer q.Close()
	defer q.Delete(context.WithoutCancel(ctx))
	docs := func(yield func(news.RawDoc, error) bool) {
		for a := range stream {
			if !yield(TextPage(a), nil) {
				return
			}
		}
	}
	n, errs, err := pipeline.Enqueue(ctx, q, docs)
	if err == nil && len(errs) > 0 {
		err = fmt.Errorf("%d inputs not queued, the first %s: %s", len(errs), errs[0].Source, errs[0].Error)
	}
	if err != nil {
		return res, err
	}
	cmds := make([]*exec.Cmd, o.Workers)
	outs := make([]bytes.Buffer, o.Workers)
	statsDir, err := os.MkdirTemp("", "chorus-bench-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(statsDir)
	statsOf := func(i int) string { return filepath.Join(statsDir, fmt.Sprintf("worker-%d.json", i)) }
	// Best effort: a server that refuses is measured as it is.
	_ = st.Checkpoint(ctx)
	pg0, nats0, servers := serverCPU()
	start := time.Now()
	for i := range cmds {
		cmds[i] = exec.CommandContext(ctx, o.Binary, "worker", "--db", dsn, "--queue", o.NATS, "--stream", name, "--until-empty", "--quiet", "--stats", statsOf(i), "--concurrency", strconv.Itoa(max(1, o.Concurrency)))
		cmds[i].Stderr = &outs[i]
		if err := cmds[i].Start(); err != nil {
			return res, err
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			return res, fmt.Errorf("worker %d: %v: %s", i, err, strings.TrimSpace(outs[i].String()))
		}
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.PeakRSS = max(res.PeakRSS, uint64(ru.Maxrss)<<10)
		}
		res.CPU += c.ProcessState.UserTime() + c.ProcessState.SystemTime()
	}
	res.Elapsed = time.Since(start)
	if pg1, nats1, ok := serverCPU(); ok && servers {
		res.ServerCPU = pg1 - pg0 + nats1 - nats0
	}
	for i := range cmds {
		var st struct {
			Latencies []int64 `json:"latencies_us"`
		}
		if b, err := os.ReadFile(statsOf(i)); err == nil && json.Unmarshal(b, &st) == nil {
			for _, us := range st.Latencies {
				res.Latencies = append(res.Latencies, time.Duration(us)*time.Microsecond)
			}
		}
	}
	if res.Articles, err = st.CountArticles(ctx); err != nil {
		return res, err
	}
	waiting, err := st.Waiting(ctx)
	if err != nil {
		return res, err
	}
	if res.Articles != n || len(waiting) != 0 {
		return res, fmt.Errorf("%d inputs queued, %d articles stored, %d waiting for a story", n, res.Articles, len(waiting))
	}
	return res, nil
}

func sep(url string) string {
	if strings.Contains(url, "?") {
		return "&"
	}
	return "?"
}
