package entities

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/news"
	placetable "github.com/chorusnews/chorus/internal/places"
)

// Key returns the key under which articles in any language and script
// name one entity, as Entities sets it: "p:" and the place table's id for
// a place the table knows (Moscow, Moskau, Moscou and Москве are
// "p:g:524901"), else the names.CrossKey of the name, a lexicon alias
// taken for its canonical name first (U.S. for United States): its words
// transliterated to Latin, spelling variants folded, case endings and
// final vowels cut, so that Sergey Lavrov, Sergej Lawrow, Sergueï Lavrov
// and Сергей Лавров (or Сергея Лаврова) share "serg lavrov". lang is the
// language the name is written in, "" when unknown.
//
// The key is coarser than NameKey: names that differ only in their final
// vowels share one (Maria and Mario). Spellings that languages give one
// name beyond what folds (Prigoschin, Prigojine, Prigozhin) keep their
// own keys; a story's digest joins them by their sound.
func Key(name string, typ news.EntityType, lang string) string {
	if typ == news.Place {
		if pl, ok := placetable.Lookup(name, lang); ok {
			return "p:" + pl.ID
		}
	}
	return crossKey(name, lang)
}

// key is the Key of an entity of the index.
func (x *Index) key(e *entity) string {
	if e.place != "" {
		return "p:" + e.place
	}
	if e.typ == news.Place {
		if id := placeOf(e); id != "" {
			return "p:" + id
		}
	}
	if e.canon != "" {
		return crossKey(e.canon, "")
	}
	return crossKey(e.name, x.lang)
}

// lexiconPlaces caches the place table's id of the lexicon's places by
// their canonical name ("" for none): there are a few hundred of them,
// named in most articles.
var lexiconPlaces sync.Map

// placeOf returns the place table's id of a place the recogniser found
// without one: a lexicon place by its canonical name, or a name read as a
// place by its context ("the city of Avdiivka"), as written.
func placeOf(e *entity) string {
	if e.canon == "" {
		if pl, ok := placetable.Lookup(e.name, ""); ok {
			return pl.ID
		}
		return ""
	}
	if id, ok := lexiconPlaces.Load(e.canon); ok {
		return id.(string)
	}
	id := ""
	if pl, ok := placetable.Lookup(e.canon, ""); ok {
		id = pl.ID
	}
	lexiconPlaces.Store(e.canon, id)
	return id
}

// placeNominative returns the nominative of a declined Cyrillic place
// name ("Москве" → "Москва") when the place table has that form for the
// same place; else the name as it is.
func placeNominative(name, id string) string {
	if strings.ContainsRune(name, ' ') {
		return name
	}
	if pl, ok := placetable.Lookup(name, ""); ok && pl.ID == id {
		return name
	}
	var buf [16]string
	for _, c := range nominatives(strings.ToLower(name), buf[:0])[1:] {
		if pl, ok := placetable.Lookup(c, ""); ok && pl.ID == id {
			r, size := utf8.DecodeRuneInString(c)
			return string(unicode.ToUpper(r)) + c[size:]
		}
	}
	return name
}

// nominativeOrder compares two forms of one declined name, word by word:
// negative when a reads more like the nominative than b (Лавров before
// Лаврова, Сергей before Сергея, Москва before Москве, Захарова before
// Захаровой), positive when b does, 0 when neither.
func nominativeOrder(a, b string) int {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(wa) != len(wb) {
		return 0
	}
	d := 0
	for i := range wa {
		x, y := wa[i], wb[i]
		n := 0
		for n < len(x) && n < len(y) && x[n] == y[n] {
			n++
		}
		// back to a rune boundary
		for n > 0 && n < len(x) && !utf8.RuneStart(x[n]) {
			n--
		}
		d += caseRank(x[n:]) - caseRank(y[n:])
	}
	return d
}

// caseRank ranks the end of a declined word after what its forms share:
// 0 for nothing (Лавров, not Лаврова), then the endings of the nominative
// (-й, -ь; -а, -я, -о), then -ой and -ей, which end nominatives
// (Толстой, Сергей) as often as other cases, then the rest.
func caseRank(end string) int {
	switch end {
	case "":
		return 0
	case "й", "ь", "ий", "ый", "ій", "ї", "їй":
		return 1
	case "а", "я", "ия", "ая", "ія", "о":
		return 2
	case "ой", "ей":
		return 3
	}
	return 4
}
