package watch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestNetPolicyAllowed checks addresses through the policy alone: none of
// them is ever dialled, so no test sends a packet beyond 127.0.0.0/8.
func TestNetPolicyAllowed(t *testing.T) {
	none := []string(nil)
	for _, tt := range []struct {
		addr  string
		allow []string
		want  string // "" for allowed, else what the refusal names
	}{
		// Cloud metadata, private networks, CGNAT.
		{"169.254.169.254", none, "link-local 169.254.0.0/16"},
		{"10.0.0.1", none, "private 10.0.0.0/8"},
		{"10.255.255.255", none, "private 10.0.0.0/8"},
		{"192.168.1.1", none, "private 192.168.0.0/16"},
		{"172.16.0.1", none, "private 172.16.0.0/12"},
		{"172.31.255.254", none, "private 172.16.0.0/12"},
		{"100.64.0.1", none, "carrier-grade NAT 100.64.0.0/10"},
		{"100.127.255.254", none, "carrier-grade NAT 100.64.0.0/10"},
		// The machine itself, unspecified, multicast, broadcast, reserved.
		{"127.0.0.1", none, "loopback 127.0.0.0/8"},
		{"127.255.0.9", none, "loopback 127.0.0.0/8"},
		{"0.0.0.0", none, "unspecified, this network 0.0.0.0/8"},
		{"0.1.2.3", none, "0.0.0.0/8"},
		{"224.0.0.1", none, "multicast 224.0.0.0/4"},
		{"239.255.255.250", none, "multicast 224.0.0.0/4"},
		{"255.255.255.255", none, "broadcast"},
		{"240.0.0.1", none, "reserved 240.0.0.0/4"},
		{"198.18.0.1", none, "benchmarking"},
		{"192.0.0.170", none, "IETF protocol assignments"},
		// IPv6.
		{"::", none, "unspecified ::/128"},
		{"::1", none, "loopback ::1/128"},
		{"fd00::1", none, "unique local, private fc00::/7"},
		{"fd12:3456:789a::1", none, "fc00::/7"},
		{"fc00::1", none, "fc00::/7"},
		{"fe80::1", none, "link-local fe80::/10"},
		{"fe80::1%eth0", none, "link-local fe80::/10"},
		{"ff02::1", none, "multicast ff00::/8"},
		{"ff05::2", none, "multicast ff00::/8"},
		{"fec0::1", none, "site-local"},
		{"::127.0.0.1", none, "IPv4-compatible ::/96"},
		{"2001:db8::1", none, "documentation"},
		// IPv4 inside IPv6: mapped, NAT64, 6to4.
		{"::ffff:127.0.0.2", none, "loopback 127.0.0.0/8"},
		{"::ffff:10.0.0.1", none, "private 10.0.0.0/8"},
		{"::ffff:169.254.169.254", none, "link-local 169.254.0.0/16"},
		{"::ffff:0.0.0.0", none, "0.0.0.0/8"},
		{"64:ff9b::a9fe:a9fe", none, "NAT64, inside 169.254.169.254 link-local"},
		{"64:ff9b::7f00:1", none, "NAT64, inside 127.0.0.1 loopback"},
		{"2002:c0a8:101::1", none, "6to4, inside 192.168.1.1 private"},
		{"64:ff9b:1::1", none, "local NAT64"},
		// Public addresses pass (checked, never dialled).
		{"8.8.8.8", none, ""},
		{"172.32.0.1", none, ""},
		{"100.128.0.1", none, ""},
		{"192.169.0.1", none, ""},
		{"2606:4700:4700::1111", none, ""},
		{"::ffff:8.8.8.8", none, ""},
		{"64:ff9b::808:808", none, ""},
		{"2002:808:808::1", none, ""},
		// Allowed ranges: exactly what they hold.
		{"127.0.0.1", []string{"127.0.0.1/32"}, ""},
		{"127.0.0.2", []string{"127.0.0.1/32"}, "loopback 127.0.0.0/8"},
		{"127.0.0.2", []string{"127.0.0.0/8"}, ""},
		{"::ffff:127.0.0.2", []string{"127.0.0.0/8"}, ""},
		{"::ffff:127.0.0.2", []string{"127.0.0.1/32"}, "loopback 127.0.0.0/8"},
		{"10.1.2.3", []string{"10.1.0.0/16"}, ""},
		{"10.2.0.1", []string{"10.1.0.0/16"}, "private 10.0.0.0/8"},
		{"169.254.169.254", []string{"10.1.0.0/16", "192.168.0.0/16"}, "link-local"},
		{"fd00::5", []string{"fd00::/8"}, ""},
		{"fe80::1%eth0", []string{"fe80::/10"}, ""},
	} {
		var p NetPolicy
		for _, s := range tt.allow {
			p.Allow = append(p.Allow, netip.MustParsePrefix(s))
		}
		err := p.Allowed(netip.MustParseAddr(tt.addr))
		var ie *InternalAddrError
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s (allowing %v): %v, want allowed", tt.addr, tt.allow, err)
		case tt.want == "":
		case !errors.As(err, &ie):
			t.Errorf("%s (allowing %v): %v, want refused as %s", tt.addr, tt.allow, err, tt.want)
		case !strings.Contains(ie.Range, tt.want) || !strings.Contains(err.Error(), "not fetched") || !strings.Contains(err.Error(), "--allow-net"):
			t.Errorf("%s (allowing %v): %q, want it named %q", tt.addr, tt.allow, err, tt.want)
		}
	}
	if err := (NetPolicy{}).Allowed(netip.Addr{}); err == nil {
		t.Error("the zero address was allowed")
	}
}

// TestNetPolicyControl: the dialler's check reads the address it is about
// to connect to. Called directly, without a connection.
func TestNetPolicyControl(t *testing.T) {
	p := NetPolicy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}
	for _, tt := range []struct {
		address string
		ok      bool
	}{
		{"127.0.0.1:8080", true},
		{"127.0.0.2:80", false},
		{"[::ffff:127.0.0.2]:80", false},
		{"169.254.169.254:80", false},
		{"[fe80::1%eth0]:443", false},
		{"[fd00::1]:443", false},
		{"93.184.215.14:443", true},
		{"not an address", false},
		{"", false},
	} {
		if err := p.Control("tcp", tt.address, nil); (err == nil) != tt.ok {
			t.Errorf("Control(%q) = %v, want allowed %v", tt.address, err, tt.ok)
		}
	}
}

func TestParseAllowNet(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"127.0.0.0/8", []string{"127.0.0.0/8"}},
		{"127.0.0.0/8,10.1.0.0/16", []string{"127.0.0.0/8", "10.1.0.0/16"}},
		{" 10.1.2.3/16 , fd00::/8 ", []string{"10.1.0.0/16", "fd00::/8"}},
		{"192.168.1.20", []string{"192.168.1.20/32"}},
		{"fd00::1", []string{"fd00::1/128"}},
	} {
		got, err := ParseAllowNet(tt.in)
		var s []string
		for _, p := range got {
			s = append(s, p.String())
		}
		if err != nil || !slices.Equal(s, tt.want) {
			t.Errorf("ParseAllowNet(%q) = %q, %v; want %q", tt.in, s, err, tt.want)
		}
	}
	for _, bad := range []string{"", ",", "localhost", "10.0.0.0/33", "10.0.0/8", "127.0.0.0/8,nope", "fe80::1%eth0", "http://10.0.0.1/"} {
		if got, err := ParseAllowNet(bad); err == nil {
			t.Errorf("ParseAllowNet(%q) = %v, want an error", bad, got)
		}
	}
}

// TestInternalLinksRefused runs the watcher with its own default client
// (no Client given) against a feed on 127.0.0.1, allowed, whose teasers
// link to 127.0.0.2 directly, as an IPv4-mapped IPv6 address, and through
// a redirect from 127.0.0.1; a second feed is on 127.0.0.2 and a third
// redirects there. A server listening on 127.0.0.2 must see no request
// until its range is allowed.
func TestInternalLinksRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2 here: %v", err)
	}
	var internalHits atomic.Int32
	internal := httptest.NewUnstartedServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		internalHits.Add(1)
		if r.URL.Path == "/rss" {
			fmt.Fprint(rw, rssOf(testItem{guid: "i", title: "Internal feed", link: "https://example.org/i", content: longText("secrets")}))
			return
		}
		fmt.Fprintf(rw, "<html><body><article><h1>Secret</h1>%s</article></body></html>", longText("secret "+r.URL.Path))
	}))
	internal.Listener.Close()
	internal.Listener = ln
	internal.Start()
	defer internal.Close()
	port := ln.Addr().(*net.TCPAddr).Port

	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	direct := fmt.Sprintf("http://127.0.0.2:%d/direct", port)
	mapped := fmt.Sprintf("http://[::ffff:127.0.0.2]:%d/mapped", port)
	hop := fmt.Sprintf("http://127.0.0.2:%d/hop", port)
	mux.HandleFunc("/rss", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, rssOf(
			testItem{guid: "direct", title: "Direct", description: "A teaser.", link: direct},
			testItem{guid: "mapped", title: "Mapped", description: "A teaser.", link: mapped},
			testItem{guid: "redirect", title: "Redirect", description: "A teaser.", link: srv.URL + "/go"},
		))
	})
	mux.HandleFunc("/go", func(rw http.ResponseWriter, r *http.Request) { http.Redirect(rw, r, hop, http.StatusFound) })
	mux.HandleFunc("/feed-go", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, fmt.Sprintf("http://127.0.0.2:%d/rss", port), http.StatusMovedPermanently)
	})
	feed := srv.URL + "/rss"
	internalFeed := fmt.Sprintf("http://127.0.0.2:%d/rss", port)
	redirectedFeed := srv.URL + "/feed-go"
	feeds := []string{feed, internalFeed, redirectedFeed}

	options := func(allow string) (*collector, Options) {
		c := &collector{}
		o := DefaultOptions()
		o.Delay = 0
		o.Timeout = 2 * time.Second
		o.StatePath = filepath.Join(t.TempDir(), "watch.json")
		o.Report = c.report
		o.AllowNet = []netip.Prefix{netip.MustParsePrefix(allow)}
		return c, o // no Client: the watcher's own, with the policy
	}

	c, o := options("127.0.0.1/32")
	w := newWatcher(t, feeds, c, o)
	r := poll(t, w)
	if internalHits.Load() != 0 {
		t.Errorf("the server on 127.0.0.2 saw %d requests", internalHits.Load())
	}
	if r.Polled != 3 || r.Failed != 2 || r.Items != 3 || r.Pages != 0 {
		t.Errorf("round %+v, want 3 feeds polled, 2 failed, 3 teasers kept, no page", r)
	}
	docs := c.take()
	for _, d := range docs {
		if !strings.Contains(string(d.Body), "A teaser.") || strings.Contains(string(d.Body), "secret") {
			t.Errorf("%s: body %.80q, want the teaser", d.Source, d.Body)
		}
	}
	reports := c.takeReports()
	slices.Sort(reports)
	refused := "refused: 127.0.0.2 is an internal address (loopback 127.0.0.0/8), not fetched; --allow-net allows a range"
	want := []string{
		feed + "#direct: page " + direct + ": " + refused + "; the feed's teaser is stored instead",
		feed + "#mapped: page " + mapped + ": " + refused + "; the feed's teaser is stored instead",
		feed + "#redirect: page " + srv.URL + "/go: redirected to " + hop + ": " + refused + "; the feed's teaser is stored instead",
		internalFeed + ": " + refused + " (next try in 30m0s)",
		redirectedFeed + ": redirected to " + internalFeed + ": " + refused + " (next try in 30m0s)",
	}
	slices.Sort(want)
	if !slices.Equal(reports, want) {
		t.Errorf("reports:\n%s\nwant:\n%s", strings.Join(reports, "\n"), strings.Join(want, "\n"))
	}

	// The range allowed: the pages and the feed behind it are fetched.
	c, o = options("127.0.0.0/8")
	w = newWatcher(t, feeds, c, o)
	r = poll(t, w)
	if r.Polled != 3 || r.Failed != 0 || r.Items != 5 || r.Pages != 3 {
		t.Errorf("allowed: round %+v, want 3 feeds, 5 items, 3 pages", r)
	}
	if reports := c.takeReports(); len(reports) != 0 {
		t.Errorf("allowed: reports %q", reports)
	}
	pages := 0
	for _, d := range c.take() {
		if strings.Contains(string(d.Body), "secret /") {
			pages++
		}
	}
	if pages != 3 || internalHits.Load() != 5 {
		t.Errorf("allowed: %d pages stored, the server on 127.0.0.2 saw %d requests; want 3 and 5", pages, internalHits.Load())
	}
}

// TestDefaultClientHasThePolicy: a watcher given no client makes one
// whose connections the policy checks, and which uses no proxy.
func TestDefaultClientHasThePolicy(t *testing.T) {
	t.Setenv("HTTP_PROXY", "http://127.0.0.1:1")
	w, err := New([]Feed{{URL: "http://127.0.0.2/rss"}}, (&collector{}).sink, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr, ok := w.opts.Client.Transport.(*http.Transport)
	if !ok || tr.Proxy != nil || tr.DialContext == nil {
		t.Fatalf("default transport %#v: want an *http.Transport with the policy's dialler and no proxy", w.opts.Client.Transport)
	}
	// Dial straight through the transport's dialler: refused before any
	// connection is tried.
	_, err = tr.DialContext(t.Context(), "tcp", "127.0.0.2:9")
	var ie *InternalAddrError
	if !errors.As(err, &ie) || ie.Addr != netip.MustParseAddr("127.0.0.2") {
		t.Errorf("dial 127.0.0.2: %v, want refused by the policy", err)
	}
}
