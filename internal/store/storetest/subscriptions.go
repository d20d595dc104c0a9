package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/store"
)

func testSubscriptions(t *testing.T, s store.Store) {
	added := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	n, err := s.Subscribe(ctx(t), []store.Subscription{
		{URL: "https://b.example/feed.xml", Added: added},
		{URL: "https://a.example/rss", Title: "A News", Added: added},
	})
	must(t, err)
	if n != 2 {
		t.Errorf("Subscribe added %d, want 2", n)
	}
	// Again, with a title for the one that had none: nothing new, the
	// title taken, the other's title kept.
	n, err = s.Subscribe(ctx(t), []store.Subscription{{URL: "https://b.example/feed.xml", Title: "B Daily"}, {URL: "https://a.example/rss", Title: "Other"}})
	must(t, err)
	if n != 0 {
		t.Errorf("Subscribe of known feeds added %d", n)
	}
	last, next := added.Add(time.Hour), added.Add(3*time.Hour)
	must(t, s.SaveFeedStates(ctx(t), []store.Subscription{
		{URL: "https://a.example/rss", LastFetch: last, NextFetch: next, Failures: 2, LastError: "HTTP 503", Watch: []byte(`{"etag":"x"}`)},
		{URL: "https://gone.example/feed", LastFetch: last}, // not subscribed: not brought back
	}))
	subs, err := s.Subscriptions(ctx(t))
	must(t, err)
	urls := ids(subs, func(s store.Subscription) string { return s.URL })
	if !slices.Equal(urls, []string{"https://a.example/rss", "https://b.example/feed.xml"}) {
		t.Fatalf("subscriptions %v", urls)
	}
	a, b := subs[0], subs[1]
	if a.Title != "A News" || b.Title != "B Daily" || !a.Added.Equal(added) {
		t.Errorf("titles %q, %q; added %v", a.Title, b.Title, a.Added)
	}
	if !a.LastFetch.Equal(last) || !a.NextFetch.Equal(next) || a.Failures != 2 || a.LastError != "HTTP 503" || string(a.Watch) != `{"etag":"x"}` {
		t.Errorf("state not kept: %+v", a)
	}
	if !b.LastFetch.IsZero() || !b.NextFetch.IsZero() || b.Failures != 0 || len(b.Watch) != 0 {
		t.Errorf("a feed never polled has a state: %+v", b)
	}
	n, err = s.Unsubscribe(ctx(t), []string{"https://a.example/rss", "https://never.example/"})
	must(t, err)
	if n != 1 {
		t.Errorf("Unsubscribe removed %d, want 1", n)
	}
	subs, err = s.Subscriptions(ctx(t))
	must(t, err)
	if len(subs) != 1 || subs[0].URL != "https://b.example/feed.xml" {
		t.Errorf("after Unsubscribe: %v", ids(subs, func(s store.Subscription) string { return s.URL }))
	}
}
