package extract

import (
	"strings"

	"github.com/RadhiFadlillah/whatlanggo"
)

// detectLanguage returns the ISO 639-1 code of text's language, or "" when
// the guess is not reliable. A couple of thousand characters are plenty and
// keep the cost flat for long articles.
func detectLanguage(text string) string {
	if len(text) > 4000 {
		cut := strings.LastIndexByte(text[:4000], ' ')
		if cut < 0 {
			cut = 4000
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() && info.Confidence < 0.5 {
		return ""
	}
	return info.Lang.Iso6391()
}
