package facts

import (
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// languageCase is one text in one language: the facts it must give and
// the values it must not.
type languageCase struct {
	lang, text, published string
	want                  []news.Fact
	absent                []string
}

func checkLanguageCases(t *testing.T, cases []languageCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.lang+" "+c.text, func(t *testing.T) {
			got := Find(c.text, nil, c.published, c.lang)
			for _, w := range c.want {
				if !has(got, w) {
					t.Errorf("missing %s %q=%q %q q=%q in%s", w.Kind, w.Text, w.Value, w.Unit, w.Qualifier, show(got))
				}
			}
			for _, v := range c.absent {
				for _, f := range got {
					if f.Value == v || f.Text == v {
						t.Errorf("unexpected %s %q=%q %q in%s", f.Kind, f.Text, f.Value, f.Unit, show(got))
					}
				}
			}
			for _, f := range got {
				if !strings.Contains(c.text, f.Sentence) || !strings.Contains(f.Sentence, f.Text) {
					t.Errorf("fact %q: sentence %q", f.Text, f.Sentence)
				}
			}
		})
	}
}

// TestNumbersInLanguages: one figure written the way each language
// writes it has one value.
func TestNumbersInLanguages(t *testing.T) {
	troops := func(text, unit string) news.Fact { return fact(news.FactCount, text, "8500", unit, "") }
	checkLanguageCases(t, []languageCase{
		// 8500, grouped each language's way
		{"de", "Die Armee hat 8.500 Soldaten.", "", []news.Fact{troops("8.500 Soldaten", "soldaten")}, nil},
		{"de", "Nach Auszählung von mehr als 97 Prozent der Stimmen.", "", []news.Fact{fact(news.FactPercent, "mehr als 97 Prozent", "97", "%", "mehr als")}, nil},
		{"fr", "L'Iran a tiré plus de 300 drones et au moins 20 missiles.", "", []news.Fact{fact(news.FactCount, "plus de 300 drones", "300", "drones", "plus de"),
			fact(news.FactCount, "au moins 20 missiles", "20", "missiles", "au moins")}, nil},
		{"es", "Murieron más de 50 personas.", "", []news.Fact{fact(news.FactCount, "más de 50 personas", "50", "personas", "más de")}, nil},
		{"de", "Die Zahl der Toten ist auf mehr als 3000 gestiegen, darunter 300 neue Opfer.", "",
			[]news.Fact{fact(news.FactCount, "300 neue Opfer", "300", "opfer", "")}, []string{"3000 gestiegen"}}, // a verb in lower case counts nothing
		{"fr", "L'armée compte 8 500 soldats.", "", []news.Fact{troops("8 500 soldats", "soldats")}, nil},
		{"fr", "L'armée compte 8\u00a0500 soldats.", "", []news.Fact{troops("8\u00a0500 soldats", "soldats")}, nil},
		{"fr", "L'armée compte 8\u202f500 soldats.", "", []news.Fact{troops("8\u202f500 soldats", "soldats")}, nil},
		{"ru", "В армии 8 500 солдат.", "", []news.Fact{troops("8 500 солдат", "солдат")}, nil},
		{"es", "El ejército tiene 8.500 soldados.", "", []news.Fact{troops("8.500 soldados", "soldados")}, nil},
		{"it", "L'esercito ha 8.500 soldati.", "", []news.Fact{troops("8.500 soldati", "soldati")}, nil},
		{"pt", "O exército tem 8.500 soldados.", "", []news.Fact{troops("8.500 soldados", "soldados")}, nil},
		{"tr", "Ordunun 8.500 askeri var.", "", []news.Fact{troops("8.500 askeri", "askeri")}, nil},
		{"nl", "Het leger heeft 8.500 soldaten.", "", []news.Fact{troops("8.500 soldaten", "soldaten")}, nil},
		{"en", "The army has 8,500 troops.", "", []news.Fact{troops("8,500 troops", "troops")}, nil},
		{"", "The army has 8,500 troops.", "", []news.Fact{troops("8,500 troops", "troops")}, nil},
		{"fr", "Il y a 1 000 000 de personnes.", "", []news.Fact{fact(news.FactNumber, "1 000 000", "1000000", "", "")}, nil},
		{"fr", "En 2022 300 soldats sont partis.", "", []news.Fact{fact(news.FactCount, "300 soldats", "300", "soldats", "")}, []string{"2022300"}},

		// 7.8, with a decimal comma
		{"fr", "Un séisme de magnitude 7,8.", "", []news.Fact{fact(news.FactNumber, "7,8", "7.8", "", "")}, nil},
		{"de", "Ein Beben der Stärke 7,8.", "", []news.Fact{fact(news.FactNumber, "7,8", "7.8", "", "")}, nil},
		{"es", "Un sismo de magnitud 7,8.", "", []news.Fact{fact(news.FactNumber, "7,8", "7.8", "", "")}, nil},
		{"it", "Un terremoto di magnitudo 7,8.", "", []news.Fact{fact(news.FactNumber, "7,8", "7.8", "", "")}, nil},
		{"pt", "Um sismo de magnitude 7,8.", "", []news.Fact{fact(news.FactNumber, "7,8", "7.8", "", "")}, nil},
		{"ru", "Землетрясение магнитудой 7,8.", "", []news.Fact{fact(news.FactNumber, "7,8", "7.8", "", "")}, nil},
		// a magnitude and a distance in fractions measure: they count nothing
		{"tr", "Deprem 7,8 büyüklüğündeydi; 6.4 büyüklüğünde bir deprem daha oldu.", "",
			[]news.Fact{fact(news.FactNumber, "7,8 büyüklüğündeydi", "7.8", "büyüklüğündeydi", ""), fact(news.FactNumber, "6.4 büyüklüğünde", "6.4", "büyüklüğünde", "")}, nil},
		{"nl", "Een aardbeving met een kracht van 7,8.", "", []news.Fact{fact(news.FactNumber, "7,8", "7.8", "", "")}, nil},
		{"fr", "Il a couru 8,500 kilomètres.", "", []news.Fact{fact(news.FactNumber, "8,500 kilomètres", "8.5", "kilomètres", "")}, nil}, // a decimal comma
		{"es", "Hubo 2.320 heridos y 1.234.567,5 euros.", "", []news.Fact{fact(news.FactCount, "2.320 heridos", "2320", "heridos", ""),
			fact(news.FactAmount, "1.234.567,5 euros", "1234567.5", "EUR", "")}, nil},

		// per cent
		{"fr", "Il a obtenu 52,16% des voix, son rival 3,75 % et le dernier 1,5\u202f%.", "",
			[]news.Fact{fact(news.FactPercent, "52,16%", "52.16", "%", ""), fact(news.FactPercent, "3,75 %", "3.75", "%", ""), fact(news.FactPercent, "1,5\u202f%", "1.5", "%", "")}, nil},
		{"de", "Er kam auf 49,5 Prozent der Stimmen.", "", []news.Fact{fact(news.FactPercent, "49,5 Prozent", "49.5", "%", "")}, nil},
		{"es", "La inflación fue del 5 por ciento.", "", []news.Fact{fact(news.FactPercent, "5 por ciento", "5", "%", "")}, nil},
		{"ru", "Инфляция составила 3,5 процента.", "", []news.Fact{fact(news.FactPercent, "3,5 процента", "3.5", "%", "")}, nil},
		{"tr", "Enflasyon %25 oldu, işsizlik yüzde 9,5.", "",
			[]news.Fact{fact(news.FactPercent, "%25", "25", "%", ""), fact(news.FactPercent, "yüzde 9,5", "9.5", "%", "")}, nil},
		{"de", "Die EZB senkt den Zins um 0,25 Prozentpunkte auf 3,75 Prozent.", "",
			[]news.Fact{fact(news.FactPercent, "0,25 Prozentpunkte", "0.25", "percentage points", ""), fact(news.FactPercent, "3,75 Prozent", "3.75", "%", "")}, nil},
		{"de", "Die Fed senkt um 25 Basispunkte.", "", []news.Fact{fact(news.FactPercent, "25 Basispunkte", "25", "basis points", "")}, nil},
		{"fr", "La BCE baisse ses taux de 25 points de base.", "", []news.Fact{fact(news.FactPercent, "25 points de base", "25", "basis points", "")}, nil},
		{"it", "Un taglio di 25 punti base.", "", []news.Fact{fact(news.FactPercent, "25 punti base", "25", "basis points", "")}, nil},

		// scales and currencies
		{"de", "Das Paket kostet 1,5 Mrd. Euro, 64 Millionen Menschen zahlen.", "",
			[]news.Fact{fact(news.FactAmount, "1,5 Mrd. Euro", "1500000000", "EUR", ""), fact(news.FactCount, "64 Millionen Menschen", "64000000", "menschen", "")}, nil},
		{"de", "Die Schulden liegen bei 2 Billionen Dollar.", "", []news.Fact{fact(news.FactAmount, "2 Billionen Dollar", "2000000000000", "USD", "")}, nil},
		{"fr", "Un plan de 8,5 milliards d'euros pour 2 millions d'habitants.", "",
			[]news.Fact{fact(news.FactAmount, "8,5 milliards d'euros", "8500000000", "EUR", ""), fact(news.FactCount, "2 millions d'habitants", "2000000", "habitants", "")}, nil},
		{"es", "Un préstamo de 5 mil millones de dólares.", "", []news.Fact{fact(news.FactAmount, "5 mil millones de dólares", "5000000000", "USD", "")}, nil},
		{"ru", "Ущерб составил 2 млрд рублей, погибли 40 человек.", "",
			[]news.Fact{fact(news.FactAmount, "2 млрд рублей", "2000000000", "RUB", ""), fact(news.FactCount, "40 человек", "40", "человек", "")}, nil},
		{"fr", "Le billet coûte 500 € et 20 $.", "", []news.Fact{fact(news.FactAmount, "500 €", "500", "EUR", ""), fact(news.FactAmount, "20 $", "20", "USD", "")}, nil},
	})
}

// TestUnknownLanguageStaysEnglish: with no language the finder reads as
// it always has, German grouping dot and all.
func TestUnknownLanguageStaysEnglish(t *testing.T) {
	for _, text := range []string{
		"Die Armee hat 8.500 Soldaten.",
		"Il est arrivé le 26 janvier avec 8 500 soldats.",
		"Moscow has concentrated over 120,000 troops since 2014 on Jan. 26.",
	} {
		if a, b := show(Find(text, nil, "2022-01-27", "")), show(Find(text, nil, "2022-01-27", "en")); a != b {
			t.Errorf("%q: \"\" gives%s\n\"en\" gives%s", text, a, b)
		}
	}
	if got := Find("Die Armee hat 8.500 Soldaten.", nil, "", ""); !has(got, fact(news.FactNumber, "8.500", "8.5", "", "")) {
		t.Errorf("English reading of 8.500 changed:%s", show(got))
	}
}

func TestNormaliseComma(t *testing.T) {
	for in, want := range map[string]string{
		"7,8": "7.8", "8.500": "8500", "1.234.567": "1234567", "1.234,5": "1234.5", "1,234.5": "1234.5",
		"1,234,567": "1234567", "6.4": "6.4", "0,25": "0.25", "3,50": "3.5", "007": "7",
	} {
		if got, ok := normaliseComma(in); !ok || got != want {
			t.Errorf("normaliseComma(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"1.2.3", "1,2,3"} {
		if got, ok := normaliseComma(in); ok {
			t.Errorf("normaliseComma(%q) = %q; want no number", in, got)
		}
	}
}
