package entities

import (
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/news"
)

// keyOf finds the entity with the name in a list, and fails the test
// when there is none.
func keyOf(t *testing.T, es []news.Entity, name string) (news.Entity, bool) {
	t.Helper()
	e, ok := findEntity(es, name)
	if !ok {
		t.Errorf("no %q in %s", name, describe(es))
	}
	return e, ok
}

// TestOneKeyAcrossScripts checks that the forms languages and scripts
// give one name share the key Entities gives them, in short excerpts of
// real coverage.
func TestOneKeyAcrossScripts(t *testing.T) {
	for _, group := range []struct {
		what  string
		forms []struct{ text, lang, name string }
	}{
		{"Lavrov's surname alone", []struct{ text, lang, name string }{
			{"«Мы не будем отвечать», — заявил Лавров журналистам.", "ru", "Лавров"},
			{"Das sei nicht akzeptabel, sagte Lawrow am Mittwoch.", "de", "Lawrow"},
			{"The talks would go on, Lavrov said.", "en", "Lavrov"},
			{"La réponse viendra plus tard, a dit Lavrov.", "fr", "Lavrov"},
		}},
		{"Sergey Lavrov", []struct{ text, lang, name string }{
			{"Министр иностранных дел России Сергей Лавров провел переговоры в Женеве.", "ru", "Сергей Лавров"},
			{"Russlands Außenminister Sergej Lawrow traf Blinken in Genf.", "de", "Sergej Lawrow"},
			{"Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré Antony Blinken.", "fr", "Sergueï Lavrov"},
			{"Russian Foreign Minister Sergey Lavrov met Antony Blinken in Geneva.", "en", "Sergey Lavrov"},
			{"Russian Foreign Minister Sergei Lavrov met Antony Blinken in Geneva.", "en", "Sergei Lavrov"},
		}},
		{"a declined full name", []struct{ text, lang, name string }{
			{"Блинкен встретился с Сергеем Лавровым в Женеве. Позиция Сергея Лаврова не изменилась.", "ru", "Сергея Лаврова"},
			{"Sergey Lavrov met Blinken.", "en", "Sergey Lavrov"},
		}},
	} {
		t.Run(group.what, func(t *testing.T) {
			first := ""
			for _, f := range group.forms {
				e, ok := keyOf(t, Find(f.text, nil, f.lang).Entities(), f.name)
				if !ok {
					continue
				}
				if e.Key == "" {
					t.Errorf("%q (%s) has no key", f.name, f.lang)
				}
				if first == "" {
					first = e.Key
				} else if e.Key != first {
					t.Errorf("%q (%s) has key %q, want %q", f.name, f.lang, e.Key, first)
				}
			}
		})
	}
}

// TestKeyOfNames checks Key on names that are not places: the lexicon's
// aliases take their canonical name's key, and other names are keyed by
// names.CrossKey (whose tests cover the forms of names across scripts).
func TestKeyOfNames(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		typ        news.EntityType
		want       string
	}{
		{"U.S.", "en", news.OtherEntity, Key("United States", news.OtherEntity, "")},
		{"NATO", "en", news.Organization, Key("North Atlantic Treaty Organization", news.Organization, "")},
		{"Kiev", "en", news.OtherEntity, Key("Kyiv", news.OtherEntity, "")},
		{"  Kiev ", "en", news.OtherEntity, Key("Kyiv", news.OtherEntity, "")},
		{"Сергея Лаврова", "ru", news.Person, names.CrossKey("Сергея Лаврова", "ru")},
		{"Sergej Lawrow", "de", news.Person, "serg lavrov"},
		{"Moskau", "de", news.OtherEntity, names.CrossKey("Moskau", "de")}, // a place's key only as a place
	} {
		if got := Key(c.name, c.typ, c.lang); got != c.want {
			t.Errorf("Key(%q, %s, %s) = %q, want %q", c.name, c.typ, c.lang, got, c.want)
		}
	}
	if Key("U.S.", news.OtherEntity, "en") == names.CrossKey("U.S.", "en") {
		t.Errorf("Key(U.S.) = %q: the lexicon's alias is not mapped", Key("U.S.", news.OtherEntity, "en"))
	}
}

// TestPlacesAcrossLanguages checks that a place named in any language is a
// place with one key, and that a declined Russian name is shown in the
// nominative.
func TestPlacesAcrossLanguages(t *testing.T) {
	var first string
	for _, c := range []struct{ text, lang, name string }{
		{"Die Söldner marschierten in Richtung Moskau, Putin sprach von Verrat.", "de", "Moskau"},
		{"Les mercenaires ont marché sur Moscou avant de faire demi-tour.", "fr", "Moscou"},
		{"В Москве объявили режим контртеррористической операции.", "ru", "Москва"},
		{"Wagner fighters advanced towards Moscow on Saturday.", "en", "Moscow"},
		{"وأعلنت السلطات حالة الطوارئ في موسكو يوم السبت.", "ar", "موسكو"},
	} {
		es := Find(c.text, nil, c.lang).Entities()
		e, ok := keyOf(t, es, c.name)
		if !ok {
			continue
		}
		if e.Type != news.Place {
			t.Errorf("%q (%s) is %s, want place", c.name, c.lang, e.Type)
		}
		if first == "" {
			first = e.Key
		} else if e.Key != first {
			t.Errorf("%q (%s) has key %q, want %q", c.name, c.lang, e.Key, first)
		}
	}
	if first != "p:g:524901" {
		t.Errorf("Moscow's key is %q, want the place table's p:g:524901", first)
	}
	es := Find("Мятеж начался в Ростове-на-Дону. Из Ростова колонна пошла к Москве; в Москве ввели режим КТО. Москва ждала.", nil, "ru").Entities()
	if e, ok := keyOf(t, es, "Москва"); ok && (e.Mentions != 3 || strings.Join(e.Aliases, "|") != "Москве") {
		t.Errorf("Москва: %d mentions, aliases %q; want 3 and Москве", e.Mentions, e.Aliases)
	}
	if e := Key("Türkei", news.Place, "de"); e != Key("Турция", news.Place, "ru") || e != Key("Turkey", news.Place, "en") {
		t.Errorf("Key(Türkei) = %q, Key(Турция) = %q, Key(Turkey) = %q", e, Key("Турция", news.Place, "ru"), Key("Turkey", news.Place, "en"))
	}
}

// TestOtherScripts checks recognition in Cyrillic and Arabic script.
func TestOtherScripts(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []want
		absent           []string
	}{
		{"declined forms are one person, named in the nominative", "ru",
			"Президент России Владимир Путин провел встречу с Евгением Пригожиным. Позже Пригожин заявил, что его бойцы вернутся. " +
				"Евгений Пригожин покинул Ростов. Слова Пригожина подтвердил Дмитрий Песков.",
			[]want{{"Евгений Пригожин", news.Person, nil, 4}, {"Владимир Путин", news.Person, nil, 1}, {"Дмитрий Песков", news.Person, nil, 1},
				{"Россия", news.Place, []string{"России"}, 1}, {"Ростов", news.Place, nil, 1}},
			[]string{"Евгением Пригожиным", "Позже", "Президент"}},
		{"a title or a verb of saying makes a person", "ru",
			"Об этом сообщил министр Шойгу. Песков заявил, что Кремль не комментирует.",
			[]want{{"Шойгу", news.Person, nil, 1}, {"Песков", news.Person, nil, 1}}, nil},
		{"acronyms, and lexicon names through their transliteration", "ru",
			"По данным ФСБ, генсек НАТО приедет в Киев.",
			[]want{{"ФСБ", news.Organization, nil, 1}, {"НАТО", news.Organization, nil, 1}, {"Киев", news.Place, nil, 1}}, nil},
		{"an adjective opening a name in lower case is no name alone", "ru",
			"Сотрудники Федеральной службы безопасности прибыли на место. Самолет упал в Тверской области.",
			[]want{{"Тверской области", news.Place, nil, 1}},
			[]string{"Федеральной"}},
		{"Arabic: a place after a preposition, a titled person and his surname alone", "ar",
			"أعلن الرئيس البيلاروسي ألكسندر لوكاشينكو أن الاتفاق تم في موسكو. وقال لوكاشينكو إن الأزمة انتهت.",
			[]want{{"ألكسندر لوكاشينكو", news.Person, []string{"لوكاشينكو"}, 2}, {"موسكو", news.Place, nil, 1}},
			[]string{"أعلن", "الرئيس"}},
		{"Arabic: words that sound like names or places are not", "ar",
			"توج الفريق بطلا لدوري أبطال أوروبا بعد فوزه على إنتر، وساعد المدافع في الهدف. ويعد هذا اللقب الأول في دوري أبطال أوروبا.",
			nil,
			[]string{"لدوري أبطال", "أبطال", "ساعد", "طلا", "أوروبا"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEntities(t, Find(tt.text, nil, tt.lang).Entities(), tt.want, tt.absent)
		})
	}
}

// TestLexiconNamesInOtherScripts checks that a lexicon name written in
// another script keeps the article's form but the lexicon name's key.
func TestLexiconNamesInOtherScripts(t *testing.T) {
	es := Find("По данным ФСБ, генсек НАТО приедет в Киев.", nil, "ru").Entities()
	for name, en := range map[string]string{"НАТО": "NATO", "ФСБ": "FSB"} {
		if e, ok := keyOf(t, es, name); ok && e.Key != Key(en, e.Type, "en") {
			t.Errorf("%q has key %q, %q has %q", name, e.Key, en, Key(en, e.Type, "en"))
		}
	}
}

// TestGermanNouns checks that in a language that capitalises its nouns
// the place table and given names tell names from nouns.
func TestGermanNouns(t *testing.T) {
	es := Find("Außenminister Sergej Lawrow reiste nach Moskau. Die Kolonne fuhr in Richtung Moskau und stand im Süden Russlands. "+
		"Das Essen wurde kalt, am Ende sprach Chef Jewgeni Prigoschin. Prigoschins Leute zogen ab.", nil, "de").Entities()
	for _, w := range []want{
		{"Sergej Lawrow", news.Person, nil, 1},
		{"Jewgeni Prigoschin", news.Person, []string{"Prigoschins"}, 2},
		{"Moskau", news.Place, nil, 2},
		{"Russlands", news.Place, nil, 1},
	} {
		e, ok := findEntity(es, w.name)
		switch {
		case !ok:
			t.Errorf("no %s %q in %s", w.typ, w.name, describe(es))
		case e.Type != w.typ || e.Mentions != w.count || w.aliases != nil && strings.Join(e.Aliases, "|") != strings.Join(w.aliases, "|"):
			t.Errorf("%q: %s, %d mentions, aliases %q; want %s, %d, %q", w.name, e.Type, e.Mentions, e.Aliases, w.typ, w.count, w.aliases)
		}
	}
	for _, e := range es {
		if e.Type == news.Place && (e.Name == "Süden" || e.Name == "Essen" || e.Name == "Ende" || e.Name == "Richtung") {
			t.Errorf("%q is no place here: %s", e.Name, describe(es))
		}
		if strings.HasPrefix(e.Name, "Außenminister") || strings.HasPrefix(e.Name, "Chef") {
			t.Errorf("the title is not the name: %s", describe(es))
		}
	}
}
