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
		// here, in the article's language, rather than find them again.
		Quotes:   quotes.FindWith(a.Text, sents, quotes.Options{Lang: a.Language, Entities: found, Resolver: ents}),
		Entities: found,
		Facts:    facts.Find(a.Text, sents, a.Published, a.Language),
	}
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
