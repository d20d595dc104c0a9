package store

import (
	"context"
	"time"
)

// Subscription is a feed the user watches, with what the watcher last
// made of it.
type Subscription struct {
	URL   string
	Title string // as the user or the subscription list named it; may be empty
	Added time.Time
	// LastFetch is when the feed was last polled, NextFetch when it is
	// due; zero before the first poll.
	LastFetch, NextFetch time.Time
	// Failures counts the polls in a row that failed, LastError the last
	// one's reason; 0 and "" once a poll succeeds.
	Failures  int
	LastError string
	// Watch is the watcher's own record of the feed (validators for
	// conditional GET, the items it already handed on), which the store
	// keeps without reading it.
	Watch []byte
}

// Subscriptions keeps the feeds `chorus watch` polls, so that the list and
// each feed's state live with the articles they fed, not in a side file.
type Subscriptions interface {
	// Subscriptions lists every subscription, in URL order.
	Subscriptions(ctx context.Context) ([]Subscription, error)
	// Subscribe adds feeds by URL; a feed already there keeps its state
	// (and takes the title given, when it had none). added counts the
	// new ones.
	Subscribe(ctx context.Context, feeds []Subscription) (added int, err error)
	// Unsubscribe removes feeds by URL, with their state; removed counts
	// those that were there.
	Unsubscribe(ctx context.Context, urls []string) (removed int, err error)
	// SaveFeedStates writes the watcher's state of each feed given (all
	// fields but URL, Title and Added), in one transaction; a feed
	// unsubscribed meanwhile is not brought back.
	SaveFeedStates(ctx context.Context, feeds []Subscription) error
}
