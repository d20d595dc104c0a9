package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
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
	var members bytes.Buffer // one gzip member per record, as crawlers write them
	for _, rec := range testArchive() {
		zw := gzip.NewWriter(&members)
		zw.Write(rec)
		zw.Close()
	}
	os.WriteFile(filepath.Join(dir, "crawl.warc"), plain, 0o644)
	os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), members.Bytes(), 0o644)
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
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("WARC/")) {
			data = append([]byte("WARC/1.0\r\n"), data...)
		}
		path := filepath.Join(t.TempDir(), "f.warc")
		os.WriteFile(path, data, 0o644)
		for doc, err := range Read([]string{path}, nil, Options{MaxBytes: 1 << 20}) {
			if err == nil && len(doc.Body) == 0 {
				t.Fatal("empty document yielded without error")
			}
		}
	})
}
