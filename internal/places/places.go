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
	byName map[string]int // folded name → place
	places []Place
	names  [][]string // each place's names as written
	rank   []int      // how many names a place has: the better known wins a shared name
}

// loaded is the table, read the first time a place is looked up: most
// commands never need it.
var loaded = sync.OnceValue(buildIndex)

func buildIndex() *index {
	x := &index{byName: map[string]int{}}
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
		others := strings.Split(f[2], "|")
		k := len(x.places)
		x.places = append(x.places, Place{ID: f[0], Name: f[1]})
		x.rank = append(x.rank, len(others)+rankOfKind(f[0]))
		all := append(others, f[1])
		x.names = append(x.names, all)
		for _, n := range all {
			x.add(fold(n, ""), k)
		}
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

func (x *index) add(key string, k int) {
	if key == "" {
		return
	}
	if prev, ok := x.byName[key]; ok && x.rank[prev] >= x.rank[k] {
		return
	}
	x.byName[key] = k
}

// stemmed holds, for each language with a stemmer, the table's names with
// their words stemmed as that language stems them, so that an inflected
// form finds its place (Москве, Moskwie).
var stemmed sync.Map // language → *map[string]int

func (x *index) stemmedFor(lang string) map[string]int {
	if m, ok := stemmed.Load(lang); ok {
		return *m.(*map[string]int)
	}
	lex := words.For(lang)
	m := make(map[string]int, len(x.byName))
	for k, ns := range x.names {
		for _, n := range ns {
			key := stemKey(lex, n)
			if prev, ok := m[key]; key != "" && (!ok || x.rank[prev] < x.rank[k]) {
				m[key] = k
			}
		}
	}
	stemmed.Store(lang, &m)
	return m
}

// Lookup returns the place that name — one or more words as a text
// writes them, in any language and script — names. lang, the text's
// language, lets an inflected form be found through its stem; it may be "".
func Lookup(name, lang string) (Place, bool) {
	x := loaded()
	if k, ok := x.byName[fold(name, lang)]; ok {
		return x.places[k], true
	}
	lex := words.For(lang)
	if lex.Lang() == "" || !lex.Stems() {
		return Place{}, false
	}
	if k, ok := x.stemmedFor(lang)[stemKey(lex, name)]; ok {
		return x.places[k], true
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
