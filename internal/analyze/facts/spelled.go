package facts

import (
	"strconv"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
)

// spelled tells whether a number written in words starts at token i.
func (f *finder) spelled(i int) bool {
	w := f.word(i)
	if w == "" {
		return false
	}
	if _, ok := smallNumbers[w]; ok {
		return true
	}
	if _, ok := compound(w); ok {
		return true
	}
	switch w {
	case "a", "an":
		switch f.word(i + 1) {
		case "dozen", "hundred", "thousand", "million", "billion", "trillion":
			return true
		}
	case "half":
		return f.word(i+1) == "a" && (f.word(i+2) == "million" || f.word(i+2) == "billion")
	case "dozen":
		return true
	case "tens":
		return f.word(i+1) == "of" && (f.word(i+2) == "thousands" || f.word(i+2) == "millions")
	}
	return vague[w] && f.word(i+1) == "of"
}

// compound reads "twenty-five".
func compound(w string) (int, bool) {
	a, b, ok := strings.Cut(w, "-")
	if !ok {
		return 0, false
	}
	x, okx := smallNumbers[a]
	y, oky := smallNumbers[b]
	if okx && oky && x >= 20 && x%10 == 0 && y < 10 {
		return x + y, true
	}
	return 0, false
}

// spelledQuantity reads a number in words at token j ("three years", "a
// million people", "dozens of people", "two billion euros") and what it
// counts; a number in words that counts nothing is no fact.
func (f *finder) spelledQuantity(start, j int, qual string) int {
	w := f.word(j)
	k := j + 1
	value := ""
	var n int64
	switch {
	case vague[w]:
		value = w
		k = j + 2 // "of"
	case w == "tens":
		value = "tens of " + f.word(j+2)
		k = j + 4
		if f.word(j+3) != "of" {
			return j + 3
		}
	case w == "a" || w == "an":
		n = 1
		k = j + 1
	case w == "half":
		n = 5
		k = j + 2 // "million" follows "a": 0.5 × 10^p
	case w == "dozen":
		n = 12
	default:
		if x, ok := smallNumbers[w]; ok {
			n = int64(x)
		} else if x, ok := compound(w); ok {
			n = int64(x)
		}
		// "twenty five"
		if n >= 20 && n%10 == 0 {
			if y, ok := smallNumbers[f.word(k)]; ok && y < 10 {
				n += int64(y)
				k++
			}
		}
	}
	if value == "" {
		// multipliers: "three hundred", "a million", "two hundred thousand"
		scaled := false
		for {
			sw := f.word(k)
			switch sw {
			case "dozen":
				n *= 12
			case "hundred":
				n *= 100
			case "thousand":
				n *= 1000
			case "million":
				n *= 1000000
			case "billion":
				n *= 1000000000
			case "trillion":
				n *= 1000000000000
			default:
				goto done
			}
			scaled = true
			k++
		}
	done:
		if w == "half" {
			if !scaled {
				return j + 1
			}
			n /= 10
		}
		if (w == "a" || w == "an") && !scaled {
			return j + 1
		}
		value = strconv.FormatInt(n, 10)
		// "one" counts only time: "one year", not "one of them"
		if w == "one" && k == j+1 && !timeUnits[f.word(k)] {
			return k
		}
		if last, ok := f.percentWord(k); ok {
			f.add(news.Fact{Text: f.percentPhrase(start, last), Value: value, Unit: "%", Kind: news.FactPercent, Qualifier: qual})
			return last + 1
		}
		if c, last, ok := f.currencyAfter(k, scaled); ok {
			f.add(news.Fact{Text: f.span(start, last), Value: value, Unit: c, Kind: news.FactAmount, Qualifier: qual})
			return last + 1
		}
	}
	unit, last := f.unit(k)
	if unit == "" {
		return k
	}
	kind := news.FactCount
	if timeUnits[unit] {
		kind = news.FactDuration
		if f.word(last+1) == "ago" && (strings.HasPrefix(unit, "minute") || strings.HasPrefix(unit, "hour") || strings.HasPrefix(unit, "second")) {
			return last + 2
		}
	}
	f.add(news.Fact{Text: f.span(start, last), Value: value, Unit: unit, Kind: kind, Qualifier: qual})
	return last + 1
}

// percentWord reads "percent", "pct" or "per cent" at token k and returns
// its last token: "nine percent" is a share, not a count of percents.
func (f *finder) percentWord(k int) (int, bool) {
	switch f.word(k) {
	case "percent", "pct":
		return k, true
	case "per":
		if f.word(k+1) == "cent" {
			return k + 1, true
		}
	}
	return 0, false
}
