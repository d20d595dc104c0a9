//go:build unix

package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// hostileCase is one input of the hostile corpus and what chorus must make
// of it: either exactly one error line naming it (wantErr, a keyword of
// the reason), or articles stored with the given texts, or both (a JSON
// Lines file with one broken line).
type hostileCase struct {
	name    string   // path in the corpus, slash-separated
	wantErr string   // keyword of the one error, "" for none
	warning bool     // the error is a warning: the input was read all the same
	errAt   string   // the error's source after the path ("#3"), if any
	stored  []string // text each article it gives must contain, one per article
}

// Texts of the good inputs, on subjects far from the seeds' story.
const (
	russianNews = `В Новосибирске открыли новый мост через Обь

Новосибирск, 12 октября. Четвёртый мост через Обь открыли в Новосибирске в субботу, сообщил мэр города Анатолий Локоть.

По словам мэра, строительство заняло почти пять лет, а его стоимость составила около 26 миллиардов рублей. Мост длиной полтора километра соединит Кировский и Октябрьский районы.

«Это самый большой проект в истории города», — сказал Локоть журналистам на церемонии открытия.

Движение по мосту будет открыто для легковых автомобилей и автобусов. Грузовикам проезд по нему будет запрещён до весны, уточнили в мэрии.
`
	russianProbe = "Четвёртый мост через Обь открыли в Новосибирске"

	unclosedHTML = `<html><head><meta charset="utf-8"><title>Comet seen over Lisbon</title>
<body><div class="page"><div class="article">
<h1>Amateur astronomers spot a bright green comet over Lisbon
<p>Amateur astronomers in Lisbon photographed a bright green comet on Sunday night, the city's observatory said on Monday.
<p>The comet, first catalogued in March by a telescope in Chile, passed closest to the Earth on Saturday and could be seen with binoculars from dark places, said Rita Tavares, an astronomer at the observatory.
<p>"It will not come back for another fifty thousand years," Tavares said, <b>adding that the best views were after midnight.
<ul><li>Best seen: after midnight<li>Where: the northern sky
<table><tr><td>Brightness<td>magnitude 5
<p>Clouds are forecast for most of Portugal later in the week, which could end the show early, the weather service warned.
`
	unclosedProbe = "Amateur astronomers in Lisbon photographed a bright green comet"

	repairedProbe = "The harbour of Gdańsk reopened on Tuesday"
)

// jsonlLines are a JSON Lines file whose third line is broken.
var jsonlLines = []string{
	`{"url":"https://example.org/porto","outlet":"Example Sports","title":"Porto win the derby","text":"FC Porto beat Boavista 3-1 in the city derby on Saturday, with two goals from the young striker Joao Mendes in the second half. Coach Sergio Conceicao said the team had deserved the win after a difficult first half."}`,
	`{"url":"https://example.org/bakery","outlet":"Example Lyon","title":"Bread prices rise in Lyon","text":"Bakers in Lyon raised the price of a baguette by ten cents this week, blaming the cost of flour and electricity. The bakers' association said more than half of its members had done the same since the start of the month."}`,
	`{"url":"https://example.org/broken","title":"Broken line","text":"this line is cut short`,
	`{"url":"https://example.org/lighthouse","outlet":"Example Maine","title":"Lighthouse restored","text":"The Pemaquid Point lighthouse in Maine reopened to visitors on Friday after a two-year restoration of its tower and keeper's house. Volunteers raised most of the money for the work, the town's historical society said."}`,
}

var jsonlProbes = []string{"FC Porto beat Boavista", "Bakers in Lyon raised the price", "Pemaquid Point lighthouse"}

// writeHostileCorpus writes the hostile corpus under dir and returns what
// each input must give.
func writeHostileCorpus(t *testing.T, dir string) []hostileCase {
	t.Helper()
	stream := func(name string, w func(w *bufio.Writer)) {
		t.Helper()
		writeStreamed(t, filepath.Join(dir, filepath.FromSlash(name)), w)
	}
	var cases []hostileCase
	add := func(c hostileCase, content []byte) {
		stream(c.name, func(w *bufio.Writer) { w.Write(content) })
		cases = append(cases, c)
	}
	addStream := func(c hostileCase, w func(w *bufio.Writer)) {
		stream(c.name, w)
		cases = append(cases, c)
	}

	// Binary files of three kinds.
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 8192)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	add(hostileCase{name: "random.txt", wantErr: "binary"}, random)
	elf := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00"), random[:2048]...)
	add(hostileCase{name: "program", wantErr: "binary"}, elf)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"), random[2048:4096]...)
	add(hostileCase{name: "photo.png", wantErr: "binary"}, png)

	// UTF-8 text with a stray byte among its few curly quotes and accented
	// letters is repaired, not refused, with a warning that says so.
	badUTF8 := []byte(repairedProbe + " after a week-long strike by the port’s dock workers, the port authority said. " +
		"“Ships had been waiting off Sopot and Gdynia since Monday,” \xff said the port’s spokeswoman, Małgorzata Kowalska – " +
		"“traffic should be back to normal by Thursday.” The union’s leader, Zbigniew Wróbel, said its members’ pay would rise by 8 per cent – " +
		"“not the 12 per cent we asked for, but a fair deal” – and that the strike was “over for good”.\n")
	add(hostileCase{name: "bad-utf8.txt", wantErr: "replaced", warning: true, stored: []string{repairedProbe}}, badUTF8)
	// Text that is nothing but broken sequences is refused.
	garbage := bytes.Repeat([]byte("news \x80\x81\x82\x83 \xc0\xc1 \xf5\xf6\xf7 \x8d\x8f\x90 \x9d "), 200)
	add(hostileCase{name: "garbage-utf8.txt", wantErr: "utf-8"}, garbage)

	// Russian news in windows-1251 is decoded.
	cp1251, err := charmap.Windows1251.NewEncoder().Bytes([]byte(russianNews))
	if err != nil {
		t.Fatal(err)
	}
	add(hostileCase{name: "ru/novosibirsk-1251.txt", stored: []string{russianProbe}}, cp1251)

	// Over the 16 MiB default limit.
	addStream(hostileCase{name: "big.txt", wantErr: "too large"}, func(w *bufio.Writer) {
		for range 50 << 20 / 64 {
			w.WriteString("All work and no play makes Jack a dull boy. All work and no play.\n")
		}
	})

	add(hostileCase{name: "empty.txt", wantErr: "empty"}, nil)

	// A gzip cut in half.
	zipped := gzipped(t, []byte(strings.Repeat("The council met on Tuesday to discuss the new budget for schools. ", 200)))
	add(hostileCase{name: "cut.txt.gz", wantErr: "truncated"}, zipped[:len(zipped)/2])

	// A WARC.gz cut in half: the first record, whole, still gives its page.
	page := func(title, text string) string {
		return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text + "</p></article></body></html>"
	}
	warcPage1 := page("Ferry service resumes", "The ferry between Helsinki and Tallinn resumed service on Wednesday after storms kept the ships in port for three days, the operator said. Passengers were asked to arrive an hour early.")
	filler := strings.Repeat(" Harbour officials said the queue of trucks stretched for several kilometres along the coast road.", 300)
	warcPage2 := page("Trucks wait at the harbour", "Trucks waited for hours at the harbour."+filler)
	archive := append(warcRecord("response", "11111111-1111-1111-1111-111111111111", "https://example.org/ferry", httpResponse(warcPage1)),
		warcRecord("response", "22222222-2222-2222-2222-222222222222", "https://example.org/trucks", httpResponse(warcPage2))...)
	zipped = gzipped(t, archive)
	add(hostileCase{name: "crawl-cut.warc.gz", wantErr: "truncated", stored: []string{"The ferry between Helsinki and Tallinn resumed"}}, zipped[:len(zipped)*3/4])

	// A WARC record whose Content-Length runs past the end of the file.
	rec := warcRecord("response", "33333333-3333-3333-3333-333333333333", "https://example.org/long", httpResponse(warcPage1))
	rec = bytes.Replace(rec, []byte(fmt.Sprintf("Content-Length: %d\r\n\r\nHTTP", len(httpResponse(warcPage1)))), []byte("Content-Length: 5000000\r\n\r\nHTTP"), 1)
	add(hostileCase{name: "long.warc", wantErr: "truncated"}, rec)

	// JSON Lines with a broken third line: the others are stored.
	add(hostileCase{name: "wire.jsonl", wantErr: "line 3", errAt: "#3", stored: jsonlProbes}, []byte(strings.Join(jsonlLines, "\n")+"\n"))

	add(hostileCase{name: "unclosed.html", stored: []string{unclosedProbe}}, []byte(unclosedHTML))

	// XML bombs: entities are neither expanded nor read.
	add(hostileCase{name: "feeds/laughs.rss", wantErr: "entity bomb"}, []byte(billionLaughs))
	add(hostileCase{name: "feeds/xxe", wantErr: "external xml entity"}, []byte(xxeFeed))
	// A feed with a document type of old, whose declarations allow HTML's
	// named characters, is a feed all the same.
	add(hostileCase{name: "feeds/rss091", stored: []string{"The café on the corner"}}, []byte(rss091))

	// Huge feeds: many items, one huge item.
	addStream(hostileCase{name: "feeds/flood.rss", wantErr: "too large"}, func(w *bufio.Writer) {
		w.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title>`)
		for i := range 100_000 {
			fmt.Fprintf(w, "<item><title>Item %d</title><link>https://example.org/%d</link><description>Item number %d of a very long feed of short teasers about nothing at all.</description></item>\n", i, i, i)
		}
		w.WriteString(`</channel></rss>`)
	})
	addStream(hostileCase{name: "feeds/big-item.xml", wantErr: "too large"}, func(w *bufio.Writer) {
		w.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>One big item</title><item><title>Big</title><description>`)
		for range 40 << 20 / 64 {
			w.WriteString("&lt;p&gt;A long paragraph of a very long item, and on.&lt;/p&gt;\n")
		}
		w.WriteString(`</description></item></channel></rss>`)
	})

	// 100,000 nested <div>s: an error or a result, but an end. The HTML
	// parser refuses more than 512 open elements.
	var deep bytes.Buffer
	deep.WriteString("<!DOCTYPE html><html><head><title>Deep</title></head><body>")
	deep.WriteString(strings.Repeat("<div>", 100_000))
	deep.WriteString("<p>The bottom of a very deep page, where the text of the article sits.</p>")
	deep.WriteString(strings.Repeat("</div>", 100_000))
	deep.WriteString("</body></html>")
	add(hostileCase{name: "deep.html", wantErr: "exceeds"}, deep.Bytes())

	// Pages whose shape would cost the HTML extractor gigabytes (issue 21:
	// a million attributes took 1.4 GB and 20-87 s) are refused by count,
	// the attributes before any text, where the check for visible text
	// meets them first. (TestAttributeBombs ingests four pages of a million.)
	addStream(hostileCase{name: "html/attributes.html", wantErr: "too many attributes: 100,000"}, func(w *bufio.Writer) {
		writeAttributeBomb(w, 100_000, true)
	})
	addStream(hostileCase{name: "html/elements.html", wantErr: "too many elements"}, func(w *bufio.Writer) {
		w.WriteString("<!DOCTYPE html><html><head><title>Elements</title></head><body><article>" + bombArticle)
		for range 30_000 {
			w.WriteString("<i></i>")
		}
		w.WriteString("</article></body></html>")
	})
	addStream(hostileCase{name: "html/nested-text.html", wantErr: "text nested too deep"}, func(w *bufio.Writer) {
		w.WriteString("<!DOCTYPE html><html><head><title>Nested</title></head><body>")
		para := strings.Repeat("Deeper and deeper the text goes. ", 90)
		for range 300 {
			w.WriteString("<div>" + para)
		}
		w.WriteString(strings.Repeat("</div>", 300) + "</body></html>")
	})
	// Thousands of distinct dates, and none in the metadata: go-htmldate's
	// extensive search copied the rest of the page for each (3 s here, 17 s
	// for three times as many), and is passed over; the article comes out.
	addStream(hostileCase{name: "html/dates.html", stored: []string{bombProbe}}, func(w *bufio.Writer) {
		w.WriteString("<!DOCTYPE html><html><head><title>Ledger</title></head><body><article><h1>The harbour ledger</h1>" + bombArticle)
		day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 15_000 {
			if i%24 == 0 {
				w.WriteString(`<span data-d="`)
			}
			w.WriteString(day.AddDate(0, 0, i).Format(time.DateOnly) + " ")
			if i%24 == 23 {
				w.WriteString(`">.</span>`)
			}
		}
		w.WriteString(`">.</span></article></body></html>`)
	})

	add(hostileCase{name: "nul.txt", wantErr: "binary"}, []byte("The mayor opened the new library on Monday.\x00\x00\x00\x00 It holds forty thousand books.\n"))

	// UTF-16 without a byte order mark.
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("The harvest in Burgundy started two weeks early this year because of the hot summer, winemakers said on Thursday.\n"))
	if err != nil {
		t.Fatal(err)
	}
	add(hostileCase{name: "utf16-nobom.txt", stored: []string{"The harvest in Burgundy started two weeks early"}}, utf16)

	// Plain text of 2 MiB is no article: analysing it would take memory
	// in proportion (12 MB took 934 MB); it is refused by name.
	longPara := strings.Repeat("The council voted on the new budget on Tuesday after a long debate about schools and roads. ", 10) + "\n\n"
	add(hostileCase{name: "endless.txt", wantErr: "too long"}, []byte(strings.Repeat(longPara, 2<<20/len(longPara))))

	// A crawl of twenty records, one gzip member each, whose second record
	// claims a Content-Length it does not have: the other nineteen come out,
	// and one line names the bad record.
	var crawl []byte
	var crawlProbes []string
	for n := 1; n <= 20; n++ {
		text := fmt.Sprintf("Harbour report %d: the ferry line added a sailing on weekday %d after demand rose, the operator said on Monday.", n, n)
		rec := warcRecord("response", fmt.Sprintf("44444444-4444-4444-4444-%012d", n), fmt.Sprintf("https://example.org/harbour/%d", n), httpResponse(page(fmt.Sprintf("Harbour report %d", n), text)))
		if n == 2 {
			rec = regexp.MustCompile(`Content-Length: \d+`).ReplaceAll(rec, []byte("Content-Length: -5"))
		} else {
			crawlProbes = append(crawlProbes, fmt.Sprintf("Harbour report %d: the ferry line", n))
		}
		crawl = append(crawl, gzipped(t, rec)...)
	}
	add(hostileCase{name: "crawl-badrecord.warc.gz", wantErr: "record 2", stored: crawlProbes}, crawl)

	// A named pipe among the files: refused by name, never waited on.
	if fifo := filepath.Join(dir, "pipe.txt"); makeFIFO(fifo) == nil {
		cases = append(cases, hostileCase{name: "pipe.txt", wantErr: "not a regular file"})
	}

	// Links: a folder linking to itself (not followed), two files linking
	// to each other. The file is built for unix only, where links exist.
	if err := os.Symlink(".", filepath.Join(dir, "ru", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "links"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{{"b.txt", "a.txt"}, {"a.txt", "b.txt"}} {
		if err := os.Symlink(l[0], filepath.Join(dir, "links", l[1])); err != nil {
			t.Fatal(err)
		}
	}
	cases = append(cases,
		hostileCase{name: "links/a.txt", wantErr: "symbolic links"},
		hostileCase{name: "links/b.txt", wantErr: "symbolic links"})
	return cases
}

// writeStreamed writes the file at path (and the folders above it) through
// w, so that the big ones are never held in memory.
func writeStreamed(t *testing.T, path string, w func(w *bufio.Writer)) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	w(bw)
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// bombArticle is the article of the hostile HTML pages.
const bombArticle = `<p>` + bombProbe + ` on Tuesday, after a winter in which storms closed it for eleven days, the port authority said.</p>
<p>Fishermen had asked for the repairs for years. The new wall is two metres higher than the old one and should hold back the waves of a storm such as the one that flooded the quay in January, the authority's engineer, Ana Ribeiro, said.</p>
<p>The works cost 3.2 million euros, most of it from the regional government, and took five months. A second phase, to deepen the channel, is planned for next year.</p>`

const bombProbe = "The harbour of Peniche reopened its repaired sea wall"

// writeAttributeBomb writes a page of about 12 MB whose one <div> holds n
// attributes, before the article when first, else after it.
func writeAttributeBomb(w *bufio.Writer, n int, first bool) {
	w.WriteString("<!DOCTYPE html><html><head><title>Sea wall</title></head><body>")
	if !first {
		w.WriteString("<article>" + bombArticle + "</article>")
	}
	w.WriteString("<div")
	for i := range n {
		fmt.Fprintf(w, ` a%d="x"`, i)
	}
	w.WriteString("></div>")
	if first {
		w.WriteString("<article>" + bombArticle + "</article>")
	}
	w.WriteString("</body></html>")
}

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs &lol9;</title>
<item><title>Laughing &lol9;</title><link>https://example.org/lol</link>
<description>The town council met on Tuesday and laughed: &lol9; said the mayor, who spoke for an hour about the budget.</description></item>
</channel></rss>
`

const rss091 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd" [
 <!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent">
 %HTMLlat1;
]>
<rss version="0.91"><channel><title>Old Town News</title><link>https://example.org/</link><description>News</description><language>en</language>
<item><title>Caf&eacute; reopens</title><link>https://example.org/cafe</link>
<description>The caf&eacute; on the corner of Market Street reopened on Saturday after a fire in the kitchen closed it for six months, its owner, Claire Dubois, said. Regulars queued from seven in the morning for the first coffee.</description></item>
</channel></rss>
`

const xxeFeed = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
 <!ELEMENT rss ANY>
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>Leaks &xxe;</title>
<item><title>Leak &xxe;</title><link>https://example.org/xxe</link>
<description>The accounts on this server are listed here: &xxe; and the council said nothing more about the matter on Tuesday.</description></item>
</channel></rss>
`

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func warcRecord(typ, id, uri, block string) []byte {
	return []byte(fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\nWARC-Date: 2022-10-12T12:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, id, uri, len(block), block))
}

func httpResponse(body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
}

// run runs chorus with a deadline and returns its exit status, output and
// peak memory (resident set of chorus alone, in MiB; see peakCommand).
func run(t *testing.T, bin string, args ...string) (code int, stdout, stderr string, peakMiB int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd, peakOf := peakCommand(ctx, t, bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("chorus %s: still running after 2 minutes\nstderr:\n%s", strings.Join(args, " "), errOut.String())
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("chorus %s: %v", strings.Join(args, " "), err)
	}
	peakMiB, sig := peakOf(cmd.ProcessState)
	if sig != 0 {
		t.Fatalf("chorus %s: killed by %v\nstderr:\n%s", strings.Join(args, " "), sig, errOut.String())
	}
	if strings.Contains(errOut.String(), "panic:") || strings.Contains(errOut.String(), "goroutine ") {
		t.Fatalf("chorus %s panicked:\n%s", strings.Join(args, " "), errOut.String())
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String(), peakMiB
}

// inputErrors parses chorus's "chorus: SOURCE: REASON" lines.
func inputErrors(stderr string) []news.ErrorEntry {
	var errs []news.ErrorEntry
	for _, line := range strings.Split(stderr, "\n") {
		rest, ok := strings.CutPrefix(line, "chorus: ")
		if !ok {
			continue
		}
		src, reason, _ := strings.Cut(rest, ": ")
		// stderr tells a warning by its first word
		errs = append(errs, news.ErrorEntry{Source: src, Error: reason, Warning: strings.HasPrefix(reason, "warning:")})
	}
	return errs
}

func exportStore(t *testing.T, bin, db string) (news.Digest, string) {
	t.Helper()
	code, out, errOut, _ := run(t, bin, "export", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	var d news.Digest
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("export: %v", err)
	}
	return d, out
}

// ingestBudgetMiB bounds the peak RSS of an ingest of the hostile corpus:
// what an ingest keeps live does not grow with its input (README), and
// chorus takes 150-170 MiB for the corpus.
const ingestBudgetMiB = 256

// TestHostileCorpus feeds chorus a folder of broken, malicious and
// oversized inputs on top of a store holding the seeds, and checks that
// every bad input gets one clear error line, the good ones are stored,
// the seeds and their story are untouched, and nothing leaks or blows up.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	seeds := shareddata.Path("seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("the seeds are read from ../shared")
	}
	bin := chorusBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "chorus.db")
	corpus := filepath.Join(dir, "hostile")
	cases := writeHostileCorpus(t, corpus)

	if code, _, errOut, _ := run(t, bin, "ingest", "--db", db, seeds); code != 0 || len(inputErrors(errOut)) > 0 {
		t.Fatalf("ingest seeds: exit %d\n%s", code, errOut)
	}
	before, _ := exportStore(t, bin, db)
	if len(before.Articles) != 5 || len(before.Stories) == 0 {
		t.Fatalf("seeds: %d articles, %d stories stored", len(before.Articles), len(before.Stories))
	}

	start := time.Now()
	code, _, errOut, peak := run(t, bin, "ingest", "--db", db, corpus)
	t.Logf("ingest of the hostile corpus: exit %d, %v, peak RSS %d MiB", code, time.Since(start).Round(time.Millisecond), peak)
	if code != 0 {
		t.Errorf("ingest: exit %d, want 0 (articles were added)", code)
	}
	if peak > ingestBudgetMiB {
		t.Errorf("ingest: peak RSS %d MiB, over %d", peak, ingestBudgetMiB)
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if !strings.HasPrefix(line, "chorus: ") && !strings.HasPrefix(line, "chorus ingest: ") {
			t.Errorf("ingest: stray line on stderr: %q", line)
		}
	}
	after, exported := exportStore(t, bin, db)
	checkHostile(t, "ingest", corpus, cases, inputErrors(errOut), after, exported)
	if t.Failed() {
		t.Logf("stderr:\n%s", errOut)
	}

	// The seeds and their stories are as they were.
	stored := map[string]news.StoryArticle{}
	for _, a := range after.Articles {
		stored[a.ID] = a
	}
	for _, a := range before.Articles {
		b, ok := stored[a.ID]
		if !ok {
			t.Errorf("seed %s (%s) is gone", a.ID, a.Source)
			continue
		}
		if x, y := mustJSON(t, a), mustJSON(t, b); x != y {
			t.Errorf("seed %s changed:\n%s\nnow:\n%s", a.Source, x, y)
		}
	}
	stories := map[string]news.Story{}
	for _, s := range after.Stories {
		stories[s.ID] = s
	}
	for _, s := range before.Stories {
		if x, y := mustJSON(t, s), mustJSON(t, stories[s.ID]); x != y {
			t.Errorf("story %s changed:\n%s\nnow:\n%s", s.ID, x, y)
		}
	}

	// The same corpus through digest: it survives and lists the errors.
	start = time.Now()
	code, out, errOut, peak := run(t, bin, "digest", "--json", corpus)
	t.Logf("digest of the hostile corpus: exit %d, %v, peak RSS %d MiB", code, time.Since(start).Round(time.Millisecond), peak)
	if code != 0 {
		t.Errorf("digest: exit %d, want 0", code)
	}
	var d news.Digest
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("digest --json: %v\n%s", err, errOut)
	}
	checkHostile(t, "digest", corpus, cases, d.Errors, d, out)
}

// checkHostile checks one run's errors and articles against the cases.
func checkHostile(t *testing.T, cmd, corpus string, cases []hostileCase, errs []news.ErrorEntry, d news.Digest, raw string) {
	t.Helper()
	named := map[string]bool{}
	for _, c := range cases {
		path := filepath.Join(corpus, filepath.FromSlash(c.name))
		named[path] = true
		var mine []news.ErrorEntry
		for _, e := range errs {
			if e.Source == path || strings.HasPrefix(e.Source, path+"#") {
				mine = append(mine, e)
			}
		}
		switch {
		case c.wantErr == "" && len(mine) > 0:
			t.Errorf("%s: %s: errors %v, want none", cmd, c.name, mine)
		case c.wantErr != "" && len(mine) != 1:
			t.Errorf("%s: %s: errors %v, want one about %q", cmd, c.name, mine, c.wantErr)
		case c.wantErr != "":
			e := mine[0]
			if !strings.Contains(e.Error, c.wantErr) {
				t.Errorf("%s: %s: error %q, want it about %q", cmd, c.name, e.Error, c.wantErr)
			}
			if e.Warning != c.warning {
				t.Errorf("%s: %s: error %q is a warning: %v, want %v", cmd, c.name, e.Error, e.Warning, c.warning)
			}
			if c.errAt != "" && e.Source != path+c.errAt {
				t.Errorf("%s: %s: error names %s, want %s", cmd, c.name, e.Source, path+c.errAt)
			}
		}
		var texts []string
		for _, a := range d.Articles {
			if a.Source == path || strings.HasPrefix(a.Source, path+"#") {
				texts = append(texts, a.Text)
			}
		}
		if len(texts) != len(c.stored) {
			t.Errorf("%s: %s: %d articles stored, want %d", cmd, c.name, len(texts), len(c.stored))
		}
		for _, probe := range c.stored {
			found := false
			for _, text := range texts {
				found = found || strings.Contains(text, probe)
			}
			if !found {
				t.Errorf("%s: %s: no article with %q in %q", cmd, c.name, probe, texts)
			}
		}
	}
	for _, e := range errs {
		if src, _, _ := strings.Cut(e.Source, "#"); !named[src] {
			t.Errorf("%s: unexpected error %s: %s", cmd, e.Source, e.Error)
		}
	}
	// Nothing was read through an entity, nor expanded.
	if passwd, err := os.ReadFile("/etc/passwd"); err == nil {
		for _, line := range strings.Split(string(passwd), "\n") {
			if len(line) > 10 && strings.Contains(raw, line) {
				t.Errorf("%s: /etc/passwd line %q in the output", cmd, line)
				break
			}
		}
	}
	if strings.Contains(raw, "lollollol") {
		t.Errorf("%s: an entity was expanded", cmd)
	}
	if len(raw) > 1<<20 {
		t.Errorf("%s: %d bytes of output", cmd, len(raw))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
