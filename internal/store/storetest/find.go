package storetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// putFilterStories stores stories that differ in every way a list is
// filtered by.
func putFilterStories(t *testing.T, s store.Store) {
	t.Helper()
	de := Story("de", "Berlin", "2022-01-10", []string{"d1", "d2"}, []string{"Spiegel", "FAZ"}, "x")
	de.FirstPublished = "2022-01-09"
	de.Languages = map[string]int{"de": 2}
	de.Entities = []news.StoryEntity{{Name: "Olaf Scholz", Aliases: []string{"Scholz"}, Articles: []string{"d1"}}}
	en := Story("en", "London", "2022-01-20T10:00:00Z", []string{"e1", "e2", "e3"}, []string{"BBC", "Reuters", "Guardian"}, "x")
	en.FirstPublished = "2022-01-15"
	en.Languages = map[string]int{"en": 3}
	both := Story("both", "Brussels", "2022-01-31", []string{"b1", "b2"}, []string{"BBC", "Spiegel"}, "x")
	both.FirstPublished = "2022-01-30"
	both.Languages = map[string]int{"en": 1, "de": 1}
	undated := Story("undated", "Nowhere", "", []string{"u1"}, []string{"BBC"}, "x")
	undated.FirstPublished = ""
	must(t, putStories(ctx(t), s, []news.Story{de, en, both, undated}))
}

func testStoriesFilter(t *testing.T, s store.Store) {
	putFilterStories(t, s)
	for _, tc := range []struct {
		name string
		f    store.StoryFilter
		want []string // newest first
	}{
		{"none", store.StoryFilter{}, []string{"both", "en", "de", "undated"}},
		{"language", store.StoryFilter{Language: "de"}, []string{"both", "de"}},
		{"outlet, any case", store.StoryFilter{Outlet: "bbc"}, []string{"both", "en", "undated"}},
		{"entity alias", store.StoryFilter{Entity: "scholz"}, []string{"de"}},
		{"entity name", store.StoryFilter{Entity: "Olaf Scholz"}, []string{"de"}},
		{"default entity of the test story", store.StoryFilter{Entity: "Sergey Lavrov"}, []string{"both", "en", "undated"}},
		{"from", store.StoryFilter{From: "2022-01-20"}, []string{"both", "en"}},
		{"to takes the whole day", store.StoryFilter{To: "2022-01-15"}, []string{"en", "de"}},
		{"range overlaps", store.StoryFilter{From: "2022-01-11", To: "2022-01-29"}, []string{"en"}},
		{"min outlets", store.StoryFilter{MinOutlets: 3}, []string{"en"}},
		{"min articles", store.StoryFilter{MinArticles: 2}, []string{"both", "en", "de"}},
		{"combined", store.StoryFilter{Language: "en", Outlet: "Spiegel"}, []string{"both"}},
		{"nothing", store.StoryFilter{Outlet: "nobody"}, nil},
	} {
		got, err := s.Stories(ctx(t), store.ListOptions{Filter: tc.f})
		must(t, err)
		if ids := storyIDs(got); !slices.Equal(ids, tc.want) {
			t.Errorf("%s: Stories(%+v) = %v, want %v", tc.name, tc.f, ids, tc.want)
		}
		n, err := s.CountStories(ctx(t), tc.f)
		must(t, err)
		if n != len(tc.want) {
			t.Errorf("%s: CountStories = %d, want %d", tc.name, n, len(tc.want))
		}
	}
	if _, err := s.Stories(ctx(t), store.ListOptions{Filter: store.StoryFilter{To: "yesterday"}}); err == nil {
		t.Error("a filter to no date: no error")
	}
	// A story written again keeps only its new facets.
	de := Story("de", "Berlin", "2022-01-10", []string{"d1"}, []string{"Zeit"}, "x")
	must(t, putStories(ctx(t), s, []news.Story{de}))
	if n, err := s.CountStories(ctx(t), store.StoryFilter{Outlet: "FAZ"}); err != nil || n != 0 {
		t.Errorf("outlet of a story's old version still found: %d %v", n, err)
	}
	if n, err := s.CountStories(ctx(t), store.StoryFilter{Outlet: "zeit"}); err != nil || n != 1 {
		t.Errorf("outlet of a story's new version: %d %v", n, err)
	}
	must(t, deleteStories(ctx(t), s, []string{"de"}))
	if n, err := s.CountStories(ctx(t), store.StoryFilter{Outlet: "zeit"}); err != nil || n != 0 {
		t.Errorf("outlet of a deleted story still found: %d %v", n, err)
	}
	// Facets that fold to one value (names differing in case, a name
	// that is also its alias) are kept once, on a new story and on a
	// story written again, alone or with others.
	twin := Story("twin", "Rome", "2022-02-01", []string{"t1", "t2"}, []string{"ANSA", "ansa"}, "x")
	twin.Entities = []news.StoryEntity{{Name: "Mario Draghi", Aliases: []string{"mario draghi", "Draghi"}}, {Name: "MARIO DRAGHI"}}
	must(t, putStories(ctx(t), s, []news.Story{twin}))
	must(t, putStories(ctx(t), s, []news.Story{twin, Story("other", "Paris", "2022-02-02", []string{"o1"}, []string{"AFP"}, "x")}))
	if n, err := s.CountStories(ctx(t), store.StoryFilter{Entity: "mario draghi", Outlet: "Ansa"}); err != nil || n != 1 {
		t.Errorf("a story whose facets fold together: %d %v", n, err)
	}
}

// testStoriesKeyset pages through every order forwards and backwards by
// keys, and checks that a story written between two pages neither
// repeats nor hides one.
func testStoriesKeyset(t *testing.T, s store.Store) {
	var all []news.Story
	for i, day := range []string{"2022-01-05", "2022-01-05", "2022-01-04", "2022-01-03", "", "2022-01-02", "2022-01-05", ""} {
		id := string(rune('a' + i))
		articles := []string{id + "1"}
		outlets := []string{"A"}
		if i%3 == 0 {
			articles, outlets = append(articles, id+"2"), append(outlets, "B")
		}
		st := Story(id, "T", day, articles, outlets, "x")
		st.FirstPublished = day
		all = append(all, st)
	}
	must(t, putStories(ctx(t), s, all))
	for _, order := range []store.Order{store.OrderNewest, store.OrderMostCovered} {
		whole, err := s.Stories(ctx(t), store.ListOptions{Order: order})
		must(t, err)
		want := storyIDs(whole)
		var got []string
		var after *store.StoryKey
		for range len(all) + 1 {
			page, err := s.Stories(ctx(t), store.ListOptions{Order: order, Limit: 3, After: after})
			must(t, err)
			if len(page) == 0 {
				break
			}
			got = append(got, storyIDs(page)...)
			k := store.KeyOf(page[len(page)-1])
			after = &k
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: forward by keys %v, want %v", order, got, want)
		}
		var back []string
		before := &store.StoryKey{}
		*before = store.KeyOf(whole[len(whole)-1])
		back = append(back, whole[len(whole)-1].ID)
		for range len(all) + 1 {
			page, err := s.Stories(ctx(t), store.ListOptions{Order: order, Limit: 3, Before: before})
			must(t, err)
			if len(page) == 0 {
				break
			}
			back = append(storyIDs(page), back...)
			k := store.KeyOf(page[0])
			before = &k
		}
		if !slices.Equal(back, want) {
			t.Errorf("%s: backward by keys %v, want %v", order, back, want)
		}
	}
	first, err := s.Stories(ctx(t), store.ListOptions{Limit: 2})
	must(t, err)
	must(t, putStories(ctx(t), s, []news.Story{Story("newest", "T", "2023-01-01", []string{"n1"}, []string{"A"}, "x")}))
	k := store.KeyOf(first[1])
	rest, err := s.Stories(ctx(t), store.ListOptions{After: &k})
	must(t, err)
	if got := append(storyIDs(first), storyIDs(rest)...); len(got) != len(all) || slices.Contains(got, "newest") {
		t.Errorf("pages across a write: %v", got)
	}
}

func testStamp(t *testing.T, s store.Store) {
	a, err := s.Stamp(ctx(t))
	must(t, err)
	if len(a.Installation) < 16 {
		t.Errorf("installation id %q: want a random id", a.Installation)
	}
	must(t, putStories(ctx(t), s, []news.Story{Story("s1", "T", "2022-01-01", []string{"a"}, []string{"A"}, "x")}))
	b, err := s.Stamp(ctx(t))
	must(t, err)
	if b.Installation != a.Installation || b.Generation == a.Generation || b.Changed.Before(a.Changed) {
		t.Errorf("stamp after a story write: %+v, before %+v", b, a)
	}
	must(t, deleteStories(ctx(t), s, []string{"s1"}))
	c, err := s.Stamp(ctx(t))
	must(t, err)
	if c.Generation == b.Generation {
		t.Errorf("stamp did not move on a delete: %+v", c)
	}
	if c2, err := s.Stamp(ctx(t)); err != nil || c2 != c {
		t.Errorf("stamp moved without a write: %+v %+v %v", c, c2, err)
	}
}

// resultKeys names each result of p: "story:ID", or "article:ID" for an
// article in no story yet.
func resultKeys(p store.SearchPage) []string {
	var keys []string
	for _, r := range p.Results {
		switch {
		case r.Story != "":
			keys = append(keys, "story:"+r.Story)
		case len(r.Articles) > 0:
			keys = append(keys, "article:"+r.Articles[0].ID)
		}
	}
	return keys
}

func setupFind(t *testing.T, s store.Store) {
	t.Helper()
	must(t, s.PutArticles(ctx(t), []news.Analyzed{
		Article("v1", "bbc.co.uk", "2022-03-01", "Vaccine rollout", "The door is open to booster shots, officials said."),
		Article("v2", "reuters.com", "2022-03-02", "Boosters for all", "An open question remains over the door-to-door campaign."),
		Article("p1", "nytimes.com", "2022-03-03", "Open door policy", "The open door policy for refugees continues, the minister said."),
		Article("lone", "example.com", "2022-03-04", "Harbour opens", "The open door of the harbour welcomed ships."),
	}))
	vac := Story("vac", "Vaccine boosters", "2022-03-02", []string{"v1", "v2"}, []string{"BBC", "Reuters"}, "Officials expand booster shots.")
	vac.Languages = map[string]int{"en": 2}
	pol := Story("pol", "Refugee policy", "2022-03-03", []string{"p1"}, []string{"NYT"}, "The minister keeps the open door policy.")
	pol.Languages = map[string]int{"en": 1}
	must(t, putStories(ctx(t), s, []news.Story{vac, pol}))
}

func testSearchStories(t *testing.T, s store.Store) {
	setupFind(t, s)
	for _, tc := range []struct {
		q    string
		want []string // any order
	}{
		{`open door`, []string{"article:lone", "story:pol", "story:vac"}},
		{`"open door"`, []string{"article:lone", "story:pol"}},
		{`"open door" -harbour`, []string{"story:pol"}},
		{`vaccine OR refugee`, []string{"story:pol", "story:vac"}},
		{`booster -"door-to-door"`, []string{"story:vac"}}, // v1 matches, v2 does not: the story does
		{`-door`, nil},
		{`"unterminated phrase`, nil},
		{`NOT vaccine`, nil}, // NOT is a word
	} {
		page, err := s.SearchStories(ctx(t), tc.q, store.SearchOptions{Limit: 10})
		must(t, err)
		got := resultKeys(page)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) || page.Total != len(tc.want) {
			t.Errorf("SearchStories(%q) = %v (total %d), want %v", tc.q, got, page.Total, tc.want)
		}
	}
	page, err := s.SearchStories(ctx(t), "door", store.SearchOptions{Limit: 10})
	must(t, err)
	for _, r := range page.Results {
		if r.Title == "" || r.Published == "" || len(r.Articles) == 0 || len(r.Outlets) == 0 {
			t.Errorf("result %+v: want title, date, outlets and articles", r)
		}
		if !strings.Contains(r.Snippet, store.MarkStart+"door") && !strings.Contains(r.Snippet, store.MarkStart+"Door") {
			t.Errorf("result %s: snippet %q does not mark the match", r.Story, r.Snippet)
		}
		if r.Story == "vac" && len(r.Articles) != 2 {
			t.Errorf("vac: %d articles matched, want 2", len(r.Articles))
		}
	}
	var paged []string
	for offset := 0; offset < 5; offset++ {
		p, err := s.SearchStories(ctx(t), "door", store.SearchOptions{Limit: 1, Offset: offset})
		must(t, err)
		if p.Total != 3 {
			t.Errorf("offset %d: total %d, want 3", offset, p.Total)
		}
		paged = append(paged, resultKeys(p)...)
	}
	if !slices.Equal(paged, resultKeys(page)) {
		t.Errorf("paged one by one %v, at once %v", paged, resultKeys(page))
	}
	p, err := s.SearchStories(ctx(t), "door", store.SearchOptions{Limit: 10, Filter: store.StoryFilter{Outlet: "nyt"}})
	must(t, err)
	if got := resultKeys(p); !slices.Equal(got, []string{"story:pol"}) || p.Total != 1 {
		t.Errorf("filtered search = %v (total %d), want story:pol", got, p.Total)
	}
}
