package names

import (
	"strings"
	"testing"
)

func TestLatin(t *testing.T) {
	for _, c := range []struct{ in, lang, want string }{
		{"Лавров", "", "lavrov"},
		{"Ławrow", "pl", "lawrow"},
		{"Kılıçdaroğlu", "tr", "kilicdaroglu"},
		{"Ζελένσκι", "el", "zelenski"},
		{"Гройсман", "uk", "hroysman"},
		{"Гройсман", "ru", "groysman"},
		{"U.S.", "", "u.s."},
	} {
		if got := Latin(c.in, c.lang); got != c.want {
			t.Errorf("Latin(%q, %q) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

// TestKeyJoinsSpellings checks that the spellings of one name that
// languages and scripts give it share a key.
func TestKeyJoinsSpellings(t *testing.T) {
	for _, group := range []string{
		"Lavrov:en Lawrow:de Ławrow:pl Лавров:ru Лавровым:ru لافروف:ar",
		"Prigozhin:en Prigoschin:de Prigojine:fr Prigożyn:pl Пригожин:ru Пригожиным:ru بريغوجن:ar",
		"Wagner:en Vagner:pt Вагнер:ru فاغنر:ar",
		"Navalny:en Nawalny:de Navalnîi:ro Навальный:ru Навального:ru Nawalnego:pl",
		"Zelensky:en Selenskyj:de Zelenskyy:en Zełenski:pl Зеленский:ru",
		"Erdogan:en Erdoğan:tr Эрдоган:ru أردوغان:ar",
		"Mohammadi:en Мохаммади:ru محمدي:ar",
		"Netanyahu:en Netanjahu:de Nétanyahou:fr Нетаньяху:ru",
		"Yevgeny:en Jewgeni:de Evgueni:fr Евгений:ru",
		"Hatay:en Hatay:tr Хатай:ru",
		"Djokovic:en Đoković:sr",
	} {
		var first, firstKey string
		for _, f := range strings.Fields(group) {
			word, lang, _ := strings.Cut(f, ":")
			k := Key(word, lang)
			if k == "" {
				t.Errorf("Key(%q, %q) is empty", word, lang)
				continue
			}
			if first == "" {
				first, firstKey = word, k
				continue
			}
			if k != firstKey {
				t.Errorf("Key(%q) = %q, Key(%q) = %q: want one key", first, firstKey, word, k)
			}
		}
	}
}

// TestKeyKeepsNamesApart checks that different names keep different keys.
func TestKeyKeepsNamesApart(t *testing.T) {
	for _, pair := range [][2]string{
		{"Lavrov", "Lukashenko"}, {"Prigozhin", "Putin"}, {"Navalny", "Nabiullina"},
		{"Iran", "Irak"}, {"Moscow", "Minsk"}, {"Erdogan", "Kilicdaroglu"}, {"Starship", "Stockholm"},
	} {
		if a, b := Key(pair[0], ""), Key(pair[1], ""); a == b {
			t.Errorf("Key(%q) = Key(%q) = %q", pair[0], pair[1], a)
		}
	}
	for _, w := range []string{"of", "G7", "2024", ""} {
		if k := Key(w, ""); k != "" {
			t.Errorf("Key(%q) = %q, want none", w, k)
		}
	}
}
