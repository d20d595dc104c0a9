package extract

import (
	"regexp"
	"strings"
)

// Boilerplate that go-trafilatura leaves in the main text: calls to read
// something else, subscribe or share, credits and notices. Each rule is a
// whole-paragraph pattern and applies to short paragraphs only, so that an
// article's own sentences are never dropped for a phrase they contain.
var (
	// rxTeaser opens a link to another article: "Read more: …", "Related: …".
	rxTeaser = regexp.MustCompile(`(?i)^[\[(]?\s*(?:(?:read|see|watch|listen)\s+(?:more|also|next)|related(?:\s+(?:posts?|articles?|stories|story|topics|content|reading|coverage))?|more\s+from|more\s+on|also\s+read|recommended|don'?t\s+miss|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)|leggi\s+anche|lesen\s+sie\s+auch|mehr\s+zum\s+thema|lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|leia\s+também|veja\s+também|lea\s+también|ver\s+también|te\s+puede\s+interesar)\s*(?::|\.\.\.|…|$)`)

	// rxBoilerLine is a paragraph that is boilerplate as a whole.
	rxBoilerLine = regexp.MustCompile(`(?i)^(?:` +
		`advertisement|advertising|sponsored(?:\s+content)?|anzeige|publicidad|publicité|` +
		`continue\s+reading(?:\s+below|\s+the\s+main\s+story)?|story\s+continues\s+below(?:\s+advertisement)?|` +
		`(?:share|share\s+this(?:\s+(?:article|story|post|page))?|share\s+on\s+\w+|click\s+to\s+tweet|tweet|email|print|comments?)[.!:]?|` +
		`table\s+of\s+contents|contents|explore\s+further|` +
		`thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|reading)[.!]?|` +
		`you\s+must\s+(?:be\s+)?log(?:ged)?\s+in\s+to\s+(?:post\s+)?(?:a\s+)?comment.*|` +
		`already\s+have\s+an\s+account\?.*|` +
		`\d+\s*(?:-\s*)?(?:min(?:ute)?s?|minutos?|minuten)\.?\s+(?:read|de\s+lectura|de\s+leitura|lesezeit)|` +
		`(?:reading\s+time|tempo\s+de\s+leitura|tiempo\s+de\s+lectura|temps\s+de\s+lecture|lesezeit)\s*:?.*|` +
		`(?:photo|image|picture|video|graphic)?\s*(?:credits?|courtesy)\s*:.*|` +
		`copyright\s+(?:©\s*)?\d{4}.*|.*\ball\s+rights\s+reserved\b.*|` +
		`filed\s+under\s*:.*|tags?\s*:.*|categor(?:y|ies)\s*:.*|` +
		`\(?(?:reporting|writing|editing|additional\s+reporting)\s+by\b.*|` +
		`.*\bcontributed\s+(?:reporting|to\s+this\s+(?:report|article|story))\b.*|` +
		`follow\s.*\bon\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|x|bluesky|threads)\b.*|` +
		`(?:subscribe\s+to|sign\s+up\s+for|sign\s+up\s+to)\s.*\b(?:twitter|facebook|instagram|linkedin|youtube|tiktok|newsletters?|podcast|channel)\b.*|` +
		`(?:subscribe|sign\s+up|get\s+the\s+latest|get\s+our)\b.*\b(?:newsletters?|inbox|updates)\b.*|` +
		`(?:click|tap)\s+here\b.*|` +
		`(?:like|enjoy(?:ed)?)\s+this\s+(?:story|article|post)\?.*` +
		`)$`)

	// rxContactOnly is a paragraph holding only contact addresses: e-mail,
	// @handle, Twitter link. (Other URLs are often a reference list.)
	rxContactOnly = regexp.MustCompile(`(?i)^(?:(?:[\w.+-]+@[\w-]+\.[\w.-]+|@\w+|(?:https?://)?(?:www\.)?twitter\.com/\S+)[\s,;/|]*)+$`)
	// rxMailLine is a short paragraph inviting to write to or follow someone.
	rxMailLine = regexp.MustCompile(`(?i)^(?:write\s+to|e-?mail|reach)\s+\p{Lu}\S*(?:\s+\p{Lu}\S*){0,3}\s+(?:at|on|via)\s|\bfollow\s+(?:us|him|her|them|me)\s+(?:on|at|@)`)
	// rxDateLine opens a date stamp: "Updated: Nov. 19, 2019 10:43".
	rxDateLine = regexp.MustCompile(`(?i)^(?:last\s+)?(?:updated|published|posted|modified|aktualisiert|veröffentlicht|publié|mis\s+à\s+jour|publicado|actualizado|atualizado|pubblicato|aggiornato)\b`)
)

// rxListHead heads a list of links to other articles: "You may also like",
// "Most read", "More from Reuters", "Related stories:".
var rxListHead = regexp.MustCompile(`(?i)^(?:(?:read|see|watch)\s+(?:more|also|next)|related(?:\s+(?:posts?|articles?|stories|story|topics|content|reading|coverage|news|links))?|more\s+(?:from|on|in|stories|news|articles)(?:\s+\S+){0,4}|most\s+(?:read|popular|viewed|shared)(?:\s+\S+){0,4}|popular(?:\s+on(?:\s+\S+){1,3})?|trending(?:\s+now|\s+stories)?|latest(?:\s+(?:news|stories|posts|articles))?|recommended(?:\s+for\s+you|\s+stories|\s+articles)?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)|don'?t\s+miss|what\s+to\s+read\s+next|leggi\s+anche|lesen\s+sie\s+auch|mehr\s+zum\s+thema|lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|leia\s+também|veja\s+também|lea\s+también|ver\s+también|te\s+puede\s+interesar)\s*(?::|\.\.\.|…)?$`)

// maxListItemWords bounds the items of a list of links.
const maxListItemWords = 20

// cutLinkList drops a trailing list of links to other articles: a list
// heading followed only by short paragraphs.
func cutLinkList(paras []string) []string {
	for i := len(paras) - 1; i >= 0; i-- {
		if len(strings.Fields(paras[i])) > maxListItemWords {
			return paras
		}
		if rxListHead.MatchString(strings.TrimSpace(paras[i])) {
			return paras[:i]
		}
	}
	return paras
}

// maxBoilerWords bounds the paragraphs the rules look at.
const maxBoilerWords = 30

// isBoilerplate tells whether a paragraph of the main text is boilerplate.
// authors are the article's bylines: a paragraph that is only a byline
// ("By Jane Doe", "Jane Doe") is one too.
func isBoilerplate(p string, authors []string) bool {
	n := len(strings.Fields(p))
	if n == 0 {
		return true
	}
	if n > maxBoilerWords {
		return false
	}
	line := strings.TrimSpace(strings.ReplaceAll(p, "\n", " "))
	if rxTeaser.MatchString(line) || rxBoilerLine.MatchString(line) || rxContactOnly.MatchString(line) {
		return true
	}
	if n <= 25 && rxMailLine.MatchString(line) {
		return true
	}
	if n <= 10 && rxDateLine.MatchString(line) && strings.ContainsAny(line, "0123456789") {
		return true
	}
	if n <= 12 {
		if loc := rxByline.FindStringIndex(line); loc != nil {
			rest := strings.TrimSpace(rxBylineEnd.ReplaceAllString(line[loc[1]:], ""))
			if len(strings.Fields(rest)) >= 2 && nameLike(rest) {
				return true
			}
		}
		for _, a := range authors {
			if strings.EqualFold(line, a) {
				return true
			}
		}
	}
	return false
}

// dropBoilerplate removes boilerplate paragraphs and a trailing list of links.
func dropBoilerplate(paras []string, authors []string) []string {
	paras = cutLinkList(paras)
	out := paras[:0]
	for _, p := range paras {
		if !isBoilerplate(p, authors) {
			out = append(out, p)
		}
	}
	return out
}
