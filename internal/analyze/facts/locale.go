package facts

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/anchors"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/wordfilter"
	"github.com/chorusnews/chorus/internal/words"
)

// locale is what the finder knows of an article's language when it is not
// English: the names of its months and weekdays, its stop words, how it
// writes numbers. The finder's English lists still serve beside it (a
// French page quotes "$5 billion" too); an English article, or one of
// unknown language, has no locale and is read exactly as before.
type locale struct {
	lex        *words.Lexicon
	comma      bool // the decimal sign is a comma: "7,8" is 7.8, "8.500" is 8500
	spaced     bool // digits are grouped with spaces: "8 500"
	nounCaps   bool // every noun takes a capital (German): a capital does not make a name
	monthFirst bool // the month comes before the day: "Enero 26", "2022. január 26."
	longScale  bool // "billion" is a million millions (German "Billion", French "billion")
	anyLang    bool // no lexicon: months of any language, English stop words

	// dateWords turns most words away before the month and weekday
	// look-ups, which would otherwise run on every word; nil for anyLang
	dateWords *wordfilter.Filter
}

// The few facts of writing the lexicon does not hold, by language.
var (
	monthFirstLangs = wordSet("hu lt tl")
	longScaleLangs  = wordSet("de fr")
)

var (
	locales sync.Map // the lexicon's language code → *locale, built once each

	// unknownLocale serves a language code the lexicon does not know.
	unknownLocale = &locale{lex: words.For(""), anyLang: true}
)

// localeFor returns the locale of lang, an ISO 639-1 code; nil for English
// and for "" (unknown), which the English finder reads alone.
func localeFor(lang string) *locale {
	if lang == "" || lang == "en" {
		return nil
	}
	lex := words.For(lang)
	code := lex.Lang()
	if code == "" {
		return unknownLocale
	}
	if code == "en" {
		return nil
	}
	if l, ok := locales.Load(code); ok {
		return l.(*locale)
	}
	decimal, group := lex.Separators()
	dateWords := map[string]bool{}
	for _, w := range lex.DateWords() {
		dateWords[w] = true
	}
	l, _ := locales.LoadOrStore(code, &locale{
		lex:        lex,
		comma:      decimal == ",",
		spaced:     strings.TrimSpace(group) == "",
		nounCaps:   anchors.NounCaps(code),
		monthFirst: monthFirstLangs[code],
		longScale:  longScaleLangs[code],
		dateWords:  wordfilter.New(dateWords),
	})
	return l.(*locale)
}

// month returns the month a lower-case word names, 0 when none, and
// whether the word is a short form ("janv", "set") that needs a stop or a
// year beside it to be read as a month.
func (l *locale) month(w string) (int, bool) {
	if l.anyLang {
		// an unknown language cannot tell its short forms: take only
		// names of four letters or more
		m := words.AnyMonth(w)
		return m, utf8.RuneCountInString(w) < 4
	}
	m := l.lex.Month(w)
	return m, m > 0 && l.lex.MonthAbbrev(w)
}

// stop tells a function word: one of the language's, or an English one,
// as English words run through pages in every language ("a" is also
// French "has"). A stop list's nouns that are counted are no stops.
func (l *locale) stop(w string) bool {
	return stops[w] || l.lex.Stop(w) && !countedNouns[w]
}

// countedNouns are nouns of the stop lists that figures count: Russian
// "40 человек" (40 people).
var countedNouns = wordSet("человек")

// localScales are the words of other languages that multiply the figure
// before them, by their power of ten. "billion" stays the English one but
// in the languages of longScaleLangs.
var localScales = map[string]int{
	"tausend": 3, "mille": 3, "mil": 3, "mila": 3, "duizend": 3, "тыс": 3, "тысяча": 3, "тысячи": 3, "тысяч": 3,
	"тис": 3, "тисяч": 3, "tys": 3, "tysięcy": 3,

	"millionen": 6, "millón": 6, "millones": 6, "milione": 6, "milioni": 6, "milhão": 6, "milhões": 6,
	"miljoen": 6, "miljoenen": 6, "milyon": 6, "milion": 6, "miliony": 6, "milionów": 6, "miljon": 6,
	"miljoner": 6, "millió": 6, "миллион": 6, "миллиона": 6, "миллионов": 6, "млн": 6, "мільйон": 6,
	"мільйона": 6, "мільйонів": 6,

	"milliarde": 9, "milliarden": 9, "mrd": 9, "milliard": 9, "milliards": 9, "miliardo": 9,
	"miliardi": 9, "mld": 9, "bilhão": 9, "bilhões": 9, "miljard": 9, "miljarden": 9, "milyar": 9,
	"miliard": 9, "miliardy": 9, "miliardów": 9, "milliárd": 9, "миллиард": 9, "миллиарда": 9,
	"миллиардов": 9, "млрд": 9, "мільярд": 9, "мільярда": 9, "мільярдів": 9,

	"billionen": 12, "billón": 12, "billones": 12, "biljoen": 12, "bilione": 12, "bilioni": 12, "bilião": 12,
	"biliões": 12, "trilyon": 12, "триллион": 12, "триллиона": 12, "триллионов": 12, "трлн": 12,
}

// scaleOf returns the power of ten a word after a figure multiplies it by.
func (f *finder) scaleOf(w string) (int, bool) {
	if f.loc != nil {
		if p, ok := localScales[w]; ok {
			return p, true
		}
		if f.loc.longScale && (w == "billion" || w == "billions") {
			return 12, true
		}
	}
	p, ok := scales[w]
	return p, ok
}

// percentUnit is what a per-cent phrase measures.
type percentUnit struct {
	words []string // the phrase after its first word
	unit  string
}

// localPercents are the phrases of other languages for "per cent",
// "percentage points" and "basis points", by first word, longest first.
var localPercents = func() map[string][]percentUnit {
	m := map[string][]percentUnit{}
	for unit, list := range map[string]string{
		"%": `prozent|procent|prosent|procento|procenta|pour cent|por ciento|por cento|per cento|százalék|
процент|процента|процентов|відсоток|відсотка|відсотків`,
		"percentage points": `prozentpunkt|prozentpunkte|prozentpunkten|procentpunt|procentpunten|point de pourcentage|
points de pourcentage|punto porcentual|puntos porcentuales|punto percentuale|punti percentuali|ponto percentual|
pontos percentuais|процентный пункт|процентного пункта|процентных пункта|процентных пунктов|yüzde puan`,
		"basis points": `basispunkt|basispunkte|basispunkten|basispunt|basispunten|point de base|points de base|
punto básico|puntos básicos|punto base|punti base|ponto-base|pontos-base|ponto base|pontos base|
базисный пункт|базисных пункта|базисных пунктов|baz puan`,
	} {
		for _, p := range strings.Split(list, "|") {
			ws := strings.Fields(p)
			m[ws[0]] = append(m[ws[0]], percentUnit{words: ws[1:], unit: unit})
		}
	}
	for _, v := range m {
		for i := 1; i < len(v); i++ {
			for j := i; j > 0 && len(v[j].words) > len(v[j-1].words); j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
	}
	return m
}()

// localPercent reads a per-cent phrase of the article's language at token
// k: "Prozent", "pour cent", "puntos porcentuales". It returns its unit and
// last token, "" when none.
func (f *finder) localPercent(k int) (string, int) {
	if f.loc == nil {
		return "", 0
	}
	for _, p := range localPercents[f.word(k)] {
		ok := true
		for n, w := range p.words {
			if f.word(k+1+n) != w {
				ok = false
				break
			}
		}
		if ok {
			return p.unit, k + len(p.words)
		}
	}
	return "", 0
}

// localCurrencies are currency words of other languages written after the
// figure; the English ones (currencyWords) serve too.
var localCurrencies = map[string]string{
	"евро": "EUR", "avro": "EUR", "dólar": "USD", "dólares": "USD", "dollari": "USD", "dolar": "USD",
	"dolarów": "USD", "доллар": "USD", "доллара": "USD", "долларов": "USD", "rubel": "RUB", "rublos": "RUB",
	"rubli": "RUB", "рубль": "RUB", "рубля": "RUB", "рублей": "RUB", "руб": "RUB", "franken": "CHF",
	"tl": "TRY", "гривня": "UAH", "гривны": "UAH", "гривен": "UAH", "гривень": "UAH",
}

// localCurrency reads a currency written after a figure in the article's
// language at token k: "€", "USD", "Euro", "d'euros", "de dólares" (the
// preposition only after a scale: "8 milliards d'euros"). It returns the
// ISO code and the last token.
func (f *finder) localCurrency(k int, scaled bool) (string, int, bool) {
	if f.loc == nil || k >= len(f.toks) {
		return "", 0, false
	}
	t := &f.toks[k]
	if t.kind == kSym || t.kind == kWord && t.isAcronym(f.text) {
		if c, ok := currencyPrefix[t.lower]; ok {
			return c, k, true
		}
	}
	w := f.word(k)
	if scaled && (w == "de" || w == "di" || w == "do") {
		k++
		w = f.word(k)
	}
	w = trimElision(w)
	if c, ok := localCurrencies[w]; ok {
		return c, k, true
	}
	if c, ok := currencyWords[w]; ok && w != "pound" && w != "pounds" && w != "real" && w != "won" {
		return c, k, true
	}
	return "", 0, false
}

// normaliseComma turns digits written with a decimal comma into a plain
// decimal: "7,8" → "7.8", "8.500" → "8500", "1.234,5" → "1234.5". A dot
// before exactly three digits groups them; any other dot is a decimal
// point written the English way ("6.4" magnitude in a Turkish page), and
// several commas group ("1,234,567").
func normaliseComma(d string) (string, bool) {
	commas, dots := strings.Count(d, ","), strings.Count(d, ".")
	switch {
	case commas == 0 && dots == 0:
	case dots == 0:
		if commas == 1 {
			d = strings.Replace(d, ",", ".", 1)
		} else if groupedBy(d, ',') {
			d = strings.ReplaceAll(d, ",", "")
		} else {
			return "", false
		}
	case commas == 0:
		if groupedBy(d, '.') {
			d = strings.ReplaceAll(d, ".", "")
		} else if dots > 1 {
			return "", false
		}
	default:
		// "1.234,5" or "1,234.5": the last separator is the decimal sign
		if strings.LastIndexByte(d, ',') > strings.LastIndexByte(d, '.') {
			d = strings.ReplaceAll(d, ".", "")
			d = strings.Replace(d, ",", ".", 1)
		} else {
			d = strings.ReplaceAll(d, ",", "")
		}
		if strings.Count(d, ".") > 1 {
			return "", false
		}
	}
	return plainDecimal(d)
}

// groupedBy tells digits whose every group after the first, up to any
// other separator, has three digits: "8.500", "1.234.567,5".
func groupedBy(d string, sep byte) bool {
	parts := strings.Split(d, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if i := strings.IndexAny(p, ",."); i >= 0 {
			p = p[:i]
		}
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// stripSpaces drops the spaces that group digits: "8 500", "8\u00a0500",
// "8\u202f500".
func stripSpaces(d string) string {
	if strings.IndexByte(d, ' ') < 0 && strings.IndexByte(d, 0xc2) < 0 && strings.IndexByte(d, 0xe2) < 0 {
		return d
	}
	return groupSpaces.Replace(d)
}

var groupSpaces = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "")

// spaceGroupAt returns the width of a space at text[i] that groups digits:
// a space, no-break space or narrow no-break space followed by exactly
// three digits; 0 when there is none.
func spaceGroupAt(text string, i, e int) int {
	w := 0
	switch {
	case text[i] == ' ':
		w = 1
	case strings.HasPrefix(text[i:], "\u00a0"):
		w = 2
	case strings.HasPrefix(text[i:], "\u202f"):
		w = 3
	default:
		return 0
	}
	j := i + w
	if j+3 > e || !isDigit(text[j]) || !isDigit(text[j+1]) || !isDigit(text[j+2]) || j+3 < e && isDigit(text[j+3]) {
		return 0
	}
	return w
}

// stop tells a word that ends the noun phrase after a figure, in the
// article's language.
func (f *finder) stop(w string) bool {
	if f.loc == nil {
		return stops[w]
	}
	return f.loc.stop(w)
}

// capital tells a token whose capital marks a name, not just a noun.
func (f *finder) capital(t *tok) bool {
	return t.cap && (f.loc == nil || !f.loc.nounCaps)
}

// value turns a figure's digits into a plain decimal, read the way the
// article's language writes numbers.
func (f *finder) value(digits string) (string, bool) {
	if f.loc == nil {
		return normalise(digits)
	}
	digits = stripSpaces(digits)
	if f.loc.comma {
		return normaliseComma(digits)
	}
	return normalise(digits)
}

// percentFirst reads a percentage written sign first, at the figure at
// token j: Turkish "%25", "yüzde 25". It returns the index after it, j
// when none.
func (f *finder) percentFirst(start, j int, value string) int {
	if f.loc == nil || start != j || j == 0 {
		return j
	}
	if f.punctAt(j-1, '%') && !f.toks[j].space || f.word(j-1) == "yüzde" {
		f.add(news.Fact{Text: f.span(j-1, j), Value: value, Unit: "%", Kind: news.FactPercent})
		return j + 1
	}
	return j
}

// scaleTail reads what may follow a scale word in other languages: its
// abbreviation's stop ("Mrd.", "млн.") and a larger scale ("mil
// millones", a thousand millions). It returns the scale, the phrase's last
// token and the next token.
func (f *finder) scaleTail(scale, end, k int) (int, int, int) {
	if f.punctAt(k, '.') && !f.toks[k].space {
		end, k = k, k+1
	}
	if k < len(f.toks) && f.toks[k].kind == kWord {
		if p, ok := localScales[f.toks[k].lower]; ok && p > scale {
			scale, end, k = scale+p, k, k+1
		}
	}
	return scale, end, k
}

// trimElision drops the elided "de" of French and Italian from a word:
// "d'euros" → "euros".
func trimElision(w string) string {
	if rest, ok := strings.CutPrefix(w, "d'"); ok {
		return rest
	}
	if rest, ok := strings.CutPrefix(w, "d’"); ok {
		return rest
	}
	return w
}

// ordinalMark tells a mark of an ordinal stuck to the figure before token
// k: "15ª", "1º", "1ᵉʳ".
func (f *finder) ordinalMark(k int) bool {
	if k >= len(f.toks) || f.toks[k].space || f.toks[k].kind != kWord {
		return false
	}
	switch f.toks[k].lower {
	case "º", "ª", "ᵉ", "ᵉʳ", "ʳᵉ":
		return true
	}
	return false
}

// splitFigure tells two sentences the splitter parted at a stop inside a
// figure: a scale's abbreviation ("1,5 Mrd. | Euro") or a day's ordinal
// stop before its month ("am 26. | Januar 2022", "vom 13.–14. | April").
func (f *finder) splitFigure(a, b sentences.Span) bool {
	if a.Start < 0 || a.Start >= a.End || b.Start < a.End || b.End > len(f.text) || b.Start >= b.End || b.Start-a.End > 3 {
		return false
	}
	s, ok := strings.CutSuffix(strings.TrimRight(f.low[a.Start:a.End], " \t\r\n"), ".")
	if !ok {
		return false
	}
	before, sep, last := lastWord(s)
	switch {
	case last == "":
		return false
	case isDigit(last[0]):
		// a day: one or two digits, not the end of "26.01"
		return len(last) <= 2 && strings.Trim(last, "0123456789") == "" && sep != '.' && sep != ',' && f.opensWithMonth(b)
	default:
		_, scale := localScales[last]
		before = strings.TrimRight(before, " \u00a0")
		return scale && before != "" && isDigit(before[len(before)-1])
	}
}

// lastWord splits s at the start of its last run of letters and digits:
// what stands before, the rune between them (0 when none) and the run.
func lastWord(s string) (string, rune, string) {
	k := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if k < 0 {
		return "", 0, s
	}
	sep, size := utf8.DecodeRuneInString(s[k:])
	return s[:k], sep, s[k+size:]
}
