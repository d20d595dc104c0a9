package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/chorusnews/chorus/internal/shareddata"
)

const (
	testPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	testNATS     = "nats://127.0.0.1:4222"
)

// scaleOut connects to the PostgreSQL and NATS servers that this machine
// and CI run, makes a schema and a stream name of the test's own and
// removes them afterwards. Without the servers the test is skipped, except
// on CI, where they must be there.
func scaleOut(t *testing.T) (dsn, stream string, db *pgx.Conn) {
	t.Helper()
	unavailable := func(what string, err error) {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s: %v", what, err)
		}
		t.Skipf("%s is not reachable: %v", what, err)
	}
	ctx := context.Background()
	db, err := pgx.Connect(ctx, testPostgres)
	if err != nil {
		unavailable("PostgreSQL", err)
	}
	nc, err := nats.Connect(testNATS, nats.Timeout(2*time.Second))
	if err != nil {
		db.Close(ctx)
		unavailable("NATS", err)
	}
	name := fmt.Sprintf("chorus_test_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := db.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Exec(ctx, "DROP SCHEMA "+name+" CASCADE")
		db.Close(ctx)
		if js, err := jetstream.New(nc); err == nil {
			js.DeleteStream(ctx, name)
		}
		nc.Close()
	})
	return testPostgres + "&search_path=" + name, name, db
}

// TestKillWorker queues AllSides dev, SIGKILLs a worker partway through,
// lets two others finish, and checks that every article is stored exactly
// once, each in a story, with the stories one consistent partition.
func TestKillWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	corpus := shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("AllSides dev is read from ../shared")
	}
	dsn, stream, db := scaleOut(t)
	bin := chorusBinary(t)
	queue := []string{"--queue", testNATS, "--stream", stream}
	if out, err := exec.Command(bin, append(append([]string{"ingest"}, queue...), corpus)...).CombinedOutput(); err != nil || !strings.Contains(string(out), "850 queued") {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	worker := func(extra ...string) *exec.Cmd {
		args := append([]string{"worker", "--db", dsn, "--ack-wait", "3s"}, queue...)
		return exec.Command(bin, append(args, extra...)...)
	}
	ctx := context.Background()
	stored := func() int {
		var n int
		db.QueryRow(ctx, "SELECT count(*) FROM "+stream+".articles").Scan(&n)
		return n
	}
	victim := worker()
	var victimOut bytes.Buffer
	victim.Stderr = &victimOut
	if err := victim.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for stored() < 150 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	victim.Process.Kill() // SIGKILL, midway through a batch
	victim.Wait()
	killedAt := stored()
	if killedAt == 0 || killedAt >= 850 {
		t.Fatalf("the worker was killed with %d articles stored; want it midway\n%s", killedAt, victimOut.String())
	}
	var outs [2]bytes.Buffer
	var rest [2]*exec.Cmd
	for i := range rest {
		rest[i] = worker("--until-empty")
		rest[i].Stderr = &outs[i]
		if err := rest[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range rest {
		if err := c.Wait(); err != nil {
			t.Fatalf("worker %d: %v\n%s", i, err, outs[i].String())
		}
	}
	t.Logf("killed with %d stored; then\n%s%s", killedAt, outs[0].String(), outs[1].String())
	seen := eachOnceInAStory(t, bin, dsn)
	var raws int
	db.QueryRow(ctx, "SELECT count(*) FROM "+stream+".raw").Scan(&raws)
	if len(seen) != 850 || raws != 850 {
		t.Errorf("%d articles and %d inputs stored, want 850 of each", len(seen), raws)
	}
}
