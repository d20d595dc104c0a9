// Package export writes digests in the forms people and other programs
// read: Markdown for people, JSON for programs.
package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
)

// JSON writes the digest as the contract's JSON object, indented.
func JSON(w io.Writer, d news.Digest) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// Markdown writes the digest for people: each story with its summary (every
// sentence citing its articles by number), quotes, facts, disagreements and
// entities, then the articles it cites.
func Markdown(w io.Writer, d news.Digest) error {
	bw := bufio.NewWriter(w)
	arts := map[string]news.StoryArticle{}
	for _, a := range d.Articles {
		arts[a.ID] = a
	}
	for si, s := range d.Stories {
		if si > 0 {
			fmt.Fprintln(bw, "\n---")
		}
		sw := storyWriter{w: bw, s: s, arts: arts, num: map[string]int{}}
		for i, id := range s.Articles {
			sw.num[id] = i + 1
		}
		sw.write()
	}
	if len(d.Errors) > 0 {
		fmt.Fprint(bw, "\n---\n\n## Inputs not read\n\n")
		for _, e := range d.Errors {
			fmt.Fprintf(bw, "- `%s`: %s\n", e.Source, md(e.Error))
		}
	}
	return bw.Flush()
}

// storyWriter writes one story of a Markdown digest, its articles cited by
// their number in the story (num).
type storyWriter struct {
	w    io.Writer
	s    news.Story
	arts map[string]news.StoryArticle
	num  map[string]int
}

func (sw storyWriter) write() {
	sw.heading()
	sw.summary()
	sw.disagreements()
	sw.quotes()
	sw.facts()
	sw.entities()
	sw.articles()
}

// cite gives the numbers of the articles ids, in order: "[1, 3]".
func (sw storyWriter) cite(ids []string) string {
	var nums []int
	for _, id := range ids {
		if n, ok := sw.num[id]; ok {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// outlet is the outlet of a story's article, "" when not known.
func (sw storyWriter) outlet(id string) string { return sw.arts[id].Outlet }

// heading writes the story's title and the line under it: articles,
// outlets, days and languages.
func (sw storyWriter) heading() {
	s := sw.s
	fmt.Fprintf(sw.w, "\n# %s\n\n", md(s.Title))
	when := news.DayRange(news.ParseTime(s.FirstPublished), news.ParseTime(s.LastPublished))
	line := news.Count(len(s.Articles), "article", "articles")
	if len(s.Outlets) > 0 {
		line += fmt.Sprintf(" · %s (%s)", news.Count(len(s.Outlets), "outlet", "outlets"), md(strings.Join(s.Outlets, ", ")))
	}
	if when != "" {
		line += " · " + when
	}
	fmt.Fprintln(sw.w, line)
	if langs := languageLine(s); langs != "" {
		fmt.Fprintf(sw.w, "\n%s\n", langs)
	}
}

func (sw storyWriter) summary() {
	if len(sw.s.Summary) == 0 {
		return
	}
	fmt.Fprint(sw.w, "\n## Summary\n\n")
	for _, c := range sw.s.Summary {
		fmt.Fprintf(sw.w, "- %s %s\n", md(c.Text), sw.cite(c.Articles))
	}
}

func (sw storyWriter) disagreements() {
	if len(sw.s.Disagreements) == 0 {
		return
	}
	fmt.Fprint(sw.w, "\n## Where outlets disagree\n\n")
	for _, dg := range sw.s.Disagreements {
		var claims []string
		for _, c := range dg.Claims {
			claims = append(claims, fmt.Sprintf("“%s” %s", md(c.Text), sw.cite(c.Articles)))
		}
		fmt.Fprintf(sw.w, "- **%s**: %s\n", md(dg.Topic), strings.Join(claims, " vs "))
		for _, sent := range dg.Sentences {
			fmt.Fprintf(sw.w, "  - %s %s\n", sw.cite(sent.Articles), md(sent.Text))
		}
	}
}

// quotes writes the quotes the digest shows by default in full, and the
// rest folded.
func (sw storyWriter) quotes() {
	s := sw.s
	if len(s.Quotes) == 0 {
		return
	}
	fmt.Fprint(sw.w, "\n## Quotes\n\n")
	shown := s.QuotesShown
	if shown <= 0 || shown > len(s.Quotes) {
		shown = len(s.Quotes) // a story stored before the digest ranked its quotes
	}
	for _, q := range s.Quotes[:shown] {
		writeQuote(sw.w, q, sw.cite, sw.outlet, true)
	}
	if more := s.Quotes[shown:]; len(more) > 0 {
		fmt.Fprintf(sw.w, "\n<details>\n<summary>%s</summary>\n\n", news.Count(len(more), "more quote", "more quotes"))
		for _, q := range more {
			writeQuote(sw.w, q, sw.cite, sw.outlet, false)
		}
		fmt.Fprint(sw.w, "\n</details>\n")
	}
}

func (sw storyWriter) facts() {
	if len(sw.s.Facts) == 0 {
		return
	}
	fmt.Fprint(sw.w, "\n## Key facts\n\n")
	for _, f := range sw.s.Facts {
		fmt.Fprintf(sw.w, "- %s — %s %s\n", md(news.FactLabel(f)), news.Backing(f.Outlets, f.Articles, sw.outlet), sw.cite(f.Articles))
		if f.Sentence != "" {
			fmt.Fprintf(sw.w, "  - in: %s\n", md(f.Sentence))
		}
	}
}

// entities writes the story's people, organisations and places, the
// first shownEntities in full view and the rest folded.
func (sw storyWriter) entities() {
	s := sw.s
	if len(s.Entities) == 0 {
		return
	}
	fmt.Fprint(sw.w, "\n## Who and where\n\n")
	for i, e := range s.Entities {
		if i == shownEntities {
			fmt.Fprintf(sw.w, "\n<details>\n<summary>%d more</summary>\n\n", len(s.Entities)-shownEntities)
		}
		also := ""
		if len(e.Aliases) > 0 {
			also = " (also " + md(strings.Join(e.Aliases, ", ")) + ")"
		}
		fmt.Fprintf(sw.w, "- %s, %s%s %s\n", md(e.Name), e.Type, also, sw.cite(e.Articles))
	}
	if len(s.Entities) > shownEntities {
		fmt.Fprint(sw.w, "\n</details>\n")
	}
}

// articles lists the story's articles by number: title, outlet, authors,
// time, language, the original of a copy, and where to read it.
func (sw storyWriter) articles() {
	fmt.Fprint(sw.w, "\n## Articles\n\n")
	for _, id := range sw.s.Articles {
		a := sw.arts[id]
		line := fmt.Sprintf("%d. %s", sw.num[id], md(a.Title))
		published := ""
		if a.Published != "" {
			published = news.ReadableTime(a.Published)
		}
		for _, part := range []string{a.Outlet, strings.Join(a.Authors, ", "), published, a.Language} {
			if part != "" {
				line += " — " + md(part)
			}
		}
		if a.DuplicateOf != "" {
			line += fmt.Sprintf(" (copy of %d)", sw.num[a.DuplicateOf])
		}
		if a.URL != "" {
			line += " <" + a.URL + ">"
		} else {
			line += " `" + a.Source + "`"
		}
		fmt.Fprintln(sw.w, line)
	}
}

// shownEntities is how many of a story's people, organisations and places
// are listed before the rest are folded: they come ordered by how many
// articles name them, so the first are the story's actors.
const shownEntities = 12

// writeQuote writes one quote of a story's Quotes section: its speaker,
// its words (in quotation marks only when verbatim) and the articles that
// carry it; in full, also how many sources do when more than one, and its
// other wordings: verbatim ones in quotation marks, and those of outlets
// that tell a verbatim quote in their own words as paraphrases.
func writeQuote(w io.Writer, q news.StoryQuote, cite func([]string) string, outlet func(string) string, full bool) {
	text := md(q.Text)
	if q.Direct {
		text = "“" + text + "”"
	}
	by := ""
	if full && q.Outlets > 1 {
		by = " — " + news.Backing(q.Outlets, q.Articles, outlet)
	}
	speaker := "**" + md(q.Speaker) + "**"
	if q.SpeakerKind == news.SpeakerPublication {
		speaker += " (its report)" // what an outlet published, not what a person said
	}
	fmt.Fprintf(w, "- %s: %s%s %s\n", speaker, text, by, cite(q.Articles))
	if !full {
		return
	}
	for _, v := range q.Variants {
		if q.Direct {
			v = "“" + v + "”"
		}
		fmt.Fprintf(w, "  - also reported as: %s\n", md(v))
	}
	for _, p := range q.Paraphrases {
		fmt.Fprintf(w, "  - paraphrased as: %s\n", md(p))
	}
}

// languageLine gives a story's coverage by language, most articles first
// ("Languages: de 3 · en 2 · fr 1 — title and summary in en"); "" when no
// article's language is known.
func languageLine(s news.Story) string {
	langs := s.LanguagesByCoverage()
	switch len(langs) {
	case 0:
		return ""
	case 1:
		return "Language: " + md(langs[0])
	}
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = fmt.Sprintf("%s %d", md(l), s.Languages[l])
	}
	line := "Languages: " + strings.Join(parts, " · ")
	if s.SummaryLanguage != "" {
		line += " — title and summary in " + md(s.SummaryLanguage)
	}
	return line
}

// md escapes the characters that would turn text into Markdown markup.
var mdEscaper = strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "#", "\\#", "\n", " ")

func md(s string) string { return mdEscaper.Replace(s) }
