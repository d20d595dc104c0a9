package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
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
	f.Add([]byte(feedWith(`<!DOCTYPE rss [<!ENTITY a "b &c;"> <!ENTITY % p SYSTEM "x"> %p;]>`, "Text &a;")))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.rss")
		os.WriteFile(path, data, 0o644)
		for range Read([]string{path}, nil, Options{MaxBytes: 1 << 20}) {
		}
	})
}

// feedWith returns an RSS feed of one item whose description is desc,
// after the document type doctype.
func feedWith(doctype, desc string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + doctype + `
<rss version="2.0"><channel><title>Town News</title><link>https://example.org/</link>
<item><title>Council meets</title><link>https://example.org/council</link><guid>council</guid>
<description>` + desc + `</description></item>
</channel></rss>`
}

// TestFeedEntities: entities a feed declares are never expanded nor read.
// A feed declaring an external entity or an entity bomb is refused; one
// whose declarations only allow HTML's named characters is read.
func TestFeedEntities(t *testing.T) {
	var laughs strings.Builder
	laughs.WriteString("<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&laughs, " <!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%s;", strings.TrimPrefix(fmt.Sprint(i-1), "0")), 10))
	}
	laughs.WriteString("]>")
	const desc = "The council met on Tuesday and agreed the budget for the schools of the town after a long debate."
	tests := []struct {
		name, doctype, desc string
		want                []got
	}{
		{"billion laughs", laughs.String(), desc + " &lol9;",
			[]got{{Source: "f", Err: `feed declares xml entity "lol1" made of other entities, an entity bomb; such feeds are refused`}}},
		{"external entity", `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`, desc + " &xxe;",
			[]got{{Source: "f", Err: `feed declares external xml entity "xxe" (file:///etc/passwd); such feeds are refused`}}},
		{"external entity, public", `<!DOCTYPE rss [ <!ENTITY  leak PUBLIC "-//X//Y" 'http://127.0.0.1/secret'> ]>`, desc + " &leak;",
			[]got{{Source: "f", Err: `feed declares external xml entity "leak" (-//X//Y); such feeds are refused`}}},
		{"external parameter entity", `<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>`, desc,
			[]got{{Source: "f#council", Format: news.FormatHTML, Body: desc}}},
		{"html's named characters", `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd" [
 <!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent">
 %HTMLlat1;
]>`, "The caf&eacute; reopened on Tuesday after the council agreed the budget.",
			[]got{{Source: "f#council", Format: news.FormatHTML, Body: "The café reopened"}}},
		{"entities of plain text", `<!DOCTYPE rss [<!ENTITY nbsp "&#160;"> <!ENTITY amp2 "&amp;">]>`, desc + " Fish&amp;chips&nbsp;&amp2;",
			[]got{{Source: "f#council", Format: news.FormatHTML, Body: desc}}},
	}
	passwd, _ := os.ReadFile("/etc/passwd")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			chdir(t, dir)
			// No name tells the format: the content must.
			write(t, dir, "f", []byte(feedWith(tt.doctype, tt.desc)))
			gots := readAll(t, []string{"f"}, nil, Options{})
			check(t, gots, tt.want)
			for _, g := range gots {
				if strings.Contains(g.Body, "lollol") || len(g.Body) > 4096 {
					t.Errorf("%s: an entity was expanded: %.100q", g.Source, g.Body)
				}
				if len(passwd) > 0 && strings.Contains(g.Body, strings.SplitN(string(passwd), "\n", 2)[0]) {
					t.Errorf("%s: /etc/passwd was read", g.Source)
				}
			}
		})
	}
}
