package extract

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The United States and NATO said on Wednesday that they had delivered their written replies to the security demands that Russia had made, and Moscow said it would study them before deciding what to do next. The foreign minister said there was no positive answer on the main question.", "en"},
		{"Die Vereinigten Staaten und die Nato haben am Mittwoch ihre schriftlichen Antworten auf die Forderungen Russlands übergeben. Der russische Außenminister sagte, es gebe keine positive Antwort auf die Hauptfrage, die für Moskau wichtig ist, und man werde die Papiere nun prüfen.", "de"},
		{"Les États-Unis et l'Otan ont remis mercredi leurs réponses écrites aux exigences de la Russie. Le ministre russe des Affaires étrangères a déclaré qu'il n'y avait pas de réponse positive sur la question principale, mais que Moscou allait étudier les documents avec attention.", "fr"},
		{"Estados Unidos y la OTAN entregaron el miércoles sus respuestas por escrito a las exigencias de Rusia. El ministro ruso de Exteriores dijo que no había una respuesta positiva sobre la cuestión principal, pero que Moscú estudiaría los documentos con atención antes de decidir.", "es"},
		{"Os Estados Unidos e a Otan entregaram na quarta-feira as suas respostas por escrito às exigências da Rússia. O ministro russo dos Negócios Estrangeiros disse que não houve uma resposta positiva sobre a questão principal, mas que Moscou vai estudar os documentos com atenção.", "pt"},
		{"Министр иностранных дел России Сергей Лавров заявил, что в ответе США нет положительного ответа на главный вопрос, но Москва изучит документы и примет решение о дальнейших шагах.", "ru"},
		{"Міністр закордонних справ України Дмитро Кулеба заявив, що США поділилися письмовою відповіддю з Україною ще до того, як надіслали її до Москви, і що позиція України була врахована.", "uk"},
	}
	for _, tt := range tests {
		if got := detectLanguage(tt.text); got != tt.want {
			t.Errorf("detectLanguage(%.40q…) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// Short pages in Cyrillic are told apart by their letters.
	for text, want := range map[string]string{
		"В Тверской области разбился частный самолёт, на борту были десять человек.":          "ru",
		"У Тверській області розбився приватний літак, на борту було десять людей.":           "uk",
		"Частен самолет се разби в Тверска област, на борда е имало десет души, съобщиха.":    "bg",
		"Приватни авион се срушио у Тверској области, у њему је било десет људи, јавља ТАСС.": "sr",
	} {
		if got := detectLanguage(text); got != want {
			t.Errorf("detectLanguage(%.40q…) = %q, want %q", text, got, want)
		}
	}
	// A list of names has no function words to count: the trigram
	// detector decides, and a mix of languages is not taken for English.
	if got := byFunctionWords("Sergei Lavrov, Antony Blinken, Jens Stoltenberg, Dmytro Kuleba, Olaf Scholz"); got != "" {
		t.Errorf("byFunctionWords on names = %q", got)
	}
}
