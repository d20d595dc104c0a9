package queue

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// open makes a stream of the test's own on the NATS server this machine
// and CI run, and removes it afterwards. Without the server the test is
// skipped, except on CI.
func open(t *testing.T, o Options) *Queue {
	t.Helper()
	o.Stream = fmt.Sprintf("chorus_test_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	q, err := Open(t.Context(), "nats://127.0.0.1:4222", o)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skipf("NATS is not reachable: %v", err)
	}
	t.Cleanup(func() {
		q.Delete(context.Background())
		q.Close()
	})
	return q
}

func TestPublishFetchAck(t *testing.T) {
	q := open(t, Options{AckWait: time.Second})
	ctx := t.Context()
	doc := news.RawDoc{Source: "feed.xml#7", Format: news.FormatHTML, URL: "https://example.com/a",
		Body: []byte("<p>Body</p>"), Raw: []byte("\xef\xbb\xbf<p>Body</p>"), Meta: news.Meta{Title: "A title"}}
	for i := range 2 { // the same input twice is queued once
		fresh, err := q.Publish(ctx, doc)
		if err != nil || fresh != (i == 0) {
			t.Fatalf("publish %d: new %v, %v", i+1, fresh, err)
		}
	}
	if n, err := q.Pending(ctx); err != nil || n != 1 {
		t.Fatalf("pending = %d, %v; want 1", n, err)
	}
	got, err := q.Fetch(ctx, 10, time.Second)
	if err != nil || len(got) != 1 {
		t.Fatalf("fetch: %d, %v", len(got), err)
	}
	d := got[0].Doc
	if got[0].Err != nil || d.Source != doc.Source || d.Format != doc.Format || d.URL != doc.URL ||
		!bytes.Equal(d.Body, doc.Body) || !bytes.Equal(d.Raw, doc.Raw) || d.Meta.Title != "A title" {
		t.Fatalf("fetched %+v, %v; want %+v", d, got[0].Err, doc)
	}
	// Not acknowledged: it comes again after the ack wait.
	again, err := q.Fetch(ctx, 10, 3*time.Second)
	if err != nil || len(again) != 1 || again[0].Doc.Source != doc.Source {
		t.Fatalf("redelivery: %d, %v", len(again), err)
	}
	if err := q.AckAll(ctx, again); err != nil {
		t.Fatal(err)
	}
	// The server takes acknowledgements in after it has read them: the
	// count reaches zero shortly.
	n, err := q.Pending(ctx)
	for deadline := time.Now().Add(5 * time.Second); err == nil && n != 0 && time.Now().Before(deadline); n, err = q.Pending(ctx) {
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil || n != 0 {
		t.Fatalf("pending after ack = %d, %v; want 0", n, err)
	}
	if none, err := q.Fetch(ctx, 10, 200*time.Millisecond); err != nil || len(none) != 0 {
		t.Fatalf("empty queue gave %d, %v", len(none), err)
	}
	// Without a wait, Fetch takes what is there: nothing here, something
	// once an input is queued.
	if none, err := q.Fetch(ctx, 10, 0); err != nil || len(none) != 0 {
		t.Fatalf("empty queue without a wait gave %d, %v", len(none), err)
	}
	doc.Source, doc.Body, doc.Raw = "feed.xml#8", []byte("<p>Another</p>"), nil
	if fresh, err := q.Publish(ctx, doc); err != nil || !fresh {
		t.Fatalf("publish another: new %v, %v", fresh, err)
	}
	if got, err := q.Fetch(ctx, 10, 0); err != nil || len(got) != 1 || got[0].Doc.Source != "feed.xml#8" {
		t.Fatalf("queue of one without a wait gave %d, %v", len(got), err)
	}
}

func TestPublishTooLarge(t *testing.T) {
	q := open(t, Options{})
	big := news.RawDoc{Source: "big.txt", Format: news.FormatText, Body: bytes.Repeat([]byte("word "), 1<<20)}
	if _, err := q.Publish(t.Context(), big); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("publishing 5 MB: %v, want ErrTooLarge", err)
	}
}

func TestOpenRefusesBadNames(t *testing.T) {
	if _, err := Open(t.Context(), "nats://127.0.0.1:4222", Options{Stream: "a.b>"}); err == nil {
		t.Fatal("a stream name with subject characters was accepted")
	}
}
