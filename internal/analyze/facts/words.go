package facts

import "strings"

// The word lists the finder reads figures with, written here by hand.

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// qualifiers are the hedges kept with a figure, longest first within each
// first word: English ones, then those of the languages most read besides
// that stand before the figure ("mehr als 3000", "plus de 200").
var qualifiers = func() map[string][][]string {
	m := map[string][][]string{}
	for _, q := range strings.Split(`more than|over|about|around|nearly|almost|at least|at most|up to|some|roughly|approximately|
fewer than|less than|as many as|as much as|as few as|as little as|just over|just under|well over|well under|close to|
an estimated|estimated|under|below|above|upwards of|no more than|no fewer than|no less than|not more than|
more then|in excess of|a total of|a maximum of|a minimum of|only|just|almost exactly|exactly|precisely|
between|roughly about|circa|approx.|approx|nearly all|at least some|
mehr als|über|mindestens|rund|etwa|knapp|bis zu|weniger als|ungefähr|
plus de|au moins|environ|près de|presque|moins de|
más de|al menos|alrededor de|casi|cerca de|menos de|
più di|oltre|almeno|quasi|meno di|
mais de|pelo menos|quase`, "|") {
		ws := strings.Fields(q)
		if len(ws) == 0 {
			continue
		}
		m[ws[0]] = append(m[ws[0]], ws)
	}
	// longest first
	for k, v := range m {
		for i := 1; i < len(v); i++ {
			for j := i; j > 0 && len(v[j]) > len(v[j-1]); j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
		m[k] = v
	}
	return m
}()

// units is the set of number words and their values.
var smallNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply the figure before them: the power of ten.
var scales = map[string]int{
	"thousand": 3, "k": 3, "million": 6, "millions": 6, "m": 6, "mn": 6, "mln": 6, "mio": 6,
	"billion": 9, "bn": 9, "b": 9, "bln": 9, "trillion": 12, "tn": 12, "trn": 12,
	"crore": 7, "crores": 7, "lakh": 5, "lakhs": 5, "hundred": 2,
}

// vague are the words of uncounted plenty: "dozens of people".
var vague = wordSet("dozens hundreds thousands millions billions scores")

// timeUnits make a duration.
var timeUnits = wordSet(`second seconds minute minutes hour hours day days week weeks fortnight fortnights month months
year years decade decades century centuries millennium millennia`)

// furniture are what page counters count: "1 min read", "3 comments".
var furniture = wordSet(`comments comment shares share views view likes replies reply reactions retweets min mins read
photos photo images slides votes points pts`)

// adjectives are skipped between a figure and what it counts.
var adjectives = wordSet(`additional new more other extra active armed military civilian foreign local young old elderly
unarmed innocent total registered confirmed suspected reported estimated known such similar different separate major
minor small large big key top senior former current full fellow previous recent further heavy light
square cubic metric nautical daily weekly monthly annual yearly consecutive straight successive main special regular
professional private public federal national international domestic russian ukrainian american british chinese
combat-ready frontline front-line regular reserve uniformed trained well-trained wounded injured dead missing
displaced internally fresh more-than long short full-time part-time brand whole entire mere additional average median
so-called alleged potential possible likely eligible unvaccinated vaccinated fully partially newly critically seriously
severely mostly mainly largely different various several many few certain individual separate distinct`)

// stops end the noun phrase after a figure.
var stops = wordSet(`in on at of for from to with by since near into over under across against about after before
during without through via per as than and or but nor so yet if when while because although though whereas that
which who whom whose what where whom is are was were be been being has have had will would can could may might must
shall should do does did not no also already now then there here this these those the a an its their his her our
your my it they he she we you i them him us me each every all both either neither some any such only just even
still ago later earlier more less most least very too up down out off back away last next`)

// verbsAfter: a figure followed by one of these counts nothing ("100,000
// were killed" keeps its figure, loses the unit).
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// currency symbols and codes written before the figure.
var currencyPrefix = map[string]string{
	"$": "USD", "us$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD", "au$": "AUD",
	"aud": "AUD", "nz$": "NZD", "nzd": "NZD", "hk$": "HKD", "hkd": "HKD", "s$": "SGD", "sgd": "SGD", "r$": "BRL",
	"brl": "BRL", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "cny": "CNY",
	"rmb": "CNY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "₽": "RUB", "rub": "RUB", "₴": "UAH",
	"uah": "UAH", "₩": "KRW", "krw": "KRW", "₺": "TRY", "try": "TRY", "₪": "ILS", "ils": "ILS", "chf": "CHF",
	"sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "zar": "ZAR", "mxn": "MXN", "₦": "NGN", "ngn": "NGN",
	"pkr": "PKR", "btc": "BTC", "₿": "BTC", "fr.": "CHF", "sfr": "CHF",
}

// currency words written after the figure.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
	"ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
	"hryvnas": "UAH", "hryvnya": "UAH", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF",
	"lira": "TRY", "liras": "TRY", "shekel": "ILS", "shekels": "ILS", "peso": "MXN", "pesos": "MXN", "real": "BRL",
	"reais": "BRL", "rand": "ZAR", "naira": "NGN", "zloty": "PLN", "zlotys": "PLN", "kronor": "SEK", "krona": "SEK",
	"kroner": "NOK", "krone": "NOK", "won": "KRW", "sterling": "GBP", "bitcoin": "BTC", "bitcoins": "BTC",
	"dinar": "DZD", "dinars": "DZD", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
	"pound": "GBP", "pounds": "GBP",
}

// dollarCountries turn "$" or "dollars" into another dollar: "$340m
// Canadian", "Australian dollars".
var dollarCountries = map[string]string{
	"canadian": "CAD", "australian": "AUD", "us": "USD", "u.s.": "USD", "u.s": "USD", "american": "USD", "singapore": "SGD",
	"singaporean": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "zimbabwean": "ZWL", "jamaican": "JMD",
	"hong": "HKD", "new": "NZD", "nz": "NZD", "zealand": "NZD",
}

// yearPrepositions before a four-digit figure make it a year.
var yearPrepositions = wordSet(`in since of by until till from to before after during early late mid the fiscal between
and year years around circa spring summer autumn fall winter through throughout`)
