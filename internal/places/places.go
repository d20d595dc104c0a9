// Package places knows the names that languages give countries, regions
// and cities (Moskau, Moscou, Москва and موسكو are Moscow; Türkei, Turquie
// and Турция are Turkey), so that stages comparing reports across
// languages agree on the places they name. The table is compiled from
// Unicode CLDR and GeoNames by internal/genplaces (see NOTICE).
package places

//go:generate go run ./internal/genplaces

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/words"
)

//go:embed places.tsv.gz
var table []byte

// Place is a country, region or city.
type Place struct {
	// ID is "c:" and the ISO 3166 code for a country ("c:TR"), "g:" and
	// the GeoNames id for a city or region ("g:524901").
	ID string
	// Name is its English name.
	Name string
}

// MaxWords is the most words a place name of the table has that Lookup
// is worth trying with ("Rostov-on-Don" is three).
const MaxWords = 4

type index struct {
	places []Place
	names  [][]name // each place's names
	rank   []int    // how many names a place has: the better known wins a shared name
}

// name is one name of a place and the languages that write it so; none
// for the English name, which any language may use.
type name struct {
	text  string
	langs []string
}

// loaded is the table, read the first time a place is looked up: most
// commands never need it.
var loaded = sync.OnceValue(buildIndex)

func buildIndex() *index {
	x := &index{}
	zr, err := gzip.NewReader(bytes.NewReader(table))
	if err != nil {
		panic("places: embedded table is corrupt: " + err.Error())
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		ns := []name{{text: f[1]}}
		if f[2] != "" {
			for _, n := range strings.Split(f[2], "|") {
				text, langs, _ := strings.Cut(n, "@")
				ns = append(ns, name{text, strings.Split(langs, ",")})
			}
		}
		x.places = append(x.places, Place{ID: f[0], Name: f[1]})
		x.rank = append(x.rank, len(ns)+rankOfKind(f[0]))
		x.names = append(x.names, ns)
	}
	return x
}

// rankOfKind puts countries before the cities that share their name
// (Mexico and Mexico City's "México"), and cities before the regions named
// after them (Moscow and Moscow Oblast, "Moskva" in some languages).
func rankOfKind(id string) int {
	switch {
	case strings.HasPrefix(id, "c:"):
		return 1000
	case strings.Contains(id, "."):
		return -100 // a GeoNames region: "TR.31"
	}
	return 0
}

// byLanguage holds, for each language asked for, the names a text in it
// may use for a place — its own and the English ones, each folded and, in
// a language with a stemmer, stemmed as the language stems it, so that an
// inflected form finds its place (Москве). A word of one language is not
// taken for another's name of a place (German "laut" is no place).
var byLanguage sync.Map // language → map[string]int

func (x *index) namesFor(lang string) map[string]int {
	if m, ok := byLanguage.Load(lang); ok {
		return m.(map[string]int)
	}
	lex := words.For(lang)
	m := map[string]int{}
	add := func(key string, k int) {
		if prev, ok := m[key]; key != "" && (!ok || x.rank[prev] < x.rank[k]) {
			m[key] = k
		}
	}
	for k, ns := range x.names {
		for _, n := range ns {
			if lang != "" && n.langs != nil && !slices.Contains(n.langs, lang) {
				continue
			}
			add(fold(n.text, lang), k)
			if lex.Stems() {
				add(stemKey(lex, n.text), k)
			}
		}
	}
	byLanguage.Store(lang, m)
	return m
}

// Lookup returns the place that name — one or more words as a text in
// language lang writes them — names: in that language's name for it or
// the English one, inflected forms found through their stem. With lang ""
// (not known) any language's name is taken.
func Lookup(name, lang string) (Place, bool) {
	x := loaded()
	m := x.namesFor(lang)
	if k, ok := m[fold(name, lang)]; ok {
		return x.places[k], true
	}
	if lex := words.For(lang); lex.Stems() {
		if k, ok := m[stemKey(lex, name)]; ok {
			return x.places[k], true
		}
	}
	return Place{}, false
}

// fold writes a name as the table's keys are written: Latin letters in
// lower case, words separated by single spaces (hyphens and apostrophes
// are word breaks).
func fold(name, lang string) string {
	f := strings.FieldsFunc(names.Latin(name, lang), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
	})
	return strings.Join(f, " ")
}

// stemKey folds a name with each of its words stemmed in the language.
func stemKey(lex *words.Lexicon, name string) string {
	ws := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return r == ' ' || r == '-' || r == '\'' || r == '’'
	})
	for i, w := range ws {
		ws[i] = lex.Stem(w)
	}
	return fold(strings.Join(ws, " "), lex.Lang())
}
