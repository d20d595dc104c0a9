package server

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/outlets"
)

// storyView is the story page as a reader meets it: the sources up front,
// then the summary, the disagreements and the rest, every citation naming
// the outlet it points to. It is computed here so that the template only
// lays it out.
type storyView struct {
	Story         news.Story
	Meta          string
	Languages     []storyLanguage
	Sources       []source
	Summary       []citedView
	Disagreements []disagreementView
	Quotes        []speaker // the quotes shown by default, by speaker
	MoreQuotes    []speaker // the rest, folded
	Facts         []factView
	Entities      []news.StoryEntity // the most cited, shown
	MoreEntities  []news.StoryEntity // the rest, folded
	Timeline      template.HTML
	Chart         template.HTML
}

// source is one of the story's articles in its sources panel, with the
// copies of it folded under it.
type source struct {
	Num      int
	ID       string
	Title    string
	Outlet   string
	Language string
	When     string // publication time in words, in the outlet's own zone
	ISO      string // the same, machine-readable, for <time datetime>
	URL      string // the original, when it is a web address
	Copies   []source
}

// citeLink is a citation: the article's number, its outlet when known, and
// its title as a tooltip; it opens the article at the cited sentence.
type citeLink struct {
	Num   int
	Label string
	Title string
	Href  string
}

type citedView struct {
	Text  string
	Cites []citeLink
}

type disagreementView struct {
	Topic  string
	Claims []citedView
	// Sentences are what each claim was read from, so that a reader
	// judges the disagreement from the outlets' own words.
	Sentences []citedView
}

type speaker struct {
	Name        string
	Publication bool // an outlet, whose "quotes" are what it reported
	Quotes      []quoteView
}

type quoteView struct {
	Text     string
	Direct   bool
	Backing  string   // how many sources carry it, "" for one
	Variants []string // other wordings of it, verbatim or an outlet's own
	Cites    []citeLink
}

type factView struct {
	Text     string
	Sentence string // the sentence that states it
	Backing  string // "3 outlets"
	Cites    []citeLink
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		failPage(w, err)
		return
	}
	arts, err := s.st.Articles(r.Context(), st.Articles)
	if err != nil {
		failPage(w, err)
		return
	}
	if lang := s.pageLang(r); lang != "" {
		st = digest.Localize(st, analyzed(arts), lang, digest.DefaultOptions())
	}
	render(w, "story", newStoryView(st, arts, s.outlets))
}

// shownEntities is how many of a story's people, organisations and places
// its page lists before folding the rest: the digest orders them by how
// many articles name them, so the first are the story's actors.
const shownEntities = 12

func newStoryView(st news.Story, arts []news.StoryArticle, table *outlets.Table) storyView {
	c := newCiter(st, arts)
	v := storyView{
		Story:     st,
		Meta:      storyMeta(st, arts),
		Languages: languageList(st),
		Sources:   c.sources(arts),
		Timeline:  timeline(arts),
		Chart:     coverageChart(arts, table),
	}
	for _, p := range st.Summary {
		v.Summary = append(v.Summary, citedView{Text: p.Text, Cites: c.links(p.Articles, p.Text)})
	}
	for _, d := range st.Disagreements {
		dv := disagreementView{Topic: d.Topic}
		for _, claim := range d.Claims {
			dv.Claims = append(dv.Claims, citedView{Text: claim.Text, Cites: c.links(claim.Articles, claim.Text)})
		}
		for _, sent := range d.Sentences {
			dv.Sentences = append(dv.Sentences, citedView{Text: sent.Text, Cites: c.links(sent.Articles, sent.Text)})
		}
		v.Disagreements = append(v.Disagreements, dv)
	}
	v.Quotes, v.MoreQuotes = c.quotesBySpeaker(st.Quotes, st.QuotesShown)
	v.Entities, v.MoreEntities = st.Entities, nil
	if len(st.Entities) > shownEntities {
		v.Entities, v.MoreEntities = st.Entities[:shownEntities], st.Entities[shownEntities:]
	}
	for _, f := range st.Facts {
		v.Facts = append(v.Facts, factView{Text: news.FactLabel(f), Sentence: f.Sentence, Backing: news.Backing(f.Outlets, f.Articles, c.outlet), Cites: c.links(f.Articles, cmp.Or(f.Sentence, f.Text))})
	}
	return v
}

// MoreQuoteCount counts the folded quotes, for the line that unfolds them.
func (v storyView) MoreQuoteCount() int {
	n := 0
	for _, sp := range v.MoreQuotes {
		n += len(sp.Quotes)
	}
	return n
}

// citer turns a story's article ids into numbered citations.
type citer struct {
	num  map[string]int
	byID map[string]news.StoryArticle
}

// outlet is the outlet of a story's article, "" when not known.
func (c citer) outlet(id string) string { return c.byID[id].Outlet }

// backing words how many sources carry a quote, "" when only one does.
func (c citer) backing(q news.StoryQuote) string {
	if q.Outlets <= 1 {
		return ""
	}
	return news.Backing(q.Outlets, q.Articles, c.outlet)
}

func newCiter(st news.Story, arts []news.StoryArticle) citer {
	c := citer{num: map[string]int{}, byID: map[string]news.StoryArticle{}}
	for i, id := range st.Articles {
		c.num[id] = i + 1
	}
	for _, a := range arts {
		c.byID[a.ID] = a
	}
	return c
}

// links cites ids in the order of their numbers; each link asks the article
// page to mark the sentence closest to text, the one the citation stands
// for.
func (c citer) links(ids []string, text string) []citeLink {
	out := make([]citeLink, 0, len(ids))
	for _, id := range ids {
		a, ok := c.byID[id]
		if !ok {
			continue
		}
		label := fmt.Sprint(c.num[id])
		if o := a.Outlet; o != "" {
			label += " " + o
		}
		href := "/articles/" + url.PathEscape(id)
		if text != "" {
			href += "?" + url.Values{"cited": {text}}.Encode() + "#cited"
		}
		out = append(out, citeLink{Num: c.num[id], Label: label, Title: a.Title, Href: href})
	}
	slices.SortFunc(out, func(x, y citeLink) int { return x.Num - y.Num })
	return out
}

// sources lists the story's articles by number, each copy folded under the
// article it copies when that is in the story too.
func (c citer) sources(arts []news.StoryArticle) []source {
	ordered := slices.Clone(arts)
	slices.SortStableFunc(ordered, func(x, y news.StoryArticle) int { return cmp.Compare(c.num[x.ID], c.num[y.ID]) })
	var out []source
	at := map[string]int{}
	for _, a := range ordered {
		if _, ok := c.byID[a.DuplicateOf]; !ok || a.DuplicateOf == a.ID {
			at[a.ID] = len(out)
			out = append(out, c.source(a))
		}
	}
	for _, a := range ordered {
		if i, ok := at[a.DuplicateOf]; ok && a.DuplicateOf != a.ID {
			out[i].Copies = append(out[i].Copies, c.source(a))
		} else if _, listed := at[a.ID]; !listed {
			// a copy of a copy: fold it under the first article listed
			// on its chain, else list it on its own.
			out = append(out, c.source(a))
		}
	}
	return out
}

func (c citer) source(a news.StoryArticle) source {
	return source{Num: c.num[a.ID], ID: a.ID, Title: a.Title, Outlet: a.Outlet, Language: news.LangCode(a.Language),
		When: news.ReadableTime(a.Published), ISO: isoTime(a.Published), URL: safeURL(a.URL)}
}

// quotesBySpeaker groups the story's quotes by speaker in the digest's
// order: the ones the digest shows by default (its ranked pick, or every
// verbatim quote for a story stored before quotes were ranked), and the
// rest, which the page folds.
func (c citer) quotesBySpeaker(quotes []news.StoryQuote, shown int) (top, more []speaker) {
	add := func(list []speaker, q news.StoryQuote) []speaker {
		k := slices.IndexFunc(list, func(sp speaker) bool { return sp.Name == q.Speaker })
		if k < 0 {
			list = append(list, speaker{Name: q.Speaker, Publication: q.SpeakerKind == news.SpeakerPublication})
			k = len(list) - 1
		}
		list[k].Quotes = append(list[k].Quotes, quoteView{Text: q.Text, Direct: q.Direct, Backing: c.backing(q),
			Variants: append(slices.Clone(q.Variants), q.Paraphrases...), Cites: c.links(q.Articles, q.Text)})
		return list
	}
	for i, q := range quotes {
		if shown > 0 && i < shown || shown == 0 && q.Direct {
			top = add(top, q)
		} else {
			more = add(more, q)
		}
	}
	return top, more
}

// storyMeta is the line under the title: "5 articles · 4 outlets ·
// 26–27 January 2022".
func storyMeta(st news.Story, arts []news.StoryArticle) string {
	parts := []string{news.Count(len(st.Articles), "article", "articles")}
	outlets := map[string]bool{}
	for _, a := range arts {
		if o := a.Outlet; o != "" {
			outlets[o] = true
		}
	}
	if len(outlets) > 0 {
		parts = append(parts, news.Count(len(outlets), "outlet", "outlets"))
	}
	if span := news.DayRange(news.ParseTime(st.FirstPublished), news.ParseTime(st.LastPublished)); span != "" {
		parts = append(parts, span)
	}
	return strings.Join(parts, " · ")
}

// isoTime is the publication time for a <time datetime> attribute, "" when
// unknown.
func isoTime(s string) string {
	if t, _ := news.ParseWhen(s); !t.IsZero() {
		return s
	}
	return ""
}
