package watch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!doctype html><html><head><title>News</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="Top stories" href="../feeds/top.xml">
<link rel="Alternate feed" type="application/atom+xml" href="https://elsewhere.example/atom">
<link rel="alternate" type="application/rss+xml" href="../feeds/top.xml">
<link rel="alternate" hreflang="de" href="/de/">
</head><body><link rel="alternate" type="application/rss+xml" href="/body-link.xml"></body></html>`))
	})
	mux.HandleFunc("/feeds/top.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Top stories</title><link>http://x/</link>
<item><title>One</title><link>http://x/1</link></item></channel></rss>`))
	})
	mux.HandleFunc("/plain/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<html><head><title>No feeds</title></head><body><p>Hello</p></body></html>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	o := Options{AllowNet: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}

	feeds, err := Discover(context.Background(), srv.URL+"/news/today", o)
	if err != nil {
		t.Fatal(err)
	}
	want := []Feed{{URL: srv.URL + "/feeds/top.xml", Title: "Top stories"}, {URL: "https://elsewhere.example/atom"}}
	if len(feeds) != len(want) || feeds[0] != want[0] || feeds[1] != want[1] {
		t.Errorf("page feeds %+v, want %+v", feeds, want)
	}
	feeds, err = Discover(context.Background(), srv.URL+"/feeds/top.xml", o)
	if err != nil || len(feeds) != 1 || feeds[0].URL != srv.URL+"/feeds/top.xml" || feeds[0].Title != "Top stories" {
		t.Errorf("a feed's own address: %+v, %v", feeds, err)
	}
	if _, err := Discover(context.Background(), srv.URL+"/plain/", o); err == nil || !strings.Contains(err.Error(), "no feed") {
		t.Errorf("a page without feeds: %v", err)
	}
	// Without leave to reach loopback, discovery is refused like any fetch.
	var internal *InternalAddrError
	if _, err := Discover(context.Background(), srv.URL+"/news/", Options{}); !errors.As(err, &internal) {
		t.Errorf("discovery on an internal address: %v, want a refusal", err)
	}
}
