package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// rxAuthorSep splits a byline into people: semicolons, pipes, slashes
	// between words, ampersands and the word "and" in a few languages
	// (lower-case only, so that a middle initial "E" is not taken for "e").
	rxAuthorSep = regexp.MustCompile(`\s*(?:[;|]|\s/\s|&|\s(?:[Aa]nd|AND|und|et|y|e|og|en|och)\s)\s*`)
	// rxBy removes a leading "By" (and its translations).
	rxBy = regexp.MustCompile(`(?i)^(?:written\s+by|posted\s+by|reported\s+by|by|von|par|por|di|door|av|af)[\s:]+`)
	// rxNameSuffix matches what follows a comma without being a new name:
	// "Jr.", "III", degrees and titles such as "MD", "PhD", "RN".
	rxNameSuffix = regexp.MustCompile(`^(?i:jr|sr|ii|iii|iv|ph\.?\s?d|m\.?\s?d|d\.?o|r\.?n|bsn|msn|dnp|np|pa-c|dvm|mba|cpa|cfa|cfp|j\.?d|esq|facp|facc|faan|facs|frcp|rd|rdn|ld|lcsw|lpc|lmft|cpt|dds|dmd|pharmd|mph|mpt|dpt|ms|msc|bsc|e-ryt(?:\s*\d+)?)\.?$`)
	// rxInnerBy ends what comes before a name: "Article by ", "Posted by ".
	rxInnerBy = regexp.MustCompile(`(?i)\s(?:by|von|par|por)\s+`)
	// rxStatusWord ends a byline that runs on into a date stamp.
	rxStatusWord = regexp.MustCompile(`(?i)\s(?:last\s+)?(?:updated|published|posted|modified)\b`)
	// rxNotAName matches bylines that are dates or status words.
	rxNotAName = regexp.MustCompile(`(?i)^(?:(?:last\s+)?updated|published|posted|modified)\b|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d.*)?$`)
	// rxLastFirst matches "Doe, Jane".
	rxLastFirst = regexp.MustCompile(`^([^,\s]+(?:\s[^,\s]+)?),\s*([^,\s]+(?:\s[^,\s]+)?)$`)
)

// notNames are bylines that name no one.
var notNames = map[string]bool{
	"staff": true, "admin": true, "administrator": true, "editor": true,
	"editors": true, "editorial": true, "editorial staff": true,
	"editorial team": true, "the editors": true, "unknown": true,
	"anonymous": true, "author": true, "guest": true, "guest author": true,
	"none": true, "null": true, "n/a": true, "webmaster": true, "team": true,
	"staff writer": true, "staff reporter": true, "contributor": true,
	"written by": true, "posted by": true, "by": true, "name": true,
	"author name": true, "category": true, "categories": true, "tags": true,
	"share": true, "comments": true, "follow": true, "more": true,
}

// splitAuthors turns a byline ("Jane Doe; John Roe and AP") into one entry per
// person or agency, dropping URLs, e-mail addresses and non-names.
func splitAuthors(byline string) []string {
	byline = cleanSpace(byline)
	if byline == "" {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	parts := rxAuthorSep.Split(byline, -1)
	lastFirst := len(parts) > 1
	for _, part := range parts {
		if m := rxLastFirst.FindStringSubmatch(part); m == nil || rxNameSuffix.MatchString(m[2]) {
			lastFirst = false
		}
	}
	for _, part := range parts {
		if lastFirst {
			// "Doe, Jane; Roe, John": a list of names written last name first.
			m := rxLastFirst.FindStringSubmatch(part)
			part = m[2] + " " + m[1]
		}
		for _, name := range splitCommas(part) {
			name = cleanAuthor(name)
			if name == "" || seen[strings.ToLower(name)] {
				continue
			}
			seen[strings.ToLower(name)] = true
			out = append(out, name)
		}
	}
	return out
}

// splitCommas splits on commas but keeps "Smith, Jr." and "Jane Doe, MD,
// FACP" together.
func splitCommas(s string) []string {
	parts := strings.Split(s, ",")
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if len(out) > 0 && rxNameSuffix.MatchString(p) {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// cleanAuthor trims one name of what surrounds it in bylines and returns ""
// when it is no name at all.
func cleanAuthor(s string) string {
	s = strings.TrimSpace(s)
	if loc := rxInnerBy.FindAllStringIndex(s, -1); loc != nil {
		// "Recipe by Jane Doe", "Reviewed by Jane Doe".
		s = s[loc[len(loc)-1][1]:]
	}
	s = rxBy.ReplaceAllString(s, "")
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != ')' && r != '\''
	})
	l := strings.ToLower(s)
	if strings.Contains(l, "@") || strings.Contains(l, "http") || strings.Contains(l, "www.") ||
		strings.Contains(l, "/") {
		return ""
	}
	if utf8.RuneCountInString(s) > 80 || len(strings.Fields(s)) > 7 {
		return ""
	}
	if loc := rxStatusWord.FindStringIndex(s); loc != nil {
		// "Jane Doe Last updated on …"
		s = strings.TrimSpace(s[:loc[0]])
	}
	if strings.ToLower(s) != s {
		// A lower-case word that is no particle does not belong to a
		// capitalised name: keep the longest run of name words, so that
		// "Colin Rust commented on" is "Colin Rust". (An all lower-case
		// byline is a user name and kept.)
		s = longestNameRun(s)
		if s == "" {
			return ""
		}
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) || notNames[strings.ToLower(s)] || rxNotAName.MatchString(s) {
		return ""
	}
	return s
}

// domAuthors falls back on what the page shows: a "By …" line, else the
// first link to an author's page.
func domAuthors(p pageInfo) []string {
	for _, b := range p.bylines {
		if as := splitAuthors(b); len(as) > 0 {
			return as
		}
	}
	for _, r := range p.authorRef {
		if nameLike(r) {
			if as := splitAuthors(r); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

// longestNameRun returns the longest run of words of s that may belong to a
// name: capitalised words and particles, not ending in a particle.
func longestNameRun(s string) string {
	ws := strings.Fields(s)
	best, bestLen, start := "", 0, 0
	for i := 0; i <= len(ws); i++ {
		if i < len(ws) {
			r, _ := utf8.DecodeRuneInString(ws[i])
			if !unicode.IsLower(r) || nameParticles[ws[i]] {
				continue
			}
		}
		// ws[start:i] is a run; particles may not end it.
		j := i
		for j > start && nameParticles[ws[j-1]] {
			j--
		}
		if j-start > bestLen {
			best, bestLen = strings.Join(ws[start:j], " "), j-start
		}
		start = i + 1
	}
	return best
}
