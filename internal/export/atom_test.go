package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// parseFeed reads a feed with an independent parser, as feed readers do.
func parseFeed(t *testing.T, body string) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("feed does not parse: %v\n%s", err, body)
	}
	return f
}

func TestAtomFeedIsComplete(t *testing.T) {
	var buf bytes.Buffer
	o := AtomOptions{BaseURL: "https://news.example/chorus", Installation: "0123456789abcdef0123456789abcdef",
		Self: "https://news.example/chorus/feed.atom", Next: "https://news.example/chorus/feed.atom?after=x"}
	if err := AtomFeed(&buf, sampleDigest(), o); err != nil {
		t.Fatal(err)
	}
	f := parseFeed(t, buf.String())
	if f.FeedType != "atom" || len(f.Items) != 1 {
		t.Fatalf("feed %s with %d items", f.FeedType, len(f.Items))
	}
	if !strings.HasPrefix(f.FeedLink, "https://news.example/chorus/feed.atom") || f.FeedLink != o.Self {
		t.Errorf("self link %q", f.FeedLink)
	}
	it := f.Items[0]
	if it.Link != "https://news.example/chorus/stories/s-1" {
		t.Errorf("entry link %q, want the story's page", it.Link)
	}
	if !strings.Contains(it.Content, "The council approved the bridge.") || !strings.Contains(it.Content, `<a href="https://example.org/y">Copy</a>`) {
		t.Errorf("entry content %q", it.Content)
	}
	if strings.Contains(it.Content, "<script>") {
		t.Errorf("untrusted title live in the content: %q", it.Content)
	}
	for _, want := range []string{`rel="self"`, `rel="next"`, `rel="alternate"`, "<id>urn:uuid:"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("feed lacks %s", want)
		}
	}

	other := FeedID("fedcba9876543210fedcba9876543210", "")
	if mine := FeedID(o.Installation, ""); mine == other || mine == FeedID(o.Installation, "language=de") {
		t.Errorf("feed ids shared: %s", mine)
	}
}

func TestAtomDefaultsLinkEveryEntry(t *testing.T) {
	var buf bytes.Buffer
	d := sampleDigest()
	d.Stories[0].Summary = nil
	if err := Atom(&buf, d); err != nil {
		t.Fatal(err)
	}
	f := parseFeed(t, buf.String())
	for _, it := range f.Items {
		if it.Link != DefaultBaseURL+"stories/s-1" || it.Content == "" {
			t.Errorf("entry %q: link %q content %q", it.Title, it.Link, it.Content)
		}
	}
}
