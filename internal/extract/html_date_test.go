package extract

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

func TestJSONStrings(t *testing.T) {
	keys := map[string]bool{"datePublished": true, "dateCreated": true}
	for _, c := range []struct {
		text string
		want []string
	}{
		{`{"dateCreated":"2019-11-20T06:40:00","x":{"datePublished":" 2019-11-20T06:37:00 "}}`, []string{"2019-11-20T06:40:00", "2019-11-20T06:37:00"}},
		{`[{"@graph":[{"datePublished":"a"},{"name":"datePublished","dateCreated":"b"}]}]`, []string{"a", "b"}},
		{`{"datePublished":{"dateCreated":"inner"},"dateCreated":7,"datePublished":"after"}`, []string{"inner", "after"}},
		{`{"list":["datePublished","not a key"],"datePublished":"kept"}`, []string{"kept"}},
		{`{"datePublished":"before the break"}}`, []string{"before the break"}},
		{`{"datePublished":"x", broken`, []string{"x"}},
		{``, nil},
	} {
		if got := jsonStrings(c.text, keys); !slices.Equal(got, c.want) {
			t.Errorf("jsonStrings(%s) = %q, want %q", c.text, got, c.want)
		}
	}
}

// A page stating two times of one day in its JSON data is dated by the
// earlier, whichever htmldate happened to pick.
func TestSettleJSONDate(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2019-11-20T06:40:00","datePublished":"2019-11-20T06:37:00Z","dateModified":"2019-11-20T11:42:00"}</script></head><body><p>Text</p></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2019, 11, 20, 6, 40, 0, 0, time.UTC)
	for _, src := range []string{"2019-11-20T06:40:00", "2019-11-20T06:37:00Z"} {
		got := settleJSONDate(scanPage(root).data, htmldate.Result{DateTime: day, HasTime: true, SrcString: src}, true)
		if formatDate(got) != "2019-11-20T06:37:00Z" {
			t.Errorf("from %s: %s, want 2019-11-20T06:37:00Z", src, formatDate(got))
		}
	}
	// A date found elsewhere on the page is left alone.
	other := htmldate.Result{DateTime: day, HasTime: true, SrcString: "November 20, 2019 6:40"}
	if got := settleJSONDate(scanPage(root).data, other, true); got != other {
		t.Errorf("a date not from the JSON data changed to %s", formatDate(got))
	}
}

func TestInPageOrder(t *testing.T) {
	page := []byte(`<p>Published by World Wide Web Consortium (W3C) and Newfold Digital, Smith &amp; Sons</p>`)
	got := inPageOrder([]string{"Newfold Digital", "Unstated", "Smith & Sons", "World Wide Web Consortium (W3C)", "Also unstated"}, page)
	want := []string{"World Wide Web Consortium (W3C)", "Newfold Digital", "Smith & Sons", "Also unstated", "Unstated"}
	if !slices.Equal(got, want) {
		t.Errorf("inPageOrder = %q, want %q", got, want)
	}
}
