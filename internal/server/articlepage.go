package server

import (
	"net/http"
	"strings"
	"unicode"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
)

// paragraph is a paragraph of an article page; Cited, when not empty, is
// the sentence a citation pointed to, shown marked between Before and
// After.
type paragraph struct {
	Before, Cited, After string
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		failPage(w, err)
		return
	}
	render(w, "article", map[string]any{"Title": a.Title, "Outlet": a.Outlet, "Authors": a.Authors,
		"Published": readableTime(a.Published), "ISO": isoTime(a.Published), "Language": news.LangCode(a.Language),
		"Story": a.Story, "URL": safeURL(a.URL), "Paragraphs": markCited(a.Text, r.URL.Query().Get("cited"))})
}

// markCited splits text into paragraphs and marks the sentence that shares
// the most words with cited: the sentence of this article that a
// story's summary, quote or fact stands on. Nothing is marked when no
// sentence shares enough of cited's words to be its source.
func markCited(text, cited string) []paragraph {
	paras := strings.Split(text, "\n\n")
	out := make([]paragraph, len(paras))
	for i, p := range paras {
		out[i] = paragraph{Before: p}
	}
	want := contentWords(cited)
	if len(want) == 0 {
		return out
	}
	best, bestPara, bestSpan := 0.0, -1, sentences.Span{}
	for i, p := range paras {
		for _, sp := range sentences.Split(p) {
			if score := wordOverlap(want, contentWords(p[sp.Start:sp.End])); score > best {
				best, bestPara, bestSpan = score, i, sp
			}
		}
	}
	// A third of the cited words: a sentence retold by the summary keeps
	// its names and figures, a sentence that merely shares the topic does
	// not.
	if bestPara < 0 || best < 1.0/3 {
		return out
	}
	p := paras[bestPara]
	out[bestPara] = paragraph{Before: p[:bestSpan.Start], Cited: p[bestSpan.Start:bestSpan.End], After: p[bestSpan.End:]}
	return out
}

// contentWords are the words of s of four letters or more, lower-cased: the
// ones that carry its sense in most languages.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 4 || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			out[w] = true
		}
	}
	return out
}

// wordOverlap is the share of want's words that got holds.
func wordOverlap(want, got map[string]bool) float64 {
	n := 0
	for w := range want {
		if got[w] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}
