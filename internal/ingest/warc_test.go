package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// warcRecord builds one WARC record around block.
func warcRecord(typ, id, uri, contentType, block string) []byte {
	return []byte(fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\nWARC-Date: 2022-01-27T12:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, id, uri, contentType, len(block), block))
}

func httpResponse(status, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

const warcPage = `<html><head><title>Bridge approved</title></head><body><article><h1>Bridge approved</h1><p>The council approved the new bridge on Tuesday after a debate that lasted for more than ten years.</p></article></body></html>`

func testArchive() [][]byte {
	return [][]byte{
		warcRecord("warcinfo", "0", "", "application/warc-fields", "software: test\r\n"),
		warcRecord("request", "1", "https://example.org/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"),
		warcRecord("response", "2", "https://example.org/a", "application/http; msgtype=response", httpResponse("200 OK", "text/html; charset=utf-8", warcPage)),
		warcRecord("response", "3", "https://example.org/missing", "application/http; msgtype=response", httpResponse("404 Not Found", "text/html", "<html><body>gone</body></html>")),
		warcRecord("response", "4", "https://example.org/img.png", "application/http; msgtype=response", httpResponse("200 OK", "image/png", "\x89PNG")),
		warcRecord("response", "5", "https://example.org/b", "application/http; msgtype=response", httpResponse("200 OK", "text/html", strings.Replace(warcPage, "Bridge", "Tunnel", 2))),
	}
}

func readWARCs(t *testing.T, paths ...string) (docs []news.RawDoc, errs []string) {
	t.Helper()
	for doc, err := range Read(paths, nil, Options{}) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		docs = append(docs, doc)
	}
	return docs, errs
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	plain := bytes.Join(testArchive(), nil)
	os.WriteFile(filepath.Join(dir, "crawl.warc"), plain, 0o644)
	os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), members(t, testArchive()), 0o644)
	for _, name := range []string{"crawl.warc", "crawl.warc.gz"} {
		docs, errs := readWARCs(t, filepath.Join(dir, name))
		if len(docs) != 2 {
			t.Fatalf("%s: %d pages, want 2 (errors %q)", name, len(docs), errs)
		}
		d := docs[0]
		if d.Source != filepath.Join(dir, name)+"#urn:uuid:2" || d.URL != "https://example.org/a" || d.Format != news.FormatHTML ||
			!strings.Contains(string(d.Body), "ten years") || d.Fetched.IsZero() || !bytes.Equal(d.Raw, []byte(warcPage)) {
			t.Errorf("%s: first page %+v", name, d)
		}
		// The missing page and the image are no pages: passed over.
		if len(errs) != 0 {
			t.Errorf("%s: errors %q", name, errs)
		}
	}
}

func TestWARCTruncated(t *testing.T) {
	dir := t.TempDir()
	plain := bytes.Join(testArchive(), nil)
	cut := plain[:bytes.Index(plain, []byte("Tunnel"))]
	os.WriteFile(filepath.Join(dir, "cut.warc"), cut, 0o644)
	docs, errs := readWARCs(t, filepath.Join(dir, "cut.warc"))
	if len(docs) != 1 || len(errs) == 0 || !strings.Contains(errs[len(errs)-1], "truncated warc record 6") {
		t.Errorf("%d pages, errors %q", len(docs), errs)
	}
}

// TestWARCCutShort: a record whose block runs past the end of the archive
// is reported with what it claimed and what there was, a cut gzip as such.
func TestWARCCutShort(t *testing.T) {
	dir := t.TempDir()
	block := httpResponse("200 OK", "text/html", warcPage)
	record := func(length int, block string) []byte {
		return []byte(fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s", length, block))
	}
	// A page too varied to compress much, so that half the gzip holds
	// part of it.
	rng := rand.New(rand.NewPCG(5, 6))
	words := make([]string, 20000)
	for i := range words {
		words[i] = fmt.Sprint(rng.Uint32())
	}
	bigBlock := httpResponse("200 OK", "text/html", "<html><body><p>"+strings.Join(words, " ")+"</p></body></html>")
	zipped := gz(t, record(len(bigBlock), bigBlock))
	tests := []struct {
		name       string
		content    []byte
		errA, errZ string // the error's start after the source, and its end
	}{
		{"long.warc", record(99999, block), fmt.Sprintf("truncated warc record 1: Content-Length 99999, but only %d bytes left", len(block)), ""},
		{"huge.warc", record(99999999999, block), fmt.Sprintf("truncated warc record 1: Content-Length 99999999999, but only %d bytes left", len(block)), ""},
		{"long.warc.gz", gz(t, record(99999, block)), fmt.Sprintf("truncated warc record 1: Content-Length 99999, but only %d bytes left", len(block)), ""},
		// Where the output stops depends on the compressor's blocks.
		{"cut.warc.gz", zipped[:len(zipped)/2], "truncated warc record 1: the gzip stream is cut after ", fmt.Sprintf(" of its %d bytes", len(bigBlock))},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		os.WriteFile(p, tt.content, 0o644)
		docs, errs := readWARCs(t, p)
		if len(docs) != 0 || len(errs) != 1 || !strings.HasPrefix(errs[0], p+"#urn:uuid:1: "+tt.errA) || !strings.HasSuffix(errs[0], tt.errZ) {
			t.Errorf("%s: %d pages, errors %q; want none and %q…%q", tt.name, len(docs), errs, tt.errA, tt.errZ)
		}
	}
}

func FuzzWARC(f *testing.F) {
	f.Add(bytes.Join(testArchive(), nil))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	bad := crawlRecords(4)
	bad[1] = withLength(bad[1], "-1")
	bad[2] = withLength(bad[2], "9999")
	f.Add(bytes.Join(bad, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("WARC/")) {
			data = append([]byte("WARC/1.0\r\n"), data...)
		}
		// The archive as it is, as a .warc.gz with a gzip member per
		// record, and as that .warc.gz with a byte spoiled.
		zipped := members(t, splitRecords(data))
		spoiled := bytes.Clone(zipped)
		spoiled[len(data)*7919%len(spoiled)] ^= byte(len(data)) | 1
		dir := t.TempDir()
		for name, content := range map[string][]byte{"f.warc": data, "f.warc.gz": zipped, "spoiled.warc.gz": spoiled} {
			path := filepath.Join(dir, name)
			os.WriteFile(path, content, 0o644)
			for doc, err := range Read([]string{path}, nil, Options{MaxBytes: 1 << 20}) {
				if err == nil && len(doc.Body) == 0 {
					t.Fatal("empty document yielded without error")
				}
				var ie *news.InputError
				if err != nil && !errors.As(err, &ie) {
					t.Fatalf("error %v is not a *news.InputError", err)
				}
			}
		}
	})
}

// splitRecords cuts an archive before each line that starts a record.
func splitRecords(data []byte) [][]byte {
	var recs [][]byte
	start := 0
	for i := 1; i < len(data); i++ {
		if data[i-1] == '\n' && bytes.HasPrefix(data[i:], []byte("WARC/1.")) {
			recs = append(recs, data[start:i])
			start = i
		}
	}
	return append(recs, data[start:])
}

// crawlRecords returns n WARC records, each an HTML response with a page
// of its own: "Bridge 1 approved", "Bridge 2 approved", …
func crawlRecords(n int) [][]byte {
	recs := make([][]byte, n)
	for i := range recs {
		page := strings.ReplaceAll(warcPage, "Bridge approved", fmt.Sprintf("Bridge %d approved", i+1))
		recs[i] = warcRecord("response", fmt.Sprint(i+1), fmt.Sprintf("https://example.org/%d", i+1),
			"application/http; msgtype=response", httpResponse("200 OK", "text/html", page))
	}
	return recs
}

// withLength gives rec, a record made by warcRecord, another
// Content-Length in its WARC header (the first in the record: the HTTP
// response's own comes after it).
func withLength(rec []byte, length string) []byte {
	i := bytes.Index(rec, []byte("Content-Length: "))
	j := i + bytes.Index(rec[i:], []byte("\r\n"))
	return slices.Concat(rec[:i], []byte("Content-Length: "+length), rec[j:])
}

// blockLength is the Content-Length rec states.
func blockLength(rec []byte) int {
	_, rest, _ := bytes.Cut(rec, []byte("Content-Length: "))
	n, _ := strconv.Atoi(string(rest[:bytes.IndexByte(rest, '\r')]))
	return n
}

// members compresses each record as a gzip member of its own, as
// crawlers write a .warc.gz.
func members(t *testing.T, recs [][]byte) []byte {
	var out []byte
	for _, rec := range recs {
		out = append(out, gz(t, rec)...)
	}
	return out
}

// checkCrawl wants the pages of a crawl made by crawlRecords, but for
// those numbered in missing, in order.
func checkCrawl(t *testing.T, name string, docs []news.RawDoc, n int, missing ...int) {
	t.Helper()
	var want []int
	for i := 1; i <= n; i++ {
		if !slices.Contains(missing, i) {
			want = append(want, i)
		}
	}
	if len(docs) != len(want) {
		t.Errorf("%s: %d pages, want %d", name, len(docs), len(want))
		return
	}
	for k, i := range want {
		d := docs[k]
		if !strings.HasSuffix(d.Source, fmt.Sprintf("#urn:uuid:%d", i)) || d.URL != fmt.Sprintf("https://example.org/%d", i) ||
			!strings.Contains(string(d.Body), fmt.Sprintf("Bridge %d approved", i)) {
			t.Errorf("%s: page %d is %s (%s), want record %d", name, k+1, d.Source, d.URL, i)
		}
	}
}

// TestWARCBadRecord: one record with a bad Content-Length or header, the
// second of twenty, costs that record alone, in a plain WARC, a .warc.gz
// with a gzip member per record and one gzipped whole; the one error names
// it and says that reading went on.
func TestWARCBadRecord(t *testing.T) {
	good := crawlRecords(20)
	length := blockLength(good[1])
	tests := []struct {
		name   string
		record []byte // record 2
		source string // the error's source after the path
		err    string // the error after "warc record 2: "
	}{
		{"negative length", withLength(good[1], "-5"), "#urn:uuid:2", `bad Content-Length "-5"`},
		{"length no number", withLength(good[1], "12x"), "#urn:uuid:2", `bad Content-Length "12x"`},
		{"no length", withLength(good[1], ""), "#urn:uuid:2", `bad Content-Length ""`},
		{"absurd length", withLength(good[1], "99999999999999"), "#urn:uuid:2", "bad Content-Length 99999999999999: past the end of the record"},
		{"length past the archive's end", withLength(good[1], "10000000"), "#urn:uuid:2", "bad Content-Length 10000000: past the end of the record"},
		{"length past the record's end", withLength(good[1], fmt.Sprint(length+100)), "#urn:uuid:2", fmt.Sprintf("bad Content-Length %d: past the end of the record", length+100)},
		{"length short of the record's end", withLength(good[1], fmt.Sprint(length-100)), "#urn:uuid:2", fmt.Sprintf("bad Content-Length %d: the record goes on after it", length-100)},
		{"bad header line", bytes.Replace(good[1], []byte("WARC-Date: 2022-01-27T12:00:00Z"), []byte("WARC-Date 2022-01-27"), 1), "#2", `bad header line "WARC-Date 2022-01-27"`},
		{"no record", []byte("<html><body>A page where a record should be.</body></html>\r\n\r\n"), "#2", `not a warc record (starts "<html><body>A page w…")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := slices.Clone(good)
			recs[1] = tt.record
			dir := t.TempDir()
			for name, content := range map[string][]byte{
				"crawl.warc":    bytes.Join(recs, nil),
				"crawl.warc.gz": members(t, recs),
				"whole.warc.gz": gz(t, bytes.Join(recs, nil)),
			} {
				p := write(t, dir, name, content)
				docs, errs := readWARCs(t, p)
				checkCrawl(t, name, docs, 20, 2)
				want := p + tt.source + ": warc record 2: " + tt.err + "; skipped 1 record, resumed at the next"
				if len(errs) != 1 || errs[0] != want {
					t.Errorf("%s: errors %q, want %q", name, errs, want)
				}
			}
		})
	}
}

// TestWARCBadRecords: bad records in a row make one error, which counts
// them; a bad record at the end of the archive skips nothing after it.
func TestWARCBadRecords(t *testing.T) {
	good := crawlRecords(6)
	tests := []struct {
		name    string
		bad     map[int][]byte // by record number
		missing []int
		errs    []string // after the path
	}{
		{"two in a row", map[int][]byte{2: withLength(good[1], "-1"), 3: withLength(good[2], "x")}, []int{2, 3},
			[]string{`#urn:uuid:2: warc record 2: bad Content-Length "-1"; skipped 2 records, resumed at the next`}},
		{"two apart", map[int][]byte{2: withLength(good[1], "-1"), 4: withLength(good[3], "99999999999")}, []int{2, 4},
			[]string{
				`#urn:uuid:2: warc record 2: bad Content-Length "-1"; skipped 1 record, resumed at the next`,
				`#urn:uuid:4: warc record 4: bad Content-Length 99999999999: past the end of the record; skipped 1 record, resumed at the next`,
			}},
		{"the first", map[int][]byte{1: withLength(good[0], "-1")}, []int{1},
			[]string{`#urn:uuid:1: warc record 1: bad Content-Length "-1"; skipped 1 record, resumed at the next`}},
		{"the last", map[int][]byte{6: withLength(good[5], "-1")}, []int{6},
			[]string{`#urn:uuid:6: warc record 6: bad Content-Length "-1"`}},
		{"the last two", map[int][]byte{5: withLength(good[4], "-1"), 6: withLength(good[5], "-1")}, []int{5, 6},
			[]string{`#urn:uuid:5: warc record 5: bad Content-Length "-1"; skipped 2 records to the end`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := slices.Clone(good)
			for i, rec := range tt.bad {
				recs[i-1] = rec
			}
			dir := t.TempDir()
			for name, content := range map[string][]byte{"crawl.warc": bytes.Join(recs, nil), "crawl.warc.gz": members(t, recs)} {
				p := write(t, dir, name, content)
				docs, errs := readWARCs(t, p)
				checkCrawl(t, name, docs, len(recs), tt.missing...)
				var want []string
				for _, e := range tt.errs {
					want = append(want, p+e)
				}
				if !slices.Equal(errs, want) {
					t.Errorf("%s: errors %q, want %q", name, errs, want)
				}
			}
		})
	}
}

// TestWARCGzipDamage: damage to one gzip member of a .warc.gz costs its
// record alone: reading goes on at the next member. The damage is met in
// the archive's first bytes, read to tell its format, or later.
func TestWARCGzipDamage(t *testing.T) {
	recs := crawlRecords(300) // about 200 KiB
	zipped := make([][]byte, len(recs))
	for i, rec := range recs {
		zipped[i] = gz(t, rec)
	}
	tests := []struct {
		name   string
		damage func(member []byte) []byte
		err    string // after the path, with %d for the record's number
	}{
		{"bad checksum", badChecksum,
			"#urn:uuid:%[1]d: warc record %[1]d: corrupt gzip: invalid checksum; skipped 1 record, resumed at the next"},
		{"bad header", func(b []byte) []byte { b = bytes.Clone(b); b[2] = 7; return b },
			": after warc record %d: corrupt gzip: invalid header; resumed at the next member"},
		// Decompression reads on into the next member, which is found
		// all the same. The record is cut in its header: it has no id.
		{"cut short", func(b []byte) []byte { return b[:len(b)/2] },
			"#%[1]d: warc record %[1]d: corrupt gzip: flate: corrupt input before offset "},
		// Nothing of the record comes out: the member is lost whole.
		{"corrupt data", func(b []byte) []byte {
			b = bytes.Clone(b)
			for i := 40; i < len(b)-20; i += 7 {
				b[i] ^= 0x5a
			}
			return b
		}, ": after warc record %d: corrupt gzip: flate: corrupt input before offset "},
	}
	for _, tt := range tests {
		for _, k := range []int{3, 250} {
			t.Run(fmt.Sprintf("%s in record %d", tt.name, k), func(t *testing.T) {
				members := slices.Clone(zipped)
				members[k-1] = tt.damage(members[k-1])
				p := write(t, t.TempDir(), "crawl.warc.gz", bytes.Join(members, nil))
				docs, errs := readWARCs(t, p)
				checkCrawl(t, tt.name, docs, len(recs), k)
				n := k
				if strings.HasPrefix(tt.err, ": after") {
					n = k - 1
				}
				if want := p + fmt.Sprintf(tt.err, n); len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
					t.Errorf("errors %q, want one starting %q", errs, want)
				}
			})
		}
	}
}

// TestWARCEmptyBlock: an HTTP response record with an empty block is a bad
// response, whatever follows it, and never a block too large to keep.
func TestWARCEmptyBlock(t *testing.T) {
	rec := "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 0\r\n\r\n"
	dir := t.TempDir()
	for name, tail := range map[string]string{"then-end.warc": "\r\n\r\n", "then-junk.warc": "\r\n\r\njunk\r\n"} {
		p := write(t, dir, name, []byte(rec+tail))
		_, errs := readWARCs(t, p)
		if want := p + "#urn:uuid:1: bad http response in warc record: unexpected EOF"; len(errs) == 0 || errs[0] != want {
			t.Errorf("%s: errors %q, want the first %q", name, errs, want)
		}
	}
}
