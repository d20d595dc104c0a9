// Package outlets reads the outlet file a user may supply: a CSV table
// that says what they know of each outlet (its country, language, lean,
// owner, whatever columns they keep), so that coverage can be counted by
// those columns and a story covered by only one side of one shown as a
// blindspot. Chorus ships no such table: what an outlet's lean is, is the
// user's call.
package outlets

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
)

// Outlet is one row of the table.
type Outlet struct {
	// Name is the outlet's name as the file gives it, else its domain.
	Name string
	// Values holds the row's other columns by column name; empty cells
	// are left out.
	Values map[string]string
}

// Table is an outlet file, read.
type Table struct {
	columns  []string // the columns other than domain and name, in file order
	byDomain map[string]int
	byName   map[string]int
	rows     []Outlet
	// values are, by column, the distinct values the file gives it,
	// sorted: read once, asked for by every story a page looks through.
	values map[string][]string
}

// Load reads an outlet file: CSV with a header row naming its columns, one
// of which is "domain" or "name" (both may be); every other column is a
// property to count coverage by. A row is matched to an article by its
// domain (the article's address is on it or on a subdomain of it), else by
// its name (the outlet the article names, in any case).
func Load(r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("the outlet file is empty: want a header row such as domain,name,country,lean")
		}
		return nil, fmt.Errorf("reading the outlet file's header: %w", err)
	}
	t := &Table{byDomain: map[string]int{}, byName: map[string]int{}}
	domainCol, nameCol := -1, -1
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		header[i] = h
		switch {
		case h == "domain":
			domainCol = i
		case h == "name":
			nameCol = i
		case h == "" || slices.Contains(t.columns, h):
			return nil, fmt.Errorf("the outlet file's header: column %d is empty or named twice", i+1)
		default:
			t.columns = append(t.columns, h)
		}
	}
	if domainCol < 0 && nameCol < 0 {
		return nil, errors.New(`the outlet file's header names no "domain" or "name" column`)
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the outlet file: %w", err)
		}
		if err := t.add(header, rec, domainCol, nameCol); err != nil {
			return nil, fmt.Errorf("the outlet file, line %d: %w", line, err)
		}
	}
	t.values = map[string][]string{}
	for _, o := range t.rows {
		for column, v := range o.Values {
			if !slices.Contains(t.values[column], v) {
				t.values[column] = append(t.values[column], v)
			}
		}
	}
	for _, vs := range t.values {
		slices.Sort(vs)
	}
	return t, nil
}

func (t *Table) add(header, rec []string, domainCol, nameCol int) error {
	cell := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	domain := normalDomain(cell(domainCol))
	name := cell(nameCol)
	if domain == "" && name == "" {
		if strings.Join(rec, "") == "" {
			return nil // a blank line
		}
		return errors.New("a row without a domain or a name")
	}
	o := Outlet{Name: cmp.Or(name, domain), Values: map[string]string{}}
	for i, h := range header {
		if i != domainCol && i != nameCol && cell(i) != "" {
			o.Values[h] = cell(i)
		}
	}
	k := len(t.rows)
	t.rows = append(t.rows, o)
	if domain != "" {
		t.byDomain[domain] = k
	}
	if name != "" {
		t.byName[strings.ToLower(name)] = k
	}
	return nil
}

// Columns are the properties the file gives, in its order.
func (t *Table) Columns() []string { return slices.Clone(t.columns) }

// Lookup finds the row for an article from its outlet's name and its
// address; an outlet named by its host (as extraction names an outlet
// that gives no name) is matched by domain too.
func (t *Table) Lookup(outlet, address string) (Outlet, bool) {
	if t == nil {
		return Outlet{}, false
	}
	for _, host := range []string{hostOf(address), normalDomain(outlet)} {
		for h := host; h != ""; h = parentDomain(h) {
			if k, ok := t.byDomain[h]; ok {
				return t.rows[k], true
			}
		}
	}
	if k, ok := t.byName[strings.ToLower(strings.TrimSpace(outlet))]; ok {
		return t.rows[k], true
	}
	return Outlet{}, false
}

// hostOf is the host of a web address, lower-cased, without "www.".
func hostOf(address string) string {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil || u.Host == "" {
		return ""
	}
	return normalDomain(u.Hostname())
}

// normalDomain reads a domain as a user may write it ("www.Example.com",
// "https://example.com/") down to "example.com"; "" for what has no dot,
// which is a name rather than a domain.
func normalDomain(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.Contains(s, "://") {
		return hostOf(s)
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
	if !strings.Contains(s, ".") || strings.ContainsAny(s, " /") {
		return ""
	}
	return s
}

// parentDomain drops the first label: "news.bbc.co.uk" → "bbc.co.uk"; ""
// when one dot or none is left, so that no lookup reaches a bare suffix.
func parentDomain(h string) string {
	i := strings.IndexByte(h, '.')
	if i < 0 || !strings.Contains(h[i+1:], ".") {
		return ""
	}
	return h[i+1:]
}

// Values are the distinct values the file gives column, sorted.
func (t *Table) Values(column string) []string { return slices.Clone(t.values[column]) }

// Source is what the table matches an article or a story's outlet by.
type Source struct{ Outlet, URL string }

// Count counts sources by their outlet's value of column; those the table
// does not know, or gives no value, count under "".
func (t *Table) Count(column string, sources []Source) map[string]int {
	out := map[string]int{}
	for _, s := range sources {
		o, _ := t.Lookup(s.Outlet, s.URL)
		out[o.Values[column]]++
	}
	return out
}

// Blindspot tells a set of sources that the table places all on one side
// of column, when the file knows more than one side: it returns that side,
// or "" when the sources span sides or the table knows none of them.
func (t *Table) Blindspot(column string, sources []Source) string {
	if len(t.values[column]) < 2 {
		return ""
	}
	side := ""
	for v, n := range t.Count(column, sources) {
		switch {
		case v == "" || n == 0:
		case side != "":
			return ""
		default:
			side = v
		}
	}
	return side
}
