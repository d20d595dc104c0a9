package ingest

import (
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	kinds := map[kind]string{
		kindText: "text", kindHTML: "html", kindJSONL: "jsonl",
		kindFeed: "feed", kindWARC: "warc", kindBinary: "binary",
	}
	tests := []struct {
		name, file, head string
		want             kind
	}{
		{"plain text", "a.txt", "Hello world.\n", kindText},
		{"text starting with a bracket", "a.txt", "<Reuters> Foreign ministers met.\n", kindText},
		{"doctype", "a", "\n  <!DOCTYPE html>\n<html>", kindHTML},
		{"old doctype", "a", `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">`, kindHTML},
		{"html tag", "a.txt", `<html lang="en">`, kindHTML},
		{"head tag", "a", "<head><title>x</title>", kindHTML},
		{"body tag", "a", "<BODY>\nText", kindHTML},
		{"comment first", "a", "<!-- saved from url=(0014)about:internet -->\n<html>", kindHTML},
		{"xhtml", "a.xml", `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">`, kindHTML},
		{"fragment of common tags", "a", `<div class="x"><p>Text</p></div>`, kindHTML},
		{"meta and title", "a", "<meta charset=utf-8>\n<title>T</title>", kindHTML},
		{"one common tag", "a", "<p>Text without an end", kindText},
		{"one common tag, named html", "a.html", "<p>Text without an end", kindHTML},
		{"text named html", "a.html", "No markup here.", kindText},
		{"rss", "a", `<?xml version="1.0"?><rss version="2.0">`, kindFeed},
		{"atom", "a.txt", `<feed xmlns="http://www.w3.org/2005/Atom">`, kindFeed},
		{"rss 0.91 with its doctype", "a", `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>T</title><link>https://example.org/</link>`, kindFeed},
		{"rss with declarations", "a", "<!DOCTYPE rss [\n <!ENTITY a \"x>y\">\n <!ENTITY b '<p>'>\n]>\n<rss><channel><title>T</title><link>x</link>", kindFeed},
		{"doctype without its end", "a", "<!DOCTYPE rss [ <!ENTITY a \"x\"> <title>T</title><link>", kindText},
		{"doctype of other xml", "a", `<!DOCTYPE note SYSTEM "note.dtd"><note><to>Tove</to><body>Hi</body></note>`, kindText},
		{"rdf", "a", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, kindFeed},
		{"feed by name", "a.atom", "anything", kindFeed},
		{"other xml by name", "a.xml", "<catalog></catalog>", kindFeed},
		{"warc", "a", "WARC/1.0\r\n", kindWARC},
		{"warc by name", "a.WARC", "text", kindWARC},
		{"jsonl", "a", `{"text":"x"}` + "\n" + `{"html":"<p>y</p>"}`, kindJSONL},
		{"jsonl first line long", "a", `{"id":"1","text":"` + strings.Repeat("x", 100), kindJSONL},
		{"json object without text", "a.json", `{"name":"x"}`, kindText},
		{"jsonl with a broken line", "a.txt", `{"text":"x"}` + "\n{broken\n", kindText},
		{"jsonl with a broken line, named", "a.jsonl", `{"text":"x"}` + "\n{broken\n", kindJSONL},
		{"jsonl named, no object", "a.ndjson", "plain words", kindText},
		{"nul byte", "a.html", "<html>\x00", kindBinary},
		{"control bytes", "a", "\x01\x02\x03\x04abcdef", kindBinary},
		{"tabs and form feeds are text", "a", "a\tb\fc\r\nd\x1b[1m", kindText},
	}
	for _, tt := range tests {
		complete := !strings.HasPrefix(tt.name, "jsonl first line long")
		if got := sniff(tt.file, []byte(tt.head), complete); got != tt.want {
			t.Errorf("%s: sniff(%q, %.40q) = %s, want %s", tt.name, tt.file, tt.head, kinds[got], kinds[tt.want])
		}
	}
}

func TestHTMLHasText(t *testing.T) {
	tests := []struct {
		page string
		want bool
	}{
		{"<p>Hello</p>", true},
		{"Plain words", true},
		{"<html><head><title>Title</title></head><body></body></html>", false},
		{"<body><script>document.write('hi')</script><style>p{}</style></body>", false},
		{"<body>&nbsp;<br> <img alt=x></body>", false},
		{"<body><noscript>Enable JavaScript</noscript></body>", true},
		{"<body><script>x</script>After</body>", true},
	}
	for _, tt := range tests {
		if got := htmlHasText([]byte(tt.page)); got != tt.want {
			t.Errorf("htmlHasText(%q) = %v, want %v", tt.page, got, tt.want)
		}
	}
}
