package pipeline

import (
	"context"
	"sync"
	"time"

	"github.com/chorusnews/chorus/internal/store"
)

// StoryUpdater brings a store's stories up to date in the background
// whenever asked, one update (Restory) at a time: every request made while
// an update runs is answered by the next one, which takes whatever waits by
// then. Every process that stores articles keeps one: a run that stores
// many (ingest, a worker) asks it every so many articles and stores on
// meanwhile; a long-running one that stores now and then (serve) asks it
// for each write, so that its writers and its start share updates rather
// than queue for the stories lock one after the other. An update that fails is
// tried again after a while (see NewStoryUpdater), so that articles left
// waiting do not wait for the next write.
type StoryUpdater struct {
	st      store.Store
	so      StoryOptions
	done    func(StoryUpdate)
	ctx     context.Context
	cancel  context.CancelFunc
	kick    chan struct{}
	stopped chan struct{}

	mu    sync.Mutex
	asked []chan StoryUpdate // waiting for the next update to end
}

// StoryUpdate is what one update of the stories did.
type StoryUpdate struct {
	Stories int           // stories written
	Took    time.Duration // how long it ran
	Err     error         // why it failed, nil when it did not
	Retry   time.Duration // after a failure, when it is tried again
}

// Retrying a failed update waits from storyRetryMin, doubling up to
// storyRetryMax, until one succeeds.
const (
	storyRetryMin = 2 * time.Second
	storyRetryMax = 5 * time.Minute
)

// NewStoryUpdater starts a StoryUpdater over st, forming stories with so,
// until ctx ends or Close is called. done, when set, is told the outcome of
// every update as it ends (from the updater's goroutine), before those who
// asked for it.
func NewStoryUpdater(ctx context.Context, st store.Store, so StoryOptions, done func(StoryUpdate)) *StoryUpdater {
	ctx, cancel := context.WithCancel(ctx)
	u := &StoryUpdater{st: st, so: so, done: done, ctx: ctx, cancel: cancel,
		kick: make(chan struct{}, 1), stopped: make(chan struct{})}
	go u.run()
	return u
}

// Update asks for an update of the stories that starts after the call, and
// returns where its outcome will come: a caller that stored articles waits
// there to know that they are in their stories. An updater that is closed
// answers at once with the error that stopped it.
func (u *StoryUpdater) Update() <-chan StoryUpdate {
	c := make(chan StoryUpdate, 1)
	u.mu.Lock()
	if u.ctx.Err() != nil {
		u.mu.Unlock()
		c <- StoryUpdate{Err: u.ctx.Err()}
		return c
	}
	u.asked = append(u.asked, c)
	u.mu.Unlock()
	u.poke()
	return c
}

func (u *StoryUpdater) poke() {
	select {
	case u.kick <- struct{}{}:
	default: // an update is asked for already, and takes this request too
	}
}

// Close stops the updater: an update under way is cancelled (its
// transaction rolls back, and its articles wait in the store for the next
// one), and Close returns once it has ended.
func (u *StoryUpdater) Close() {
	u.mu.Lock()
	u.cancel()
	u.mu.Unlock()
	<-u.stopped
}

func (u *StoryUpdater) run() {
	defer func() {
		u.mu.Lock()
		for _, c := range u.asked {
			c <- StoryUpdate{Err: u.ctx.Err()}
		}
		u.asked = nil
		u.mu.Unlock()
		close(u.stopped)
	}()
	retry := time.Duration(0)
	var again <-chan time.Time
	for {
		select {
		case <-u.ctx.Done():
			return
		case <-u.kick:
		case <-again:
		}
		again = nil
		u.mu.Lock()
		asked := u.asked
		u.asked = nil
		u.mu.Unlock()
		start := time.Now()
		n, err := Restory(u.ctx, u.st, u.so)
		r := StoryUpdate{Stories: n, Took: time.Since(start), Err: err}
		if u.ctx.Err() != nil && err != nil {
			r.Err = u.ctx.Err()
		}
		switch {
		case err == nil:
			retry = 0
		case u.ctx.Err() == nil:
			retry = min(max(2*retry, storyRetryMin), storyRetryMax)
			r.Retry = retry
			again = time.After(retry)
		}
		if u.done != nil {
			u.done(r)
		}
		for _, c := range asked {
			c <- r
		}
	}
}
