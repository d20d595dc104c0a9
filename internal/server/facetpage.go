package server

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// facetReach is how many of the newest stories an entity's or an outlet's
// page reads: enough for its timeline over a newsroom's recent months,
// bounded so that the page stays one query.
const facetReach = 500

// facetView is the page of an entity or an outlet: the stories that name
// it, or that it covered, over time.
type facetView struct {
	Kind     string // "entity" or "outlet"
	Name     string
	Type     news.EntityType
	Aliases  []string
	Total    int
	Stories  []news.Story // a page of them
	Links    pageLinks
	Timeline template.HTML
	Articles []source // an outlet's own articles in the stories of the page
	List     string   // the story list filtered by it, every story
	Feed     string
}

func (s *Server) entityPage(w http.ResponseWriter, r *http.Request) {
	s.facetPage(w, r, "entity", func(f *store.StoryFilter, name string) { f.Entity = name })
}

func (s *Server) outletPage(w http.ResponseWriter, r *http.Request) {
	s.facetPage(w, r, "outlet", func(f *store.StoryFilter, name string) { f.Outlet = name })
}

// facetPage lists the stories of an entity or an outlet a page at a time,
// as the story list does (the same parameters narrow it further), under a
// timeline of its newest stories.
func (s *Server) facetPage(w http.ResponseWriter, r *http.Request, kind string, narrow func(*store.StoryFilter, string)) {
	name := strings.TrimSpace(r.PathValue("name"))
	lq, err := s.parseList(r.URL.Query(), pageLimit)
	if err != nil {
		badPage(w, err)
		return
	}
	narrow(&lq.Filter, name)
	recent, err := s.st.Stories(r.Context(), store.ListOptions{Limit: facetReach, Filter: lq.Filter})
	if err != nil {
		failPage(w, err)
		return
	}
	if len(recent) == 0 {
		http.Error(w, "not found: no story names "+name, http.StatusNotFound)
		return
	}
	page, err := s.loadStories(r.Context(), lq, "/"+kind+"s/"+url.PathEscape(name), pageLimit)
	if err != nil {
		failPage(w, err)
		return
	}
	only := store.StoryFilter{}
	narrow(&only, name)
	q := lq.values(pageLimit, s.lang)
	v := facetView{Kind: kind, Name: name, Total: page.Total, Stories: page.Stories, Links: page.Links,
		Timeline: storyTimeline(recent), List: "/?" + q.Encode(), Feed: "/feed.atom?" + q.Encode()}
	if kind == "entity" {
		v.Name, v.Type, v.Aliases = entityNames(name, recent)
	} else if v.Articles, err = s.outletArticles(r, name, page.Stories); err != nil {
		failPage(w, err)
		return
	}
	render(w, "facet", v)
}

// entityNames gathers the names an entity goes by across its stories: the
// one most stories use first, then its other spellings, and its type.
func entityNames(asked string, stories []news.Story) (string, news.EntityType, []string) {
	key := store.FacetValue(asked)
	uses := map[string]int{}
	types := map[news.EntityType]int{}
	for _, st := range stories {
		for _, e := range st.Entities {
			names := append([]string{e.Name}, e.Aliases...)
			if !slices.ContainsFunc(names, func(n string) bool { return store.FacetValue(n) == key }) {
				continue
			}
			types[e.Type]++
			uses[e.Name] += 2 // a story's main name counts over its aliases
			for _, a := range e.Aliases {
				uses[a]++
			}
		}
	}
	names := make([]string, 0, len(uses))
	for n := range uses {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if uses[a] != uses[b] {
			return uses[b] - uses[a]
		}
		return strings.Compare(a, b)
	})
	if len(names) == 0 {
		return asked, "", nil
	}
	var typ news.EntityType
	for t, n := range types {
		if typ == "" || n > types[typ] || n == types[typ] && t < typ {
			typ = t
		}
	}
	return names[0], typ, names[1:]
}

// outletArticles lists the outlet's own articles in stories, newest
// first: its page's articles, paged with its stories.
func (s *Server) outletArticles(r *http.Request, outlet string, stories []news.Story) ([]source, error) {
	var ids []string
	for _, st := range stories {
		ids = append(ids, st.Articles...)
	}
	arts, err := s.st.Articles(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	key := store.FacetValue(outlet)
	var out []source
	for _, a := range arts {
		if store.FacetValue(a.Outlet) == key {
			out = append(out, source{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Language: news.LangCode(a.Language),
				When: news.ReadableTime(a.Published), ISO: isoTime(a.Published), URL: safeURL(a.URL)})
		}
	}
	slices.SortStableFunc(out, func(a, b source) int { return strings.Compare(b.ISO, a.ISO) })
	return out, nil
}

// storyTimeline draws when the stories ran, by the day (or week) of their
// latest article.
func storyTimeline(stories []news.Story) template.HTML {
	published := make([]string, len(stories))
	for i, st := range stories {
		published[i] = st.LastPublished
	}
	return timelineOf(published, "Stories over time", true)
}
