package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/chorusnews/chorus/internal/news"
)

// Sentences in the languages and encodings the fixtures are made of.
const (
	russian   = "Министр иностранных дел России Сергей Лавров заявил в четверг, что ответы США и НАТО не учитывают основные озабоченности Москвы. Он добавил, что документы изучат."
	quoted    = "«Мы изучим документы», — добавил Лавров. Ещё он сказал, что ответ №2 придёт позже."
	ukrainian = "Міністр закордонних справ України Дмитро Кулеба заявив, що Київ отримав відповідь США ще до того, як її надіслали до Москви."
	french    = "Le ministre français des Affaires étrangères a déclaré jeudi que les négociations à Genève étaient « très difficiles », mais qu’elles continueraient."
	german    = "Der Außenminister sagte am Donnerstag, die Gespräche in Genf seien schwierig gewesen; man müsse über die Sicherheit Europas reden."
	polish    = "Minister spraw zagranicznych powiedział w czwartek, że rozmowy w Genewie były trudne, ale będą kontynuowane w przyszłym tygodniu."
	japanese_ = "日本政府は木曜日、ロシアとの交渉について声明を発表し、外交による解決を求めた。"
	english   = "The foreign minister said on Thursday that the talks in Geneva had been “very difficult” but would go on – next week, in Vienna."
	chinese   = "中国外交部发言人周四表示，各方应通过对话协商解决分歧，维护地区和平稳定。"
	korean_   = "외교부 대변인은 목요일 모든 당사자가 대화를 통해 이견을 해결해야 한다고 말했다."
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func htmlPage(meta, text string) string {
	return "<!DOCTYPE html>\n<html><head>" + meta + "<title>Report</title></head>\n<body><article><h1>Report</h1><p>" + text + "</p></article></body></html>\n"
}

// TestReadEncodings reads text and HTML in legacy encodings from files and
// wants correct UTF-8 out.
func TestReadEncodings(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	utf16leNoBOM := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16beNoBOM := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name    string
		file    string
		content []byte
		format  news.Format
		want    string
	}{
		{"windows-1251 text", "ru.txt", encode(t, charmap.Windows1251, russian), news.FormatText, russian},
		{"windows-1251 text with quotes and dashes", "ru.txt", encode(t, charmap.Windows1251, quoted), news.FormatText, quoted},
		{"windows-1251 ukrainian text", "ua.txt", encode(t, charmap.Windows1251, ukrainian), news.FormatText, ukrainian},
		{"koi8-r text", "ru.txt", encode(t, charmap.KOI8R, russian), news.FormatText, russian},
		{"cp866 text", "ru.txt", encode(t, charmap.CodePage866, russian), news.FormatText, russian},
		{"iso-8859-1 french text", "fr.txt", encode(t, charmap.ISO8859_1, strings.ReplaceAll(french, "’", "'")), news.FormatText, strings.ReplaceAll(french, "’", "'")},
		{"windows-1252 french text", "fr.txt", encode(t, charmap.Windows1252, french), news.FormatText, french},
		{"iso-8859-1 german text", "de", encode(t, charmap.ISO8859_1, german), news.FormatText, german},
		{"iso-8859-2 polish text", "pl.txt", encode(t, charmap.ISO8859_2, polish), news.FormatText, polish},
		{"windows-1250 polish text", "pl.txt", encode(t, charmap.Windows1250, polish), news.FormatText, polish},
		{"shift_jis text", "ja.txt", encode(t, japanese.ShiftJIS, japanese_), news.FormatText, japanese_},
		{"gbk text", "zh.txt", encode(t, simplifiedchinese.GBK, chinese), news.FormatText, chinese},
		{"utf-16le with bom", "ru.txt", encode(t, utf16le, russian), news.FormatText, russian},
		{"utf-16be with bom", "fr.txt", encode(t, utf16be, french), news.FormatText, french},
		{"utf-16le html with bom", "ru.html", encode(t, utf16le, htmlPage(`<meta charset="utf-16">`, russian)), news.FormatHTML, russian},
		{"utf-16le without bom", "ru.txt", encode(t, utf16leNoBOM, russian+"\n"+quoted), news.FormatText, russian + "\n" + quoted},
		{"utf-16be without bom", "fr", encode(t, utf16beNoBOM, french), news.FormatText, french},
		{"utf-16le html without bom", "de.html", encode(t, utf16leNoBOM, htmlPage("", german)), news.FormatHTML, german},
		{"utf-16be html without bom", "ru.html", encode(t, utf16beNoBOM, htmlPage(`<meta charset="utf-16">`, russian)), news.FormatHTML, russian},
		{"utf-16le chinese without bom", "zh.txt", encode(t, utf16leNoBOM, chinese), news.FormatText, chinese},
		{"utf-16be chinese without bom", "zh", encode(t, utf16beNoBOM, chinese+"\n"+chinese), news.FormatText, chinese + "\n" + chinese},
		{"utf-16le japanese without bom", "ja.txt", encode(t, utf16leNoBOM, japanese_), news.FormatText, japanese_},
		{"utf-16be japanese html without bom", "ja.html", encode(t, utf16beNoBOM, htmlPage("", japanese_)), news.FormatHTML, japanese_},

		{"windows-1251 html with meta charset", "ru.html", encode(t, charmap.Windows1251, htmlPage(`<meta charset="windows-1251">`, russian)), news.FormatHTML, russian},
		{"windows-1251 html with http-equiv", "ru.html", encode(t, charmap.Windows1251, htmlPage(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, russian)), news.FormatHTML, russian},
		{"windows-1251 html undeclared", "ru.htm", encode(t, charmap.Windows1251, htmlPage("", russian)), news.FormatHTML, russian},
		{"koi8-r html declared", "ru.html", encode(t, charmap.KOI8R, htmlPage(`<meta charset=koi8-r>`, russian)), news.FormatHTML, russian},
		{"iso-8859-1 html declared", "fr.html", encode(t, charmap.ISO8859_1, htmlPage(`<meta charset="ISO-8859-1">`, german)), news.FormatHTML, german},
		{"windows-1252 html undeclared", "fr.html", encode(t, charmap.Windows1252, htmlPage("", french)), news.FormatHTML, french},
		{"windows-1252 html declared utf-8", "fr.html", encode(t, charmap.Windows1252, htmlPage(`<meta charset="utf-8">`, french)), news.FormatHTML, french},
		{"utf-8 html declared windows-1251", "ru.html", []byte(htmlPage(`<meta charset="windows-1251">`, russian)), news.FormatHTML, russian},
		{"shift_jis html declared", "ja.html", encode(t, japanese.ShiftJIS, htmlPage(`<meta charset="Shift_JIS">`, japanese_)), news.FormatHTML, japanese_},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			chdir(t, dir)
			write(t, dir, tt.file, tt.content)
			gots := readAll(t, []string{tt.file}, nil, Options{})
			check(t, gots, []got{{Source: tt.file, Format: tt.format, Body: tt.want}})
			if len(gots) == 1 && tt.format == news.FormatHTML {
				checkDeclaredUTF8(t, gots[0].Body)
			}
		})
	}
}

// TestReadUTF16WithoutBOM: UTF-16 text and HTML without a byte order mark,
// in either byte order, in a script with spaces or in one without, comes
// out whole, its title with it: the first line of a text, the <title> of
// a page, in a file or in a WARC record.
func TestReadUTF16WithoutBOM(t *testing.T) {
	pages := []struct{ lang, title, text string }{
		{"fr", "Négociations à Genève", french},
		{"ru", "Лавров о переговорах", russian},
		{"zh", "外交部发言人谈对话", chinese},
		{"ja", "日本政府が声明を発表", japanese_},
	}
	for _, p := range pages {
		for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
			enc := unicode.UTF16(order, unicode.IgnoreBOM)
			name := p.lang + "-le"
			if order == unicode.BigEndian {
				name = p.lang + "-be"
			}
			page := "<!DOCTYPE html>\n<html><head><title>" + p.title + "</title></head>\n<body><article><h1>" + p.title + "</h1><p>" + p.text + "</p></article></body></html>\n"
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				chdir(t, dir)
				write(t, dir, name+".txt", encode(t, enc, p.title+"\n\n"+p.text+"\n"))
				write(t, dir, name+".html", encode(t, enc, page))
				body := encode(t, enc, page)
				write(t, dir, name+".warc", warcRecord("response", "1", "https://example.org/"+name, "application/http; msgtype=response",
					fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(body), body)))
				gots := readAll(t, []string{name + ".txt", name + ".html", name + ".warc"}, nil, Options{})
				check(t, gots, []got{
					{Source: name + ".txt", Format: news.FormatText, Body: p.title + "\n\n" + p.text},
					{Source: name + ".html", Format: news.FormatHTML, Body: "<title>" + p.title + "</title>"},
					{Source: name + ".warc#urn:uuid:1", Format: news.FormatHTML, Body: "<title>" + p.title + "</title>"},
				})
				if len(gots) == 3 {
					if !strings.HasPrefix(gots[0].Body, p.title+"\n") {
						t.Errorf("text starts %.40q, want the title", gots[0].Body)
					}
					for _, g := range gots[1:] {
						if !strings.Contains(g.Body, p.text) {
							t.Errorf("%s: page %.80q does not hold the text", g.Source, g.Body)
						}
						checkDeclaredUTF8(t, g.Body)
					}
				}
			})
		}
	}
}

// checkDeclaredUTF8 wants a page's every charset declaration to say utf-8.
func checkDeclaredUTF8(t *testing.T, page string) {
	t.Helper()
	for _, d := range charsetDecls([]byte(page)) {
		if !strings.EqualFold(d.label, "utf-8") {
			t.Errorf("page still declares %q", d.label)
		}
	}
}

// TestReadRepairedUTF8: UTF-8 with a few bytes that are not is read with
// U+FFFD for each, and a warning that says how many; UTF-8 with more
// broken bytes than that is refused, as some other encoding.
func TestReadRepairedUTF8(t *testing.T) {
	warning := func(source string, n int) got {
		if n == 1 {
			return got{Source: source, Err: "warning: 1 byte of invalid utf-8 replaced with U+FFFD"}
		}
		return got{Source: source, Err: fmt.Sprintf("warning: %d bytes of invalid utf-8 replaced with U+FFFD", n)}
	}
	// Few characters beyond ASCII, and two stray bytes side by side:
	// more broken sequences than good ones, and no legacy encoding reads
	// the text either.
	harbour := "The harbour of Gdańsk reopened on Tuesday after a week-long strike by the dock workers, the port authority said. " +
		"Ships had been waiting off Sopot since Monday, and traffic should be back to normal by Thursday, the spokeswoman said.\n"
	strays := []byte(harbour[:60] + "\xff\xfe" + harbour[60:])
	withStrays := harbour[:60] + "\uFFFD\uFFFD" + harbour[60:]
	page := htmlPage(`<meta charset="utf-8">`, harbour[:60]+"\x9d"+harbour[60:])
	warc := warcRecord("response", "1", "https://example.org/gdansk", "application/http; msgtype=response", httpResponse("200 OK", "text/html", page))
	tests := []struct {
		name    string
		file    string
		content []byte
		want    []got
	}{
		{"one byte cut", "fr.txt", []byte(french + french + "\xc3"),
			[]got{warning("fr.txt", 1), {Source: "fr.txt", Format: news.FormatText, Body: french + french + "\uFFFD"}}},
		// Few characters beyond ASCII: one broken sequence is more than
		// one in twenty, but no legacy encoding reads the text either.
		{"a stray byte and few accents", "en.txt", []byte(english[:40] + "\xff" + english[40:]),
			[]got{warning("en.txt", 1), {Source: "en.txt", Format: news.FormatText, Body: english[:40] + "\uFFFD" + english[40:]}}},
		{"few accents, cut mid-character", "en.txt", []byte(english + " “Yes,” he said. \xe2\x80"),
			[]got{warning("en.txt", 2), {Source: "en.txt", Format: news.FormatText, Body: english + " “Yes,” he said. \uFFFD\uFFFD"}}},
		{"stray bytes outnumbering the accents", "pl.txt", strays,
			[]got{warning("pl.txt", 2), {Source: "pl.txt", Format: news.FormatText, Body: withStrays}}},
		{"html", "pl.html", []byte(page),
			[]got{warning("pl.html", 1), {Source: "pl.html", Format: news.FormatHTML, Body: harbour[:60] + "\uFFFD" + harbour[60:110]}}},
		{"gzip", "pl.txt.gz", gz(t, strays),
			[]got{warning("pl.txt.gz", 2), {Source: "pl.txt.gz", Format: news.FormatText, Body: withStrays}}},
		{"a warc record", "crawl.warc", warc,
			[]got{warning("crawl.warc#urn:uuid:1", 1), {Source: "crawl.warc#urn:uuid:1", Format: news.FormatHTML, Body: harbour[:60] + "\uFFFD" + harbour[60:110]}}},
		{"a json lines record", "wire.jsonl", []byte(jsonlLine + `{"id":"pl","text":"` + string(strays[:200]) + `"}` + "\n"),
			[]got{
				{Source: "a1", Format: news.FormatText, Body: "Foreign ministers met in Geneva."},
				warning("wire.jsonl#2", 2),
				{Source: "pl", Format: news.FormatText, Body: withStrays[:100]},
			}},

		// Refused: broken bytes in every other word.
		{"mostly broken", "garbage.txt", bytes.Repeat([]byte("news \x80\x81\x82\x83 \xc0\xc1 \xf5\xf6\xf7 \x8d\x8f\x90 \x9d "), 200),
			[]got{{Source: "garbage.txt", Err: "not valid utf-8, and no known encoding fits"}}},
		{"a stray byte in five", "strays.txt", []byte(strings.Repeat("Ship\x81 ", 300)),
			[]got{{Source: "strays.txt", Err: "not valid utf-8, and no known encoding fits"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			chdir(t, dir)
			write(t, dir, tt.file, tt.content)
			gots := readAll(t, []string{tt.file}, nil, Options{})
			check(t, gots, tt.want)
			for _, g := range gots {
				if g.Err != "" && strings.HasPrefix(g.Err, "warning") {
					var doc news.RawDoc
					for d, err := range Read([]string{tt.file}, nil, Options{}) {
						if errors.Is(err, ErrWarning) {
							doc = d
						}
					}
					if doc.Source != g.Source {
						t.Errorf("warning for %q is not ErrWarning", g.Source)
					}
				}
			}
		})
	}
}

// TestReadUndecodable: bytes that no encoding turns into text are refused.
func TestReadUndecodable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 4000)
	for i := range noise {
		noise[i] = byte(0x80 + rng.IntN(0x80))
		if i%7 == 6 {
			noise[i] = ' '
		}
	}
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, "noise.txt", noise)
	check(t, readAll(t, []string{"noise.txt"}, nil, Options{}), []got{
		{Source: "noise.txt", Err: "not valid utf-8, and no known encoding fits"},
	})
}

// TestDetectEncoding pins which encoding detection picks, on text alone.
func TestDetectEncoding(t *testing.T) {
	tests := []struct {
		enc  encoding.Encoding
		text string
		want string
	}{
		{charmap.Windows1251, russian, "windows-1251"},
		{charmap.Windows1251, ukrainian, "windows-1251"},
		{charmap.Windows1251, "Привет", "windows-1251"},
		{charmap.Windows1251, quoted, "windows-1251"},
		{charmap.KOI8R, russian, "koi8-u"},
		{charmap.CodePage866, russian, "ibm866"},
		{charmap.Windows1252, french, "windows-1252"},
		{charmap.ISO8859_1, german, "windows-1252"},
		{charmap.ISO8859_1, "café", "windows-1252"},
		{charmap.Windows1252, "Ein Straße, an “Ende”.", "windows-1252"},
		{charmap.ISO8859_15, "Le prix est de 20 € pour un œuf.", "iso-8859-15"},
		{charmap.ISO8859_2, polish, "iso-8859-2"},
		{charmap.Windows1250, polish, "windows-1250"},
		{japanese.ShiftJIS, japanese_, "Shift_JIS"},
		{simplifiedchinese.GBK, chinese, "GB18030"},
	}
	for _, tt := range tests {
		b := encode(t, tt.enc, tt.text)
		if name, _ := detectEncoding(b, false); name != tt.want {
			t.Errorf("%.30q in %v: detected %q, want %q", tt.text, tt.enc, name, tt.want)
		}
	}
}

// TestDOMParseKeepsUTF8 follows a windows-1251 page through the HTML
// parser go-trafilatura uses. dom.Parse guesses the encoding again with
// chardet (ignoring <meta>), and x/net/html with the charset package
// honours <meta>: the page must come out right both ways.
func TestDOMParseKeepsUTF8(t *testing.T) {
	raw := encode(t, charmap.Windows1251, htmlPage(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, russian))
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, "ru.html", raw)
	gots := readAll(t, []string{"ru.html"}, nil, Options{})
	if len(gots) != 1 || gots[0].Err != "" {
		t.Fatalf("got %+v", gots)
	}
	body := gots[0].doc.Body

	doc, err := dom.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if text := dom.TextContent(doc); !strings.Contains(text, russian) {
		t.Errorf("dom.Parse text %q does not hold %q", text, russian)
	}

	// Anything that trusts the declaration, as browsers and
	// charset.NewReader do, must now read UTF-8.
	if enc, name := declaredEncoding(body); enc == nil || name != "utf-8" {
		t.Errorf("page declares %q, want utf-8", name)
	}
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if text := dom.TextContent(root); !strings.Contains(text, russian) {
		t.Errorf("html.Parse text %q does not hold %q", text, russian)
	}
}

func TestDeclareUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta charset="windows-1251"><p>x`, `<meta charset="utf-8"><p>x`},
		{`<META CHARSET=KOI8-R><p>x`, `<META CHARSET=utf-8><p>x`},
		{`<meta http-equiv="content-type" content="text/html; charset=iso-8859-1"/>`, `<meta http-equiv="content-type" content="text/html; charset=utf-8"/>`},
		{`<meta name="description" content="charset=latin1 explained"><p>x`, `<meta name="description" content="charset=latin1 explained"><p>x`},
		{`<script>var s = '<meta charset="koi8-r">';</script><p>x`, `<script>var s = '<meta charset="koi8-r">';</script><p>x`},
		{`<!-- <meta charset="koi8-r"> --><meta charset="utf-8">`, `<!-- <meta charset="koi8-r"> --><meta charset="utf-8">`},
		{`<body><meta charset="koi8-r">`, `<body><meta charset="koi8-r">`},
		{`<p>no declaration</p>`, `<p>no declaration</p>`},
	}
	for _, tt := range tests {
		if got := string(declareUTF8([]byte(tt.in))); got != tt.want {
			t.Errorf("declareUTF8(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestUTF16Order: UTF-16 without a byte order mark is told by its zero
// bytes, and nothing else is taken for it.
func TestUTF16Order(t *testing.T) {
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	rng := rand.New(rand.NewPCG(3, 4))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	utf32 := make([]byte, 0, 4*len(french))
	for _, r := range french {
		utf32 = append(utf32, byte(r), byte(r>>8), 0, 0)
	}
	tests := []struct {
		name  string
		head  []byte
		want  bool
		order unicode.Endianness
	}{
		{"english le", encode(t, le, "The talks in Geneva went on."), true, unicode.LittleEndian},
		{"russian le", encode(t, le, russian), true, unicode.LittleEndian},
		{"french be", encode(t, be, french), true, unicode.BigEndian},
		{"cut in a surrogate pair", encode(t, le, "Talks went on 🙂")[:30], true, unicode.LittleEndian},
		{"too short", encode(t, le, "Talks"), false, unicode.LittleEndian},
		{"utf-8", []byte(french), false, unicode.LittleEndian},
		{"noise", noise, false, unicode.LittleEndian},
		{"elf", append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00"), noise[:64]...), false, unicode.LittleEndian},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"), false, unicode.LittleEndian},
		{"utf-32", utf32, false, unicode.LittleEndian},
		{"utf-16 with nul characters", encode(t, le, "Talks\x00\x00 went on in Geneva."), false, unicode.LittleEndian},
		{"utf-16 with control characters", encode(t, le, "Talks\x01\x02\x03 went on in Geneva."), false, unicode.LittleEndian},
		{"broken surrogate", append(encode(t, le, "Talks went on in Geneva."), 0x00, 0xDC, 'a', 0), false, unicode.LittleEndian},

		// Chinese and Japanese have few zero bytes, or none.
		{"chinese le", encode(t, le, chinese), true, unicode.LittleEndian},
		{"chinese be", encode(t, be, chinese), true, unicode.BigEndian},
		{"japanese le", encode(t, le, japanese_), true, unicode.LittleEndian},
		{"japanese be", encode(t, be, japanese_), true, unicode.BigEndian},
		{"chinese with a zero low byte", encode(t, le, "发言人说"+chinese), true, unicode.LittleEndian},
		{"chinese html le", encode(t, le, htmlPage("", chinese)), true, unicode.LittleEndian},
		{"too little chinese", encode(t, le, "中国外交部"), false, unicode.LittleEndian},
		{"chinese in utf-8", []byte(chinese), false, unicode.LittleEndian},
		{"chinese in gbk", encode(t, simplifiedchinese.GBK, chinese), false, unicode.LittleEndian},
		{"japanese in shift_jis", encode(t, japanese.ShiftJIS, japanese_), false, unicode.LittleEndian},
		{"japanese in euc-jp", encode(t, japanese.EUCJP, japanese_), false, unicode.LittleEndian},
		{"korean in euc-kr", encode(t, korean.EUCKR, korean_), false, unicode.LittleEndian},
		{"chinese in big5", encode(t, traditionalchinese.Big5, "中國外交部發言人週四表示，各方應通過對話協商解決分歧，維護地區和平穩定。"), false, unicode.LittleEndian},
		{"russian in windows-1251", encode(t, charmap.Windows1251, russian), false, unicode.LittleEndian},
		{"french in latin-1", encode(t, charmap.ISO8859_1, strings.ReplaceAll(french, "’", "'")), false, unicode.LittleEndian},
		// Read two at a time, ASCII letters make ideographs.
		{"ascii letters with a stray byte", []byte(strings.Repeat("Ship\x81 ", 50)), false, unicode.LittleEndian},
		{"ascii letters", []byte(strings.Repeat("Shipping", 50) + "\xe9"), false, unicode.LittleEndian},
	}
	for _, tt := range tests {
		order, ok := utf16Order(tt.head)
		if ok != tt.want || ok && order != tt.order {
			t.Errorf("%s: utf16Order = %v, %v; want %v, %v", tt.name, order, ok, tt.order, tt.want)
		}
	}
}
