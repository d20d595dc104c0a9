package watch

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParseOPML(t *testing.T) {
	tests := []struct {
		name    string
		opml    string
		want    []Feed
		wantErr string
	}{
		{"nested folders", `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Subscriptions</title></head><body>
  <outline text="World">
    <outline text="Daily Bridge" title="Daily Bridge News" type="rss" xmlUrl="https://bridge.example/feed.xml" htmlUrl="https://bridge.example/"/>
    <outline text="Europe">
      <outline text="Tunnel Times" type="rss" xmlUrl="https://tunnel.example/atom"/>
    </outline>
  </outline>
  <outline text="Top level" xmlUrl="http://top.example/rss"/>
</body></opml>`, []Feed{
			{URL: "https://bridge.example/feed.xml", Title: "Daily Bridge News"},
			{URL: "https://tunnel.example/atom", Title: "Tunnel Times"},
			{URL: "http://top.example/rss", Title: "Top level"},
		}, ""},
		{"outlines without xmlUrl are skipped", `<opml version="1.0"><body>
  <outline text="A note"/>
  <outline text="Site only" htmlUrl="https://site.example/"/>
  <outline text="Empty url" xmlUrl="  "/>
  <outline text="Feed" xmlUrl="https://feed.example/rss"/>
</body></opml>`, []Feed{{URL: "https://feed.example/rss", Title: "Feed"}}, ""},
		{"a folder that is also a feed", `<opml><body>
  <outline text="Folder feed" xmlUrl="https://a.example/rss"><outline text="Child" xmlUrl="https://b.example/rss"/></outline>
</body></opml>`, []Feed{{URL: "https://a.example/rss", Title: "Folder feed"}, {URL: "https://b.example/rss", Title: "Child"}}, ""},
		{"attribute case and repeats", `<opml><body>
  <outline text="One" xmlURL="https://a.example/rss"/>
  <outline text="Two" xmlurl="https://b.example/rss"/>
  <outline text="One again" xmlUrl="https://a.example/rss"/>
</body></opml>`, []Feed{{URL: "https://a.example/rss", Title: "One"}, {URL: "https://b.example/rss", Title: "Two"}}, ""},
		{"legacy encoding", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<opml><body><outline text=\"Caf\xe9 News\" xmlUrl=\"https://cafe.example/rss\"/></body></opml>",
			[]Feed{{URL: "https://cafe.example/rss", Title: "Café News"}}, ""},
		{"no feeds", `<opml><body><outline text="Nothing"/></body></opml>`, nil, ""},
		{"unclosed element", `<opml><body><outline text="A" xmlUrl="https://a.example/rss"></body></opml>`, nil, "malformed OPML"},
		{"cut short", `<opml><body><outline text="A" xmlUrl="https://a.exa`, nil, "malformed OPML"},
		{"not xml", "just some text", nil, "malformed OPML"},
		{"empty", "", nil, "malformed OPML: empty file"},
		{"a feed, not OPML", `<rss version="2.0"><channel><title>x</title></channel></rss>`, nil, "not OPML: the root element is <rss>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOPML(strings.NewReader(tt.opml))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("feeds %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadOPMLNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "subs.opml")
	os.WriteFile(bad, []byte(`<opml><body><outline`), 0o644)
	for _, file := range []string{bad, filepath.Join(dir, "missing.opml")} {
		_, err := ReadOPML(file)
		if err == nil || !strings.Contains(err.Error(), file) {
			t.Errorf("%s: error %v does not name the file", file, err)
		}
	}
	good := filepath.Join(dir, "good.opml")
	os.WriteFile(good, []byte(`<opml><body><outline text="A" xmlUrl="https://a.example/rss"/></body></opml>`), 0o644)
	feeds, err := ReadOPML(good)
	if err != nil || len(feeds) != 1 || feeds[0].URL != "https://a.example/rss" {
		t.Errorf("ReadOPML(good) = %+v, %v", feeds, err)
	}
}

// TestWriteOPML: what WriteOPML writes, ParseOPML reads back the same,
// titles and addresses that need escaping included.
func TestWriteOPML(t *testing.T) {
	feeds := []Feed{{URL: "https://a.example/rss?x=1&y=2", Title: `Tom & Jerry's "News"`}, {URL: "https://b.example/atom"}}
	var b strings.Builder
	if err := WriteOPML(&b, "Chorus subscriptions", feeds); err != nil {
		t.Fatal(err)
	}
	got, err := ParseOPML(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	// A feed without a title is written with its address as its text,
	// which readers show; it reads back as that.
	want := []Feed{feeds[0], {URL: feeds[1].URL, Title: feeds[1].URL}}
	if !slices.Equal(got, want) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	if !strings.Contains(b.String(), `<opml version="2.0">`) {
		t.Errorf("no OPML 2.0 root:\n%s", b.String())
	}
}
