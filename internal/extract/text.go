package extract

import (
	"github.com/chorusnews/chorus/internal/extract/plaintext"
	"github.com/chorusnews/chorus/internal/news"
)

// extractText cleans a page saved as plain text, or the text of a JSONL
// article, with our own boilerplate remover.
func extractText(doc news.RawDoc, opts plaintext.Options) (news.Article, error) {
	var r plaintext.Result
	switch {
	case doc.IsArticle && doc.Meta.Title == "":
		r = plaintext.TidyTitled(string(doc.Body))
	case doc.IsArticle:
		r = plaintext.Tidy(string(doc.Body))
	default:
		r = plaintext.Clean(string(doc.Body), opts)
	}
	return news.Article{
		Title:     r.Title,
		Authors:   r.Authors,
		Published: r.Published,
		Outlet:    r.Outlet,
		Dateline:  r.Dateline,
		Text:      r.Text(),
	}, nil
}
