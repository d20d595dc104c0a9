// Command genplaces writes places.tsv.gz, the names that languages give
// countries and cities: country names from Unicode CLDR (the territories
// of each locale), city names from GeoNames (as Debian's
// libgeonames-common ships them, one gettext catalogue a locale, keyed by
// GeoNames id). Licences: ../../NOTICE.
//
//	apt-get install libgeonames-common unicode-cldr-core
//	go generate ./internal/places
//
// -cldr and -geonames name other folders holding the same files.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/words"
)

// locales are the languages whose names are taken: those Chorus has a
// lexicon for, and a few more of wide news coverage. A locale's regional
// variants (de_AT) add nothing for place names and are left out.
var locales = strings.Fields("ar bg ca cs da de el en es et eu fa fi fr ga gl he hi hr hu hy id it ja ko lt lv nl nb pl pt ro ru sk sl sr sv fil tr uk vi zh")

func main() {
	out := flag.String("o", "places.tsv.gz", "the table to write")
	cldr := flag.String("cldr", "/usr/share/unicode/cldr/common/main", "CLDR's common/main folder")
	geo := flag.String("geonames", "/usr/share/locale", "the locale folder holding geonames.mo catalogues")
	flag.Parse()
	// id → language → name; ids are "c:DE" for a country, "g:524901" for
	// a GeoNames place.
	byID := map[string]map[string]string{}
	add := func(id, lang, name string) {
		name = strings.TrimSpace(name)
		if lower := strings.ToLower(name); name == "" || !utf8.ValidString(name) || generic[lower] || generic[words.For("en").Stem(lower)] {
			return
		}
		if byID[id] == nil {
			byID[id] = map[string]string{}
		}
		if prev, ok := byID[id][lang]; ok && prev != name {
			// a second name in one language (a short form): kept apart
			lang += "+"
			for byID[id][lang] != "" && byID[id][lang] != name {
				lang += "+"
			}
		}
		byID[id][lang] = name
	}
	for _, loc := range locales {
		lang := strings.ReplaceAll(strings.ReplaceAll(loc, "nb", "no"), "fil", "tl")
		ts, err := territories(filepath.Join(*cldr, loc+".xml"))
		if err != nil {
			log.Fatal(err)
		}
		for _, t := range ts {
			add("c:"+t.code, lang, t.name)
		}
		cat, err := readMO(filepath.Join(*geo, loc, "LC_MESSAGES", "geonames.mo"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		for id, name := range cat {
			if len(id) == 2 {
				continue // a country, which CLDR names
			}
			add("g:"+id, lang, name)
		}
	}
	ids := make([]string, 0, len(byID))
	for id, byLang := range byID {
		if byLang["en"] != "" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# id\tEnglish name\tthe names languages give it: name@lang,lang|… (names that fold to the English one left out)")
	fmt.Fprintln(w, "# Countries from Unicode CLDR, cities and regions from GeoNames (CC BY 4.0); see NOTICE.")
	for _, id := range ids {
		en := byID[id]["en"]
		enFolded := names.Latin(en, "en")
		var order []string             // folded names, first seen first
		written := map[string]string{} // folded → the name as first written
		langs := map[string][]string{} // folded → the languages that write it so
		for _, lang := range slices.Sorted(maps.Keys(byID[id])) {
			n, code := byID[id][lang], strings.TrimRight(lang, "+")
			folded := names.Latin(n, code)
			// Scripts without a transliteration (Chinese, Japanese,
			// Korean, Indic) are left out: Chorus cannot read them yet.
			if folded == enFolded || !names.IsLatin(n) {
				continue
			}
			if _, ok := written[folded]; !ok {
				order = append(order, folded)
				written[folded] = n
			}
			if !slices.Contains(langs[folded], code) {
				langs[folded] = append(langs[folded], code)
			}
		}
		if len(order) == 0 && !strings.HasPrefix(id, "c:") {
			continue // every language spells it as English does
		}
		others := make([]string, len(order))
		for k, folded := range order {
			others[k] = written[folded] + "@" + strings.Join(langs[folded], ",")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", id, en, strings.Join(others, "|"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// generic are words that name a region in GeoNames ("Central", a province
// of Sri Lanka) and, far more often, nothing but themselves.
var generic = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`central centre center capital north south east west northern southern eastern western
		northeast northwest southeast southwest north-east north-west south-east south-west upper lower middle inner outer
		coast coastal island islands lake lakes river mountain mountains valley highlands lowlands plains region province
		district state county city metropolitan federal national mainland interior frontier border`) {
		m[w] = true
	}
	return m
}()

type territory struct{ code, name string }

// territories reads a CLDR locale's names of countries (two-letter codes;
// regions such as "150" and the unknown "ZZ" are left out), short and
// variant forms included.
func territories(file string) ([]territory, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Territories []struct {
			Type string `xml:"type,attr"`
			Alt  string `xml:"alt,attr"`
			Name string `xml:",chardata"`
		} `xml:"localeDisplayNames>territories>territory"`
	}
	if err := xml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var out []territory
	for _, t := range doc.Territories {
		if len(t.Type) != 2 || t.Type[0] < 'A' || t.Type[0] > 'Z' || t.Type == "ZZ" || t.Alt == "menu" {
			continue
		}
		out = append(out, territory{t.Type, t.Name})
	}
	return out, nil
}

// readMO reads a gettext catalogue: message id → translation.
func readMO(file string) (map[string]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if len(b) < 28 {
		return nil, fmt.Errorf("%s: too short for a catalogue", file)
	}
	var order binary.ByteOrder = binary.LittleEndian
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
	case 0xde120495:
		order = binary.BigEndian
	default:
		return nil, fmt.Errorf("%s: not a gettext catalogue", file)
	}
	n, orig, trans := order.Uint32(b[8:]), order.Uint32(b[12:]), order.Uint32(b[16:])
	str := func(table, i uint32) (string, error) {
		at := table + 8*i
		if int(at)+8 > len(b) {
			return "", fmt.Errorf("%s: table out of range", file)
		}
		l, off := order.Uint32(b[at:]), order.Uint32(b[at+4:])
		if int(off)+int(l) > len(b) {
			return "", fmt.Errorf("%s: string out of range", file)
		}
		return string(b[off : off+l]), nil
	}
	out := make(map[string]string, n)
	for i := range n {
		id, err := str(orig, i)
		if err != nil {
			return nil, err
		}
		tr, err := str(trans, i)
		if err != nil {
			return nil, err
		}
		if id != "" {
			out[id] = tr
		}
	}
	return out, nil
}
