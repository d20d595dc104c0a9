package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"io"
	"slices"
)

// gzipStream reads a gzip file member after member, as gzip.Reader does in
// its multistream mode, and keeps where each member starts in the
// decompressed stream: a .warc.gz holds one member per record, so a
// member's start is a record's start, where reading can resume after a
// bad record. With resync set it also passes over a damaged member
// (corrupt data, a bad checksum or header, a member cut short), going on
// at the next member it finds, and notes where in the decompressed stream
// it did so.
type gzipStream struct {
	mr  *memberReader // the compressed bytes
	zr  *gzip.Reader
	out int64 // decompressed bytes delivered so far
	err error // the stream's end or failure, returned from then on

	track  bool    // keep starts (the format is not yet known, or it is WARC)
	starts []int64 // decompressed offsets where members started, ascending
	resync bool    // pass over damaged members
	damage []gzipDamage
}

// gzipDamage is a damaged part of a gzip stream passed over: the
// decompressed stream goes on at offset at with the next member found.
type gzipDamage struct {
	at  int64
	err error
}

// gzipMagic starts every gzip member: its two ID bytes and the deflate
// method.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

func newGzipStream(src *bufio.Reader) (*gzipStream, error) {
	mr := &memberReader{src: src}
	zr, err := gzip.NewReader(mr)
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	return &gzipStream{mr: mr, zr: zr, track: true, starts: []int64{0}}, nil
}

func (g *gzipStream) Read(p []byte) (int, error) {
	for g.err == nil {
		n, err := g.zr.Read(p)
		g.out += int64(n)
		if errors.Is(err, io.EOF) {
			err = g.nextMember()
		}
		if err != nil && g.resync && isGzipDamage(err) {
			err = g.passDamage(err)
		}
		g.err = err
		if n > 0 {
			// An error waits for the next call.
			return n, nil
		}
	}
	return 0, g.err
}

// passDamage passes over damage err, going on at the next member that
// starts well, and notes where; it returns err when there is none, else
// nil.
func (g *gzipStream) passDamage(err error) error {
	if g.skipDamage() != nil {
		return err
	}
	if len(g.damage) < maxDamage {
		g.damage = append(g.damage, gzipDamage{at: g.out, err: err})
	}
	return nil
}

// maxDamage bounds the damage kept unreported; the WARC reader takes
// each off as it reads past it.
const maxDamage = 1 << 10

// nextMember starts reading the member after the one that ended, or
// returns io.EOF at the end of the file.
func (g *gzipStream) nextMember() error {
	if err := g.mr.more(); err != nil {
		return err
	}
	g.mr.startMember()
	if err := g.zr.Reset(g.mr); err != nil {
		return err
	}
	g.zr.Multistream(false)
	g.addStart()
	return nil
}

// skipDamage looks for the next member after damage and starts reading
// it; it returns an error (io.EOF at the end of the file) when there is
// none that starts well. It looks from just after the damaged member's
// start, where it can: decompression may have read well past the damage,
// into the members after it.
func (g *gzipStream) skipDamage() error {
	for {
		g.mr.again()
		if err := g.mr.toMagic(); err != nil {
			return err
		}
		g.mr.startMember()
		if g.zr.Reset(g.mr) == nil {
			g.zr.Multistream(false)
			g.addStart()
			return nil
		}
		// Not a member after all: its header is bad.
	}
}

func (g *gzipStream) addStart() {
	// Empty members start where the one before them did: one entry will do.
	if g.track && (len(g.starts) == 0 || g.starts[len(g.starts)-1] != g.out) {
		g.starts = append(g.starts, g.out)
	}
}

// untrack stops keeping member starts: the content is no WARC.
func (g *gzipStream) untrack() { g.track, g.starts = false, nil }

// isStart reports whether a member starts at decompressed offset off.
func (g *gzipStream) isStart(off int64) bool {
	_, found := slices.BinarySearch(g.starts, off)
	return found
}

// nextStart returns the first member start after decompressed offset off.
func (g *gzipStream) nextStart(off int64) (int64, bool) {
	i, found := slices.BinarySearch(g.starts, off)
	if found {
		i++
	}
	if i == len(g.starts) {
		return 0, false
	}
	return g.starts[i], true
}

// forget drops the member starts before decompressed offset off, which
// the WARC reader has passed: memory stays bounded however many members
// the file holds.
func (g *gzipStream) forget(off int64) {
	i, _ := slices.BinarySearch(g.starts, off)
	g.starts = slices.Delete(g.starts, 0, i)
}

// isGzipDamage reports an error in the compressed data that a later member
// may be read past, as opposed to the file ending early.
func isGzipDamage(err error) bool {
	var corrupt flate.CorruptInputError
	return errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.As(err, &corrupt)
}

// memberReader hands gzip the compressed bytes, one at a time as it reads
// them, and keeps the current member's, up to keepMember of them, to be
// read again when the member turns out damaged.
type memberReader struct {
	src  *bufio.Reader
	back []byte // bytes to read again, before src's
	kept []byte // the current member's bytes read so far
	over bool   // more than keepMember of them
}

// keepMember bounds the bytes kept of a member: a crawl's members hold a
// page each, compressed, far smaller. A damaged member longer than that
// is looked past from where decompression stopped.
const keepMember = 1 << 20

func (m *memberReader) ReadByte() (byte, error) {
	var c byte
	if len(m.back) > 0 {
		c, m.back = m.back[0], m.back[1:]
	} else {
		var err error
		if c, err = m.src.ReadByte(); err != nil {
			return 0, err
		}
	}
	if !m.over {
		if len(m.kept) < keepMember {
			m.kept = append(m.kept, c)
		} else {
			m.over = true
		}
	}
	return c, nil
}

func (m *memberReader) Read(p []byte) (int, error) {
	var n int
	var err error
	if len(m.back) > 0 {
		n = copy(p, m.back)
		m.back = m.back[n:]
	} else {
		n, err = m.src.Read(p)
	}
	if !m.over {
		if len(m.kept)+n <= keepMember {
			m.kept = append(m.kept, p[:n]...)
		} else {
			m.over = true
		}
	}
	return n, err
}

// more returns nil when there are bytes left, else the reason (io.EOF).
func (m *memberReader) more() error {
	if len(m.back) > 0 {
		return nil
	}
	_, err := m.src.Peek(1)
	return err
}

// startMember starts keeping a new member's bytes.
func (m *memberReader) startMember() { m.kept, m.over = m.kept[:0], false }

// again makes the current member's bytes after its first be read again,
// when they were kept.
func (m *memberReader) again() {
	if m.over || len(m.kept) < 2 {
		return
	}
	back := make([]byte, 0, len(m.kept)-1+len(m.back))
	m.back = append(append(back, m.kept[1:]...), m.back...)
	m.kept = m.kept[:0]
}

// toMagic passes bytes up to the next gzipMagic; it returns io.EOF when
// there is none.
func (m *memberReader) toMagic() error {
	for len(m.back) > 0 {
		i := bytes.Index(m.back, gzipMagic)
		if i >= 0 {
			m.back = m.back[i:]
			return nil
		}
		// A magic may begin in the last bytes and go on in src's.
		k := max(0, len(m.back)-len(gzipMagic)+1)
		tail := m.back[k:]
		head, _ := m.src.Peek(len(gzipMagic) - 1)
		if j := bytes.Index(append(slices.Clone(tail), head...), gzipMagic); j >= 0 && j < len(tail) {
			m.back = tail[j:]
			return nil
		}
		m.back = nil
	}
	for {
		b, err := m.src.Peek(len(gzipMagic))
		if len(b) < len(gzipMagic) {
			m.src.Discard(len(b))
			if err == nil {
				err = io.EOF
			}
			return err
		}
		b, _ = m.src.Peek(m.src.Buffered())
		if i := bytes.Index(b, gzipMagic); i >= 0 {
			m.src.Discard(i)
			return nil
		}
		// Keep what could be the start of a magic cut by the buffer's end.
		m.src.Discard(len(b) - len(gzipMagic) + 1)
	}
}
