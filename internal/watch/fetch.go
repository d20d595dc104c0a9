package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Accept headers: feeds first for a feed, pages first for a page, and
// anything after, since servers label both loosely.
const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
	acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8"
)

// CheckURL tells whether raw is a URL the watcher fetches: absolute, http
// or https, with a host.
func CheckURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a URL: %w", errors.Unwrap(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return errors.New("not a URL: no http:// or https://")
		}
		return fmt.Errorf("unsupported scheme %q: only http and https", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("not a URL: no host")
	}
	return nil
}

// response is a fetched resource, its body read whole.
type response struct {
	status int
	header http.Header
	body   []byte
}

// statusError is an HTTP status other than the one wanted.
type statusError struct {
	status     int
	retryAfter time.Duration // from Retry-After on 429 and 503; 0 when absent
}

func (e *statusError) Error() string {
	s := fmt.Sprintf("HTTP %d", e.status)
	if t := http.StatusText(e.status); t != "" {
		s += " " + t
	}
	return s
}

// get fetches target with the host's turn held, so that a host sees at
// most one request of ours at a time and a pause between them. The whole
// exchange, body included, is bounded by the timeout and the size limit.
func (w *Watcher) get(ctx context.Context, target, accept string, header http.Header) (response, error) {
	u, err := url.Parse(target)
	if err != nil {
		return response{}, err
	}
	if err := CheckURL(target); err != nil {
		return response{}, err
	}
	h, err := w.hosts.acquire(ctx, strings.ToLower(u.Host))
	if err != nil {
		return response{}, err
	}
	defer h.release()

	rctx, cancel := context.WithTimeout(ctx, w.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, target, nil)
	if err != nil {
		return response{}, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", w.opts.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := w.opts.Client.Do(req)
	if err != nil {
		return response{}, w.netErr(ctx, target, err)
	}
	defer resp.Body.Close()
	r := response{status: resp.StatusCode, header: resp.Header}
	if resp.StatusCode != http.StatusOK {
		// The body of an error or a 304 is not wanted; it is left unread.
		return r, nil
	}
	if resp.ContentLength > w.opts.MaxBytes {
		return r, fmt.Errorf("response too large: %d bytes, limit %d", resp.ContentLength, w.opts.MaxBytes)
	}
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, w.opts.MaxBytes+1))
	if err != nil {
		return r, w.netErr(ctx, target, err)
	}
	if int64(len(r.body)) > w.opts.MaxBytes {
		return r, fmt.Errorf("response too large: more than %d bytes", w.opts.MaxBytes)
	}
	return r, nil
}

// netErr words a failed exchange of target: a timeout as such, an
// internal address as the policy says it, and other errors without the
// "Get <url>:" that the report already says. A failure after a redirect
// names the URL it was redirected to.
func (w *Watcher) netErr(ctx context.Context, target string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ue *url.Error
	hop := ""
	if errors.As(err, &ue) && ue.URL != target {
		hop = "redirected to " + ue.URL + ": "
	}
	var internal *InternalAddrError
	switch {
	case errors.As(err, &internal):
		return fmt.Errorf("%s%w", hop, internal)
	case errors.Is(err, context.DeadlineExceeded), ue != nil && ue.Timeout():
		return fmt.Errorf("%stimed out after %v", hop, w.opts.Timeout)
	case ue != nil:
		return fmt.Errorf("%s%w", hop, ue.Err)
	}
	return err
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date,
// as a wait from now; 0 when absent or unreadable.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s <= 0 {
			return 0
		}
		return time.Duration(min(s, int64(maxRetryAfter/time.Second))) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), maxRetryAfter)
	}
	return 0
}

// maxRetryAfter bounds what a server may ask for, so that a mistaken or
// hostile header cannot silence a feed for good.
const maxRetryAfter = 7 * 24 * time.Hour

// hosts hands out turns to hosts: one request at a time to each, and at
// least delay between the end of one and the start of the next. The delay
// runs on the real clock whatever the schedule's clock: it is politeness
// towards a live server, not a schedule.
type hosts struct {
	delay time.Duration
	mu    sync.Mutex
	m     map[string]*host
}

type host struct {
	turn chan struct{} // holds a token while the host is free
	last time.Time     // when the last request ended; read and written only with the turn held
}

func (hs *hosts) acquire(ctx context.Context, name string) (*host, error) {
	hs.mu.Lock()
	h := hs.m[name]
	if h == nil {
		h = &host{turn: make(chan struct{}, 1)}
		h.turn <- struct{}{}
		if hs.m == nil {
			hs.m = map[string]*host{}
		}
		hs.m[name] = h
	}
	hs.mu.Unlock()
	select {
	case <-h.turn:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(h.last.Add(hs.delay)); !h.last.IsZero() && wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			h.turn <- struct{}{}
			return nil, ctx.Err()
		}
	}
	return h, nil
}

func (h *host) release() {
	h.last = time.Now()
	h.turn <- struct{}{}
}
