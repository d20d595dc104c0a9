package places

import "testing"

// TestOnePlaceAcrossLanguages checks that the names languages give one
// place, inflected forms among them, find it.
func TestOnePlaceAcrossLanguages(t *testing.T) {
	for _, c := range []struct {
		id    string
		forms []string // name:language
	}{
		{"g:524901", []string{"Moscow:en", "Moskau:de", "Moscou:fr", "Москва:ru", "Москве:ru", "Москвы:ru", "Mosca:it", "موسكو:ar"}},
		{"c:TR", []string{"Turkey:en", "Türkei:de", "Turquie:fr", "Турция:ru", "Turquía:es", "Türkiye:tr"}},
		{"g:501175", []string{"Rostov-on-Don:en", "Rostow am Don:de", "Rostov-sur-le-Don:fr", "Ростов-на-Дону:ru"}},
		{"c:DE", []string{"Germany:en", "Deutschland:de", "Allemagne:fr", "Германии:ru"}},
	} {
		for _, f := range c.forms {
			name, lang := f[:len(f)-3], f[len(f)-2:]
			p, ok := Lookup(name, lang)
			if !ok || p.ID != c.id {
				t.Errorf("Lookup(%q, %q) = %+v, %v; want %s", name, lang, p, ok, c.id)
			}
		}
	}
}

func TestLookupMisses(t *testing.T) {
	for _, w := range []string{"Prigozhin", "the", "", "Starship"} {
		if p, ok := Lookup(w, "en"); ok {
			t.Errorf("Lookup(%q) = %+v, want no place", w, p)
		}
	}
}

// TestWordsOfOneLanguageAreNotOthersPlaces checks that a common word of a
// language is not taken for another language's name of a place.
func TestWordsOfOneLanguageAreNotOthersPlaces(t *testing.T) {
	for _, c := range [][2]string{{"Laut", "de"}, {"Selon", "fr"}, {"Central", "en"}} {
		if p, ok := Lookup(c[0], c[1]); ok {
			t.Errorf("Lookup(%q, %q) = %+v, want no place", c[0], c[1], p)
		}
	}
}
