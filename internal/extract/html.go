package extract

import (
	"errors"

	"github.com/chorusnews/chorus/internal/news"
)

// HTMLOptions tunes HTML extraction.
type HTMLOptions struct{}

func extractHTML(doc news.RawDoc, opts HTMLOptions) (news.Article, error) {
	return news.Article{}, errors.New("HTML extraction not written yet")
}
