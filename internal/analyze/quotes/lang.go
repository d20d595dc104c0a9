package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/analyze/entities"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/words"
)

// This file keeps the speakers of a text in another language than English
// to the people and organisations its entity recogniser finds there. The
// phrase finders were written for English: on French, German, Russian or
// Spanish text they take a capitalised sentence opener ("En", "В",
// "Différentes"), a noun (every German noun is capitalised: "Treppe",
// "Armee") or a noun glued to a name ("Erschießung Prigoschin") for a
// speaker. There, a speaker is kept only when, without its function words
// and the nouns and titles before it, it is a form of a person or an
// organisation the recogniser found ("Verteidigungsminister Junus-Bek
// Jewkurow" → "Junus-Bek Jewkurow", "er" → the person it resolves to); a
// quote whose speaker is not is kept without one, or dropped in a
// language whose cues the lexicon does not have. English is left as it
// always was.

// rulesLangs are the languages besides English whose cues the lexicon
// holds (see otherFinite and otherAccording).
var rulesLangs = map[string]bool{"de": true, "fr": true, "es": true, "it": true, "pt": true, "nl": true, "ru": true, "uk": true, "pl": true}

// undetermined is the language of a text in a script without Latin
// letters whose function words tell no language Chorus knows.
const undetermined = "und"

// langCode is lang as an ISO 639-1 code: lower case, without region.
func langCode(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// Languages whose function words tell a text's language, by script;
// English first, so that it wins a tie.
var (
	latinLangs    = []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ro", "tr", "sv", "da", "no", "fi", "cs", "sk", "hr", "sl", "hu", "ca", "id", "tl"}
	cyrillicLangs = []string{"ru", "uk", "bg", "sr"}
	otherLangs    = []string{"ar", "fa", "el", "he", "hi"}
)

// guessWords is how many words the guess reads.
const guessWords = 150

// guessLang tells the language of the text from the function words of its
// first words outside quotations: the language of the script whose stop
// words are most among them, when they make an eighth of them (English on
// a tie). It returns "" when they tell no language in a text of Latin
// letters (the English rules apply, as they always did), undetermined in
// another script.
func (f *finder) guessLang() string {
	var idx [guessWords]int32
	n, latin := 0, 0
	for i := range f.toks {
		t := &f.toks[i]
		if t.kind != tWord || t.q >= 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f.text[t.s:t.e])
		if !unicode.IsLetter(r) {
			continue
		}
		if r < 0x250 {
			latin++
		}
		idx[n] = int32(i)
		if n++; n == guessWords {
			break
		}
	}
	if n == 0 {
		return ""
	}
	cands := latinLangs
	if latin*2 < n {
		cands = otherLangs
		cyr := 0
		for _, i := range idx[:n] {
			if r, _ := utf8.DecodeRuneInString(f.text[f.toks[i].s:]); unicode.Is(unicode.Cyrillic, r) {
				cyr++
			}
		}
		if cyr*2 >= n {
			cands = cyrillicLangs
		}
	}
	best, bestN := "", 0
	for _, l := range cands {
		if l != "en" && best == "en" && bestN*4 >= n {
			break // plainly English: most texts are
		}
		stop := words.For(l).Stop
		c := 0
		for _, i := range idx[:n] {
			if stop(f.word(int(i))) {
				c++
			}
		}
		if c > bestN {
			best, bestN = l, c
		}
	}
	if bestN < 2 || bestN*8 < n {
		if latin*2 < n {
			return undetermined
		}
		return ""
	}
	return best
}

// setLang prepares the finder for a text in lang, not English: its stop
// words, and the names its entity recogniser finds (ents, recognised here
// when nil).
func (f *finder) setLang(lang string, ents []news.Entity) {
	f.lang = lang
	f.stop = words.For(lang).Stop
	if ents == nil {
		el := lang
		if el == undetermined {
			el = ""
		}
		ents = entities.Find(f.text, f.sents, el).Entities()
	}
	f.countArticles()
	f.names = f.buildNames(ents)
}

// langStop tells a stop word of the text's language (s lower case).
func (f *finder) langStop(s string) bool {
	return f.stop != nil && f.stop(s)
}

// articleWords are the articles and possessives of each language: a
// capitalised word after one is a noun ("die Erschießung", "der Stadt").
var articleWords = map[string]map[string]bool{
	"de": wordSet(`der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner sein seine
seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres deren dessen unser unsere unseren unserem unserer
diese dieser diesen diesem dieses jede jeder jedes jeden jedem`),
	"fr": wordSet("le la les un une des du au aux ce cet cette ces son sa ses leur leurs notre nos"),
	"es": wordSet("el la los las un una unos unas del al su sus este esta estos estas"),
	"it": wordSet("il lo la i gli le un una uno del della dello dei degli delle al alla allo ai agli alle suo sua suoi sue"),
	"pt": wordSet("o a os as um uma uns umas do da dos das no na nos nas ao aos à às seu sua seus suas"),
	"nl": wordSet("de het een zijn haar hun deze dit"),
}

// elisions are the articles French, Italian and Catalan join to the word
// after them ("l’armée").
var elisions = []string{"l'", "l’"}

// elided strips an elided article off w, in either case ("l’armée",
// "L’Iran"); ok tells there was one.
func elided(w string) (string, bool) {
	for _, e := range elisions {
		if len(w) > len(e) && strings.EqualFold(w[:len(e)], e) {
			return w[len(e):], true
		}
	}
	return w, false
}

// countArticles counts, by capitalised word of the text (lower case),
// its uses and those after an article or a possessive.
func (f *finder) countArticles() {
	dets := articleWords[f.lang]
	f.capUses, f.afterDet = map[string]int{}, map[string]int{}
	for i := range f.toks {
		t := &f.toks[i]
		if t.kind != tWord || !t.cap {
			continue
		}
		w := f.word(i)
		if rest, ok := elided(w); ok {
			w = rest // "l’Élysée" is after an article
			f.afterDet[w]++
		} else if i > 0 && dets != nil {
			// after a comma the article is a relative pronoun: ", die
			// Prigoschin … zeigen"
			if p := &f.toks[i-1]; p.kind == tWord && p.line == t.line && dets[f.word(i-1)] && !f.isPunct(i-2, ',') {
				f.afterDet[w]++
			}
		}
		f.capUses[w]++
	}
}

// usedAsNoun tells a capitalised word (lower case) that the text uses
// after an article as often as not: a noun ("die Erschießung", "seine
// Leute", "l’armée"), where a name stands mostly alone ("Prigoschin").
func (f *finder) usedAsNoun(w string) bool {
	n := f.afterDet[w]
	return n > 0 && 2*n >= f.capUses[w]
}

// germanTitles end the compound titles of German ("Verteidigungsminister",
// "EZB-Präsidentin", "Generalstabschef"; after a hyphen also "GRU-Mann"),
// germanNouns the suffixes only nouns have ("Erschießung", "Freiheit").
var (
	germanTitles = []string{"minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "sprecher",
		"sprecherin", "chef", "chefin", "leiter", "leiterin", "kandidat", "kandidatin", "vorsitzende", "vorsitzender",
		"botschafter", "botschafterin", "direktor", "direktorin", "sekretär", "sekretärin", "general", "kommandeur",
		"führer", "führerin", "experte", "expertin", "analyst", "analystin"}
	germanNouns = []string{"ung", "heit", "keit", "schaft", "tion", "tät", "ismus"}
)

// germanNoun tells a German word (lower case) that is a title or a noun by
// its ending.
func germanNoun(w string) bool {
	if k := strings.LastIndexAny(w, "-‐"); k > 0 {
		_, size := utf8.DecodeRuneInString(w[k:])
		if p := w[k+size:]; p == "mann" || p == "frau" || slices.Contains(germanTitles, p) {
			return true // "GRU-Mann", "EZB-Präsidentin"
		}
	}
	n := utf8.RuneCountInString(w)
	for _, t := range germanTitles {
		if strings.HasSuffix(w, t) && n >= utf8.RuneCountInString(t)+3 {
			return true
		}
	}
	for _, s := range germanNouns {
		if strings.HasSuffix(w, s) && n >= len(s)+4 {
			return true
		}
	}
	return false
}

// honorifics stand before names in other languages ("M. Bach", "Frau
// Merkel", "Sr. Sánchez").
var honorifics = wordSet("m. mme mme. mlle monsieur madame herr frau sr. sra. señor señora don doña signor signora sig. dott. г-н г-жа")

// titleOrNoun tells a capitalised word w (lower case) before a name that is
// a noun or a title, no part of the name, in the text's language.
func (f *finder) titleOrNoun(w string) bool {
	if _, ok := elided(w); ok || f.usedAsNoun(w) || roleWords[w] || descriptors[w] || honorifics[w] {
		return true
	}
	return f.lang == "de" && germanNoun(w)
}

// names are the people and organisations of a text, by the forms it gives
// them.
type names struct {
	refs  []nameRef
	forms map[string]int // a cleaned form, lower case → refs
	last  map[string]int // a person's last name, lower case → refs; -1 when two people share it
	words map[string]bool
}

// nameRef is whom a form names.
type nameRef struct {
	name string
	kind int
}

// speakerWords are the words of a speaker phrase without the punctuation
// around them and without the function words of the language at either
// end ("Об этом", "Il a", "Wie die BBC").
func (f *finder) speakerWords(s string) []string {
	ws := strings.Fields(s)
	out := ws[:0]
	for _, w := range ws {
		w = strings.TrimFunc(w, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '’' && r != '\''
		})
		w = strings.TrimLeft(w, ".’'")
		if w != "" {
			out = append(out, w)
		}
	}
	for len(out) > 0 && f.langStop(strings.ToLower(out[0])) {
		out = out[1:]
	}
	for len(out) > 0 && f.langStop(strings.ToLower(out[len(out)-1])) {
		out = out[:len(out)-1]
	}
	return out
}

// stripLeading drops the nouns and titles before the last word of a name
// ("Erschießung Prigoschin", "Verteidigungsminister Junus-Bek Jewkurow",
// "M. Bach") and the function words between them.
func (f *finder) stripLeading(ws []string) []string {
	for len(ws) > 1 {
		w := strings.ToLower(ws[0])
		if !f.langStop(w) && !f.titleOrNoun(w) {
			break
		}
		ws = ws[1:]
	}
	if len(ws) == 1 {
		if rest, ok := elided(ws[0]); ok {
			ws[0] = rest // "L’Iran"
		}
	}
	return ws
}

func lowerJoin(ws []string) string { return strings.ToLower(strings.Join(ws, " ")) }

// buildNames indexes the persons and organisations among ents by their
// forms, cleaned as speakers are (speakerWords, stripLeading). A person's
// name that is a noun glued to a name shows by its name only; one that is
// a surname by the person's full name when the text gives one.
func (f *finder) buildNames(ents []news.Entity) *names {
	nt := &names{forms: map[string]int{}, last: map[string]int{}, words: map[string]bool{}}
	for _, e := range ents {
		kind := kOrg
		switch e.Type {
		case news.Person:
			kind = kPerson
		case news.Organization:
		default:
			continue
		}
		ref := len(nt.refs)
		name := e.Name
		if kind == kPerson {
			ws := f.stripLeading(f.speakerWords(e.Name))
			if len(ws) == 0 || f.gluedNoun(ws) {
				continue // "Prigoschins Leute"
			}
			name = strings.Join(ws, " ")
			for _, w := range ws {
				nt.words[strings.ToLower(w)] = true
			}
		}
		nt.refs = append(nt.refs, nameRef{name: name, kind: kind})
		for k, form := range append([]string{e.Name}, e.Aliases...) {
			ws := f.speakerWords(form)
			if kind == kPerson {
				ws = f.stripLeading(ws)
			}
			if len(ws) == 0 || k > 0 && kind == kPerson && f.gluedNoun(ws) {
				continue
			}
			key := lowerJoin(ws)
			if _, ok := nt.forms[key]; !ok {
				nt.forms[key] = ref
			}
			if kind == kPerson && len(ws) > 1 {
				l := strings.ToLower(ws[len(ws)-1])
				if old, ok := nt.last[l]; !ok {
					nt.last[l] = ref
				} else if old >= 0 && old != ref && nt.refs[old].name != name {
					nt.last[l] = -1
				}
			}
		}
	}
	// A person the recogniser names by a surname alone, or by a noun glued
	// to it, is the one whose full name ends so: "Prigoschin" → "Jewgenij
	// Prigoschin".
	for i := range nt.refs {
		r := &nt.refs[i]
		if r.kind != kPerson || strings.Contains(r.name, " ") {
			continue
		}
		if j, ok := nt.last[strings.ToLower(r.name)]; ok && j >= 0 {
			r.name = nt.refs[j].name
		}
	}
	// The names shown are forms of their own.
	for i, r := range nt.refs {
		if key := strings.ToLower(r.name); !hasKey(nt.forms, key) {
			nt.forms[key] = i
		}
	}
	return nt
}

// gluedNoun tells a person's name with a noun among its words
// ("Prigoschins Leute"): in German, which capitalises its nouns, a word
// the text uses as a noun, or one with a noun's ending.
func (f *finder) gluedNoun(ws []string) bool {
	if f.lang != "de" {
		return false
	}
	for _, w := range ws {
		if lw := strings.ToLower(w); f.usedAsNoun(lw) || germanNoun(lw) {
			return true
		}
	}
	return false
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// lookup finds whom the words ws name.
func (nt *names) lookup(ws []string) (nameRef, bool) {
	if len(ws) == 0 {
		return nameRef{}, false
	}
	if i, ok := nt.forms[lowerJoin(ws)]; ok {
		return nt.refs[i], true
	}
	if len(ws) == 1 {
		if i, ok := nt.last[strings.ToLower(ws[0])]; ok && i >= 0 {
			return nt.refs[i], true
		}
	}
	return nameRef{}, false
}

// checkSpeaker returns the name a speaker found in a text not in English
// stands for, with its kind, or "" when it is none of the people and
// organisations the text names: a function word, a lone noun, a phrase.
func (f *finder) checkSpeaker(s string, kind int) (string, int) {
	if s == "" {
		return "", kOther
	}
	if kind == kGroup && strings.Contains(s, " and ") {
		// "Barbara Lee and Pramila Jayapal": each of them
		var parts []string
		for _, p := range strings.Split(strings.ReplaceAll(s, " and ", ", "), ", ") {
			n, _ := f.checkSpeaker(p, kPerson)
			if n == "" {
				return "", kOther
			}
			parts = append(parts, n)
		}
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1], kGroup
	}
	nt := f.names
	ws := f.speakerWords(s)
	if r, ok := nt.lookup(ws); ok {
		return r.name, r.kind
	}
	ws = f.stripLeading(ws)
	if r, ok := f.lookupTitled(ws); ok {
		return r.name, r.kind
	}
	// the phrase ran on past the name: "Lawrow nach dem Treffen"
	for k := 1; k < len(ws); k++ {
		if f.langStop(strings.ToLower(ws[k])) {
			if r, ok := f.lookupTitled(ws[:k]); ok {
				return r.name, r.kind
			}
			break
		}
	}
	return "", kOther
}

// lookupTitled finds whom the words ws name, maybe after words that are a
// title the recogniser does not know: "Oppositionskandidat Kemal
// Kılıçdaroğlu".
func (f *finder) lookupTitled(ws []string) (nameRef, bool) {
	nt := f.names
	if r, ok := nt.lookup(ws); ok {
		return r, true
	}
	for i := 1; i < len(ws); i++ {
		if nt.words[strings.ToLower(ws[i-1])] {
			break
		}
		if r, ok := nt.lookup(ws[i:]); ok {
			return r, true
		}
	}
	return nameRef{}, false
}
