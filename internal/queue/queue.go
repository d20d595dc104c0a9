// Package queue carries raw inputs from `chorus ingest --queue` to any
// number of `chorus worker` processes through a NATS JetStream work queue.
// Delivery is at least once: a message is acknowledged only after the
// worker has stored what it made of it, so a worker killed midway leaves
// its messages to be delivered again, and the store's writes being
// idempotent (inputs keyed by their hash, articles by their id) makes the
// second delivery harmless.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/chorusnews/chorus/internal/news"
)

// Options names and tunes the queue.
type Options struct {
	// Stream is the JetStream stream; its subject is "<Stream>.raw" and
	// its durable consumer "workers". Default "chorus".
	Stream string
	// AckWait is how long a worker may hold a message before it is
	// delivered to another. Default one minute.
	AckWait time.Duration
}

func (o Options) withDefaults() Options {
	if o.Stream == "" {
		o.Stream = "chorus"
	}
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	return o
}

var streamName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Queue is a connection to the work queue.
type Queue struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	stream  jetstream.Stream
	cons    jetstream.Consumer
	subject string
	o       Options
}

// Open connects to the NATS server at url and makes sure the stream and
// its consumer exist.
func Open(ctx context.Context, url string, o Options) (*Queue, error) {
	o = o.withDefaults()
	if !streamName.MatchString(o.Stream) {
		return nil, fmt.Errorf("queue: stream name %q: use letters, digits, - and _", o.Stream)
	}
	nc, err := nats.Connect(url, nats.Name("chorus"), nats.Timeout(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("queue: connecting to %s: %w", url, err)
	}
	q := &Queue{nc: nc, subject: o.Stream + ".raw", o: o}
	if err := q.setUp(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %s: %w", url, err)
	}
	return q, nil
}

func (q *Queue) setUp(ctx context.Context) error {
	js, err := jetstream.New(q.nc)
	if err != nil {
		return err
	}
	q.js = js
	q.stream, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:      q.o.Stream,
		Subjects:  []string{q.subject},
		Retention: jetstream.WorkQueuePolicy,
		Storage:   jetstream.FileStorage,
		// Publishing the same input again within this window is dropped
		// by the server: a re-run of an interrupted ingest doubles nothing.
		Duplicates: 10 * time.Minute,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", q.o.Stream, err)
	}
	q.cons, err = q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       "workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.o.AckWait,
		MaxAckPending: 4096,
	})
	if err != nil {
		return fmt.Errorf("consumer of %s: %w", q.o.Stream, err)
	}
	return nil
}

// Close closes the connection, waiting for messages in flight.
func (q *Queue) Close() error {
	return q.nc.Drain()
}

// Delete removes the stream and every message in it (for tests and
// benchmarks that made their own).
func (q *Queue) Delete(ctx context.Context) error {
	return q.js.DeleteStream(ctx, q.o.Stream)
}

// message is a RawDoc on the wire.
type message struct {
	Source    string    `json:"source"`
	Format    string    `json:"format"`
	URL       string    `json:"url,omitempty"`
	Fetched   time.Time `json:"fetched,omitzero"`
	Meta      news.Meta `json:"meta"`
	IsArticle bool      `json:"is_article,omitempty"`
	Body      []byte    `json:"body"`
	Raw       []byte    `json:"raw,omitempty"`
}

// ErrTooLarge is returned (wrapped) for an input larger than the server
// takes in one message.
var ErrTooLarge = errors.New("too large for the queue")

// Publish queues one input and tells whether it is new to the queue: the
// same input published twice within ten minutes is queued once.
func (q *Queue) Publish(ctx context.Context, doc news.RawDoc) (bool, error) {
	data, err := encode(doc)
	if err != nil {
		return false, fmt.Errorf("queue: %s: %w", doc.Source, err)
	}
	if max := q.nc.MaxPayload(); int64(len(data)) > max {
		return false, fmt.Errorf("queue: %s: %w (%d bytes encoded, the server takes %d)", doc.Source, ErrTooLarge, len(data), max)
	}
	ack, err := q.js.Publish(ctx, q.subject, data, jetstream.WithMsgID(news.ContentID(doc.Original())))
	if err != nil {
		return false, fmt.Errorf("queue: %s: %w", doc.Source, err)
	}
	return !ack.Duplicate, nil
}

func encode(doc news.RawDoc) ([]byte, error) {
	m := message{Source: doc.Source, Format: doc.Format.String(), URL: doc.URL, Fetched: doc.Fetched,
		Meta: doc.Meta, IsArticle: doc.IsArticle, Body: doc.Body}
	if doc.Raw != nil && string(doc.Raw) != string(doc.Body) {
		m.Raw = doc.Raw
	}
	return json.Marshal(m)
}

func decode(data []byte) (news.RawDoc, error) {
	var m message
	if err := json.Unmarshal(data, &m); err != nil {
		return news.RawDoc{}, err
	}
	doc := news.RawDoc{Source: m.Source, URL: m.URL, Fetched: m.Fetched, Meta: m.Meta, IsArticle: m.IsArticle, Body: m.Body, Raw: m.Raw}
	switch m.Format {
	case news.FormatHTML.String():
		doc.Format = news.FormatHTML
	case news.FormatText.String():
		doc.Format = news.FormatText
	default:
		return doc, fmt.Errorf("unknown format %q", m.Format)
	}
	return doc, nil
}

// Delivery is one queued input handed to a worker. Acknowledge it (AckAll)
// once what was made of it is stored; until then it will be delivered
// again after the ack wait.
type Delivery struct {
	Doc news.RawDoc
	// Err is set when the message could not be read; Ack it all the same
	// (another delivery would fail alike) after reporting it.
	Err error
	msg jetstream.Msg
}

// AckAll tells the queue every input of ds is done with, in one round trip
// to the server rather than one each: the acks are sent, then the
// connection is flushed, which returns once the server has read them.
func (q *Queue) AckAll(ctx context.Context, ds []Delivery) error {
	for _, d := range ds {
		if err := d.msg.Ack(); err != nil {
			return fmt.Errorf("queue: ack: %w", err)
		}
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
	}
	if err := q.nc.FlushWithContext(ctx); err != nil {
		return fmt.Errorf("queue: ack: %w", err)
	}
	return nil
}

// Fetch waits up to wait for at most n inputs. It returns none, without an
// error, when the wait ends with the queue empty; with a wait of zero or
// less it takes what is there and does not wait.
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) ([]Delivery, error) {
	// Take what is there without waiting; only an empty queue is waited
	// on, and then for the first input to come.
	batch, err := q.cons.FetchNoWait(n)
	if err != nil {
		return nil, fmt.Errorf("queue: fetch: %w", err)
	}
	out, err := deliveries(batch)
	if len(out) > 0 || err != nil || wait <= 0 {
		return out, err
	}
	if batch, err = q.cons.Fetch(1, jetstream.FetchMaxWait(wait)); err != nil {
		return nil, fmt.Errorf("queue: fetch: %w", err)
	}
	out, err = deliveries(batch)
	if err == nil {
		err = ctx.Err()
	}
	return out, err
}

func deliveries(batch jetstream.MessageBatch) ([]Delivery, error) {
	var out []Delivery
	for msg := range batch.Messages() {
		doc, err := decode(msg.Data())
		if err != nil {
			err = &news.InputError{Source: fmt.Sprintf("queue message %s", msgSeq(msg)), Err: fmt.Errorf("unreadable message: %w", err)}
		}
		out = append(out, Delivery{Doc: doc, Err: err, msg: msg})
	}
	if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, jetstream.ErrNoMessages) {
		return out, fmt.Errorf("queue: fetch: %w", err)
	}
	return out, nil
}

func msgSeq(msg jetstream.Msg) string {
	if md, err := msg.Metadata(); err == nil {
		return fmt.Sprint(md.Sequence.Stream)
	}
	return "?"
}

// Pending returns how many inputs wait in the queue, delivered or not but
// not yet acknowledged.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.cons.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	return info.NumPending + uint64(info.NumAckPending), nil
}
