package facts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

func show(fs []news.Fact) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n  %s %q=%q %q q=%q", f.Kind, f.Text, f.Value, f.Unit, f.Qualifier)
	}
	return b.String()
}

// has reports whether fs holds a fact with these fields ("" in want.Text
// matches any text).
func has(fs []news.Fact, want news.Fact) bool {
	for _, f := range fs {
		if f.Kind == want.Kind && f.Value == want.Value && f.Unit == want.Unit && f.Qualifier == want.Qualifier &&
			(want.Text == "" || f.Text == want.Text) {
			return true
		}
	}
	return false
}

func fact(kind, text, value, unit, qual string) news.Fact {
	return news.Fact{Kind: kind, Text: text, Value: value, Unit: unit, Qualifier: qual}
}

func TestShapes(t *testing.T) {
	tests := []struct {
		name, text, published string
		want                  []news.Fact
		absent                []string // values that must not appear
	}{
		{"count with over", "Moscow has concentrated over 120,000 troops in regions surrounding Ukraine.", "",
			[]news.Fact{fact(news.FactCount, "over 120,000 troops", "120000", "troops", "over")}, nil},
		{"count with more than", "It massed more than 100,000 troops on Ukraine's border.", "",
			[]news.Fact{fact(news.FactCount, "more than 100,000 troops", "100000", "troops", "more than")}, nil},
		{"count and year", "The war killed over 13,000 people since 2014.", "",
			[]news.Fact{fact(news.FactCount, "over 13,000 people", "13000", "people", "over"), fact(news.FactDate, "2014", "2014", "", "")}, nil},
		{"adjectives skipped", "It deployed 5,000 combat-ready soldiers and 300 additional fighter jets.", "",
			[]news.Fact{fact(news.FactCount, "5,000 combat-ready soldiers", "5000", "soldiers", ""), fact(news.FactCount, "300 additional fighter jets", "300", "jets", "")}, nil},
		{"percent of", "A ceasefire would leave 25% of Ukraine under Russian control.", "",
			[]news.Fact{fact(news.FactPercent, "25% of Ukraine", "25", "%", "")}, nil},
		{"percent words", "Growth slowed to 2.3 percent, or 1.5 per cent, a drop of 0.4 percentage points.", "",
			[]news.Fact{fact(news.FactPercent, "2.3 percent", "2.3", "%", ""), fact(news.FactPercent, "1.5 per cent", "1.5", "%", ""),
				fact(news.FactPercent, "0.4 percentage points", "0.4", "percentage points", "")}, nil},
		{"spelled duration", "Canada extends the mission by three years.", "",
			[]news.Fact{fact(news.FactDuration, "three years", "3", "years", "")}, nil},
		{"qualified duration", "The talks, which lasted more than eight hours, ended.", "",
			[]news.Fact{fact(news.FactDuration, "more than eight hours", "8", "hours", "more than")}, nil},
		{"two amounts", "It pledged an additional $268m ($340m Canadian) to the programme.", "",
			[]news.Fact{fact(news.FactAmount, "$268m", "268000000", "USD", ""), fact(news.FactAmount, "$340m Canadian", "340000000", "CAD", "")}, nil},
		{"currency words and symbols", "The fine was 12 million euros, €2.5bn, £300,000, ¥1 trillion and Rs 300 crore.", "",
			[]news.Fact{fact(news.FactAmount, "12 million euros", "12000000", "EUR", ""), fact(news.FactAmount, "€2.5bn", "2500000000", "EUR", ""),
				fact(news.FactAmount, "£300,000", "300000", "GBP", ""), fact(news.FactAmount, "¥1 trillion", "1000000000000", "JPY", ""),
				fact(news.FactAmount, "Rs 300 crore", "3000000000", "INR", "")}, nil},
		{"bare scaled number", "The bill costs 1.5 billion in ten years.", "",
			[]news.Fact{fact(news.FactNumber, "1.5 billion", "1500000000", "", ""), fact(news.FactDuration, "ten years", "10", "years", "")}, nil},
		{"spelled big numbers", "A million people and dozens of soldiers, twenty-five tanks and two hundred thousand refugees.", "",
			[]news.Fact{fact(news.FactCount, "A million people", "1000000", "people", ""), fact(news.FactCount, "dozens of soldiers", "dozens", "soldiers", ""),
				fact(news.FactCount, "twenty-five tanks", "25", "tanks", ""), fact(news.FactCount, "two hundred thousand refugees", "200000", "refugees", "")}, nil},
		{"qualifiers", "At least 50 people died, up to 20 were hurt, nearly 3,000 homes burned and fewer than 10 shops survived; roughly 40% fled, some 200 stayed.", "",
			[]news.Fact{fact(news.FactCount, "At least 50 people", "50", "people", "at least"), fact(news.FactCount, "nearly 3,000 homes", "3000", "homes", "nearly"),
				fact(news.FactCount, "fewer than 10 shops", "10", "shops", "fewer than"), fact(news.FactPercent, "roughly 40%", "40", "%", "roughly"),
				fact(news.FactNumber, "up to 20", "20", "", "up to")}, nil},
		{"dates with a publication date", "It was delivered to Moscow on Jan. 26. Talks resume on January 30, 2022, and on 3 February.", "2022-01-27",
			[]news.Fact{fact(news.FactDate, "Jan. 26", "2022-01-26", "", ""), fact(news.FactDate, "January 30, 2022", "2022-01-30", "", ""),
				fact(news.FactDate, "3 February", "2022-02-03", "", "")}, []string{"26", "30"}},
		{"dates without one", "It was delivered on Jan. 26 and discussed in December.", "",
			[]news.Fact{fact(news.FactDate, "Jan. 26", "--01-26", "", ""), fact(news.FactDate, "December", "--12", "", "")}, nil},
		{"relative dates", "On Wednesday the reply came; yesterday Russia answered, today it is quiet. Last December Moscow laid out calls, and last year it warned.", "2022-01-27",
			[]news.Fact{fact(news.FactDate, "Wednesday", "2022-01-26", "", ""), fact(news.FactDate, "yesterday", "2022-01-26", "", ""),
				fact(news.FactDate, "today", "2022-01-27", "", ""), fact(news.FactDate, "Last December", "2021-12", "", ""),
				fact(news.FactDate, "last year", "2021", "", "")}, nil},
		{"weekday on the publication day", "The talks open on Thursday.", "2022-01-27T10:00:00Z",
			[]news.Fact{fact(news.FactDate, "Thursday", "2022-01-27", "", "")}, nil},
		{"relative dates need a date", "On Wednesday the reply came; yesterday Russia answered.", "",
			nil, []string{"Wednesday", "yesterday"}},
		{"times and furniture", "January 27, 2022 6:41 PM 1 min read. Updated 11:32 PM, 5 p.m. GMT. 3 comments", "",
			[]news.Fact{fact(news.FactDate, "January 27, 2022", "2022-01-27", "", "")}, []string{"6", "41", "11", "32", "5", "1", "3"}},
		{"links and labels", "https://twitter.com/dmytrokuleba/status/1486680531169431555 COVID-19, F-22s, Article 5 and G7.", "",
			nil, []string{"1486680531169431555", "19", "22", "5", "7"}},
		{"numeric dates", "Filed 2022-01-26 and 26.01.2022, signed 1/26/2022.", "",
			[]news.Fact{fact(news.FactDate, "2022-01-26", "2022-01-26", "", ""), fact(news.FactDate, "26.01.2022", "2022-01-26", "", ""), fact(news.FactDate, "1/26/2022", "2022-01-26", "", "")}, nil},
		{"ranges and ages", "The 30-year-old sailed 300-500 miles in a 10-day trip in the 1990s.", "",
			[]news.Fact{fact(news.FactNumber, "30-year-old", "30", "years old", ""), fact(news.FactCount, "300-500 miles", "300-500", "miles", ""),
				fact(news.FactDuration, "10-day", "10", "day", ""), fact(news.FactDate, "1990s", "1990s", "", "")}, nil},
		{"a year before a noun", "The IMF cut its 2021 growth forecast, and 1500 troops left before the 2020 census.", "",
			[]news.Fact{fact(news.FactDate, "2021", "2021", "", ""), fact(news.FactCount, "1500 troops", "1500", "troops", ""),
				fact(news.FactDate, "2020", "2020", "", "")}, []string{"2021 growth"}},
		{"a spelled percentage", "Only nine percent voted, against twenty per cent of voters, in the town.", "",
			[]news.Fact{fact(news.FactPercent, "Only nine percent", "9", "%", "only"), fact(news.FactPercent, "twenty per cent of voters", "20", "%", "")}, nil},
		{"dollars of a country with dots", "It costs 1.2 trillion U.S. dollars now.", "",
			[]news.Fact{fact(news.FactAmount, "1.2 trillion U.S. dollars", "1200000000000", "USD", "")}, nil},
		{"a currency code after the figure", "The fund holds 1.2 trillion USD and 300 EUR; we try 5 TRY.", "",
			[]news.Fact{fact(news.FactAmount, "1.2 trillion USD", "1200000000000", "USD", ""), fact(news.FactAmount, "300 EUR", "300", "EUR", "")}, nil},
		{"a fraction counts nothing", "A 7.7 earthquake struck 2.5 miles from 300 homes.", "",
			[]news.Fact{fact(news.FactNumber, "7.7 earthquake", "7.7", "earthquake", ""), fact(news.FactNumber, "2.5 miles", "2.5", "miles", ""),
				fact(news.FactCount, "300 homes", "300", "homes", "")}, nil},
		{"european numbers", "Die Armee hat 120.000 Soldaten. Sie kostet 1,5 Prozent.", "",
			[]news.Fact{fact(news.FactNumber, "120.000", "120000", "", ""), fact(news.FactNumber, "1,5", "1.5", "", "")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, nil, tt.published, "")
			for _, w := range tt.want {
				if !has(got, w) {
					t.Errorf("missing %s %q=%q %q q=%q in%s", w.Kind, w.Text, w.Value, w.Unit, w.Qualifier, show(got))
				}
			}
			for _, v := range tt.absent {
				for _, f := range got {
					if f.Value == v || f.Text == v {
						t.Errorf("unexpected %s %q=%q in%s", f.Kind, f.Text, f.Value, show(got))
					}
				}
			}
			for _, f := range got {
				if f.Sentence == "" || !strings.Contains(tt.text, f.Sentence) || !strings.Contains(f.Sentence, f.Text) {
					t.Errorf("fact %q: sentence %q", f.Text, f.Sentence)
				}
			}
		})
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"120,000": "120000", "1.5": "1.5", "1,234.50": "1234.5", "1.234.567": "1234567", "2,5": "2.5",
		"007": "7", "0.25": "0.25", "1,234,567": "1234567",
	} {
		if got, ok := normalise(in); !ok || got != want {
			t.Errorf("normalise(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for in, want := range map[[2]string]string{
		{"1.5", "9"}: "1500000000", {"268", "6"}: "268000000", {"2.35", "6"}: "2350000", {"0.5", "3"}: "500", {"300-500", "3"}: "300000-500000",
	} {
		p := int(in[1][0] - '0')
		if got := shift(in[0], p); got != want {
			t.Errorf("shift(%q, %d) = %q, want %q", in[0], p, got, want)
		}
	}
}

func readSeed(t *testing.T, prefix string) string { return shareddata.SeedText(t, prefix) }

func TestSeeds(t *testing.T) {
	check := func(seed, published string, want news.Fact) {
		t.Helper()
		got := Find(readSeed(t, seed), nil, published, "")
		if !has(got, want) {
			t.Errorf("%s: missing %s %q=%q %q q=%q in%s", seed, want.Kind, want.Text, want.Value, want.Unit, want.Qualifier, show(got))
		}
	}
	troops := fact(news.FactCount, "over 120,000 troops", "120000", "troops", "over")
	check("000", "", troops)
	check("001", "", troops)
	check("002", "", fact(news.FactCount, "more than 100,000 troops", "100000", "troops", "more than"))
	check("004", "", fact(news.FactAmount, "$268m", "268000000", "USD", ""))
	check("004", "", fact(news.FactAmount, "$340m Canadian", "340000000", "CAD", ""))
	check("004", "", fact(news.FactDuration, "three years", "3", "years", ""))
	check("003", "", fact(news.FactDuration, "more than eight hours", "8", "hours", "more than"))
	check("003", "2022-01-27", fact(news.FactDate, "Last December", "2021-12", "", ""))
	check("000", "2022-01-27", fact(news.FactDate, "Jan. 26", "2022-01-26", "", ""))
	check("000", "", fact(news.FactCount, "over 13,000 people", "13000", "people", "over"))
	check("000", "", fact(news.FactDate, "2014", "2014", "", ""))
	check("001", "", fact(news.FactPercent, "25% of Ukraine", "25", "%", ""))

	// no times of day, no page furniture, no link digits
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		for _, f := range Find(readSeed(t, seed), nil, "2022-01-27", "") {
			switch f.Value {
			case "6", "41", "11", "32", "1486680531169431555", "0":
				t.Errorf("%s: unexpected %s %q=%q", seed, f.Kind, f.Text, f.Value)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	text := readSeed(t, "003")
	first := show(Find(text, nil, "2022-01-27", ""))
	for i := 0; i < 10; i++ {
		if got := show(Find(text, nil, "2022-01-27", "")); got != first {
			t.Fatalf("run %d differs", i)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Moscow has concentrated over 120,000 troops since 2014 on Jan. 26.", "2022-01-27")
	f.Add("$268m ($340m Canadian) 25% of 1.5 billion 2,5 Mrd. € 12 million euros", "")
	f.Add("1/26/2022 2022-01-26 26.01.2022 6:41 PM twenty-five half a million tens of thousands of", "2022-01-27T10:00:00Z")
	f.Add("Rs. $ € 1,,2 ..3 -4- 5%% last Wednesday yesterday 99999999999999999999 bn", "garbage")
	f.Add("Am 26. Januar 2022 kamen 8.500 Soldaten, 1,5 Mrd. Euro; le 13 au dimanche 14 avril, 8\u202f500 soldats, 3,75 %", "2024-04-15")
	f.Add("26 января 2022 г. 8 500 человек, %25, yüzde 9,5, 20 Şubat'ta, 2022. január 26., 5 mil millones de dólares", "2022-01-27")
	f.Fuzz(func(t *testing.T, text, published string) {
		// English, languages with a lexicon and one without
		for _, lang := range []string{"", "de", "fr", "ru", "tr", "hu", "xx"} {
			for _, fa := range Find(text, nil, published, lang) {
				if fa.Value == "" || fa.Kind == "" {
					t.Fatalf("%s: empty fact %+v", lang, fa)
				}
				if !strings.Contains(text, fa.Sentence) || !strings.Contains(fa.Sentence, fa.Text) {
					t.Fatalf("%s: fact %q outside its sentence %q", lang, fa.Text, fa.Sentence)
				}
			}
		}
	})
}
