package plaintext

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// header is what the lines above (and at the top of) the article body say
// about it.
type header struct {
	title, outlet string
	authors       []string
	published     string
	used          map[int]bool // blocks consumed as byline or date lines
}

var (
	bylineRe     = regexp.MustCompile(`(?i)^(?:by|written by|words by|reported by|story by|text by|von|par|por|di|door|av|af|autor(?:a)?:?|auteur:?|автор:?|author:?|authors:?)\s+(.+)$`)
	nameStopRe   = regexp.MustCompile(`(?i)\s*(?:[|•·—–]|\s-\s|\d|\b(?:` + nameStopWords + `)\b).*$`)
	nameSplitRe  = regexp.MustCompile(`\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b)\s*`)
	pubLabelRe   = regexp.MustCompile(`(?i)\b(?:published|posted|publié|publicado|pubblicato|veröffentlicht|опубликовано|date)\b`)
	updLabelRe   = regexp.MustCompile(`(?i)\b(?:updated|modified|aktualisiert|mis à jour|actualizado|aggiornato|обновлено|last edited)\b`)
	titleTagRe   = regexp.MustCompile(`^\[[^\]]{1,24}\]\s*`)
	siteSuffixRe = regexp.MustCompile(`^(.{12,}?)\s+[-|–—:·•]\s+([^-|–—]{2,40})$`)
	agencyRe     = regexp.MustCompile(`^(?:[\p{Ll}]{1,5}(?:/[\p{Ll}]{1,5})+\s*)?\(((?:\s*(?:AFP|AP|Reuters|dpa|DPA|KNA|epd|EFE|ANSA|Kyodo|Xinhua|TASS|Interfax|UNIAN|Ukrinform|PA|IANS|PTI|ANI|Bloomberg|SID|Lusa|AAP|CP|Yonhap)\s*,?)+)\)\.?$`)
	particles    = map[string]bool{"de": true, "da": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "di": true, "del": true, "bin": true, "ibn": true, "al": true, "el": true, "dos": true, "du": true, "ter": true, "zu": true}
)

func readHeader(bs []block, start, end int) header {
	h := header{used: map[int]bool{}}
	// Bylines and date lines stand above the body or in its first lines.
	limit := min(end, start+4)
	datePrio := math.MinInt
	for i := 0; i < limit; i++ {
		b := bs[i]
		if i >= start && b.class == classGood && b.words > 25 {
			continue
		}
		if b.words > 30 {
			continue // too long for a byline or a date line
		}
		isByline := false
		var names []string
		if b.words <= 25 {
			names = bylineNames(b.text)
		}
		if len(names) == 0 && b.words <= 25 {
			// "Monday November 18, 2019 7:45 am PST by Joe Rossignol"
			if k := strings.LastIndex(b.text, " by "); k > 0 {
				if _, ok := findStamp(b.text[:k]); ok {
					names = bylineNames(b.text[k+1:])
				}
			}
		}
		if len(names) > 0 && b.words <= 25 {
			if len(h.authors) == 0 {
				h.authors = names
			}
			h.used[i], isByline = true, true
		}
		if st, ok := findStamp(b.text); ok {
			prio := 1
			switch {
			case pubLabelRe.MatchString(b.text):
				prio = 3
			case isByline:
				prio = 2
			case updLabelRe.MatchString(b.text):
				prio = 0
			}
			if i >= start && !isByline && !fewWordsBesideDate(b.text) {
				// A date in a sentence of the body (an embedded post's
				// "tweet-date", an event's day) speaks for the body, not
				// for the page: any date line of the header beats it.
				prio -= 4
			}
			if prio > datePrio {
				h.published, datePrio = st.ISO(), prio
			}
			if isByline || fewWordsBesideDate(b.text) {
				h.used[i] = true
			}
		}
	}
	// A lone name next to a date line above the body is a byline too.
	if len(h.authors) == 0 {
		for i := 0; i < start; i++ {
			if !h.used[i] || !isDateLine(bs[i].text) {
				continue
			}
			for _, j := range []int{i - 1, i + 1} {
				if j >= 0 && j < start && !h.used[j] && looksLikeName(bs[j].text) {
					h.authors, h.used[j] = []string{bs[j].text}, true
					break
				}
			}
			if len(h.authors) > 0 {
				break
			}
		}
	}
	// A headline can open the body's run when a byline or date line
	// follows it: "Headline / By Jane Roe / June 16, 2021 / Body…". The
	// lines above the first such line are the header then.
	titleEnd := start
	for i := start; i < limit; i++ {
		if h.used[i] {
			if i > start && headlineLike(bs[start:i]) {
				titleEnd = i
			}
			break
		}
	}
	h.title, h.outlet = pickTitle(bs, titleEnd, end, h.used)
	return h
}

// headlineLike tells whether lines could be a headline and its deck: short,
// and, when ending with a full stop as some outlets' headlines do, shorter
// than a sentence of the body.
func headlineLike(lines []block) bool {
	for _, b := range lines {
		if b.words > 30 || b.boiler || b.words > 20 && strings.HasSuffix(b.text, ".") && !strings.HasSuffix(b.text, "..") {
			return false
		}
	}
	return len(lines) <= 2
}

// bylineNames returns the people a byline names ("by Oleg Sukhov January 26,
// 2022" → Oleg Sukhov), or nil when the line is no byline.
func bylineNames(line string) []string {
	m := bylineRe.FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(m[1], "the "), "The ")
	rest = cutNameStop(rest)
	var names []string
	for _, n := range nameSplitRe.Split(rest, -1) {
		n = strings.Trim(n, " .,;:")
		if looksLikeName(n) {
			names = append(names, n)
		}
	}
	return names
}

// nameStopWords are the words after which a byline names no one ("by Jane
// Roe on January 26", "by Jane Roe for the Times").
var nameStopWords = `updated|published|posted|on|at|in|for|am|um|le|el|il|the|` + monthAlt

// nameStopWordRe matches a name-stop word at the start of a string, for
// cutNameStop; the word boundary before it is checked by hand.
var nameStopWordRe = regexp.MustCompile(`(?i)^(?:` + nameStopWords + `)\b`)

// nameStopFirst holds every rune a name-stop word can begin with, in any
// case (the case folding of (?i) included).
var nameStopFirst = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range strings.Split(nameStopWords, "|") {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m[f] = true
		}
	}
	return m
}()

// nameStopLen is the length in runes of the longest name-stop word.
var nameStopLen = func() int {
	n := 0
	for _, w := range strings.Split(nameStopWords, "|") {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}()

// firstRunes returns the first n runes of s. A word pattern cannot tell s
// from its first runes when they hold the word and the rune after it, and
// matches the shorter string sooner.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// cutNameStop removes from a byline what follows its names: a separator, a
// digit or a name-stop word, and the spaces before it. It is
// nameStopRe.ReplaceAllString(s, "") written out: unanchored, that
// expression of some hundred month names runs at every position of every
// byline, where the scan below tries a word only where one could start.
func cutNameStop(s string) string {
	if strings.IndexByte(s, '\n') >= 0 {
		// The pattern's "." stops at a line break, which no line holds.
		return nameStopRe.ReplaceAllString(s, "")
	}
	spaces := 0 // where the run of spaces before i starts
	for i := 0; i < len(s); {
		if i == 0 || !isPatternSpace(s[i-1]) {
			spaces = i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case '0' <= r && r <= '9', strings.ContainsRune("|•·—–", r),
			isPatternSpace(s[i]) && i+2 < len(s) && s[i+1] == '-' && isPatternSpace(s[i+2]),
			nameStopFirst[r] && isWordByte(s[i]) != (i > 0 && isWordByte(s[i-1])) && nameStopWordRe.MatchString(firstRunes(s[i:], nameStopLen+1)):
			return s[:spaces]
		}
		i += n
	}
	return s
}

// isPatternSpace tells the bytes \s matches in a regular expression.
func isPatternSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isWordByte tells the bytes \w matches; \b sits between a word byte and
// another byte, any byte of a multi-byte rune counting as a non-word one.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// looksLikeName tells a person's or agency's name: one to five capitalised
// words, particles aside, with no function words or digits.
func looksLikeName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 5 || len(s) > 60 {
		return false
	}
	for _, w := range f {
		if particles[strings.ToLower(w)] && len(f) > 1 {
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || stopwords[strings.ToLower(w)] && len(w) > 1 {
			return false
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && !strings.ContainsRune(".-'’", c) {
				return false
			}
		}
	}
	return true
}

// isDateLine tells a line that is a date and little else ("Published :
// January 27, 2022 17:03 IST", "September 4, 2025").
func isDateLine(line string) bool {
	// The words are counted first: most lines say too much to be a date
	// line, and counting stops at the fourth word while the date search
	// reads the whole line.
	if !fewWordsBesideDate(line) {
		return false
	}
	_, ok := findStamp(line)
	return ok
}

// fewWordsBesideDate tells whether line has at most three words besides
// the words of a date (month names, numbers, time zones, "am", "pm",
// "Published", "Updated").
func fewWordsBesideDate(line string) bool {
	words := 0
	for _, w := range findWords(line) {
		lw := strings.ToLower(w)
		// The label patterns, the dearest tests, go last.
		if _, isMonth := monthNames[lw]; isMonth || unicode.IsDigit([]rune(w)[0]) || zoneOffsets[strings.ToUpper(w)] != 0 || lw == "am" || lw == "pm" || pubLabelRe.MatchString(w) || updLabelRe.MatchString(w) {
			continue
		}
		if words++; words > 3 {
			return false
		}
	}
	return true
}

// pickTitle chooses the headline among the lines above the body: the line
// that reads as a headline and shares most words with the body, favouring a
// line that repeats the page title and the lines nearest the body.
func pickTitle(bs []block, start, end int, used map[int]bool) (title, outlet string) {
	pageTitle, site := pageTitleOf(bs, start)
	candidate := func(i int) bool { return !used[i] && titleShaped(bs[i]) }
	inBody := bodyHolds(bs, start, end, candidate)
	best, bestScore := -1, 0.0
	for i := 0; i < start; i++ {
		if !candidate(i) {
			continue
		}
		// The line right above a byline or date line is the headline
		// even when its words are not the body's.
		aboveByline := i+1 < len(bs) && used[i+1]
		score, ok := titleScore(bs, i, start, inBody, aboveByline, pageTitle)
		if ok && score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return "", ""
	}
	title = stripTitleTag(bs[best].text)
	if best == 0 && pageTitle != "" {
		title = pageTitle
	}
	if site != "" && (best == 0 || strings.EqualFold(title, pageTitle)) {
		outlet = site
	}
	return title, outlet
}

// pageTitleOf reads the page's own <title>, which often opens a text dump
// with the site's name after a separator: the headline proper repeats its
// first part.
func pageTitleOf(bs []block, start int) (pageTitle, site string) {
	if len(bs) > 0 && start > 0 {
		if m := siteSuffixRe.FindStringSubmatch(bs[0].text); m != nil && looksLikeSiteName(m[2]) {
			return m[1], m[2]
		}
	}
	return "", ""
}

// titleShaped tells a line that may be a headline by its shape: no
// boilerplate, caption, link or end mark, and a headline's length.
func titleShaped(b block) bool {
	return !b.boiler && !b.caption && !b.term && !b.linky &&
		(b.cjk && b.runes >= 6 && b.runes <= 90 || !b.cjk && b.words >= 2 && b.words <= 30)
}

// bodyHolds tells which content words of the candidate lines above the
// body (before start) the body's first 600 words hold: looking the body's
// words up among these few costs less than making a set of the body's
// words.
func bodyHolds(bs []block, start, end int, candidate func(int) bool) map[string]bool {
	inBody := map[string]bool{}
	for i := 0; i < start; i++ {
		if candidate(i) {
			for _, w := range findWords(stripTitleTag(bs[i].text)) {
				if lw := strings.ToLower(w); isContentWord(lw) {
					inBody[lw] = false
				}
			}
		}
	}
	var keyBuf [64]byte
	key := keyBuf[:0] // a word in lower case, to look up without a string
	for i, n := start, 0; i < end && n < 600 && len(inBody) > 0; i++ {
		text := bs[i].text
		for s, e := nextWord(text, 0); s >= 0; s, e = nextWord(text, e) {
			key = appendLower(key[:0], text[s:e])
			if _, ok := inBody[string(key)]; ok {
				inBody[string(key)] = true
			}
			n++
		}
	}
	return inBody
}

// titleScore scores line i as the headline: the share of its content words
// the body holds, raised above a byline, for repeating the page title and
// near the body, lowered for a sentence's full stop and length. A line
// with no content word, or too few shared and not above a byline, is no
// headline (false).
func titleScore(bs []block, i, start int, inBody map[string]bool, aboveByline bool, pageTitle string) (float64, bool) {
	b, text := bs[i], stripTitleTag(bs[i].text)
	content, shared := 0, 0
	for _, w := range findWords(text) {
		lw := strings.ToLower(w)
		if !isContentWord(lw) {
			continue
		}
		content++
		if inBody[lw] {
			shared++
		}
	}
	if content == 0 {
		return 0, false
	}
	overlap := float64(shared) / float64(content)
	if overlap < 0.25 && !aboveByline {
		return 0, false
	}
	score := overlap * float64(min(content, 8)) / 8
	if aboveByline {
		score += 0.3
	}
	if pageTitle != "" && i > 0 && strings.EqualFold(text, pageTitle) {
		score += 0.5
	}
	score += 0.2 * float64(i+1) / float64(start)
	if strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "..") {
		score -= 0.3
	}
	if b.words > 20 {
		score -= 0.2
	}
	return score, true
}

// isContentWord tells a lower-cased word that counts toward a title's
// overlap with the body: no function word, three letters or more.
func isContentWord(lw string) bool {
	return !stopwords[lw] && utf8.RuneCountInString(lw) >= 3
}

// stripTitleTag removes a tag opening a headline ("[Video] …").
func stripTitleTag(s string) string {
	if !strings.HasPrefix(s, "[") {
		return s // the pattern is anchored at a bracket
	}
	return titleTagRe.ReplaceAllString(s, "")
}

// appendLower appends strings.ToLower(w) to dst, without a string to
// allocate for the common ASCII word.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// looksLikeSiteName tells a site name after a title separator ("News
// Nation", "WSJ", "The Guardian"), not the second half of a headline.
func looksLikeSiteName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 5 {
		return false
	}
	for _, w := range f {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) && !strings.Contains(w, ".") {
			return false
		}
	}
	return true
}

var datelineRe = regexp.MustCompile(`^((?:\p{Lu}[\p{L}'’.-]*\s?){1,4}(?:,\s*(?:\p{Lu}[\p{L}'’.-]*\s?){1,3})?)(?:,\s*((?i:` + monthAlt + `)\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\(([^)]{2,30})\))?\s*(?:[:—–]|--|-)\s+`)

// splitDateline takes the dateline off an article's first paragraph
// ("Washington, January 27: In a written reply…", "KYIV (Reuters) - …").
func splitDateline(p string) (place, rest string, st stamp, ok bool) {
	m := datelineRe.FindStringSubmatchIndex(p)
	if m == nil {
		return "", p, stamp{}, false
	}
	g := groups(p, m)
	placeName, date, agency := strings.TrimSpace(g[1]), g[2], g[3]
	firstWord := strings.Fields(placeName)[0]
	allCaps := len(firstWord) >= 3 && strings.ToUpper(firstWord) == firstWord
	if date == "" && agency == "" && !allCaps {
		return "", p, stamp{}, false
	}
	rest = strings.TrimSpace(p[m[1]:])
	if rest == "" {
		return "", p, stamp{}, false
	}
	place = placeName
	if date != "" {
		place += ", " + date
		st, _ = findStamp(date)
	}
	return place, rest, st, true
}

// agencyCredit reads a closing credit line of news agencies ("fb/msh (AFP,
// AP, Reuters)").
func agencyCredit(p string) ([]string, bool) {
	m := agencyRe.FindStringSubmatch(p)
	if m == nil {
		return nil, false
	}
	var out []string
	for _, a := range strings.Split(m[1], ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out, true
}
