package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily Bridge News</title><link>https://example.org/</link>
<item><title>Bridge approved</title><link>https://example.org/bridge</link><guid>bridge-1</guid>
<pubDate>Tue, 02 Mar 2021 10:00:00 +0000</pubDate><dc:creator>Maria Lopez</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The council approved the new bridge on Tuesday after a debate that lasted for more than ten years.</p><p>Work starts in spring.</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://example.org/teaser</link>
<description>&lt;p&gt;The mayor said the old bridge would stay open to pedestrians while the new one is being built.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/empty</link></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2021-03-02T10:00:00Z</updated>
<entry><title>Tunnel planned</title><id>urn:t</id><link href="https://example.org/tunnel"/><updated>2021-03-03T08:30:00Z</updated>
<author><name>Ana Ruiz</name></author><content type="html">&lt;p&gt;A tunnel under the river is planned for 2030, the transport ministry said on Wednesday in a statement.&lt;/p&gt;</content></entry>
</feed>`

func TestFeeds(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "daily.rss"), []byte(rss), 0o644)
	os.WriteFile(filepath.Join(dir, "news.atom"), []byte(atom), 0o644)
	var errs []string
	var got []string
	for doc, err := range Read([]string{dir}, nil, Options{}) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		got = append(got, doc.Source[len(dir)+1:]+" | "+doc.URL+" | "+doc.Meta.Title+" | "+strings.Join(doc.Meta.Authors, ",")+" | "+doc.Meta.Published+" | "+doc.Meta.Outlet)
		if !strings.Contains(string(doc.Body), "<p>") {
			t.Errorf("%s: body %q", doc.Source, doc.Body)
		}
	}
	want := []string{
		"daily.rss#bridge-1 | https://example.org/bridge | Bridge approved | Maria Lopez | 2021-03-02T10:00:00Z | Daily Bridge News",
		"daily.rss#2 | https://example.org/teaser | Teaser only |  |  | Daily Bridge News",
		"news.atom#urn:t | https://example.org/tunnel | Tunnel planned | Ana Ruiz | 2021-03-03T08:30:00Z | Atom News",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("feed items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "daily.rss#3") || !strings.Contains(errs[0], "no text") {
		t.Errorf("errors %q", errs)
	}
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(atom))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.rss")
		os.WriteFile(path, data, 0o644)
		for range Read([]string{path}, nil, Options{MaxBytes: 1 << 20}) {
		}
	})
}
