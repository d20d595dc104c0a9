package extract

import (
	"strings"

	"github.com/RadhiFadlillah/whatlanggo"
)

// detectLanguage returns the ISO 639-1 code of text's language, or "" when
// the guess is not reliable. A couple of thousand characters are plenty and
// keep the cost flat for long articles.
func detectLanguage(text string) string {
	// The first lines tell the language as well as the whole text, and
	// the detector's cost grows with its input.
	if len(text) > 800 {
		cut := strings.LastIndexByte(text[:800], ' ')
		if cut < 0 {
			cut = 800
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() && info.Confidence < 0.5 {
		return ""
	}
	return info.Lang.Iso6391()
}
