// Package quotes finds what the sources of a news article said: direct
// quotations in any of the usual marks (“…”, "…", ‘…’, «…», „…“), split
// around their cue or running over several paragraphs, indirect speech
// ("X said (that) …", "according to X, …", "…, X said.", "X's statement
// that …"), and transcripts and headlines ("PENCE: …", "Lavrov: …"), with
// the speaker's fullest name, what the speaker is (a person, an
// organisation, a news outlet) and the cue that introduces it.
//
// As news annotation does, it also reports what a source is said to
// think, want, plan, fear or support ("Obama plans to send a nominee",
// "Sanders wants voters to know that …"), marked with Stance
// news.StanceThought so that a reader of speech can leave it out (see
// thought.go).
//
// What was said is whole: reported speech starts at its clause, never at
// a preposition or at the object of a verb ("reiterated Washington's
// stance on …"), and the parts of one quotation are joined, with an
// ellipsis where a space would run two sentences together.
//
// Its phrase rules are English; in another language (given, or told from
// the text's function words) a speaker stands only when the entity
// recogniser names that person or organisation (see lang.go).
//
// It scans tokens by hand (no regular expressions) and keeps no state
// between calls.
package quotes

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
)

// Resolver turns a speaker phrase found at byte offset at of the text into
// the fullest name the article gives: "he" -> "Antony Blinken", "Blinken"
// -> "Antony Blinken", "the Russian Foreign Ministry" -> "Russian Foreign
// Ministry"; it returns "" when it cannot resolve.
type Resolver interface {
	Resolve(phrase string, at int) string
}

// cues is the cue lexicon: built once, read only.
var cues = buildLexicon()

// attr is one attribution found.
type attr struct {
	sa, sb    int   // speaker phrase tokens [sa, sb), sa = -1 when none
	ca, cb    int   // cue tokens [ca, cb)
	segs      []seg // what was said
	direct    bool
	spkAt     int // byte offset the speaker is resolved at
	speaker   string
	kind      int
	sent      int32 // sentence of the cue
	fromAttr  int   // index of the attribution whose speaker this one shares, or -1
	agentless bool  // "it was reported": nobody named
	// byShape: a quotation taken for speech only by the subject before
	// it, with no cue of the lexicon (see leftovers)
	byShape bool
	// thought: what was reported is the speaker's mind, not words (see
	// thought.go)
	thought bool
}

// finder holds one call's work.
type finder struct {
	text  string
	low   string // text lower-cased, byte for byte
	toks  []token
	spans []qspan
	sents []sentences.Span
	// per span: token index of its opening mark, closing mark (-1) and
	// last token
	openTok, closeTok, lastTok []int
	sentTok                    []int // first token of each sentence, and len(toks) at the end
	used                       []bool
	spanUsed                   []bool
	attrs                      []attr
	mentions                   []mention
	cands                      []cand
	sentAttrs                  [][]int32          // attributions by the sentence of their cue
	bySurname                  map[string][]int32 // full names of people by their last word
	ends                       []endRef
	lineTok                    []int32  // first token of each paragraph (by line number)
	flags                      []uint16 // lexical classes by token, see fl
	// A text in another language than English (see lang.go): its code,
	// its stop words, the uses of its capitalised words (all, and after
	// an article), and the people and organisations it names; names is
	// nil for English.
	lang              string
	stop              func(string) bool
	capUses, afterDet map[string]int
	names             *names
	// entTypes types the names and aliases of the entities the caller
	// found (Options.Entities), to tell what a resolved speaker is.
	entTypes map[string]news.EntityType
}

// add records an attribution. Callers make sure it has words.
func (f *finder) add(a attr) {
	if len(a.segs) == 0 {
		return
	}
	if int(a.sent) < len(f.sentAttrs) && a.sent >= 0 {
		f.sentAttrs[a.sent] = append(f.sentAttrs[a.sent], int32(len(f.attrs)))
	}
	f.attrs = append(f.attrs, a)
}

// Find returns the quotations and reported speech of text, in text order.
// sents are text's sentences (sentences.Split(text)); when nil they are
// split here. r resolves speakers; when nil, or when it answers "", the
// package's own resolution is used. The text's language is told from its
// function words (see FindWith).
func Find(text string, sents []sentences.Span, r Resolver) []news.Quote {
	return FindWith(text, sents, Options{Resolver: r})
}

// Options are what FindWith may know of a text besides its words.
type Options struct {
	// Resolver resolves speakers, as Find's r.
	Resolver Resolver
	// Lang is the text's language (ISO 639-1); "" when unknown: told
	// from the text's function words.
	Lang string
	// Entities are the entities the recogniser found in the text
	// (entities.Find); nil: recognised here when the language needs them.
	Entities []news.Entity
}

// FindWith is Find with what the caller knows of the text. In a language
// other than English a speaker must be a person or an organisation the
// entity recogniser finds in the text, or a pronoun or description
// resolved to one, named as the recogniser names it without the titles
// and nouns before it; a quote whose speaker is not keeps no speaker, and
// is left out when it has none in a language whose cues the lexicon does
// not have, or when nothing but that speaker made it speech. English is
// read as Find always read it.
func FindWith(text string, sents []sentences.Span, o Options) []news.Quote {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	if sents == nil {
		sents = sentences.Split(text)
	}
	r := o.Resolver
	buf := tokenBuffers.Get().(*perToken)
	f := &finder{text: text}
	f.init(sents, buf, langCode(o.Lang), o.Entities)
	f.direct()
	f.indirect()
	f.characterizations()
	f.leftovers()
	f.thoughts()
	f.resolve(r)
	out := f.output()
	buf.toks, buf.used, buf.flags = f.toks[:0], f.used[:0], f.flags[:0]
	tokenBuffers.Put(buf)
	return out
}

// perToken holds the slices a call keeps per token, for the next call to
// reuse: they are most of what a call allocates, and no result refers to
// them.
type perToken struct {
	toks  []token
	used  []bool
	flags []uint16
}

var tokenBuffers = sync.Pool{New: func() any { return new(perToken) }}

// zeroed returns s with length n and every element zero, reusing its
// storage when it is large enough.
func zeroed[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

func (f *finder) init(sents []sentences.Span, buf *perToken, lang string, ents []news.Entity) {
	f.spans = pairMarks(f.text)
	f.toks = tokenize(f.text, f.spans, buf.toks)
	f.low = lowerWords(f.text, f.toks)
	f.used = zeroed(buf.used, len(f.toks))
	f.flags = zeroed(buf.flags, len(f.toks))
	f.spanUsed = make([]bool, len(f.spans))
	n := len(f.spans)
	f.openTok = make([]int, n)
	f.closeTok = make([]int, n)
	f.lastTok = make([]int, n)
	for i := range f.openTok {
		f.openTok[i], f.closeTok[i], f.lastTok[i] = -1, -1, -1
	}
	for i := range f.toks {
		t := &f.toks[i]
		if t.q < 0 {
			continue
		}
		switch {
		case t.kind == tOpen && f.openTok[t.q] < 0:
			f.openTok[t.q] = i
		case t.kind == tClose:
			f.closeTok[t.q] = i
		}
		f.lastTok[t.q] = i
	}
	// Sentences: keep the well-formed ones, in order; tokens outside any
	// join the sentence before.
	f.sents = f.sents[:0]
	last := 0
	for _, s := range sents {
		if s.Start < last || s.End > len(f.text) || s.End <= s.Start {
			continue
		}
		f.sents = append(f.sents, s)
		last = s.End
	}
	if len(f.sents) == 0 {
		f.sents = append(f.sents, sentences.Span{Start: 0, End: len(f.text)})
	}
	f.sentTok = make([]int, len(f.sents)+1)
	si := 0
	for i := range f.toks {
		for si+1 < len(f.sents) && f.toks[i].s >= f.sents[si+1].Start {
			si++
			f.sentTok[si] = i
		}
		f.toks[i].sent = int32(si)
	}
	for si+1 < len(f.sents) {
		si++
		f.sentTok[si] = len(f.toks)
	}
	f.sentTok[len(f.sents)] = len(f.toks)
	f.sentTok[0] = 0
	f.sentAttrs = make([][]int32, len(f.sents))
	nl := int32(0)
	if n := len(f.toks); n > 0 {
		nl = f.toks[n-1].line + 1
	}
	f.lineTok = make([]int32, nl)
	for i := len(f.toks) - 1; i >= 0; i-- {
		f.lineTok[f.toks[i].line] = int32(i)
	}
	f.entTypes = entityTypes(ents)
	if lang == "" {
		lang = f.guessLang()
	}
	if lang != "" && lang != "en" {
		f.setLang(lang, ents)
	}
	f.indexMentions()
}

// lowerWords lower-cases the capitalised words of text without moving any
// byte offset (see lowerText).
func lowerWords(text string, toks []token) string {
	var b []byte
	for k := range toks {
		t := &toks[k]
		if !t.cap || t.kind != tWord {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		lowerInto(b, text, t.s, t.e)
	}
	if b == nil {
		return text
	}
	return string(b)
}

// lowerInto lower-cases text[s:e] into b[s:e]: ASCII always, other letters
// when their lower case is as long.
func lowerInto(b []byte, text string, s, e int) {
	for i := s; i < e; {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 32
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsUpper(r) {
			if l := unicode.ToLower(r); utf8.RuneLen(l) == size {
				utf8.EncodeRune(b[i:], l)
			}
		}
		i += size
	}
}

// word is token i lower-cased ("" for a token that is not a word).
func (f *finder) word(i int) string {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != tWord {
		return ""
	}
	return f.low[f.toks[i].s:f.toks[i].e]
}

// fl is the lexical classes of token i (0 for a token that is not a
// word), looked up once per token.
func (f *finder) fl(i int) uint16 {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != tWord {
		return 0
	}
	m := f.flags[i]
	if m == 0 {
		m = lxDone
		if w := f.word(i); lexFilter.MayHold(w) {
			m |= lexFlags[w]
		}
		f.flags[i] = m
	}
	return m
}

// raw is token i as written.
func (f *finder) raw(i int) string { return f.text[f.toks[i].s:f.toks[i].e] }

func (f *finder) isPunct(i int, ch byte) bool {
	if i < 0 || i >= len(f.toks) {
		return false
	}
	t := &f.toks[i]
	return t.kind == tPunct && f.text[t.s] == ch && t.e-t.s == 1
}

// isDash: a dash standing between clauses.
func (f *finder) isDash(i int) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != tPunct {
		return false
	}
	switch f.text[f.toks[i].s:f.toks[i].e] {
	case "—", "–", "-", "―":
		return true
	}
	return false
}

// isStop: a token that ends a sentence or clause (. ! ? ;).
func (f *finder) isStop(i int) bool {
	t := &f.toks[i]
	if t.kind != tPunct {
		return false
	}
	switch f.text[t.s] {
	case '.', '!', '?', ';':
		return true
	}
	return f.text[t.s:t.e] == "…"
}

// cueAt returns the cue at token i, if it is one outside quotations.
func (f *finder) cueAt(i int) (cueInfo, bool) {
	if i < 0 || i >= len(f.toks) {
		return cueInfo{}, false
	}
	t := &f.toks[i]
	if t.kind != tWord || t.q >= 0 || f.used[i] {
		return cueInfo{}, false
	}
	if f.fl(i)&lxCue == 0 {
		return cueInfo{}, false
	}
	c, ok := cues[f.word(i)]
	if !ok {
		return c, false
	}
	if c.weak && t.cap && i > 0 && f.toks[i-1].cap && f.toks[i-1].kind == tWord && f.toks[i-1].sent == t.sent &&
		(f.word(i-1) == "united" || !f.toks[min(i+1, len(f.toks)-1)].cap) {
		return c, false // "the United States is", "Public Affairs"; but "New Poll Shows Bump"
	}
	switch f.word(i) {
	case "according":
		if f.word(i+1) != "to" {
			return c, false
		}
	case "put", "puts":
		if f.word(i+1) != "it" { // "as Vulture put it"
			return c, false
		}
	}
	return c, true
}

// sentRange is the token range of sentence s.
func (f *finder) sentRange(s int32) (int, int) {
	return f.sentTok[s], f.sentTok[s+1]
}

// sentWords is the token range of sentence s without the stops that end
// it, outside quotations; a closing parenthesis stays.
func (f *finder) sentWords(s int32) (a, end int) {
	a, end = f.sentRange(s)
	for end > a && f.toks[end-1].kind == tPunct && f.toks[end-1].q < 0 && !f.isPunct(end-1, ')') {
		end--
	}
	return a, end
}

// lineStartTok is the first token of the paragraph token i is in.
func (f *finder) lineStartTok(i int) int {
	return int(f.lineTok[f.toks[i].line])
}

// cuePhrase returns the end (exclusive) of the cue phrase that starts at
// c: the verb with its particle, addressee and medium ("pointed out",
// "told reporters", "wrote on Twitter", "said in a joint statement",
// "according to").
func (f *finder) cuePhrase(c, hi int, ci cueInfo) int {
	j := c + 1
	if ci.form == formAccording {
		if j < hi && f.word(j) == "to" {
			return j + 1
		}
		return j
	}
	w := f.word(c)
	if j < hi {
		switch f.word(j) {
		case "out":
			if strings.HasPrefix(w, "point") {
				j++
			}
		case "for", "on":
			if strings.HasPrefix(w, "call") {
				j++
			}
		case "up", "down":
			if strings.HasPrefix(w, "play") {
				j++
			}
		case "it":
			if strings.HasPrefix(w, "put") {
				j++
			}
		case "back":
			j++ // "wrote back", "shot back"
		}
	}
	if ci.obj && j < hi {
		if k := f.addressee(j, hi); k > j {
			// "told" always names whom; others only before "that", "to"
			// or a colon: "warned them that", "urged voters to".
			if tellForms[w] || k-j == 1 && objPronouns[f.word(j)] || k < hi && (thatWords[f.word(k)] || f.word(k) == "to" || f.word(k) == "of" || f.isPunct(k, ':') || f.word(k) == "whether" || f.word(k) == "if") {
				j = k
			}
		}
	}
	if k := f.medium(j, hi); k > j {
		j = k
	}
	return j
}

// addressee passes the one told or asked: "reporters", "him", "CNN", "The
// Washington Post", "the Associated Press", "a crowd".
func (f *finder) addressee(j, hi int) int {
	if j >= hi || f.toks[j].kind != tWord || f.toks[j].q >= 0 {
		return j
	}
	w := f.word(j)
	switch w {
	case "him", "her", "them", "me", "us", "you", "reporters", "journalists", "lawmakers", "supporters", "voters", "senators", "students", "officials", "congress", "parliament", "investigators", "members":
		return j + 1
	}
	if thatWords[w] || subjPronouns[w] {
		return j
	}
	k := j
	if w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their" || w == "its" || w == "our" {
		k++
	}
	n := 0
	for k < hi && n < 5 && f.toks[k].kind == tWord && f.toks[k].q < 0 {
		w := f.word(k)
		if n > 0 && phraseOpeners[w] && !f.toks[k].cap {
			break // "told CNN the administration ignored …": the subject of what was said
		}
		if f.toks[k].cap {
			if stopWords[w] && w != "the" {
				break
			}
		} else if stopWords[w] || npInner[w] || thatWords[w] || cues[w].form != 0 || verbLike(w) || k > j+1 && !f.toks[k-1].cap && !npLead[f.word(k-1)] {
			break
		}
		k++
		n++
	}
	if n == 0 {
		return j
	}
	// "told MSNBC's “Morning Joe”": a programme after its network
	if k < hi && f.toks[k].kind == tOpen && stem(f.word(k-1)) != "" {
		q := f.toks[k].q
		if e := f.lastTok[q]; e < hi && e-k <= 8 && f.closeTok[q] == e {
			return e + 1
		}
	}
	return k
}

// phraseOpeners open a noun phrase; inside an addressee they begin the
// next one.
var phraseOpeners = wordSet("the a an his her their its our my your this these those")

var tellForms = wordSet("tell told tells telling")

var objPronouns = wordSet("him her them me us you reporters journalists")

// medium passes "in a statement", "on Twitter", "at a news conference",
// "in an interview with CNN".
func (f *finder) medium(j, hi int) int {
	if j >= hi || f.toks[j].kind != tWord || f.toks[j].q >= 0 {
		return j
	}
	switch f.word(j) {
	case "in", "on", "at", "during", "via", "through":
	default:
		return j
	}
	for k := j + 1; k < hi && k-j <= 5; k++ {
		t := &f.toks[k]
		if t.kind != tWord || t.q >= 0 {
			if t.kind == tPunct && f.text[t.s] == '-' {
				continue
			}
			return j
		}
		w := f.word(k)
		if mediaNouns[w] {
			end := k + 1
			for end < hi && f.toks[end].kind == tWord && !f.toks[end].cap && mediaNouns[f.word(end)] {
				end++ // "in a blog post", "on a conference call"
			}
			// "in an interview with CNN", "in a statement on Monday" (not the date)
			if end+1 < hi && f.word(end) == "with" && f.toks[end+1].cap {
				e := end + 1
				for e < hi && f.toks[e].kind == tWord && f.toks[e].cap && e-end < 5 {
					e++
				}
				end = e
			}
			return end
		}
		if thatWords[w] || subjPronouns[w] || cues[w].form != 0 || w == "and" || w == "but" {
			return j
		}
	}
	return j
}

// output turns the attributions into quotes in text order.
func (f *finder) output() []news.Quote {
	out := make([]news.Quote, 0, len(f.attrs))
	for i := range f.attrs {
		a := &f.attrs[i]
		if len(a.segs) == 0 {
			continue
		}
		if f.names != nil && a.speaker == "" && (a.byShape || !rulesLangs[f.lang]) {
			continue // no one said it, as far as the text tells
		}
		cue := ""
		if a.cb > a.ca {
			cue = f.text[f.toks[a.ca].s:f.toks[a.cb-1].e]
		}
		text := f.joinSegs(a.segs)
		if text == "" || !a.direct && !strings.ContainsAny(strings.TrimSpace(text), " \n") && !f.namedObject(a, text) {
			continue // one word of reported speech is no statement: "said enough"
		}
		out = append(out, news.Quote{
			Speaker:     a.speaker,
			Text:        text,
			Cue:         cue,
			Direct:      a.direct,
			Start:       a.segs[0].s,
			End:         a.segs[len(a.segs)-1].e,
			SpeakerKind: f.speakerKind(a),
			Stance:      f.stance(a),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	// The same words twice (a quotation and the speech around it): keep
	// the first, the direct one when they tie.
	dedup := out[:0]
	for _, q := range out {
		if n := len(dedup); n > 0 && dedup[n-1].Start == q.Start && dedup[n-1].End == q.End {
			if q.Direct && !dedup[n-1].Direct {
				dedup[n-1] = q
			}
			continue
		}
		dedup = append(dedup, q)
	}
	return dedup
}

// gluesSentences: joining b to a with a space would run two sentences
// together.
func (f *finder) gluesSentences(a, b seg) bool {
	end := strings.TrimRight(f.text[a.s:a.e], " ")
	if end == "" || strings.ContainsRune(".!?…:;—–-\"”’'»)", lastRune(end)) {
		return false
	}
	return startsUpper(f.text[b.s:b.e])
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// joinSegs is the words of segs, the parts of one quotation around its
// cue or over paragraphs, joined by a space; where that would run two
// sentences together (the first part's comma was the quotation's, before
// the cue: "… with alarm,” they said. “There is no …") an ellipsis marks
// the words left out, as an editor would, instead of gluing them.
func (f *finder) joinSegs(segs []seg) string {
	if len(segs) == 1 {
		return f.text[segs[0].s:segs[0].e]
	}
	var b strings.Builder
	for k, s := range segs {
		if k > 0 {
			if f.gluesSentences(segs[k-1], s) {
				b.WriteString(" … ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f.text[s.s:s.e])
	}
	return b.String()
}

// resolve names each attribution's speaker, in text order, so that a
// pronoun finds the speakers before it.
func (f *finder) resolve(r Resolver) {
	order := make([]int, len(f.attrs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return f.attrAt(order[i]) < f.attrAt(order[j]) })
	for _, i := range order {
		a := &f.attrs[i]
		switch {
		case a.fromAttr >= 0:
			// resolved when its source is (sources come first in order)
			src := &f.attrs[a.fromAttr]
			if src.speaker == "" && src.sa >= 0 {
				src.speaker, src.kind = f.resolveOne(r, src)
			}
			a.speaker, a.kind = src.speaker, src.kind
			continue
		case a.sa < 0:
			continue
		}
		a.speaker, a.kind = f.resolveOne(r, a)
		if f.names != nil && a.speaker == "" {
			continue
		}
		f.cands = append(f.cands, cand{pos: a.spkAt, name: a.speaker, kind: a.kind, ra: a.sa, rb: a.sb})
	}
}

func (f *finder) attrAt(i int) int {
	a := &f.attrs[i]
	if a.sa >= 0 {
		return f.toks[a.sa].s
	}
	if a.ca < len(f.toks) {
		return f.toks[a.ca].s
	}
	return 0
}

// resolveOne names one attribution's speaker.
func (f *finder) resolveOne(r Resolver, a *attr) (string, int) {
	phrase := f.text[f.toks[a.sa].s:f.toks[a.sb-1].e]
	a.spkAt = f.toks[a.sa].s
	name, kind := f.resolvePhrase(a.sa, a.sb)
	if st := stem(name); st != "" {
		name = st // the possessor of "Nervo's conclusion that …"
	}
	if r != nil && f.askResolver(a.sa, a.sb, kind) {
		if n := strings.TrimSpace(r.Resolve(phrase, a.spkAt)); n != "" && !contradicts(name, kind, n) && f.acceptResolved(a.sa, a.sb, kind, n) {
			name = n
			if f.entTypes[n] == news.Person {
				kind = kPerson
			}
		}
	}
	if f.names != nil {
		n, k := f.checkSpeaker(name, kind)
		if n == "" && name != phrase {
			// the phrase as written: "Lawrow nach dem Treffen", which
			// the English rules read as "Treffen"
			n, k = f.checkSpeaker(phrase, kind)
		}
		return n, k
	}
	return name, kind
}

// askResolver tells whether the speaker phrase [a, b) is one a resolver
// may name: a pronoun, a name or a definite description. Anonymous and
// plural sources stay as written ("a senior official", "some Democrats",
// "26 percent of voters").
func (f *finder) askResolver(a, b, kind int) bool {
	w := f.word(a)
	if b-a == 1 && (subjPronouns[w] || subjPronouns[stem(w)]) {
		return true
	}
	if kind == kGroup || indefinite[w] || isNumber(w) {
		return false
	}
	last := f.word(b - 1)
	if groupWords[last] || !f.toks[b-1].cap && len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		return false // "Republicans", "officials"
	}
	return true
}

// indefinite words open an anonymous source.
var indefinite = wordSet("a an some many several most all few both each every another one two three four five other others any no")

// contradicts tells a resolver's answer n that names someone else than the
// full name the phrase itself gives ("Laura Bush" answered "Jeb Bush"): a
// full name stands, and an answer must hold all its words to replace it.
func contradicts(local string, kind int, n string) bool {
	if kind != kPerson || strings.IndexByte(local, ' ') < 0 || strings.Contains(local, " and ") {
		return false
	}
	for _, w := range strings.Fields(local) {
		if len(w) > 2 && !strings.Contains(n, strings.TrimSuffix(w, ".")) {
			return true
		}
	}
	return false
}
