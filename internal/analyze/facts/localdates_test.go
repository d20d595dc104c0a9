package facts

import (
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

func dateFact(text, value string) news.Fact { return fact(news.FactDate, text, value, "", "") }

// TestDatesInLanguages: one day written the way each language writes it
// resolves to one value, and its month is not counted.
func TestDatesInLanguages(t *testing.T) {
	const pub = "2022-01-27" // a Thursday
	checkLanguageCases(t, []languageCase{
		{"fr", "Le sommet s'est tenu le 26 janvier 2022 à Paris.", pub, []news.Fact{dateFact("26 janvier 2022", "2022-01-26")}, []string{"26", "2022"}},
		{"fr", "Il est arrivé le 26 janvier, puis le 1er février.", pub, []news.Fact{dateFact("26 janvier", "2022-01-26"), dateFact("1er février", "2022-02-01")}, []string{"26", "1"}},
		{"de", "Am 26. Januar 2022 kam er in Moskau an.", pub, []news.Fact{dateFact("26. Januar 2022", "2022-01-26")}, []string{"26", "2022"}},
		{"de", "Er kam am 26. Januar.", pub, []news.Fact{dateFact("26. Januar", "2022-01-26")}, []string{"26"}},
		{"es", "El 26 de enero de 2022 llegó a Madrid.", pub, []news.Fact{dateFact("26 de enero de 2022", "2022-01-26")}, []string{"26"}},
		{"es", "El 1 de octubre de 2024, Irán lanzó misiles.", "2024-10-02", []news.Fact{dateFact("1 de octubre de 2024", "2024-10-01")}, []string{"1"}},
		{"it", "Il vertice si è tenuto il 26 gennaio a Roma.", pub, []news.Fact{dateFact("26 gennaio", "2022-01-26")}, []string{"26"}},
		{"pt", "Em 26 de janeiro de 2022 chegou a Lisboa.", pub, []news.Fact{dateFact("26 de janeiro de 2022", "2022-01-26")}, []string{"26"}},
		{"ru", "26 января 2022 г. он прибыл в Москву.", pub, []news.Fact{dateFact("26 января 2022", "2022-01-26")}, []string{"26"}},
		{"tr", "26 Ocak 2022 tarihinde geldi; 20 Şubat'ta döndü.", pub, []news.Fact{dateFact("26 Ocak 2022", "2022-01-26"), dateFact("20 Şubat'ta", "2022-02-20")}, []string{"26", "20"}},
		{"nl", "Op 26 januari kwam hij aan.", pub, []news.Fact{dateFact("26 januari", "2022-01-26")}, []string{"26"}},
		{"pl", "Przyjechał 26 stycznia 2022 roku.", pub, []news.Fact{dateFact("26 stycznia 2022", "2022-01-26")}, nil},
		{"ro", "A sosit pe 26 ianuarie.", pub, []news.Fact{dateFact("26 ianuarie", "2022-01-26")}, nil},
		{"hu", "2022. január 26-án érkezett.", pub, []news.Fact{dateFact("2022. január 26", "2022-01-26")}, nil},
		{"tl", "Dumating siya noong Enero 26, 2022.", pub, []news.Fact{dateFact("Enero 26, 2022", "2022-01-26")}, nil},
		{"xx", "Le 26 janvier 2022.", pub, []news.Fact{dateFact("26 janvier 2022", "2022-01-26")}, nil}, // a language without a lexicon
		{"en", "It was delivered on Jan. 26 and on January 30, 2022.", pub, []news.Fact{dateFact("Jan. 26", "2022-01-26"), dateFact("January 30, 2022", "2022-01-30")}, nil},

		// short forms: with their stop, or beside a year; alone they may be words
		{"fr", "Signé le 26 janv. à Paris, le 3 sept 2021 à Lyon.", pub, []news.Fact{dateFact("26 janv.", "2022-01-26"), dateFact("3 sept 2021", "2021-09-03")}, nil},
		{"it", "Ha vinto in 3 set la finale.", pub, nil, []string{"--09-03", "2021-09-03"}},
		{"it", "Firmato il 3 set 2021.", pub, []news.Fact{dateFact("3 set 2021", "2021-09-03")}, nil},

		// a comma before a year is the month-first languages' way only
		{"fr", "Le 3 mai, 2000 personnes ont manifesté.", "2022-05-10", []news.Fact{dateFact("3 mai", "2022-05-03")}, []string{"2000-05-03"}},

		// a month and its year
		{"fr", "La guerre a repris en janvier 2022.", pub, []news.Fact{dateFact("janvier 2022", "2022-01")}, nil},
		{"es", "Ocurrió en septiembre de 2022.", pub, []news.Fact{dateFact("septiembre de 2022", "2022-09")}, nil},

		// two days of one month: each day a date
		{"fr", "L'attaque a eu lieu dans la nuit du samedi 13 au dimanche 14 avril 2024.", "2024-04-15",
			[]news.Fact{dateFact("samedi 13 au dimanche 14 avril 2024", "2024-04-13"), dateFact("dimanche 14 avril 2024", "2024-04-14")}, []string{"13"}},
		{"de", "Der Gipfel findet vom 13.–14. April 2024 statt.", "2024-04-01",
			[]news.Fact{dateFact("13.–14. April 2024", "2024-04-13"), dateFact("14. April 2024", "2024-04-14")}, nil},
		{"es", "La cumbre será del 13 al 14 de abril.", "2024-04-01",
			[]news.Fact{dateFact("13 al 14 de abril", "2024-04-13"), dateFact("14 de abril", "2024-04-14")}, nil},

		// weekdays, resolved against the publication date as in English
		{"fr", "Lundi, le président a parlé.", pub, []news.Fact{dateFact("Lundi", "2022-01-24")}, nil},
		{"fr", "Le président a parlé ce mercredi.", pub, []news.Fact{dateFact("mercredi", "2022-01-26")}, nil},
		{"fr", "Il arrivera dimanche 30 janvier.", pub, []news.Fact{dateFact("dimanche 30 janvier", "2022-01-30")}, nil},
		{"de", "Am Mittwoch kam er an.", pub, []news.Fact{dateFact("Mittwoch", "2022-01-26")}, nil},
		{"es", "El miércoles llegó a Madrid.", pub, []news.Fact{dateFact("miércoles", "2022-01-26")}, nil},
		{"ru", "Окружающая среда страдает.", pub, nil, []string{"2022-01-26"}}, // "среда" is also "environment"
		{"de", "Am Mittwoch kam er an.", "", nil, []string{"Mittwoch"}},        // no date to resolve it against
	})
}
