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
	"maps"
	"slices"
	"sort"
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
	rank   []int               // how many names a place has: the better known wins a shared name
	folds  map[string][]folded // every name of the table, folded
	sorted []string            // the keys of folds, sorted, for prefix look-ups
}

// folded is a place one folded name names, and the languages that write
// the name so (none for the English name, which any language may use).
type folded struct {
	place int
	langs []string
}

// loaded is the table, read the first time a place is looked up: most
// commands never need it.
var loaded = sync.OnceValue(buildIndex)

func buildIndex() *index {
	x := &index{folds: map[string][]folded{}}
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
		k := len(x.places)
		x.places = append(x.places, Place{ID: f[0], Name: f[1]})
		x.add(f[1], k, nil)
		names := 1
		if f[2] != "" {
			for _, n := range strings.Split(f[2], "|") {
				text, langs, _ := strings.Cut(n, "@")
				x.add(text, k, strings.Split(langs, ","))
				names++
			}
		}
		x.rank = append(x.rank, names+rankOfKind(f[0]))
	}
	x.sorted = slices.Sorted(maps.Keys(x.folds))
	return x
}

// add files a name of place k under its folded form.
func (x *index) add(name string, k int, langs []string) {
	if key := fold(name, ""); key != "" {
		x.folds[key] = append(x.folds[key], folded{k, langs})
	}
}

// better returns whichever of places best and k is the better known (k
// when best is -1, none yet).
func (x *index) better(best, k int) int {
	if best < 0 || x.rank[k] > x.rank[best] {
		return k
	}
	return best
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

// endingLen is how many letters longer than a word's stem a place's name
// may be for the word to be an inflected form of it (Москве, stem москв,
// of Москва; Твери of Тверь).
const endingLen = 3

// byPrefix finds the names whose words, folded, each start with the word
// of key in its place and are at most endingLen letters longer: those an
// inflected phrase with these stems may stand for ("тверск област" of
// Тверская область). The best known place a language may use wins.
func (x *index) byPrefix(key, lang string) (int, bool) {
	stems := strings.Fields(key)
	best := -1
	for i := sort.SearchStrings(x.sorted, stems[0]); i < len(x.sorted) && strings.HasPrefix(x.sorted[i], stems[0]); i++ {
		if !inflects(strings.Fields(x.sorted[i]), stems) {
			continue
		}
		for _, f := range x.folds[x.sorted[i]] {
			// Only the language's own names: a stem of its words is no
			// stem of another language's (German "laut" of Lautoka).
			if slices.Contains(f.langs, lang) {
				best = x.better(best, f.place)
			}
		}
	}
	return best, best >= 0
}

// inflects tells whether each word of a name begins with the stem in its
// place and goes on for at most endingLen letters.
func inflects(name, stems []string) bool {
	if len(name) != len(stems) {
		return false
	}
	for i, w := range name {
		if !strings.HasPrefix(w, stems[i]) || len(w)-len(stems[i]) > endingLen {
			return false
		}
	}
	return true
}

// Lookup returns the place that name — one or more words as a text in
// language lang writes them — names: in that language's name for it or
// the English one, inflected forms found through their stem. A word of one
// language is not taken for another's name of a place (German "laut" is no
// place). With lang "" (not known) any language's name is taken.
func Lookup(name, lang string) (Place, bool) {
	x := loaded()
	best := -1
	for _, f := range x.folds[fold(name, lang)] {
		if lang == "" || f.langs == nil || slices.Contains(f.langs, lang) {
			best = x.better(best, f.place)
		}
	}
	if best >= 0 {
		return x.places[best], true
	}
	// An inflected form: its stem begins the name (Москве → москв → Москва).
	if lex := words.For(lang); lex.Stems() {
		if key := stemKey(lex, name); len(key) >= 4 {
			if k, ok := x.byPrefix(key, lang); ok {
				return x.places[k], true
			}
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
