package entities

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/news"
	placetable "github.com/chorusnews/chorus/internal/places"
	"github.com/chorusnews/chorus/internal/words"
)

// Names in Cyrillic and Greek are capitalised as in Latin script, but the
// English lexicon and cues say nothing about them, and Russian and
// Ukrainian decline them (Лавров, Лаврова, Лавровым). There a run of
// capitals is read with what holds in any language: given names (through
// their transliteration), the place table (internal/places, which stems
// inflected forms), titles and verbs of saying of the language, and the
// forms of one name are keyed by their stem. Arabic and Hebrew have no
// capitals: there a place is a word the place table knows, a person a
// known given name and the word after it (see scanCaseless).

// scriptLang is the language a token of another script is read in: the
// article's when it writes that script, else the script's main language.
func (r *recognizer) scriptLang(t *token) string {
	r0, _ := utf8.DecodeRuneInString(r.text[t.s:t.e])
	switch {
	case unicode.Is(unicode.Cyrillic, r0):
		switch r.lang {
		case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn":
			return r.lang
		}
		return "ru"
	case unicode.Is(unicode.Greek, r0):
		return "el"
	case unicode.Is(unicode.Arabic, r0):
		switch r.lang {
		case "ar", "fa", "ur", "ps":
			return r.lang
		}
		return "ar"
	case unicode.Is(unicode.Hebrew, r0):
		return "he"
	}
	return r.lang
}

// otherScript tells whether s starts with a letter of Cyrillic, Greek,
// Arabic or Hebrew script: one that crossKey transliterates.
func otherScript(s string) bool {
	r0, _ := utf8.DecodeRuneInString(s)
	return r0 >= 0x370 && unicode.In(r0, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew)
}

// isCyrillic tells whether s starts with a Cyrillic letter.
func isCyrillic(s string) bool {
	r0, _ := utf8.DecodeRuneInString(s)
	return r0 >= 0x400 && r0 <= 0x52f
}

// stopWord tells a function word of the token's language ("В", "По",
// "Die", "في"), for tokens the English lists do not cover: other scripts,
// and Latin script in an article known to be in another language.
func (r *recognizer) stopWord(t *token) bool {
	switch {
	case t.is(fScript | fCaseless):
		return words.For(r.scriptLang(t)).Stop(t.lower)
	case r.foreign:
		return r.words.Stop(t.lower)
	}
	return false
}

// crossKey is the key of a name in any script, as names.CrossKey gives
// it; lexicon aliases fold to their canonical name first, as in NameKey
// ("Kiev" and "Kyiv", "U.S." and "United States").
func crossKey(name, lang string) string { return names.CrossKey(canonical(name), lang) }

// crossTokenKey is the names.AppendCrossWord key of a token.
func (r *recognizer) crossTokenKey(t *token) string {
	var buf [48]byte
	return string(names.AppendCrossWord(buf[:0], r.text[t.s:t.e], r.scriptLang(t)))
}

// nominatives returns the forms a declined Cyrillic word may have in the
// nominative: the word itself first, then its stem with the endings of
// given names (Сергея → сергей, Евгением → евгений, Марии → мария).
func nominatives(w string, out []string) []string {
	out = append(out, w)
	for _, end := range [...]string{"ем", "ом", "ой", "ей", "ою", "ею", "у", "ю", "а", "я", "е", "ы", "и", "і"} {
		if !strings.HasSuffix(w, end) {
			continue
		}
		stem := w[:len(w)-len(end)]
		if utf8.RuneCountInString(stem) < 2 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(stem)
		if strings.ContainsRune("аеёиоуыэюяіїє", last) {
			out = append(out, stem+"й") // Серге-я → Сергей
		} else {
			out = append(out, stem, stem+"ь") // Владимир-а, Игор-я
		}
		out = append(out, stem+"а", stem+"я") // Елен-ы, Мари-и
	}
	return out
}

// scriptGiven tells a given name written in Cyrillic or Greek, declined
// or not: "Сергей", "Сергея", "Евгением", "Володимир".
func (r *recognizer) scriptGiven(t *token) bool { return r.scriptGender(t) != 0 }

// scriptGender returns the gender the lexicon gives a given name written
// in Cyrillic or Greek ('m', 'f' or 'u'), 0 for a word that is none.
func (r *recognizer) scriptGender(t *token) byte {
	if !t.is(fCap) || t.is(fCaps) {
		return 0
	}
	lang := r.scriptLang(t)
	var buf [8]string
	cands := buf[:0]
	if isCyrillic(t.lower) {
		cands = nominatives(t.lower, cands)
	} else {
		cands = append(cands, t.lower, names.CutGreek(t.lower))
	}
	for _, c := range cands {
		if g, ok := givenName(names.Latin(c, lang)); ok && g != 0 {
			return g
		}
	}
	return 0
}

// slavRoles are titles in Russian, Ukrainian and Greek, as their stem:
// the word with its case ending cut by cutSlav (Greek words as written).
var slavRoles = wordSet(`πρόεδρος προέδρου πρωθυπουργός πρωθυπουργού υπουργός υπουργού εκπρόσωπος καγκελάριος βουλευτής
δήμαρχος στρατηγός αρχηγός ηγέτης γενικός
президент премьер премьер-министр министр глав председател лидер генерал посол посл депутат
губернатор мэр директор спикер пресс-секретар представител канцлер госсекретар генсек командующ командир
основател руководител сенатор патриарх корол королев принц прокурор адвокат бизнесмен журналист политик
полковник майор капитан вице-президент генпрокурор министр-президент
прем'єр прем’єр міністр голов речник посл лідер мер керівник очільник командувач засновник спікер`)

// slavSpeech are verbs of saying in Russian, Ukrainian and Greek, after a
// name: "Лавров заявил".
var slavSpeech = wordSet(`δήλωσε είπε ανέφερε τόνισε υποστήριξε πρόσθεσε έγραψε
заявил заявила заявили заявляет заявив сказал сказала сказали говорит сообщил сообщила
сообщили отметил отметила подчеркнул подчеркнула добавил добавила рассказал рассказала написал написала пояснил
пояснила уточнил уточнила признал признала предупредил предупредила призвал призвала объявил объявила считает
напомнил напомнила ответил ответила заявляє повідомив повідомила зазначив зазначила наголосив наголосила додав
сказав розповів розповіла написав пояснив`)

// cutSlav cuts the case ending of a Cyrillic common noun for a look-up
// among slavRoles: "президента" → "президент", "главы" → "глав".
func cutSlav(w string) string {
	for _, end := range [...]string{"ями", "ами", "ого", "ому", "ий", "ый", "ой", "ей", "ом", "ем", "ым", "им", "а", "я", "у", "ю", "е", "ы", "и", "ь", "і", "ї", "є", "о"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+4 {
			return w[:len(w)-len(end)]
		}
	}
	return w
}

func slavRole(w string) bool { return slavRoles[w] || slavRoles[cutSlav(w)] }

// scriptRoleBefore tells a lower-case title right before token p:
// "президент Путин", "глава МИД".
func (r *recognizer) scriptRoleBefore(p int) bool {
	if p == 0 {
		return false
	}
	t := &r.toks[p-1]
	return t.kind == tWord && !t.is(fCap) && t.is(fScript) && t.sent == r.toks[p].sent && slavRole(t.lower)
}

// scriptSpeechAfter tells a verb of saying at token p: "… Лавров заявил".
func (r *recognizer) scriptSpeechAfter(p int) bool {
	if p >= len(r.toks) || p == 0 {
		return false
	}
	t := &r.toks[p]
	return t.kind == tWord && !t.is(fCap) && t.sent == r.toks[p-1].sent && slavSpeech[t.lower]
}

// isPatronymic tells a Russian patronymic: "Викторович", "Владимировна".
func isPatronymic(w string) bool {
	for _, s := range [...]string{"вич", "вна", "ична", "вича", "вичу", "вичем", "вны", "вной", "ичны"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// segmentScript splits toks[a:end], a run of capitalised Cyrillic or Greek
// words, into mentions: persons by a given name, a title or a verb of
// saying; places by the place table; acronyms; the rest as other names,
// the uncertain ones weak.
func (r *recognizer) segmentScript(a, end int) {
	toks := r.toks
	for p := a; p < end; {
		t := &toks[p]
		if r.stopWord(t) {
			p++
			continue
		}
		if q, ok := r.scriptPerson(p, end, false); ok {
			p = q
			continue
		}
		if n := r.placeAt(p, end); n > 0 {
			p += n
			continue
		}
		if q, ok := r.scriptPerson(p, end, true); ok {
			p = q
			continue
		}
		if t.is(fCaps) {
			r.scriptAcronym(p)
			p++
			continue
		}
		p = r.scriptUnknown(p, end)
	}
}

// scriptPerson reads a person's name at p: a given name and a surname
// ("Сергей Лавров", "Евгением Пригожиным"), with a patronymic between
// ("Евгений Викторович Пригожин"), or a surname before the given name as
// lists write it ("Каримов Рустам"); with cues (a title before, a verb of
// saying after) one name word or two.
func (r *recognizer) scriptPerson(p, end int, cued bool) (int, bool) {
	toks := r.toks
	n1 := p
	for n1 < end && n1-p < 3 && !toks[n1].is(fCaps) && !r.stopWord(&toks[n1]) {
		n1++
	}
	if n1 == p {
		return p, false
	}
	q := p
	var flags uint8
	var gender, given byte // given: the gender of a given name at p
	if !cued && n1-p >= 2 {
		given = r.scriptGender(&toks[p])
	}
	switch {
	case cued:
		if !r.scriptRoleBefore(p) && !r.scriptSpeechAfter(p+1) && !(n1-p >= 2 && r.scriptSpeechAfter(p+2)) {
			return p, false
		}
		if toks[p].is(fStart) && n1-p >= 2 {
			return p, false // "Позже Пригожин заявил": the first word is read apart
		}
		q = p + 1
		if n1-p >= 2 && !r.scriptSpeechAfter(p+1) {
			if _, ok := r.lookupPlace(p+1, p+2); !ok {
				q = p + 2
			}
		}
		flags = mPerson
	case given != 0:
		gender = given
		q = p + 2
		if n1-p == 3 && isPatronymic(toks[p+1].lower) {
			q = p + 3
		}
		flags = mPerson
	case n1-p == 2 && (!toks[p].is(fStart) || r.listEntry(p+2)):
		// the surname first, the given name after it
		if gender = r.scriptGender(&toks[p+1]); gender == 0 {
			return p, false
		}
		if _, ok := r.lookupPlace(p, p+1); ok {
			return p, false
		}
		q = p + 2
		flags = mPerson
	default:
		return p, false
	}
	if gender == 'u' {
		gender = 0
	}
	r.add(mention{t0: p, t1: q, typ: news.Person, flags: flags, gender: gender})
	return q, true
}

// listEntry tells that nothing but punctuation follows in the sentence
// at token q: the end of an entry of a list ("Левшин Алексей,").
func (r *recognizer) listEntry(q int) bool {
	return q >= len(r.toks) || r.toks[q].kind != tWord || r.toks[q].sent != r.toks[q-1].sent
}

// lookupPlace looks toks[p:q] up in the place table.
func (r *recognizer) lookupPlace(p, q int) (placetable.Place, bool) {
	toks := r.toks
	name := r.text[toks[p].s:toks[q-1].e]
	if toks[p].is(fCaps) {
		// acronyms only as written: США, not a stem
		return placetable.Lookup(name, "")
	}
	if pl, ok := placetable.Lookup(name, ""); ok {
		return pl, ok
	}
	// Through its stem, for a declined form (Москве): not a short word,
	// whose stem is some place's more often than not (Мира, Сити), nor one
	// that opens a sentence (Утром).
	if q-p == 1 && (utf8.RuneCountInString(name) < 5 || toks[p].is(fStart)) {
		return placetable.Place{}, false
	}
	lang := r.scriptLang(&toks[p])
	pl, ok := placetable.Lookup(name, lang)
	if !ok && lang != "ru" && isCyrillic(name) {
		// Ukrainian and the other Cyrillic languages have no stemmer of
		// their own; Russian's finds most of their forms, the nominatives
		// of the rest (Варшаві → Варшава)
		if pl, ok = placetable.Lookup(name, "ru"); !ok && q-p == 1 {
			var buf [16]string
			for _, c := range nominatives(toks[p].lower, buf[:0])[1:] {
				if pl, ok = placetable.Lookup(c, ""); ok {
					break
				}
			}
		}
	}
	return pl, ok
}

// placeAt adds the longest place the table knows that starts at token p
// and ends before end, or an adjective and its noun ("Тверской области"),
// and returns how many tokens of the run it took.
func (r *recognizer) placeAt(p, end int) int {
	toks := r.toks
	for n := min(placetable.MaxWords, end-p); n >= 1; n-- {
		if pl, ok := r.lookupPlace(p, p+n); ok {
			r.add(mention{t0: p, t1: p + n, typ: news.Place, place: pl.ID})
			return n
		}
	}
	// a capitalised adjective and the lower-case noun after it
	if q := p + 1; q < len(toks) && end == p+1 && toks[q].kind == tWord && !toks[q].is(fCap) &&
		toks[q].is(fScript) && toks[q].sent == toks[p].sent && adjectival(toks[p].lower) {
		if pl, ok := r.lookupPlace(p, q+1); ok {
			r.add(mention{t0: p, t1: q + 1, typ: news.Place, place: pl.ID})
			return 1
		}
	}
	return 0
}

// adjectival tells a Russian or Ukrainian word with an adjective's ending:
// "Федеральной", "Тверской", "Национальный".
func adjectival(w string) bool {
	for _, s := range [...]string{"ой", "ый", "ий", "ая", "ое", "ые", "ие", "ого", "его", "ому", "ему", "ую", "ых", "их", "ым", "им", "ська", "ський", "ської", "ну", "на"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// scriptAcronym adds an all-capital word: a lexicon name when its
// transliteration is one (НАТО), else an organisation (ФСБ, МИД).
func (r *recognizer) scriptAcronym(p int) {
	t := &r.toks[p]
	if utf8.RuneCountInString(t.lower) < 2 || utf8.RuneCountInString(t.lower) > 7 {
		return
	}
	if name, ok := foreignAcronyms[r.scriptLang(t)][r.text[t.s:t.e]]; ok {
		r.add(mention{t0: p, t1: p + 1, typ: news.Organization, canon: name, flags: mAcronym})
		return
	}
	if k, ok := lex.known[names.Latin(t.lower, r.scriptLang(t))]; ok && (k.typ == news.Organization || k.typ == news.Place) {
		m := mention{t0: p, t1: p + 1, typ: k.typ, canon: k.name, flags: mAcronym}
		r.add(m)
		return
	}
	r.add(mention{t0: p, t1: p + 1, typ: news.Organization, flags: mAcronym})
}

// scriptUnknown adds the words from p that nothing above explained, up to
// the next given name, as one other name; a word at a sentence's start,
// or an adjective opening a name written in lower case after it
// ("Федеральной службы"), is weak: kept only where the article names the
// same otherwise. It returns where it stopped.
func (r *recognizer) scriptUnknown(p, end int) int {
	toks := r.toks
	q := p + 1
	if !toks[p].is(fStart) {
		for q < end && !toks[q].is(fCaps) && !r.stopWord(&toks[q]) && !(q+1 < end && r.scriptGiven(&toks[q])) {
			q++
		}
	}
	t := &toks[p]
	m := mention{t0: p, t1: q, typ: news.OtherEntity}
	if q-p == 1 {
		next := q < len(toks) && toks[q].kind == tWord && !toks[q].is(fCap) && toks[q].sent == t.sent
		switch {
		case r.scriptSpeechAfter(q):
			m.typ = news.Person
			m.flags |= mPerson
		case t.is(fStart) || r.headline[t.sent]:
			m.flags |= mWeak
		case r.lowerSeen(t.lower):
			return q // a common word: "Согласно", "Однако"
		case next && adjectival(t.lower):
			m.flags |= mWeak
		}
	}
	r.add(m)
	return q
}

// Arabic and Hebrew.

// arabicPrefixes are the particles Arabic writes joined to the word
// after them, conjunctions and prepositions, as they combine, longest
// first ("وبموسكو", "لبيلاروسيا"). The article al- is not among them: a
// word without it is another word ("الروسية", Russian, is not "روسية").
var arabicPrefixes = [...]string{"وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"}

// hamzaFree writes the alifs with hamza as a bare alif.
var hamzaFree = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا")

// arabicPlaceCues stand before a place's name: "في موسكو", "مدينة حلب".
var arabicPlaceCues = wordSet(`في وفي إلى الى وإلى من ومن عن نحو قرب داخل خارج شمال جنوب شرق غرب شمالي جنوبي مدينة ومدينة
العاصمة عاصمة بلدة منطقة محافظة ولاية`)

// arabicTitles open a person's name: "الرئيس", "وزير".
var arabicTitles = wordSet(`الرئيس رئيس الرئيسة رئيسة وزير الوزير وزيرة المتحدث المتحدثة قائد زعيم الملك الأمير المستشار
المستشارة السيناتور النائب الجنرال اللاعب المدرب الشيخ السيد السيدة`)

// givenKeys holds the phonetic keys (names.Key) of the lexicon's given
// names with three consonants or more: how a given name written in a
// script without vowels is known ("يفغيني" is Yevgeny).
var givenKeys = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(maleNames + " " + femaleNames + " " + femaleNamesExtra) {
		if k := names.Key(n, ""); strings.HasPrefix(k, "k:") {
			m[k] = true
		}
	}
	return m
})

// caselessWord is an Arabic or Hebrew word without the particles joined
// to its start, and the particles' length in bytes.
func caselessWord(w string, arabic bool) (string, int) {
	if !arabic {
		return w, 0
	}
	for _, p := range arabicPrefixes {
		if strings.HasPrefix(w, p) && utf8.RuneCountInString(w)-utf8.RuneCountInString(p) >= 3 {
			return w[len(p):], len(p)
		}
	}
	return w, 0
}

// latinLetters counts the Latin letters of w's transliteration.
func latinLetters(w, lang string) int {
	n := 0
	for _, c := range []byte(names.Latin(w, lang)) {
		if c >= 'a' && c <= 'z' {
			n++
		}
	}
	return n
}

// caselessContent tells a word of a caseless script that may be part of a
// name: not a function word, three sounds or more.
func (r *recognizer) caselessContent(t *token) bool {
	if t.kind != tWord || !t.is(fCaseless) || r.stopWord(t) {
		return false
	}
	return latinLetters(t.lower, r.scriptLang(t)) >= 3
}

// scanCaseless finds the names of the Arabic and Hebrew words of the
// article: places the table knows (with the particles joined to them cut
// off), persons as a known given name and the word after it, and then
// those persons' surnames where they stand alone.
func (r *recognizer) scanCaseless() {
	toks := r.toks
	var surnames map[string]bool
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !r.caselessContent(t) {
			continue
		}
		if surnames != nil {
			var buf [48]byte
			if surnames[string(names.AppendCrossWord(buf[:0], r.text[t.s:t.e], r.scriptLang(t)))] {
				continue // a surname standing alone: below
			}
		}
		if q, last := r.caselessPerson(i); q > i {
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[last] = true
			i = q - 1
			continue
		}
		if n := r.caselessPlace(i); n > 0 {
			i += n - 1
		}
	}
	if len(surnames) == 0 {
		return
	}
	taken := make(map[int]bool, len(r.ms))
	for i := range r.ms {
		for k := r.ms[i].t0; k < r.ms[i].t1; k++ {
			taken[k] = true
		}
	}
	for i := range toks {
		t := &toks[i]
		if taken[i] || !r.caselessContent(t) {
			continue
		}
		w, cut := caselessWord(r.text[t.s:t.e], r.scriptLang(t) != "he")
		for _, c := range [...]string{r.text[t.s:t.e], w} {
			var buf [48]byte
			if surnames[string(names.AppendCrossWord(buf[:0], c, r.scriptLang(t)))] {
				r.add(mention{t0: i, t1: i + 1, typ: news.Person})
				if c == w && cut > 0 {
					r.ms[len(r.ms)-1].s += cut
				}
				break
			}
		}
	}
}

// caselessPerson reads a person's name at token i: a word that sounds
// like a known given name and the content word after it ("يفغيني
// بريغوجن"), where a title stands before ("الرئيس البيلاروسي ألكسندر
// لوكاشينكو") or the second word stands elsewhere alone, as a surname
// does. The sound of a word without its short vowels is too little
// evidence alone: أبطال (champions) sounds like Abdul. It returns where
// the name ends (i when there is none) and the key of its last word.
func (r *recognizer) caselessPerson(i int) (int, string) {
	toks := r.toks
	if i+1 >= len(toks) || !r.caselessContent(&toks[i+1]) || toks[i+1].sent != toks[i].sent ||
		strings.HasPrefix(toks[i].lower, "ال") || strings.HasPrefix(toks[i+1].lower, "ال") {
		return i, ""
	}
	lang := r.scriptLang(&toks[i])
	word, cut := caselessWord(r.text[toks[i].s:toks[i].e], lang != "he")
	given := func(w string) bool { return givenKeys()[names.Key(w, lang)] }
	switch {
	case given(r.text[toks[i].s:toks[i].e]):
		cut = 0
	case cut > 0 && given(word):
	default:
		return i, ""
	}
	if _, c, _ := r.caselessLookup(i+1, i+2); c >= 0 {
		return i, "" // "… في موسكو"
	}
	titled := r.arabicTitleBefore(i)
	if !titled && !r.standsAlone(i+1) {
		return i, ""
	}
	flags := uint8(0)
	if titled {
		flags = mPerson
	}
	r.add(mention{t0: i, t1: i + 2, typ: news.Person, flags: flags})
	r.ms[len(r.ms)-1].s += cut
	var buf [48]byte
	return i + 2, string(names.AppendCrossWord(buf[:0], r.text[toks[i+1].s:toks[i+1].e], lang))
}

// arabicTitleBefore tells a title before token i, maybe with the words
// of al- that qualify it between: "الرئيس البيلاروسي", "وزير الخارجية
// الروسي".
func (r *recognizer) arabicTitleBefore(i int) bool {
	toks := r.toks
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].kind == tWord && toks[k].sent == toks[i].sent; k-- {
		w := toks[k].lower
		if arabicTitles[w] {
			return true
		}
		if len(w) > 2 && (w[:2] == "و" || w[:2] == "ف") && arabicTitles[w[2:]] {
			return true // "والرئيس"
		}
		if !strings.HasPrefix(w, "ال") {
			return false
		}
	}
	return false
}

// standsAlone tells whether the word of token i stands elsewhere in the
// text without the word before it there: a surname ("بريغوجن") does, the
// second word of a set phrase ("أبطال أوروبا") does not.
func (r *recognizer) standsAlone(i int) bool {
	toks := r.toks
	arabic := r.scriptLang(&toks[i]) != "he"
	around := func(k int) (string, string) {
		prev, next := "", ""
		if k > 0 {
			prev, _ = caselessWord(toks[k-1].lower, arabic)
		}
		if k+1 < len(toks) {
			next = toks[k+1].lower
		}
		return prev, next
	}
	w := toks[i].lower
	prev, next := around(i)
	for k := range toks {
		if k != i && toks[k].lower == w {
			if p, n := around(k); p != prev && n != next {
				return true
			}
		}
	}
	return false
}

// caselessLookup looks toks[p:q] up in the place table, the particles
// joined to the first word cut off when the whole is not found; it returns
// the place, the length of what was cut (-1 when nothing was found) and
// whether the name is short: three sounds, as many words are.
func (r *recognizer) caselessLookup(p, q int) (placetable.Place, int, bool) {
	toks := r.toks
	name := r.text[toks[p].s:toks[q-1].e]
	lang := r.scriptLang(&toks[p])
	// As written only: the stemmers and the folding of short vowels make
	// many words of these scripts sound like some place. Not words of two
	// sounds ("من").
	find := func(name string) (placetable.Place, bool, bool) {
		n := latinLetters(name, lang)
		if n < 3 {
			return placetable.Place{}, false, false
		}
		pl, ok := placetable.Lookup(name, "")
		if !ok && strings.ContainsAny(name, "أإآ") {
			// hamza is written or left out by turns: إسطنبول, اسطنبول
			pl, ok = placetable.Lookup(hamzaFree.Replace(name), "")
		}
		return pl, ok, n < 4
	}
	if pl, ok, short := find(name); ok {
		return pl, 0, short
	}
	if w, cut := caselessWord(name, lang != "he"); cut > 0 {
		if pl, ok, short := find(w); ok {
			return pl, cut, short
		}
	}
	return placetable.Place{}, -1, false
}

// caselessPlace adds the place of one or two words at token i and returns
// how many it took.
func (r *recognizer) caselessPlace(i int) int {
	toks := r.toks
	for n := 2; n >= 1; n-- {
		if n == 2 && (i+1 >= len(toks) || !r.caselessContent(&toks[i+1]) || toks[i+1].sent != toks[i].sent) {
			continue
		}
		if pl, cut, short := r.caselessLookup(i, i+n); cut >= 0 {
			// a country anywhere; a city or region, or a short name
			// (مصر; ساعد, helped, is some language's name of the US),
			// after a preposition or a cue, as many common words sound
			// like some place
			cue := i > 0 && toks[i-1].kind == tWord && arabicPlaceCues[toks[i-1].lower]
			in := cut > 0 && !short && (toks[i].lower[:2] == "ب" || toks[i].lower[:2] == "ل") // "بموسكو"
			if (short || !strings.HasPrefix(pl.ID, "c:")) && !cue && !in {
				continue
			}
			r.add(mention{t0: i, t1: i + n, typ: news.Place, place: pl.ID})
			r.ms[len(r.ms)-1].s += cut
			return n
		}
	}
	return 0
}

// Latin script in other languages than English.

// foreignAcronyms are the acronyms other languages give organisations of
// the lexicon, by language: ones that mean something else in English
// (BCE, IWF) or are written in another script (ООН).
var foreignAcronyms = func() map[string]map[string]string {
	m := map[string]map[string]string{}
	add := func(langs, pairs string) {
		for _, lang := range strings.Fields(langs) {
			if m[lang] == nil {
				m[lang] = map[string]string{}
			}
			for _, p := range strings.Split(pairs, "|") {
				acr, name, _ := strings.Cut(p, "=")
				m[lang][acr] = name
			}
		}
	}
	add("fr es it pt ro ca", "BCE=European Central Bank|ONU=United Nations|UE=European Union|OMS=World Health Organization|"+
		"FMI=International Monetary Fund|OTAN=NATO|AIEA=International Atomic Energy Agency|OIEA=International Atomic Energy Agency")
	add("de lb", "EZB=European Central Bank|IWF=International Monetary Fund|UNO=United Nations|IAEA=International Atomic Energy Agency")
	add("nl", "ECB=European Central Bank|IMF=International Monetary Fund|VN=United Nations")
	add("ru uk be bg", "ООН=United Nations|ЕС=European Union|ЄС=European Union|ЕЦБ=European Central Bank|МВФ=International Monetary Fund|"+
		"ВОЗ=World Health Organization|МАГАТЭ=International Atomic Energy Agency|МАГАТЕ=International Atomic Energy Agency|НАТО=NATO")
	return m
}()

// germanDeterminers stand before nouns, rarely before a city's name: "das
// Essen", "am Ende", "die Halle".
var germanDeterminers = wordSet(`der die das dem den des ein eine einer eines einem einen kein keine keinen keinem keiner
im am vom zum zur beim ins ans aufs unser unsere seine seinem seinen ihre ihrem ihren dieser diese dieses diesem diesen
jeder jede jedes jedem jeden`)

// foreignPlace reads toks[p:end], capitalised words of an article in
// another language than English that the lexicon does not know, as a
// place when the place table knows them (Moskau, Moscou, Moscú). In the
// languages that capitalise every noun a place may end a run of nouns
// ("Richtung Moskau", "Stadt Rostow"): the nouns are read apart, and a
// lone noun the table knows needs more than the table to be a place (no
// article before it: "das Essen", "am Ende"). It returns where it stopped.
func (r *recognizer) foreignPlace(p, end int) (int, bool) {
	toks := r.toks
	nouns := r.nouns
	place := func(a, b int) (placetable.Place, bool) {
		if b-a > placetable.MaxWords || toks[b-1].is(fPoss) && b-a > 1 {
			return placetable.Place{}, false
		}
		name := r.text[toks[a].s+elision(r.text[toks[a].s:toks[a].e]) : toks[b-1].e]
		if r.suffixed(&toks[b-1]) {
			name = name[:len(name)-apostropheSuffix(name)]
		}
		pl, ok := foreignLookup(name, r.lang)
		if !ok || b-a > 1 || strings.HasPrefix(pl.ID, "c:") {
			return pl, ok
		}
		// one word: not a given name ("Victoria"), not a noun ("das
		// Essen", "im Süden", "Richtung")
		if isGiven(&toks[a]) || nouns && r.germanNoun(a) {
			return placetable.Place{}, false
		}
		return pl, true
	}
	if pl, ok := place(p, end); ok {
		r.add(mention{t0: p, t1: end, typ: news.Place, place: pl.ID})
		return end, true
	}
	if !(nouns || end-p == 2 && toks[p].is(fStart)) || end-p < 2 || isGiven(&toks[p]) {
		// where nouns are not capitalised, only the word opening a
		// sentence may come before a place: "Secondo Mosca", "Selon Moscou"
		return p, false
	}
	for k := p + 1; k < end; k++ {
		if isGiven(&toks[k]) {
			return p, false // "Außenminister Sergej Lawrow"
		}
		if pl, ok := place(k, end); ok {
			// the nouns before are no name: "Richtung", "Stadt"
			r.add(mention{t0: k, t1: end, typ: news.Place, place: pl.ID})
			return end, true
		}
	}
	return p, false
}

// declinesPlaces are the languages of Latin script with a stemmer that
// decline place names (Moskovassa, Moszkvában, Moskova'da, Moscovei):
// there a name is looked up through its stem too. Elsewhere the stem of a
// common word finds some place more often than an inflected name does
// (German Erde finds Érd, Süden a region called South).
var declinesPlaces = map[string]bool{"fi": true, "hu": true, "tr": true, "ro": true, "ga": true}

// foreignLookup looks a name of an article in another language than
// English up in the place table: as written, without a genitive -s
// (Moskaus, Russlands), or through its stem where the language declines
// place names.
func foreignLookup(name, lang string) (placetable.Place, bool) {
	if pl, ok := placetable.Lookup(name, ""); ok {
		return pl, ok
	}
	if n := len(name); genitiveS[lang] && n > 4 && name[n-1] == 's' && !strings.Contains(name, " ") {
		if pl, ok := placetable.Lookup(name[:n-1], ""); ok {
			return pl, ok
		}
	}
	if declinesPlaces[lang] {
		return placetable.Lookup(name, lang)
	}
	return placetable.Place{}, false
}

// germanNoun tells a capitalised word of a language that capitalises
// nouns that reads as a noun: the article writes it after an article or a
// determiner somewhere ("im Süden", "die Erde"), or it ends as nouns do
// (-ung, -heit, -keit, -schaft).
func (r *recognizer) germanNoun(a int) bool {
	w := r.toks[a].lower
	for _, suffix := range [...]string{"ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "tum", "chen"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	for k := 1; k < len(r.toks); k++ {
		if r.toks[k].lower == w && r.toks[k-1].sent == r.toks[k].sent && germanDeterminers[r.toks[k-1].lower] {
			return true
		}
	}
	return false
}

// suffixesAfterApostrophe are the languages that join case endings to a
// name after an apostrophe: Turkish "Samandağ'da", "Erdoğan'ın".
var suffixesAfterApostrophe = map[string]bool{"tr": true, "az": true}

// suffixed tells a word of such a language with a case ending after an
// apostrophe: the name ends with it.
func (r *recognizer) suffixed(t *token) bool {
	return r.suffixes && t.kind == tWord && apostropheSuffix(r.text[t.s:t.e]) > 0
}

// apostropheSuffix returns the length of a short lower-case ending after
// an apostrophe that closes w, with the apostrophe; 0 when there is none.
func apostropheSuffix(w string) int {
	i := strings.LastIndexAny(w, "'’")
	if i <= 0 || len(w)-i > 8 {
		return 0
	}
	suffix := w[i:]
	if strings.HasPrefix(suffix, "’") {
		suffix = suffix[len("’"):]
	} else {
		suffix = suffix[1:]
	}
	if suffix == "" || strings.ToLower(suffix) != suffix {
		return 0
	}
	return len(w) - i
}

// elision returns the length of an elided article or preposition that
// opens w, a word of a Romance language ("l’Ingouchie", "d’Ukraine"), 0
// when there is none.
func elision(w string) int {
	if len(w) < 4 || w[1] != '\'' && !strings.HasPrefix(w[1:], "’") {
		return 0
	}
	switch w[0] {
	case 'l', 'L', 'd', 'D':
		if w[1] == '\'' {
			return 2
		}
		return 1 + len("’")
	}
	return 0
}

// titleBeforeGiven finds, in an article in a language other than English,
// a given name inside the run toks[p:run] after words that are no name:
// "Außenminister Sergej Lawrow", "Chef Jewgeni Prigoschin". It returns
// where the given name stands, p when there is none.
func (r *recognizer) titleBeforeGiven(p, run int) int {
	toks := r.toks
	if isGiven(&toks[p]) {
		return p
	}
	for k := p + 1; k < run && k <= p+3; k++ {
		if isGiven(&toks[k]) && k+1 < run && nameLike(&toks[k+1]) {
			return k
		}
		if toks[k].is(fPoss) {
			break
		}
	}
	return p
}

// wordKey is the key of one word of a person's name: NameKey's for Latin
// script, names.AppendCrossWord's for the others, which decline (Лаврова,
// Лавровым) and have no spelling of their own to keep.
func (r *recognizer) wordKey(t *token) string {
	if t.is(fScript | fCaseless) {
		return r.crossTokenKey(t)
	}
	return nameKey(t.lower)
}
