package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"

	"github.com/chorusnews/chorus/internal/news"
)

// The reasons an input is refused. Messages are lowercase and one line:
// they end up after "source: " on stderr and in a digest's errors.
var (
	errEmpty       = errors.New("empty file")
	errBinary      = errors.New("binary content, not text or HTML")
	errTooLarge    = errors.New("file too large")
	errNoText      = errors.New("html page has no text")
	errNestedGzip  = errors.New("gzip inside gzip is not supported")
	errUnknownEnc  = errors.New("not valid utf-8, and no known encoding fits")
	errTruncatedGz = errors.New("truncated gzip")
	errCorruptGz   = errors.New("corrupt gzip")
)

// sniffLen is how much of an input is looked at to tell its format. It
// is also the read buffer, so peeking costs no extra copy.
const sniffLen = 64 << 10

// input describes one stream being read.
type input struct {
	source  string // names the input in RawDocs and errors
	name    string // file name, for format hints; "" for stdin
	size    int64  // size in bytes, or -1 when unknown (stdin, pipes, gzip content)
	gzipped bool   // the stream is the content of a gzip file
	utf8    bool   // the stream was decoded from UTF-16 by its BOM
	// original collects the input's bytes as they came when the stream is
	// decoded on the way (gzip, UTF-16), so that Raw stays byte-exact.
	original *bytes.Buffer
	bom      bool // a UTF-8 byte order mark was taken off the front
	// gz is the gzip stream the content comes from undecoded, which
	// knows where its members start: a WARC reader resumes at one after a
	// bad record.
	gz *gzipStream
}

// readStream tells the format of one input and hands it on: whole for
// text and HTML, line by line for JSON Lines.
func (r *reader) readStream(in input, src io.Reader) bool {
	cnt := &countReader{r: &stickyReader{r: src}}
	br := bufio.NewReaderSize(cnt, sniffLen)
	head, err := br.Peek(sniffLen)
	complete := errors.Is(err, io.EOF) // head holds the whole input
	if len(head) == 0 {
		if complete {
			return r.fail(in.source, errEmpty)
		}
		return r.fail(in.source, readErr(in, err))
	}
	// An error after some content waits: stickyReader returns it again
	// when the rest is read, so JSON Lines first yields the lines before it.

	if isGzip(head) {
		// Content wins over the name: a page saved compressed without
		// .gz is unpacked all the same.
		if in.gzipped {
			return r.fail(in.source, errNestedGzip)
		}
		in.original = new(bytes.Buffer)
		// The compressed bytes are kept as they came, within the limit.
		gz, err := newGzipStream(bufio.NewReader(io.TeeReader(br, limitedWriter{in.original, r.maxBytes})))
		if err != nil {
			return r.fail(in.source, gzipErr(err))
		}
		in.gzipped, in.size, in.gz = true, -1, gz
		in.name = trimSuffixFold(in.name, ".gz")
		return r.readStream(in, gz)
	}

	// A byte order mark wins over any declaration. UTF-16 is decoded as a
	// stream so that sniffing, JSON Lines and the size limit all see UTF-8.
	if !in.utf8 {
		var dec *encoding.Decoder
		switch {
		case bytes.HasPrefix(head, bomUTF8):
			br.Discard(len(bomUTF8)) // cannot fail: the bytes are buffered
			head = head[len(bomUTF8):]
			in.bom = true
		case bytes.HasPrefix(head, []byte("WARC/1.")):
			// An archive, whose records may hold UTF-16 pages: their
			// zeros do not make the archive UTF-16.
		default:
			dec = utf16Decoder(head)
		}
		if dec != nil {
			in.utf8 = true
			if in.gz != nil {
				// Offsets in the decoded stream are not the gzip's.
				in.gz.untrack()
				in.gz = nil
			}
			if in.original == nil {
				in.original = new(bytes.Buffer)
				return r.readStream(in, transform.NewReader(io.TeeReader(br, limitedWriter{in.original, r.maxBytes * 2}), dec))
			}
			return r.readStream(in, transform.NewReader(br, dec))
		}
	}

	kind := sniff(in.name, head, complete)
	if kind != kindWARC && in.gz != nil {
		in.gz.untrack()
	}
	switch kind {
	case kindWARC:
		return r.readWARC(in, br, cnt)
	case kindFeed:
		return r.readFeed(in, br)
	case kindJSONL:
		return r.readJSONL(in, br)
	}

	// The size is checked before the body is read, so a huge file costs
	// no memory; content of unknown size is read through a limit instead.
	if in.size > r.maxBytes {
		return r.fail(in.source, fmt.Errorf("%w: %d bytes, limit %d", errTooLarge, in.size, r.maxBytes))
	}
	if kind == kindBinary {
		return r.fail(in.source, errBinary)
	}
	data, err := io.ReadAll(io.LimitReader(br, r.maxBytes+1))
	if err != nil {
		return r.fail(in.source, readErr(in, err))
	}
	if int64(len(data)) > r.maxBytes {
		return r.fail(in.source, tooLargeErr(in, r.maxBytes))
	}
	doc, replaced, err := document(kind, data)
	if err != nil {
		return r.fail(in.source, err)
	}
	if !r.warnReplaced(in.source, replaced) {
		return false
	}
	doc.Source, doc.Raw = in.source, data
	switch {
	case in.original != nil:
		doc.Raw = in.original.Bytes()
	case in.bom:
		doc.Raw = append(slices.Clip(bomUTF8), data...)
	}
	return r.emit(doc)
}

// document turns the whole content of a text or HTML input into a RawDoc.
// It also returns how many bytes that were not UTF-8 it replaced by
// U+FFFD, for the reader to be told.
func document(kind kind, data []byte) (news.RawDoc, int, error) {
	// Checked on the whole again: sniffing saw only the head.
	if looksBinary(data) {
		return news.RawDoc{}, 0, errBinary
	}
	body, replaced, err := toUTF8(data, kind == kindHTML)
	if err != nil {
		return news.RawDoc{}, 0, err
	}
	if isBlank(body) {
		return news.RawDoc{}, 0, errEmpty
	}
	if kind != kindHTML {
		return news.RawDoc{Body: body, Format: news.FormatText}, replaced, nil
	}
	if !htmlHasText(body) {
		return news.RawDoc{}, 0, errNoText
	}
	return news.RawDoc{Body: declareUTF8(body), Format: news.FormatHTML}, replaced, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// stickyReader returns its first error again on every later read, which
// not every reader does (bufio hands an error on once, then forgets it).
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func tooLargeErr(in input, limit int64) error {
	if in.gzipped {
		return fmt.Errorf("%w: more than %d bytes after decompression", errTooLarge, limit)
	}
	return fmt.Errorf("%w: more than %d bytes", errTooLarge, limit)
}

// readErr words a failure to read an input, naming gzip damage as such
// rather than as a bare "unexpected EOF".
func readErr(in input, err error) error {
	if in.gzipped {
		return gzipErr(err)
	}
	return fileErr(err)
}

func gzipErr(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%w: %w", errTruncatedGz, io.ErrUnexpectedEOF)
	case isGzipDamage(err):
		return fmt.Errorf("%w: %s", errCorruptGz, strings.TrimPrefix(err.Error(), "gzip: "))
	}
	return fileErr(err)
}

// fileErr drops the operation and path that *fs.PathError repeats, since
// the InputError around it already names the input.
func fileErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if pe.Op == "open" || pe.Op == "stat" || pe.Op == "lstat" {
			return pe.Err
		}
		return fmt.Errorf("cannot %s: %w", pe.Op, pe.Err)
	}
	return err
}

// limitedWriter keeps at most n bytes and drops the rest without failing,
// so that keeping the original never stops a read the size limit allows.
type limitedWriter struct {
	buf *bytes.Buffer
	n   int64
}

func (w limitedWriter) Write(p []byte) (int, error) {
	if room := w.n - int64(w.buf.Len()); room > 0 {
		w.buf.Write(p[:min(int64(len(p)), room)])
	}
	return len(p), nil
}
