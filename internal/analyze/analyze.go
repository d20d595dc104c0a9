// Package analyze reads what an article says: its sentences, the people,
// organisations and places it names, the quotes it reports and who said
// them, and the figures and dates it states. Each of these is a subpackage;
// this one runs them in order over one article.
package analyze

import (
	"strings"

	"github.com/chorusnews/chorus/internal/analyze/entities"
	"github.com/chorusnews/chorus/internal/analyze/facts"
	"github.com/chorusnews/chorus/internal/analyze/quotes"
	"github.com/chorusnews/chorus/internal/anchors"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
)

// Analyze returns the article with its quotes, entities and facts. It is a
// pure function of the article.
func Analyze(a news.Article) news.Analyzed {
	sents := sentences.Split(a.Text)
	ents := entities.Find(a.Text, sents, a.Language)
	found := ents.Entities()
	out := news.Analyzed{
		Article: a,
		// The quote finder checks speakers against the entities found
		// here, in the article's language, rather than find them again,
		// and the entity index resolves them.
		Quotes:   titleQuotes(a, ents, found),
		Entities: found,
		Facts:    facts.Find(a.Text, sents, a.Published, a.Language),
	}
	out.Quotes = append(out.Quotes, quotes.FindWith(a.Text, sents, quotes.Options{Lang: a.Language, Entities: found, Resolver: ents})...)
	if anchors.NounCaps(a.Language) {
		// Every noun is capitalised: a lone capitalised word the
		// recogniser could not place is a noun, not a name.
		kept := out.Entities[:0]
		for _, e := range out.Entities {
			if e.Type != news.OtherEntity || strings.Contains(e.Name, " ") {
				kept = append(kept, e)
			}
		}
		out.Entities = kept
	}
	// The contract writes empty lists as [], never null.
	if out.Quotes == nil {
		out.Quotes = []news.Quote{}
	}
	if out.Entities == nil {
		out.Entities = []news.Entity{}
	}
	if out.Facts == nil {
		out.Facts = []news.Fact{}
	}
	return out
}

// titleQuotes are the quotes of the article's title: a headline often
// reports what someone said ("Lavrov: No positive answer to the main
// question", "Christie Calls Clinton ‘A Disgrace’").
func titleQuotes(a news.Article, ents *entities.Index, found []news.Entity) []news.Quote {
	title := strings.TrimSpace(a.Title)
	if title == "" {
		return nil
	}
	qs := quotes.FindWith(title, nil, quotes.Options{Lang: a.Language, Entities: found, Resolver: afterText{ents, len(a.Text)}})
	for i := range qs {
		qs[i].InTitle = true
	}
	return qs
}

// afterText resolves a title's speakers as if they stood after the whole
// text: a surname or a title finds the person the text names.
type afterText struct {
	ents *entities.Index
	end  int
}

func (r afterText) Resolve(phrase string, _ int) string { return r.ents.Resolve(phrase, r.end) }
