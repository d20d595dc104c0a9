package digest

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/words"
)

// A disagreement is two outlets giving different values for one quantity:
// the same thing measured, of the same subject, at the same time. Most
// pairs of different figures of one unit in a story are not that: an
// article gives the jobs added in April and in March, the forecast beside
// the result, the aid one bill holds beside another's. So a pair of
// figures is flagged only when
//
//   - no article states both: one that does tells two quantities apart;
//   - two different outlets state them;
//   - their values cannot both be true, qualifiers read ("more than 18
//     months" and "19-month" agree) and rounding allowed ("$1 trillion"
//     and "$1.2 trillion" agree);
//   - both report what is, or both what is expected: a forecast or a plan
//     is no disagreement with a result, and a figure of an earlier period
//     is compared with nothing;
//   - the dates their articles give them agree, when both are given one
//     (see figureDates), and the words around them speak of the same
//     thing (see subjectScore); two counts do not count different things
//     ("developing nations", "wealthy nations"), nor two figures
//     different rates ("per month", "per child"), and a figure that says
//     what it takes in ("including the gunman") is not one that does not.

// claim is a figure as the statements of one tense give it.
type claim struct {
	g    *factGroup
	said []statement
	// around is, by statement, what its sentence tells around the figure.
	around []surroundings
	// outlets are the outlets of its statements, each once (see outlet).
	outlets []string
	tense   tense
	value   reading
	// statedBy are the articles that state the figure, or one of the same
	// kind and unit that is the same value written otherwise ("52.14%",
	// "52.1 percent").
	statedBy map[string]bool
}

// tense is how a statement stands in time to what it reports.
type tense uint8

const (
	actual    tense = iota
	projected       // a forecast, an estimate of what will be, a plan
	earlier         // a figure of a period before the one reported
)

// disagreements finds the figures that outlets give differently for the
// same quantity: for each kind and unit, the largest sets of claims that
// each conflict with all the others.
func (c *corpus) disagreements(groups []*factGroup) []news.Disagreement {
	unitGroups := map[string][]*factGroup{}
	var units []string
	for _, g := range groups {
		if !comparable(g.fact.Kind) {
			continue
		}
		u := g.fact.Kind + "|" + unitKey(g.fact.Unit)
		if _, ok := unitGroups[u]; !ok {
			units = append(units, u)
		}
		unitGroups[u] = append(unitGroups[u], g)
	}
	out := []news.Disagreement{}
	for _, u := range units {
		var cls []claim
		for _, g := range unitGroups[u] {
			gcls := c.claims(g)
			if len(gcls) == 0 {
				continue
			}
			// A group's claims, one per tense, are of one value.
			stated := statedAlike(gcls[0].value, unitGroups[u])
			for i := range gcls {
				gcls[i].statedBy = stated
			}
			cls = append(cls, gcls...)
		}
		for _, set := range conflictSets(cls, c.conflict) {
			out = append(out, c.disagreement(set))
		}
	}
	return out
}

func comparable(kind string) bool {
	switch kind {
	case news.FactCount, news.FactAmount, news.FactPercent, news.FactDuration:
		return true
	}
	return false
}

// claims splits a group's statements by tense, leaving out those of an
// earlier period and figures with no value to compare ("thousands of").
func (c *corpus) claims(g *factGroup) []claim {
	v, ok := read(g.fact.Value, g.fact.Qualifier)
	if !ok {
		return nil
	}
	var out []claim
	for _, s := range g.said {
		t := statementTense(s)
		if t == earlier {
			continue
		}
		k := slices.IndexFunc(out, func(cl claim) bool { return cl.tense == t })
		if k < 0 {
			out = append(out, claim{g: g, tense: t, value: v})
			k = len(out) - 1
		}
		out[k].said = append(out[k].said, s)
		out[k].around = append(out[k].around, c.surroundings(s))
		out[k].outlets = appendNew(out[k].outlets, c.outlet(s.art))
	}
	return out
}

// surroundings is what a statement's sentence tells around its figure,
// read once for all the claims it is compared with. Its sets of words
// leave out the unit and the figures, which say nothing of what is
// counted.
type surroundings struct {
	context   wordSet  // the sentence's content words, stemmed lightly
	words     wordSet  // see clauseWords
	dates     []string // see figureDates
	modifiers []string // see countModifiers
	rate      string   // see rateOf
	scoped    bool     // see scoped
}

func (c *corpus) surroundings(s statement) surroundings {
	unit := c.lex.entry(unitKey(s.fact.Unit)).id
	descriptive := func(ws wordSet) wordSet {
		return slices.DeleteFunc(slices.Clone(ws), func(w int32) bool { return w == unit || isNumber(c.lex.spell[w]) })
	}
	span := c.figureSpan(s)
	after := wordsAfter(s.fact)
	return surroundings{
		context:   descriptive(s.context),
		words:     descriptive(c.clauseWords(s, span)),
		dates:     c.figureDates(s, span),
		modifiers: countModifiers(s.fact),
		rate:      rateOf(after),
		scoped:    scoped(after),
	}
}

// wordsAfter returns the words of a figure's sentence after its phrase;
// none when the phrase is not found in it.
func wordsAfter(f news.Fact) []string {
	i := strings.Index(f.Sentence, f.Text)
	if i < 0 {
		return nil
	}
	return words.Split(f.Sentence[i+len(f.Text):])
}

// conflictSets groups claims into sets whose members all conflict with
// each other, greedily in story order: each claim not yet in a set starts
// one, which takes the other claims it conflicts with, the surest first,
// as long as they conflict with all its members.
func conflictSets(cls []claim, conflict func(a, b *claim) int) [][]*claim {
	used := make([]bool, len(cls))
	var sets [][]*claim
	for i := range cls {
		if used[i] {
			continue
		}
		type partner struct{ j, score int }
		var cands []partner
		for j := i + 1; j < len(cls); j++ {
			if !used[j] {
				if s := conflict(&cls[i], &cls[j]); s > 0 {
					cands = append(cands, partner{j, s})
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b partner) int { return b.score - a.score })
		set := []*claim{&cls[i]}
		for _, cd := range cands {
			all := true
			for _, m := range set[1:] {
				if conflict(m, &cls[cd.j]) == 0 {
					all = false
					break
				}
			}
			if all {
				set = append(set, &cls[cd.j])
				used[cd.j] = true
			}
		}
		if len(set) > 1 {
			used[i] = true
			sets = append(sets, set)
		}
	}
	return sets
}

// conflict scores two claims that outlets disagree on (see the rules
// above) by how surely they are of the same quantity; 0 when they are not
// in conflict.
func (c *corpus) conflict(a, b *claim) int {
	if a.tense != b.tense || c.statedTogether(a, b) || !differentOutlets(a, b) || !a.value.conflicts(b.value) {
		return 0
	}
	return c.sameQuantity(a, b)
}

// statedTogether tells whether some article states both figures, each in
// any writing: one that does tells two quantities apart.
func (c *corpus) statedTogether(a, b *claim) bool {
	for id := range a.statedBy {
		if b.statedBy[id] {
			return true
		}
	}
	return false
}

// statedAlike returns the articles that state r's value, to the
// tolerance of rounding, among the groups of one kind and unit. A value
// given to fewer digits does not count: "100,000 troops" is not a
// writing of "120,000 troops".
func statedAlike(r reading, groups []*factGroup) map[string]bool {
	ids := map[string]bool{}
	for _, g := range groups {
		v, err := strconv.ParseFloat(g.fact.Value, 64)
		if err != nil {
			continue
		}
		if !differ(r.value, v) {
			for id := range g.articles {
				ids[id] = true
			}
		}
	}
	return ids
}

// differentOutlets tells whether two claims come from different outlets'
// own reporting, not from one article and its copy or one outlet twice.
func differentOutlets(a, b *claim) bool {
	for _, x := range a.outlets {
		for _, y := range b.outlets {
			if x != y {
				return true
			}
		}
	}
	return false
}

// outlet names the outlet of article i; an article of no known outlet is
// its own, and a copy is its original's.
func (c *corpus) outlet(i int) string {
	a := &c.arts[i]
	if a.Outlet != "" {
		return "o:" + a.Outlet
	}
	return "a:" + c.voice[a.ID]
}

// sameQuantity scores how surely two claims measure the same thing at the
// same time (see subjectScore), by their best matching statements; 0 when
// they do not.
func (c *corpus) sameQuantity(a, b *claim) int {
	best := 0
	for _, x := range a.around {
		for _, y := range b.around {
			if sameTime(x, y) && sameCounted(x, y) && sameRate(x, y) && sameScope(x, y) {
				best = max(best, subjectScore(x, y))
			}
		}
	}
	return best
}

// minSharedWords is how many content words, besides the unit and the
// figures, the parts of their clauses two figures speak of must share to
// speak of the same thing. One is not enough: "$55 billion for water
// infrastructure" and "a roughly $1 trillion bill to revamp the nation's
// infrastructure" share a word, and the sentence around a figure tells
// of much else.
const minSharedWords = 2

// subjectScore is the number of content words the sentences of two
// figures share, added to those the parts of their clauses they speak of
// share (see figureSpan), when those are enough to speak of the same
// thing; else 0.
func subjectScore(x, y surroundings) int {
	inClause := shared(x.words, y.words)
	if inClause < minSharedWords {
		return 0
	}
	return inClause + shared(x.context, y.context)
}

// sameCounted tells whether two counts can be of the same things: the
// words they give between the figure and what they count ("100
// developing nations", "7 wealthy nations") meet, or one gives none.
func sameCounted(x, y surroundings) bool {
	mx, my := x.modifiers, y.modifiers
	if len(mx) == 0 || len(my) == 0 {
		return true
	}
	for _, w := range mx {
		if slices.Contains(my, w) {
			return true
		}
	}
	return false
}

// countModifiers returns the words of a count's phrase that say which of
// the things it counts: all but the qualifier, the figure and the unit;
// none for a figure of another kind.
func countModifiers(f news.Fact) []string {
	if f.Kind != news.FactCount {
		return nil
	}
	qual := strings.Fields(f.Qualifier)
	var out []string
	for _, w := range words.Split(f.Text) {
		if slices.Contains(qual, w) || w == strings.ToLower(f.Unit) || isNumeral(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// isNumeral tells a word that writes a number or its scale: "120,000",
// "two", "million".
func isNumeral(w string) bool {
	if isNumber(strings.ReplaceAll(w, ",", "")) {
		return true
	}
	return numeralWords[w]
}

var numeralWords = fieldSet(`a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
thousands million millions billion billions trillion dozen dozens of`)

// sameScope tells whether two figures are drawn alike: one that says what
// it takes in or leaves out ("nine people dead, including the gunman")
// is not the same quantity as one that does not ("eight people dead").
func sameScope(x, y surroundings) bool { return x.scoped == y.scoped }

// scopeWindow is how many words after a figure may say what it takes in.
const scopeWindow = 4

// scoped tells a figure followed closely by what it takes in or leaves
// out, given the words after it (see wordsAfter).
func scoped(after []string) bool {
	for _, w := range after[:min(len(after), scopeWindow)] {
		if scopeWords[w] {
			return true
		}
	}
	return false
}

var scopeWords = fieldSet(`including includes included excluding excludes excluded besides plus except`)

// sameRate tells whether two figures are of the same rate: "$300 per
// month" is not "$3,000 per child". A figure that gives no rate may be
// of any.
func sameRate(x, y surroundings) bool {
	return x.rate == "" || y.rate == "" || x.rate == y.rate
}

// rateOf returns what a figure is given per, from the words after it
// (see wordsAfter): the word after "per", "a", "an" or "each" right after
// its phrase ("per month", "a year").
func rateOf(after []string) string {
	if len(after) < 2 {
		return ""
	}
	switch after[0] {
	case "per", "a", "an", "each":
		return stemLight(after[1])
	}
	return ""
}

// sameTime tells whether two figures can be of the same time: they are
// unless both give dates and none agree.
func sameTime(x, y surroundings) bool {
	dx, dy := x.dates, y.dates
	if len(dx) == 0 || len(dy) == 0 {
		return true
	}
	for _, a := range dx {
		for _, b := range dy {
			if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
				return true
			}
		}
	}
	return false
}

// figureDates are the dates the article gives a figure: those in the part
// of its clause it speaks of ("1% in 2024 and 1.1% in 2025"), else those of
// its sentence ("For next year, the IMF kept its projection at 4.9%").
// Analysis lists a date once however often an article gives it, so the
// dates are looked for by their words. span is the figure's (see
// figureSpan).
func (c *corpus) figureDates(s statement, span string) []string {
	var inSpan, inSentence []string
	for _, f := range c.arts[s.art].Facts {
		if f.Kind != news.FactDate || !containsWords(s.fact.Sentence, f.Text) {
			continue
		}
		d := strings.TrimLeft(f.Value, "-")
		inSentence = append(inSentence, d)
		if containsWords(span, f.Text) {
			inSpan = append(inSpan, d)
		}
	}
	if len(inSpan) > 0 {
		return inSpan
	}
	return inSentence
}

// containsWords tells whether phrase stands in text as whole words.
func containsWords(text, phrase string) bool { return indexWords(text, phrase) >= 0 }

// indexWords returns where phrase first stands in text as whole words:
// "2024" in "in 2024 and", not in "20245"; "1%" not in "11%". It returns
// -1 when nowhere.
func indexWords(text, phrase string) int {
	if phrase == "" {
		return -1
	}
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return -1
		}
		start, end := i+j, i+j+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return start
		}
		i = start + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// clauseWords are the content words, stemmed lightly, of the part of its
// clause a figure speaks of, span (see figureSpan), its own phrase left
// out.
func (c *corpus) clauseWords(s statement, span string) wordSet {
	return c.stemmedContent(strings.Replace(span, s.fact.Text, " ", 1))
}

// figureSpan returns the clause a figure stands in, cut short of the
// other figures of its kind and unit there: in "growth of 1% in 2024 and
// 1.1% in 2025" each figure has its own words, and a series of values
// lends none of them the words of the others. The other figures are
// looked for among all the article's, as analysis lists each once.
func (c *corpus) figureSpan(s statement) string {
	clause := clauseOf(s.fact.Sentence, s.fact.Text)
	at := strings.Index(clause, s.fact.Text)
	if at < 0 {
		return clause
	}
	start, end := 0, len(clause)
	unit := unitKey(s.fact.Unit)
	for _, f := range c.arts[s.art].Facts {
		if f.Kind != s.fact.Kind || unitKey(f.Unit) != unit || f.Text == s.fact.Text {
			continue
		}
		switch j := indexWords(clause, f.Text); {
		case j < 0:
		case j+len(f.Text) <= at:
			start = max(start, j+len(f.Text))
		case j >= at+len(s.fact.Text):
			end = min(end, j)
		}
	}
	return clause[start:end]
}

// clauseOf returns the clause of sentence that holds phrase: the text
// between the punctuation that parts clauses around it. It returns the
// sentence when phrase is not in it.
func clauseOf(sentence, phrase string) string {
	i := strings.Index(sentence, phrase)
	if i < 0 {
		return sentence
	}
	const parts = ",;:()—–\"“”"
	start := strings.LastIndexAny(sentence[:i], parts) + 1
	end := len(sentence)
	if k := strings.IndexAny(sentence[i+len(phrase):], parts); k >= 0 {
		end = i + len(phrase) + k
	}
	return sentence[start:end]
}

// statementTense reads the tense of a figure from the words of its clause.
func statementTense(s statement) tense {
	ws := words.Split(clauseOf(s.fact.Sentence, s.fact.Text))
	t := actual
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch {
		case earlierWords[w], w == "last" && periodWords[next], (w == "up" || w == "down") && next == "from":
			return earlier
		case projectionWords[w]:
			t = projected
		}
	}
	return t
}

// projectionWords mark a figure as what is expected, forecast, planned or
// proposed rather than what is, in English and the languages most read
// besides.
var projectionWords = fieldSet(`expect expects expected expecting expectation expectations forecast forecasts forecasted
forecasting forecaster forecasters projected projection projections projects predict predicted predicts prediction
predictions anticipated anticipate estimate estimates economists analysts consensus will would could might plan plans
planned proposed proposal proposes propose target targets goal seek seeks sought aims budgeted
erwartet erwarten prognose prognostiziert voraussichtlich geplant
prévu prévue prévus prévision prévisions attendu attendue estimé estimée
atteso attesa previsto prevista previsione previsioni stima stimata stimato
previsión previsiones prevé esperado esperada estimado estimada
prevê previsão
beklenen beklentisi tahmin tahmini
ожидается прогноз прогнозирует планируется`)

// earlierWords mark a figure as one of an earlier period.
var earlierWords = fieldSet(`previous previously prior earlier ago initially originally initial original revised
compared versus vs
vorjahr vorjahres vorher zuvor précédent précédente auparavant precedente precedenti anterior anteriormente
önceki geçen ранее прошлого`)

// periodWords follow "last" when it names an earlier period: "last year".
var periodWords = fieldSet(`year month week quarter season time decade`)

// fieldSet makes a set of the words of s.
func fieldSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// disagreement writes a set of conflicting claims: each with its most used
// wording, its articles, and the sentence it was read from.
func (c *corpus) disagreement(set []*claim) news.Disagreement {
	d := news.Disagreement{Topic: topic(set[0].g.fact)}
	for _, cl := range set {
		phrases := map[string]int{}
		ids := map[string]bool{}
		inSentence := map[string]bool{}
		first := cl.said[0].fact.Sentence
		for _, s := range cl.said {
			id := c.arts[s.art].ID
			phrases[s.fact.Text]++
			ids[id] = true
			if s.fact.Sentence == first {
				inSentence[id] = true
			}
		}
		d.Claims = append(d.Claims, news.Cited{Text: mostUsed(phrases, true), Articles: sortedKeys(ids)})
		d.Sentences = append(d.Sentences, news.Cited{Text: first, Articles: sortedKeys(inSentence)})
	}
	return d
}

// reading is a figure read with its qualifier: the range of values it
// allows, and how precisely it was given.
type reading struct {
	value  float64
	lo, hi float64
	bound  int // -1: an upper bound ("up to"), +1: a lower bound ("more than"), 0: a value
	digits int // significant digits of a value given as such
}

// read reads a figure's value with its qualifier. It fails on a range
// ("300-500") and a word ("thousands"): neither is one value to compare.
func read(value, qualifier string) (reading, bool) {
	v, err := strconv.ParseFloat(value, 64)
	if err != nil || v <= 0 {
		return reading{}, false
	}
	r := reading{value: v, lo: v, hi: v, digits: significantDigits(value)}
	switch qualifierBound[qualifier] {
	case lowerBound:
		r.bound, r.hi = 1, math.Inf(1)
	case upperBound:
		r.bound, r.lo = -1, 0
	case nearBelow:
		r.lo = v * (1 - approximation)
	case near:
		r.lo, r.hi = v*(1-approximation), v*(1+approximation)
	case vagueBound:
		return reading{}, false
	}
	return r, true
}

// approximation is how far "about" and "nearly" let a figure stray.
const approximation = 0.1

// tolerance is the difference below which two values are one, rounded
// differently: 268000000 and 268000001.
const tolerance = 0.02

// conflicts tells two readings that cannot both be true: two bounds of one
// direction that differ ("more than 100,000" and "over 120,000": the
// reports disagree on the floor), or ranges that do not meet, a value
// given to fewer digits being read as a rounding of the other ("$1
// trillion" and "$1.2 trillion" agree).
func (r reading) conflicts(o reading) bool {
	if r.bound != 0 && r.bound == o.bound {
		return differ(r.value, o.value)
	}
	if r.bound == 0 && o.bound == 0 && r.sameValue(o) {
		return false
	}
	lo, hi := max(r.lo, o.lo), min(r.hi, o.hi)
	return lo > hi*(1+tolerance)
}

// sameValue tells two values that are one, rounded or written otherwise:
// 52.14 and 52.1, 6 and 6.1.
func (r reading) sameValue(o reading) bool {
	return !differ(r.value, o.value) || roundsTo(r, o) || roundsTo(o, r)
}

// roundsTo tells whether r, rounded to the digits o is given to, is o.
func roundsTo(r, o reading) bool {
	if o.digits >= r.digits {
		return false
	}
	p := math.Pow(10, math.Floor(math.Log10(o.value))-float64(o.digits)+1)
	return math.Round(r.value/p)*p == o.value
}

// differ tells two values apart by more than rounding: 100,000 and 120,000
// differ; 268000000 and 268000001 do not.
func differ(x, y float64) bool {
	return math.Abs(x-y) > tolerance*math.Max(math.Abs(x), math.Abs(y))
}

// significantDigits counts the digits of a plain decimal from its first
// non-zero one to its last non-zero one: "120000" has 2, "1.25" 3.
func significantDigits(v string) int {
	d := strings.Trim(strings.ReplaceAll(v, ".", ""), "0")
	return max(1, len(d))
}

type boundKind uint8

const (
	exact boundKind = iota
	lowerBound
	upperBound
	near      // on either side: "about"
	nearBelow // just short of: "nearly"
	vagueBound
)

// qualifierBound reads the qualifiers analysis keeps with a figure.
var qualifierBound = map[string]boundKind{
	"more than": lowerBound, "more then": lowerBound, "over": lowerBound, "at least": lowerBound, "above": lowerBound,
	"in excess of": lowerBound, "upwards of": lowerBound, "just over": lowerBound, "well over": lowerBound,
	"no fewer than": lowerBound, "no less than": lowerBound, "a minimum of": lowerBound,
	"fewer than": upperBound, "less than": upperBound, "up to": upperBound, "under": upperBound, "below": upperBound,
	"at most": upperBound, "no more than": upperBound, "not more than": upperBound, "as many as": upperBound,
	"as much as": upperBound, "a maximum of": upperBound, "just under": upperBound, "well under": upperBound,
	"as few as": near, "as little as": near,
	"about": near, "around": near, "some": near, "roughly": near, "approximately": near, "close to": near,
	"an estimated": near, "estimated": near, "circa": near, "approx.": near, "approx": near, "roughly about": near,
	"nearly": nearBelow, "almost": nearBelow,
	"between": vagueBound, "nearly all": vagueBound, "at least some": vagueBound,
	// the hedges analysis reads in other languages
	"mehr als": lowerBound, "über": lowerBound, "mindestens": lowerBound, "plus de": lowerBound, "au moins": lowerBound,
	"más de": lowerBound, "al menos": lowerBound, "più di": lowerBound, "oltre": lowerBound, "almeno": lowerBound,
	"mais de": lowerBound, "pelo menos": lowerBound, "weniger als": upperBound, "bis zu": upperBound,
	"moins de": upperBound, "menos de": upperBound, "meno di": upperBound, "rund": near, "etwa": near,
	"ungefähr": near, "environ": near, "alrededor de": near, "cerca de": near, "knapp": nearBelow,
	"près de": nearBelow, "presque": nearBelow, "casi": nearBelow, "quasi": nearBelow, "quase": nearBelow,
}
