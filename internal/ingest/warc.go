package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// readWARC streams a WARC archive (already unpacked when it was a .warc.gz:
// gzip reads its one-member-per-record stream as one) record by record, so
// an archive of any size is read in the memory of its largest record. Each
// HTTP response carrying an HTML page becomes a RawDoc named
// path#record-id; other records are passed over; a broken record is
// reported and the archive read on while its framing holds.
func (r *reader) readWARC(in input, br *bufio.Reader) bool {
	for n := 1; ; n++ {
		hdr, err := readWARCHeader(br)
		if errors.Is(err, io.EOF) {
			return true
		}
		source := fmt.Sprintf("%s#%d", in.source, n)
		if err != nil {
			if in.gzipped && errors.Is(err, io.ErrUnexpectedEOF) {
				err = gzipErr(err) // the gzip is cut, not the record
			}
			return r.fail(source, fmt.Errorf("warc record %d: %w", n, err))
		}
		if id := strings.Trim(hdr.Get("WARC-Record-ID"), "<>"); id != "" {
			source = in.source + "#" + id
		}
		length, err := strconv.ParseInt(hdr.Get("Content-Length"), 10, 64)
		if err != nil || length < 0 {
			return r.fail(source, fmt.Errorf("warc record %d: bad Content-Length %q", n, hdr.Get("Content-Length")))
		}
		if length > r.maxBytes || !isHTMLResponse(hdr) {
			// Too big to keep, or nothing for us: skip it in constant memory.
			if got, err := io.CopyN(io.Discard, br, length); err != nil {
				return r.fail(source, blockErr(in, br, n, got, length))
			}
			if length > r.maxBytes && isHTMLResponse(hdr) {
				if !r.fail(source, fmt.Errorf("%w: %d bytes, limit %d", errTooLarge, length, r.maxBytes)) {
					return false
				}
			}
			skipRecordEnd(br)
			continue
		}
		block := make([]byte, length)
		if got, err := io.ReadFull(br, block); err != nil {
			return r.fail(source, blockErr(in, br, n, int64(got), length))
		}
		skipRecordEnd(br)
		doc, err := warcDocument(hdr, block)
		if errors.Is(err, errNotPage) {
			continue
		}
		if err != nil {
			if !r.fail(source, err) {
				return false
			}
			continue
		}
		doc.Source = source
		if !r.emit(doc) {
			return false
		}
	}
}

// blockErr words a failure to read a record's block of length bytes,
// got of which were read: the archive ends early (the file or its gzip cut
// short, or a Content-Length that runs past the end), or it is damaged.
// The cause is asked of br again, since io.ReadFull reports any early end
// as io.ErrUnexpectedEOF, while the reader under br repeats its own error.
func blockErr(in input, br *bufio.Reader, n int, got, length int64) error {
	_, err := br.Peek(1)
	switch {
	case in.gzipped && errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("truncated warc record %d: the gzip stream is cut after %d of its %d bytes", n, got, length)
	case err == nil, errors.Is(err, io.EOF):
		return fmt.Errorf("truncated warc record %d: Content-Length %d, but only %d bytes left", n, length, got)
	}
	return fmt.Errorf("warc record %d: %w", n, readErr(in, err))
}

// readWARCHeader reads a record's version line and named fields.
func readWARCHeader(br *bufio.Reader) (http.Header, error) {
	var line string
	for {
		l, err := br.ReadString('\n')
		if err != nil && l == "" {
			return nil, err
		}
		if l = strings.TrimRight(l, "\r\n"); l != "" {
			line = l
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("not a warc record (starts %q)", truncateStr(line, 20))
	}
	h := http.Header{}
	for {
		l, err := br.ReadString('\n')
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return h, nil
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("bad header line %q", truncateStr(l, 40))
		}
		h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
		if err != nil {
			return nil, fmt.Errorf("header cut short: %w", err)
		}
	}
}

// skipRecordEnd passes the blank lines that close a record.
func skipRecordEnd(br *bufio.Reader) {
	for {
		b, err := br.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		br.Discard(1)
	}
}

// errNotPage marks a response that is no page at all — an image, a
// script, a redirect, a missing page: a crawl holds many, and they are
// passed over in silence like the crawl's request and metadata records.
var errNotPage = errors.New("not a page")

func isHTMLResponse(h http.Header) bool {
	return h.Get("WARC-Type") == "response" && strings.Contains(h.Get("Content-Type"), "application/http")
}

// warcDocument reads the HTTP response in a record's block.
func warcDocument(hdr http.Header, block []byte) (news.RawDoc, error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return news.RawDoc{}, fmt.Errorf("bad http response in warc record: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return news.RawDoc{}, errNotPage
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return news.RawDoc{}, errNotPage
	}
	body := io.Reader(resp.Body)
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return news.RawDoc{}, fmt.Errorf("bad gzip body in warc record: %w", err)
		}
		body = zr
	}
	payload, err := io.ReadAll(body)
	if err != nil {
		return news.RawDoc{}, fmt.Errorf("reading http body in warc record: %w", err)
	}
	doc, err := document(kindHTML, payload)
	if err != nil {
		return news.RawDoc{}, err
	}
	doc.Raw = payload
	doc.URL = hdr.Get("WARC-Target-URI")
	if t, err := time.Parse(time.RFC3339, hdr.Get("WARC-Date")); err == nil {
		doc.Fetched = t
	}
	return doc, nil
}

func truncateStr(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
