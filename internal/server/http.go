package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/store"
)

// capture holds an answer until the handler is done, so that it can be
// given validators, compressed, or replaced by 304 Not Modified.
type capture struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (c *capture) Header() http.Header { return c.header }

func (c *capture) WriteHeader(code int) {
	if c.code == 0 {
		c.code = code
	}
}

func (c *capture) Write(b []byte) (int, error) {
	if c.code == 0 {
		c.code = http.StatusOK
	}
	return c.body.Write(b)
}

// cacheable tells the requests answered with validators: reads of the
// pages, the API and the feeds, all made from the store.
func cacheable(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.Path != "/healthz"
}

// serveCached answers a read with an ETag and a Last-Modified made from
// the store's stamp (every story write moves it on), the request's URL
// and host and this process (whose pages a new program may draw
// otherwise): a repeated conditional request gets 304 Not Modified
// without anything rendered. The answer is gzipped when the client
// takes it so.
func (s *Server) serveCached(w http.ResponseWriter, r *http.Request) {
	stamp, err := s.st.Stamp(r.Context())
	if err != nil { // no validators, but still an answer
		s.serveCompressed(w, r, nil)
		return
	}
	// A handler that needs the stamp (a feed, for its ids) takes this one
	// (stampOf) rather than asking the store again.
	r = r.WithContext(context.WithValue(r.Context(), stampKey{}, stamp))
	h := sha256.New()
	for _, part := range []string{stamp.Installation, strconv.FormatInt(stamp.Generation, 10),
		strconv.FormatInt(s.start.UnixNano(), 10), r.Host, r.URL.RequestURI()} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	// Weak: the gzipped and the plain answer are the same page.
	etag := `W/"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`
	modified := stamp.Changed
	if s.start.After(modified) {
		modified = s.start
	}
	modified = modified.UTC().Truncate(time.Second)
	setValidators := func(hd http.Header) {
		hd.Set("ETag", etag)
		hd.Set("Last-Modified", modified.Format(http.TimeFormat))
	}
	if notModified(r, etag, modified) {
		hd := w.Header()
		setValidators(hd)
		hd.Set("Vary", "Accept-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.serveCompressed(w, r, func(hd http.Header) {
		setValidators(hd)
		hd.Set("Cache-Control", "no-cache") // keep it, but ask each time
	})
}

// stampKey keys the store's stamp that serveCached read in a request's
// context.
type stampKey struct{}

// stampOf is the store's stamp for the request of ctx: the one serveCached
// made its validators from, else read now.
func (s *Server) stampOf(ctx context.Context) (store.Stamp, error) {
	if st, ok := ctx.Value(stampKey{}).(store.Stamp); ok {
		return st, nil
	}
	return s.st.Stamp(ctx)
}

// notModified applies RFC 9110's conditions: If-None-Match when given
// (weak comparison), else If-Modified-Since.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.After(t)
	}
	return false
}

// serveCompressed runs the handler, and gzips its answer when the client
// accepts gzip and it is worth it; validators sets the headers of a
// successful answer.
func (s *Server) serveCompressed(w http.ResponseWriter, r *http.Request, validators func(http.Header)) {
	c := &capture{header: w.Header()}
	s.mux.ServeHTTP(c, r)
	if c.code == 0 {
		c.code = http.StatusOK
	}
	hd := w.Header()
	hd.Add("Vary", "Accept-Encoding")
	if c.code == http.StatusOK && validators != nil {
		validators(hd)
	}
	body := c.body.Bytes()
	if c.body.Len() >= 512 && acceptsGzip(r) && hd.Get("Content-Encoding") == "" {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.DefaultCompression)
		zw.Write(body)
		zw.Close()
		body = z.Bytes()
		hd.Set("Content-Encoding", "gzip")
	}
	hd.Del("Content-Length")
	if r.Method != http.MethodHead {
		hd.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(c.code)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// acceptsGzip tells whether the request's Accept-Encoding takes gzip
// (with a weight above zero).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") && strings.TrimSpace(coding) != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
