package words

import (
	"strings"
	"sync"
)

// ordinalWords are the ordinal numbers first to tenth as the languages
// Chorus meets most write them, every inflected form a stem would not
// join: "the second launch", "der zweite Flug", "le deuxième vol", "el
// segundo vuelo", "второй полёт". They tell a look-alike event from the
// one before it. (CLDR holds them only as spell-out rules, not as words.)
var ordinalWords = map[string][10]string{
	"en": {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"},
	"de": {"erste ersten erster erstes erstmals", "zweite zweiten zweiter zweites", "dritte dritten dritter drittes",
		"vierte vierten vierter viertes", "fünfte fünften fünfter fünftes", "sechste sechsten sechster",
		"siebte siebten siebter", "achte achten achter", "neunte neunten neunter", "zehnte zehnten zehnter"},
	"fr": {"premier première premiers premières", "deuxième deuxièmes second", "troisième", "quatrième",
		"cinquième", "sixième", "septième", "huitième", "neuvième", "dixième"},
	"es": {"primer primero primera", "segundo segunda", "tercer tercero tercera", "cuarto cuarta", "quinto quinta",
		"sexto sexta", "séptimo séptima", "octavo octava", "noveno novena", "décimo décima"},
	"it": {"primo", "secondo seconda", "terzo terza", "quarto quarta", "quinto quinta", "sesto sesta",
		"settimo settima", "ottavo ottava", "nono nona", "decimo decima"},
	"pt": {"primeiro primeira", "segunda", "terceiro terceira", "quarto quarta", "quinto quinta",
		"sexto sexta", "sétimo sétima", "oitavo oitava", "nono nona", "décimo décima"},
	"nl": {"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"},
	"ru": {"первый первая первое первого первой первом первую", "второй вторая второе второго втором вторую",
		"третий третья третье третьего третьей третьем третью", "четвёртый четвертый четвёртая четвертая четвёртого четвертого",
		"пятый пятая пятое пятого пятой", "шестой шестая шестого", "седьмой седьмая седьмого", "восьмой восьмая восьмого",
		"девятый девятая девятого", "десятый десятая десятого"},
	"uk": {"перший перша перше першого", "другий друга друге другого", "третій третя третє третього",
		"четвертий четверта четвертого", "п'ятий п'ята п'ятого", "шостий шоста", "сьомий сьома", "восьмий восьма",
		"дев'ятий дев'ята", "десятий десята"},
	"pl": {"pierwszy pierwsza pierwsze pierwszego", "drugi druga drugie drugiego", "trzeci trzecia trzecie trzeciego",
		"czwarty czwarta", "piąty piąta", "szósty szósta", "siódmy siódma", "ósmy ósma", "dziewiąty dziewiąta", "dziesiąty dziesiąta"},
	"tr": {"birinci ilk", "ikinci", "üçüncü", "dördüncü", "beşinci", "altıncı", "yedinci", "sekizinci", "dokuzuncu", "onuncu"},
	"sv": {"första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde"},
	"ro": {"primul prima", "al doilea a doua", "al treilea a treia", "al patrulea a patra", "al cincilea a cincea",
		"al șaselea a șasea", "al șaptelea a șaptea", "al optulea a opta", "al nouălea a noua", "al zecelea a zecea"},
}

var ordinals = sync.OnceValue(func() map[string]map[string]int {
	m := map[string]map[string]int{}
	for lang, forms := range ordinalWords {
		m[lang] = map[string]int{}
		for i, f := range forms {
			for _, w := range strings.Fields(f) {
				if w == "al" || w == "a" {
					continue // Romanian's article, not the number
				}
				m[lang][w] = i + 1
			}
		}
	}
	return m
})

// The words left out read more often as something else: Italian "prima"
// (before), Portuguese "segundo" (according to), French "seconde" (the unit
// of time).

// Ordinal returns the number (1–10) an ordinal word of the language
// names ("second" 2, "zweiten" 2, "deuxième" 2), 0 when w names none. w is
// lower case.
func (l *Lexicon) Ordinal(w string) int { return ordinals()[l.lang][w] }
