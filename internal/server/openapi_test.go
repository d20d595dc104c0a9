package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/shareddata"
)

// openAPIDoc is what the test reads of the OpenAPI document.
type openAPIDoc struct {
	OpenAPI    string                                   `json:"openapi"`
	Paths      map[string]map[string]openAPIOp          `json:"paths"`
	Components struct{ Parameters map[string]apiParam } `json:"components"`
}

type openAPIOp struct {
	Parameters []apiParam                 `json:"parameters"`
	Responses  map[string]json.RawMessage `json:"responses"`
}

type apiParam struct {
	Ref     string `json:"$ref"`
	Name    string `json:"name"`
	In      string `json:"in"`
	Example any    `json:"example"`
	Schema  struct {
		Type    string   `json:"type"`
		Format  string   `json:"format"`
		Enum    []string `json:"enum"`
		Minimum *int     `json:"minimum"`
		Maximum *int     `json:"maximum"`
		Pattern string   `json:"pattern"`
	} `json:"schema"`
}

// resolve is p, or the component parameter it refers to.
func (d *openAPIDoc) resolve(p apiParam) apiParam {
	if name, ok := strings.CutPrefix(p.Ref, "#/components/parameters/"); ok {
		return d.Components.Parameters[name]
	}
	return p
}

// badValues are values a parameter's schema refuses, which the API must
// answer with 400.
func badValues(p apiParam) []string {
	var bad []string
	switch {
	case p.Schema.Type == "integer":
		bad = append(bad, "abc", "1.5")
		if p.Schema.Minimum != nil {
			bad = append(bad, fmt.Sprint(*p.Schema.Minimum-1))
		}
		if p.Schema.Maximum != nil {
			bad = append(bad, fmt.Sprint(*p.Schema.Maximum+1))
		}
	case len(p.Schema.Enum) > 0:
		bad = append(bad, "bogus")
	case p.Schema.Format == "date":
		bad = append(bad, "2022-02-30", "yesterday")
	case p.Schema.Format == "cursor":
		bad = append(bad, "not-a-cursor")
	case p.Schema.Pattern != "":
		bad = append(bad, "12")
	}
	return bad
}

// TestOpenAPI holds the document and the handlers to each other: it is
// served and is OpenAPI 3; every route is documented and every documented
// path answers (not 404 or 405); each documented parameter is taken with
// its example and refused, with a 400 naming it, with a value its schema
// refuses.
func TestOpenAPI(t *testing.T) {
	shareddata.Seeds(t)
	st := seeded(t, filepath.Join(t.TempDir(), "chorus.db"))
	defer st.Close()
	s := New(st, Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()

	var doc openAPIDoc
	getJSON(t, srv, "/api/v1/openapi.json", &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q, want 3.x", doc.OpenAPI)
	}
	for _, r := range s.apiRoutes() {
		if _, ok := doc.Paths[r.path][strings.ToLower(r.method)]; !ok {
			t.Errorf("route %s %s is not documented", r.method, r.path)
		}
	}
	stories, err := st.Stories(t.Context(), storeListAll)
	if err != nil || len(stories) == 0 {
		t.Fatal(err)
	}
	ids := map[string]string{"/api/v1/stories/{id}": stories[0].ID, "/api/v1/articles/{id}": stories[0].Articles[0]}
	for path, ops := range doc.Paths {
		concrete := strings.Replace(path, "{id}", ids[path], 1)
		for method, op := range ops {
			method = strings.ToUpper(method)
			code := do(t, srv, method, concrete)
			if code == http.StatusNotFound || code == http.StatusMethodNotAllowed {
				t.Errorf("%s %s (documented) answers %d", method, concrete, code)
			}
			if _, ok := op.Responses[fmt.Sprint(code)]; !ok {
				t.Errorf("%s %s answers %d, which is not documented", method, concrete, code)
			}
			if !slices.ContainsFunc(s.apiRoutes(), func(r apiRoute) bool { return r.path == path && r.method == method }) {
				t.Errorf("%s %s is documented but no route", method, path)
			}
			for _, p := range op.Parameters {
				p = doc.resolve(p)
				if p.In != "query" {
					continue
				}
				if p.Example != nil {
					u := concrete + "?" + url.Values{p.Name: {fmt.Sprint(p.Example)}}.Encode()
					if code := do(t, srv, method, u); code != 200 {
						t.Errorf("%s %s: %d, want 200", method, u, code)
					}
				}
				for _, v := range badValues(p) {
					u := concrete + "?" + url.Values{p.Name: {v}}.Encode()
					code, _, body := get(t, srv, u)
					var e struct{ Error, Parameter string }
					if code != 400 || json.Unmarshal([]byte(body), &e) != nil || e.Parameter != p.Name {
						t.Errorf("%s %s: %d %s, want 400 naming %s", method, u, code, body, p.Name)
					}
				}
			}
		}
	}
}

func do(t *testing.T, srv *httptest.Server, method, path string) int {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(""))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
