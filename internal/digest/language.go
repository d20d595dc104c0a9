package digest

import (
	"cmp"
	"slices"

	"github.com/chorusnews/chorus/internal/news"
)

// languages counts arts by language and returns the main one: the
// language of most of them, on a tie the one whose first article came
// first (arts are in publication order). Articles of unknown language are
// not counted; main is "" when all are.
func languages(arts []news.Analyzed) (main string, count map[string]int) {
	count = map[string]int{}
	most := 0
	for _, a := range arts {
		if l := news.LangCode(a.Language); l != "" {
			count[l]++
			most = max(most, count[l])
		}
	}
	for _, a := range arts {
		if l := news.LangCode(a.Language); l != "" && count[l] == most {
			return l, count
		}
	}
	return "", count
}

// told returns the language a story's title and summary are told in:
// asked when some article is written in it, else the main language.
func told(main string, count map[string]int, asked string) string {
	if l := news.LangCode(asked); count[l] > 0 {
		return l
	}
	return main
}

// Localize returns s with its title and summary told in lang, from its
// articles written in lang, or in the story's main language when none is,
// and its entities and quotes' speakers named in that language's forms
// (see bestName); the rest of the digest is the same in every language and
// is left as it is. arts are the story's articles (s.Articles), in any
// order. It also fills the story's languages when s was made before it had
// them.
func Localize(s news.Story, arts []news.Analyzed, lang string, o Options) news.Story {
	arts = byPublication(arts)
	main, count := languages(arts)
	s.Language, s.Languages = main, count
	want := told(main, count, lang)
	if want == s.SummaryLanguage {
		return s
	}
	o.Lang = want
	c := newCorpus(arts, o)
	s.SummaryLanguage = c.tell
	s.Title = c.title()
	s.Summary = c.summary(o)
	s.Quotes, s.QuotesShown = c.quotes(o)
	s.Entities = c.entities()
	return s
}

// NeedsLocalizing tells, from the story alone, whether Localize would
// tell its title or summary in another language than they are: whether
// the articles are worth reading for it. A story made before stories had
// languages never needs it.
func NeedsLocalizing(s news.Story, lang string) bool {
	if s.Languages == nil {
		return false
	}
	return told(s.Language, s.Languages, lang) != s.SummaryLanguage
}

// byPublication returns arts sorted by publication, then id: the order
// every part of the digest reads them in.
func byPublication(arts []news.Analyzed) []news.Analyzed {
	arts = slices.Clone(arts)
	slices.SortStableFunc(arts, func(a, b news.Analyzed) int {
		return cmp.Or(cmp.Compare(a.Published, b.Published), cmp.Compare(a.ID, b.ID))
	})
	return arts
}

// LocalizeAll tells the title and summary of every story of d in lang, as
// Localize does, reading each story's articles from d.Articles.
func LocalizeAll(d news.Digest, lang string, o Options) news.Digest {
	if news.LangCode(lang) == "" {
		return d
	}
	byID := make(map[string]news.Analyzed, len(d.Articles))
	for _, a := range d.Articles {
		byID[a.ID] = a.Analyzed
	}
	stories := slices.Clone(d.Stories)
	for i, s := range stories {
		if s.Languages != nil && !NeedsLocalizing(s, lang) {
			continue
		}
		arts := make([]news.Analyzed, 0, len(s.Articles))
		for _, id := range s.Articles {
			if a, ok := byID[id]; ok {
				arts = append(arts, a)
			}
		}
		stories[i] = Localize(s, arts, lang, o)
	}
	d.Stories = stories
	return d
}
