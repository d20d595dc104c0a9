package extract

import (
	"github.com/chorusnews/chorus/internal/news"
)

func extractText(doc news.RawDoc) (news.Article, error) {
	return news.Article{Text: string(doc.Body)}, nil
}
