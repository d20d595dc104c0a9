package outlets

import (
	"strings"
	"testing"
)

const file = "\ufeffDomain,Name,Country,Lean\n" +
	"example-left.com,Left Daily,US,left\n" +
	"www.Right-Times.com,Right Times,US,right\n" +
	"bbc.co.uk,BBC,UK,center\n" +
	",Wire Service,,\n" +
	"\n"

func TestLookup(t *testing.T) {
	tab, err := Load(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Columns(); strings.Join(got, ",") != "country,lean" {
		t.Errorf("columns %v", got)
	}
	for _, c := range []struct{ outlet, url, want string }{
		{"", "https://www.example-left.com/2024/story", "Left Daily"},
		{"", "https://news.bbc.co.uk/world/1", "BBC"},
		{"right-times.com", "", "Right Times"}, // an outlet named by its host
		{"RIGHT TIMES", "", "Right Times"},
		{"Wire Service", "https://elsewhere.example/x", "Wire Service"},
		{"", "https://co.uk/x", ""}, // a bare suffix matches nothing
		{"Unknown Gazette", "https://gazette.example/", ""},
	} {
		o, ok := tab.Lookup(c.outlet, c.url)
		if o.Name != c.want || ok != (c.want != "") {
			t.Errorf("Lookup(%q, %q) = %q %v, want %q", c.outlet, c.url, o.Name, ok, c.want)
		}
	}
	if v := tab.Values("lean"); strings.Join(v, ",") != "center,left,right" {
		t.Errorf("lean values %v", v)
	}
}

func TestBlindspot(t *testing.T) {
	tab, err := Load(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	left := Source{URL: "https://example-left.com/a"}
	right := Source{Outlet: "Right Times"}
	unknown := Source{Outlet: "Unknown Gazette"}
	for _, c := range []struct {
		name    string
		sources []Source
		want    string
	}{
		{"one side, and an outlet the file lacks", []Source{left, left, unknown}, "left"},
		{"both sides", []Source{left, right}, ""},
		{"none known", []Source{unknown}, ""},
	} {
		if got := tab.Blindspot("lean", c.sources); got != c.want {
			t.Errorf("%s: blindspot %q, want %q", c.name, got, c.want)
		}
	}
	if n := tab.Count("lean", []Source{left, right, unknown, left}); n["left"] != 2 || n["right"] != 1 || n[""] != 1 {
		t.Errorf("count %v", n)
	}
	if got := tab.Blindspot("country", []Source{left, right}); got != "US" {
		t.Errorf("by country: %q", got)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "empty"},
		{"country,lean\nUS,left\n", `no "domain" or "name"`},
		{"domain,lean,lean\na.com,x,y\n", "named twice"},
		{"domain,lean\n,left\n", "line 2: a row without a domain or a name"},
		{"domain,lean\n\"a.com,left\n", "the outlet file"},
	} {
		if _, err := Load(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Load(%q): %v, want an error with %q", c.in, err, c.want)
		}
	}
}
