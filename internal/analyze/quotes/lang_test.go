package quotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/analyze/entities"
	"github.com/chorusnews/chorus/internal/words"
)

// checkLang runs FindWith on text in lang and requires exactly the quotes
// of ws, in order, and no speaker that opens with a stop word of lang.
func checkLang(t *testing.T, lang, text string, ws ...want) {
	t.Helper()
	got := FindWith(text, nil, Options{Lang: lang})
	for _, q := range got {
		if f := strings.Fields(q.Speaker); len(f) > 0 && words.For(lang).Stop(strings.ToLower(f[0])) {
			t.Errorf("%q: speaker %q is a function word", text, q.Speaker)
		}
	}
	match(t, text, got, ws)
}

// TestSpeakerFilter: in French, German, Russian and Spanish a speaker is a
// person or organisation the entity recogniser finds, cleaned of the
// titles and nouns before the name, or a pronoun resolved to one; a
// function word, a lone noun or a phrase is no speaker, and the quote
// keeps none (or is dropped when nothing but that speaker made it
// speech).
func TestSpeakerFilter(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []want
	}{
		// French
		{"fr: a name", "fr",
			"« Nous sommes prêts », a déclaré Emmanuel Macron.",
			[]want{{"Emmanuel Macron", "Nous sommes prêts", "a déclaré", true}}},
		{"fr: a preposition opening the sentence", "fr",
			"En réaction, un « régime d'opération antiterroriste » est instauré à Moscou.",
			nil},
		{"fr: an adjective opening the sentence", "fr",
			"Différentes sources affirme que l'armée a reculé près de Rostov.",
			[]want{{"", "l'armée a reculé près de Rostov", "affirme", false}}},
		{"fr: an honorific", "fr",
			"Thomas Bach a ouvert la cérémonie. « Ces Jeux ont été sensationnels », a déclaré M. Bach.",
			[]want{{"Thomas Bach", "Ces Jeux ont été sensationnels", "a déclaré", true}}},
		// German
		{"de: a title compound", "de",
			"Verteidigungsminister Boris Pistorius sagte, die Lage sei ernst.",
			[]want{{"Boris Pistorius", "die Lage sei ernst", "sagte", false}}},
		{"de: a lone noun", "de",
			"Die Armee sagte, die Lage sei ruhig.",
			[]want{{"", "die Lage sei ruhig", "sagte", false}}},
		{"de: a noun glued to a name", "de",
			"Jewgenij Prigoschin führt die Wagner-Truppe. Das sind die Widersacher, deren Erschießung Prigoschin gefordert hat. „Wir fliehen nirgendwohin“, sagt Prigoschin.",
			[]want{{"Jewgenij Prigoschin", "Wir fliehen nirgendwohin", "sagt", true}}},
		{"de: a phrase running past the name", "de",
			"Sergej Lawrow traf seinen Kollegen in Genf. „Wir haben keine Antwort erhalten“, sagte Lawrow nach dem Treffen.",
			[]want{{"Sergej Lawrow", "Wir haben keine Antwort erhalten", "sagte", true}}},
		// Russian
		{"ru: a dash after the comma", "ru",
			"«Мы не получили положительного ответа», — заявил Сергей Лавров после встречи.",
			[]want{{"Сергей Лавров", "Мы не получили положительного ответа", "заявил", true}}},
		{"ru: a name", "ru",
			"Сергей Лавров заявил, что ответа нет.",
			[]want{{"Сергей Лавров", "ответа нет", "заявил", false}}},
		{"ru: a preposition opening the sentence", "ru",
			"В течение суток колонна развернулась, чтобы «не проливать кровь» на улицах.",
			nil},
		{"ru: a pronoun and its noun", "ru",
			"Его пресс-служба сообщила, что переговоры шли весь день.",
			[]want{{"", "переговоры шли весь день", "сообщила", false}}},
		// Spanish
		{"es: a name", "es",
			"Pedro Sánchez dijo que las conversaciones continúan.",
			[]want{{"Pedro Sánchez", "las conversaciones continúan", "dijo", false}}},
		{"es: a conjunction", "es",
			"Benjamín Netanyahu advirtió que Irán cometió un error. Y aseguró que la nación pagará un precio alto.",
			[]want{
				{"Benjamín Netanyahu", "Irán cometió un error", "advirtió", false},
				{"", "la nación pagará un precio alto", "aseguró", false},
			}},
		{"es: a description", "es",
			"Según los primeros balances, el sismo dejó más de 200 muertos.",
			[]want{{"", "el sismo dejó más de 200 muertos", "Según", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkLang(t, tt.lang, tt.text, tt.want...) })
	}
}

// TestEntitiesGiven: the entities the caller recognised serve as those
// recognised here would.
func TestEntitiesGiven(t *testing.T) {
	text := "Jewgenij Prigoschin führt die Wagner-Truppe. Das sind die Widersacher, deren Erschießung Prigoschin gefordert hat. „Wir fliehen nirgendwohin“, sagt Prigoschin. Die Armee sagte, die Lage sei ruhig."
	got := FindWith(text, nil, Options{Lang: "de", Entities: entities.Find(text, nil, "de").Entities()})
	if want := FindWith(text, nil, Options{Lang: "de"}); !slices.Equal(got, want) || len(got) != 2 {
		t.Errorf("given entities:\n%s\nrecognised here:\n%s", dump(got), dump(want))
	}
}

// TestNoRulesNoSpeakerNoQuote: in a language whose cues Chorus does not
// know, a quotation nobody the text names said is left out.
func TestNoRulesNoSpeakerNoQuote(t *testing.T) {
	text := "Bakanlık açıklamasında şunları söyledi: “Depremde altı vatandaşımızı kaybettik.”"
	if got := FindWith(text, nil, Options{Lang: "tr"}); len(got) != 0 {
		t.Errorf("quotes = %s", dump(got))
	}
}

// TestGuessLang: Find tells the language from the function words; a text
// too short to tell keeps the English rules.
func TestGuessLang(t *testing.T) {
	for text, lang := range map[string]string{
		"The minister said on Monday that the talks would go on, and that the answer of the West was not enough.":       "en",
		"Der Minister sagte am Montag, dass die Gespräche weitergehen und die Antwort des Westens nicht genug sei.":     "de",
		"Le ministre a déclaré lundi que les discussions continuent et que la réponse de l'Occident ne suffit pas.":     "fr",
		"El ministro dijo el lunes que las conversaciones continúan y que la respuesta de Occidente no es suficiente.":  "es",
		"Министр заявил в понедельник, что переговоры продолжатся и что ответ Запада не является достаточным для него.": "ru",
		"„Wir sind bereit“, sagte Olaf Scholz.": "",
	} {
		f := &finder{text: text}
		f.init(nil, new(perToken), "", nil)
		if got := f.guessLang(); got != lang {
			t.Errorf("%q: language %q, want %q", text, got, lang)
		}
	}
}
