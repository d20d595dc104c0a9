package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// readWARC streams a WARC archive record by record, so that an archive of
// any size is read in the memory of its largest record. Each HTTP response
// carrying an HTML page becomes a RawDoc named path#record-id; other
// records are passed over.
//
// One bad record does not lose the rest. A record whose header is no WARC
// header, or whose Content-Length is no number, is negative or does not
// end the record where the next one starts, is passed over: reading
// resumes at the next record, found as the next line starting "WARC/1."
// or, in a .warc.gz, the next gzip member (damage to the gzip itself is
// passed over the same way, at the next member found). The bad record is
// reported once, with how many records were skipped: bad records in a row
// make one report, naming the first.
func (r *reader) readWARC(in input, br *bufio.Reader, cnt *countReader) bool {
	w := &warcReader{r: r, in: in, br: br, cnt: cnt, gz: in.gz}
	if w.gz != nil {
		w.gz.resync = true
		if err := w.gz.err; isGzipDamage(err) {
			// Damage met while the format was told stopped the stream
			// then; pass over it now.
			w.gz.err = w.gz.passDamage(err)
			if s, ok := cnt.r.(*stickyReader); ok {
				s.err = nil
			}
			w.rewind(nil, w.pos()) // drops the error bufio keeps
		}
	}
	return w.read()
}

// warcReader carries one archive's reading.
type warcReader struct {
	r   *reader
	in  input
	br  *bufio.Reader
	cnt *countReader // what br reads, counting bytes: see pos
	gz  *gzipStream  // the .warc.gz's members, or nil
	pb  *pushback    // bytes read again after a bad record, once needed
	// redo is where the bytes read again end: the offset of the first
	// byte read once only.
	redo int64
	// block is reused for every record's block: nothing a document keeps
	// points into it.
	block []byte
	run   *warcRun // bad records passed over and not yet reported
}

// warcRun is a run of bad records, reported as one.
type warcRun struct {
	source string // the first record's
	err    error  // what is wrong with the first
	count  int
}

// pos is the offset in the (decompressed) archive of the next byte to read.
func (w *warcReader) pos() int64 { return w.cnt.n - int64(w.br.Buffered()) }

func (w *warcReader) read() bool {
	for n := 1; ; n++ {
		w.skipBlank()
		start := w.pos()
		if w.gz != nil {
			w.gz.forget(start)
			if !w.damageBefore(start, n) {
				return false
			}
		}
		if _, err := w.br.Peek(1); errors.Is(err, io.EOF) {
			return w.end()
		}
		goOn, more := w.record(n, start)
		if !goOn || !more {
			return goOn
		}
	}
}

// record reads record n, which starts at offset start. It returns whether
// the consumer wants more documents, and whether the archive goes on.
func (w *warcReader) record(n int, start int64) (goOn, more bool) {
	source := fmt.Sprintf("%s#%d", w.in.source, n)
	hdr, err := w.header()
	if err != nil {
		var bad headerError
		if !errors.As(err, &bad) {
			return w.fatal(source, fmt.Errorf("warc record %d: %w", n, readErr(w.in, err)))
		}
		w.br.Discard(1) // look for the next record after this one's start
		return w.skip(n, source, start, fmt.Errorf("warc record %d: %w", n, err), false)
	}
	if id := strings.Trim(hdr.Get("WARC-Record-ID"), "<>"); id != "" {
		source = w.in.source + "#" + id
	}
	cl := hdr.Get("Content-Length")
	length, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || length < 0 {
		return w.skip(n, source, start, fmt.Errorf("warc record %d: bad Content-Length %q", n, cl), true)
	}
	blockStart := w.pos()
	pastEnd := fmt.Errorf("warc record %d: bad Content-Length %d: past the end of the record", n, length)

	var block []byte
	// A block too big to keep is passed over in constant memory, and so
	// cannot be read again; bytes read once already, after a bad record,
	// are kept as they are passed (reading them again for a record inside
	// would cost a bad record in a row its whole length each: an archive
	// of bad records would be read over and over). Either is searched as
	// it is passed: a record that starts inside tells that the length is
	// wrong, and reading goes on there.
	searched := length > w.r.maxBytes || blockStart < w.redo
	if searched {
		var keep func([]byte)
		if length <= w.r.maxBytes {
			block = w.block[:0]
			keep = func(b []byte) { block = append(block, b...) }
		}
		passed, found, err := w.scan(length, true, keep)
		if keep != nil {
			w.block = block[:0]
		}
		switch {
		case found:
			return w.skipped(n, source, start, pastEnd)
		case err != nil:
			return w.fatal(source, blockErr(w.in, w.br, n, passed, length))
		}
	} else if block, err = w.readBlock(length); err != nil {
		// The archive ends before the block does: the file or its gzip is
		// cut short, or the Content-Length runs past the end of the record
		// into the records after it, which are then read again.
		cause := blockErr(w.in, w.br, n, int64(len(block)), length)
		w.rewind(block, blockStart)
		if _, found, _ := w.scan(math.MaxInt64, true, nil); found {
			return w.skipped(n, source, start, pastEnd)
		}
		return w.fatal(source, cause)
	}

	if end := w.recordEnd(); end != endRecord {
		// The block is not followed by the next record. Read without a
		// search, it is read again for a record's start: the length was
		// too long.
		if !searched {
			w.rewind(block, blockStart)
			if _, found, _ := w.scan(int64(len(block)), true, nil); found {
				return w.skipped(n, source, start, pastEnd)
			}
		}
		if end == endNone {
			// The length was too short: the next record is looked for
			// after the block.
			return w.skip(n, source, start, fmt.Errorf("warc record %d: bad Content-Length %d: the record goes on after it", n, length), false)
		}
		// A blank line follows the block: the record is whole, and what
		// follows is read as the next record (and found to be none).
	}
	goOn, ok := w.good(n, source, start)
	switch {
	case !goOn || !ok:
		return goOn, true
	case length <= w.r.maxBytes:
		return w.page(source, hdr, block), true
	case isHTMLResponse(hdr):
		return w.r.fail(source, fmt.Errorf("%w: %d bytes, limit %d", errTooLarge, length, w.r.maxBytes)), true
	}
	return true, true
}

// page turns a whole record into a document, if it holds a page.
func (w *warcReader) page(source string, hdr http.Header, block []byte) bool {
	if !isHTMLResponse(hdr) {
		return true
	}
	doc, replaced, err := warcDocument(hdr, block)
	switch {
	case errors.Is(err, errNotPage):
		return true
	case err != nil:
		return w.r.fail(source, err)
	}
	if !w.r.warnReplaced(source, replaced) {
		return false
	}
	doc.Source = source
	return w.r.emit(doc)
}

// skip passes over bad record n, from the current position to the next
// record's start, and notes it.
func (w *warcReader) skip(n int, source string, start int64, why error, atLineStart bool) (goOn, more bool) {
	_, found, err := w.scan(math.MaxInt64, atLineStart, nil)
	if found {
		return w.skipped(n, source, start, why)
	}
	w.note(n, source, why, w.damageIn(start, w.pos(), nil))
	if err != nil && !errors.Is(err, io.EOF) {
		return w.fatal(source, fmt.Errorf("warc record %d: %w", n, readErr(w.in, err)))
	}
	return w.end(), false
}

// skipped notes bad record n, passed over now that the next has been
// found.
func (w *warcReader) skipped(n int, source string, start int64, why error) (goOn, more bool) {
	w.note(n, source, why, w.damageIn(start, w.pos(), nil))
	return true, true
}

// note adds bad record n to the run; when damage to the gzip was passed
// over in it, that is the cause.
func (w *warcReader) note(n int, source string, why, damage error) {
	if damage != nil {
		why = fmt.Errorf("warc record %d: %w", n, gzipErr(damage))
	}
	if w.run == nil {
		w.run = &warcRun{source: source, err: why}
	}
	w.run.count++
}

// good reports the run of bad records before record n, which was read
// whole by its length. It returns whether to go on, and whether the record
// can be used: not when damage to the gzip was passed over in it.
func (w *warcReader) good(n int, source string, start int64) (goOn, ok bool) {
	damage := w.damageIn(start, w.pos(), nil)
	if damage == nil {
		// A checksum fails at the end of the member, after the blank
		// lines that close its record.
		b, _ := w.br.Peek(w.br.Buffered())
		blank := len(b) - len(bytes.TrimLeft(b, "\r\n"))
		damage = w.damageIn(w.pos(), w.pos()+int64(blank), func(err error) bool { return errors.Is(err, gzip.ErrChecksum) })
	}
	if damage != nil {
		w.note(n, source, nil, damage)
		return true, false
	}
	return w.flush(true), true
}

// end reports what is left at the end of the archive.
func (w *warcReader) end() bool {
	if !w.flush(false) {
		return false
	}
	if w.gz != nil {
		return w.damageBefore(math.MaxInt64, 0)
	}
	return true
}

// fatal reports an error that ends the archive: nothing after it can be
// read.
func (w *warcReader) fatal(source string, err error) (goOn, more bool) {
	if !w.flush(false) {
		return false, false
	}
	return w.r.fail(source, err), false
}

// flush reports the run of bad records, if any: resumed when a good record
// follows it.
func (w *warcReader) flush(resumed bool) bool {
	run := w.run
	if run == nil {
		return true
	}
	w.run = nil
	err := run.err
	switch {
	case resumed:
		err = fmt.Errorf("%w; skipped %s, resumed at the next", err, plural(run.count, "record"))
	case run.count > 1:
		err = fmt.Errorf("%w; skipped %s to the end", err, plural(run.count, "record"))
	}
	return w.r.fail(run.source, err)
}

// damageIn takes off the damage to the gzip passed over in the archive's
// bytes (from, to], of the kind that only picks when not nil, and returns
// the first, or nil.
func (w *warcReader) damageIn(from, to int64, only func(error) bool) error {
	if w.gz == nil {
		return nil
	}
	var first error
	keep := w.gz.damage[:0]
	for _, d := range w.gz.damage {
		if d.at > from && d.at <= to && (only == nil || only(d.err)) {
			if first == nil {
				first = d.err
			}
			continue
		}
		keep = append(keep, d)
	}
	w.gz.damage = keep
	return first
}

// damageBefore reports damage to the gzip passed over between records,
// before offset off where record n starts (n is 0 at the end): a member
// whose checksum failed after its record was read, or one lost whole.
func (w *warcReader) damageBefore(off int64, n int) bool {
	err := w.damageIn(-1, off, nil)
	switch {
	case err == nil:
		return true
	case n == 0:
		return w.r.fail(w.in.source, fmt.Errorf("after the last warc record: %w", gzipErr(err)))
	case n == 1:
		return w.r.fail(w.in.source, fmt.Errorf("before the first warc record: %w; resumed at the next member", gzipErr(err)))
	}
	return w.r.fail(w.in.source, fmt.Errorf("after warc record %d: %w; resumed at the next member", n-1, gzipErr(err)))
}

// header reads a record's header: its version line and named fields, up
// to the blank line after them. It reads nothing when the header is bad,
// and then returns a headerError.
func (w *warcReader) header() (http.Header, error) {
	for size := 256; ; size = min(4*size, w.br.Size()) {
		b, err := w.br.Peek(size)
		if len(b) == 0 {
			return nil, err
		}
		if !bytes.HasPrefix(b, []byte("WARC/")) && (len(b) >= 5 || err != nil) {
			return nil, headerError{fmt.Errorf("not a warc record (starts %q)", truncateStr(firstLine(b), 20))}
		}
		end, bad := headerEnd(b)
		if end < 0 && bad == "" && errors.Is(err, io.EOF) {
			// The header runs to the end of the archive.
			_, bad = headerEnd(append(slices.Clone(b), "\n\n"...))
			end = len(b)
		}
		if bad != "" {
			return nil, headerError{fmt.Errorf("bad header line %q", truncateStr(bad, 40))}
		}
		if end >= 0 {
			if w.gz != nil {
				// A record that starts a gzip member cuts the header short,
				// where damage to the gzip was passed over: the fields
				// after it are the next record's.
				pos := w.pos()
				if s, ok := w.gz.nextStart(pos); ok && s < pos+int64(end) {
					if yes, _ := startsRecord(b[s-pos:]); yes {
						return nil, headerError{errors.New("header cut short by the next record")}
					}
				}
			}
			w.br.Discard(end)
			return parseWARCHeader(b[:end]), nil
		}
		if err != nil {
			return nil, err
		}
		if size == w.br.Size() {
			return nil, headerError{fmt.Errorf("header longer than %d bytes", size)}
		}
	}
}

// headerError is a record header that is none.
type headerError struct{ err error }

func (e headerError) Error() string { return e.err.Error() }

// headerEnd returns the length of the header at the start of b, up to and
// with the blank line that ends it, or -1 when b holds no blank line; or
// the first of its lines that is no field ("name: value"), at once, with
// no need to read further.
func headerEnd(b []byte) (end int, bad string) {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return -1, ""
		}
		line := bytes.TrimRight(b[i:i+j], "\r")
		switch {
		case i == 0:
		case len(line) == 0:
			return i + j + 1, ""
		case bytes.IndexByte(line, ':') < 0:
			return -1, string(line)
		}
		i += j + 1
	}
}

// parseWARCHeader reads a header's named fields, after its version line;
// headerEnd has checked its lines.
func parseWARCHeader(b []byte) http.Header {
	h := http.Header{}
	lines := strings.Split(string(b), "\n")
	for _, l := range lines[1:] {
		if k, v, ok := strings.Cut(strings.TrimRight(l, "\r"), ":"); ok {
			h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	return h
}

func firstLine(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return strings.TrimRight(string(b), "\r\n")
}

// readBlock reads a record's block of length bytes, at most w.r.maxBytes.
// On an early end it returns the bytes there were, and the error.
func (w *warcReader) readBlock(length int64) ([]byte, error) {
	if int64(cap(w.block)) < length {
		w.block = make([]byte, length)
	}
	b := w.block[:length]
	n, err := io.ReadFull(w.br, b)
	return b[:n], err
}

// recordEnd is what follows a record's block.
type recordEnd int

const (
	endRecord recordEnd = iota // the next record or the archive's end, after any blank lines
	endBlank                   // a blank line, then something else
	endNone                    // something else at once: the block does not end there
)

// recordEnd looks past the blank lines that close a record, without
// reading them, for the next record or the archive's end.
func (w *warcReader) recordEnd() recordEnd {
	for size := 16; ; size = min(4*size, w.br.Size()) {
		b, err := w.br.Peek(size)
		rest := bytes.TrimLeft(b, "\r\n")
		if len(rest) < 5 && err == nil && size < w.br.Size() {
			continue
		}
		switch {
		case len(rest) == 0, bytes.HasPrefix(rest, []byte("WARC/")):
			return endRecord
		case len(rest) < 5 && err != nil && bytes.HasPrefix([]byte("WARC/"), rest):
			// The next record is cut short: its own problem.
			return endRecord
		case bytes.Count(b[:len(b)-len(rest)], []byte("\n")) >= 2:
			return endBlank
		}
		return endNone
	}
}

// skipBlank passes the blank lines that close a record.
func (w *warcReader) skipBlank() {
	for {
		b, err := w.br.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		w.br.Discard(1)
	}
}

// scan passes bytes, at most limit of them, up to the next record's
// start: a line starting "WARC/1.", or a gzip member starting so. It
// returns how many bytes it passed, whether it found a start (and stopped
// there), and the read error that ended it early (io.EOF at the end).
// atLineStart tells whether the next byte starts a line; keep, when not
// nil, is given the bytes passed.
func (w *warcReader) scan(limit int64, atLineStart bool, keep func([]byte)) (passed int64, found bool, err error) {
	pass := func(b []byte) {
		if keep != nil {
			keep(b)
		}
		w.br.Discard(len(b))
		passed += int64(len(b))
	}
	for passed < limit {
		if _, err := w.br.Peek(1); err != nil {
			return passed, false, err
		}
		b, _ := w.br.Peek(w.br.Buffered())
		i, maybe := w.findStart(b, w.pos(), atLineStart)
		if int64(i) >= limit-passed {
			i = -1
		}
		switch {
		case i < 0:
			k := len(b)
			if int64(k) > limit-passed {
				k = int(limit - passed)
			}
			atLineStart = b[k-1] == '\n'
			pass(b[:k])
		case !maybe:
			pass(b[:i])
			return passed, true, nil
		case i > 0:
			atLineStart = b[i-1] == '\n'
			pass(b[:i])
		default:
			// Too few bytes to tell whether a record starts here: read
			// more, and if there are none, it does not.
			if more, _ := w.br.Peek(len(b) + 1); len(more) == len(b) {
				atLineStart = b[0] == '\n'
				pass(b[:1])
			}
		}
	}
	return passed, false, nil
}

// findStart returns the index in b, the archive's bytes from offset base
// on, of the first record start, and whether b ends too soon to be sure
// of it; or -1.
func (w *warcReader) findStart(b []byte, base int64, atLineStart bool) (int, bool) {
	for i := 0; i < len(b); {
		line := i == 0 && atLineStart || i > 0 && b[i-1] == '\n'
		if line || w.gz != nil && w.gz.isStart(base+int64(i)) {
			if yes, maybe := startsRecord(b[i:]); yes || maybe {
				return i, maybe
			}
		}
		next := len(b)
		if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
			next = i + j + 1
		}
		if w.gz != nil {
			if s, ok := w.gz.nextStart(base + int64(i)); ok && s-base < int64(next) {
				next = int(s - base)
			}
		}
		i = next
	}
	return -1, false
}

// startsRecord reports whether b starts with a WARC version line
// ("WARC/1.0", "WARC/1.1"), or may when more bytes come.
func startsRecord(b []byte) (yes, maybe bool) {
	const prefix = "WARC/1."
	if len(b) < len(prefix) {
		return false, bytes.HasPrefix([]byte(prefix), b)
	}
	if !bytes.HasPrefix(b, []byte(prefix)) {
		return false, false
	}
	i := len(prefix)
	for i < len(b) && i < len(prefix)+3 && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	switch {
	case i == len(b):
		return false, true
	case i == len(prefix):
		return false, false
	case b[i] == '\n':
		return true, false
	case b[i] != '\r':
		return false, false
	case i+1 == len(b):
		return false, true
	}
	return b[i+1] == '\n', false
}

// rewind makes data, the archive's bytes from offset at up to the current
// position, be read again. The bytes waiting to be read are copied behind
// it, so that what is held for reading again never passes one block and a
// buffer, however many times a bad record is read again.
func (w *warcReader) rewind(data []byte, at int64) {
	rest, _ := w.br.Peek(w.br.Buffered())
	if w.pb == nil {
		w.pb = &pushback{r: w.cnt.r}
		w.cnt.r = w.pb
	}
	buf := make([]byte, 0, len(data)+len(rest)+len(w.pb.buf))
	w.pb.buf = append(append(append(buf, data...), rest...), w.pb.buf...)
	w.cnt.n = at
	w.br.Reset(w.cnt)
	w.redo = at + int64(len(w.pb.buf))
}

// pushback reads buf, then r.
type pushback struct {
	buf []byte
	r   io.Reader
}

func (p *pushback) Read(b []byte) (int, error) {
	if len(p.buf) == 0 {
		p.buf = nil
		return p.r.Read(b)
	}
	n := copy(b, p.buf)
	p.buf = p.buf[n:]
	return n, nil
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

// errNotPage marks a response that is no page at all — an image, a
// script, a redirect, a missing page: a crawl holds many, and they are
// passed over in silence like the crawl's request and metadata records.
var errNotPage = errors.New("not a page")

func isHTMLResponse(h http.Header) bool {
	return h.Get("WARC-Type") == "response" && strings.Contains(h.Get("Content-Type"), "application/http")
}

// warcDocument reads the HTTP response in a record's block; it returns
// how many bytes of the page that were not UTF-8 it replaced.
func warcDocument(hdr http.Header, block []byte) (news.RawDoc, int, error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return news.RawDoc{}, 0, fmt.Errorf("bad http response in warc record: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return news.RawDoc{}, 0, errNotPage
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return news.RawDoc{}, 0, errNotPage
	}
	body := io.Reader(resp.Body)
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return news.RawDoc{}, 0, fmt.Errorf("bad gzip body in warc record: %w", err)
		}
		body = zr
	}
	payload, err := io.ReadAll(body)
	if err != nil {
		return news.RawDoc{}, 0, fmt.Errorf("reading http body in warc record: %w", err)
	}
	// A page in UTF-16 is decoded here: a file's is on its way in.
	page := payload
	if decoded, ok := decodeUTF16(payload); ok {
		page = decoded
	}
	doc, replaced, err := document(kindHTML, page)
	if err != nil {
		return news.RawDoc{}, 0, err
	}
	doc.Raw = payload
	doc.URL = hdr.Get("WARC-Target-URI")
	if t, err := time.Parse(time.RFC3339, hdr.Get("WARC-Date")); err == nil {
		doc.Fetched = t
	}
	return doc, replaced, nil
}

func truncateStr(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
