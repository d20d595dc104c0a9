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
	value, k, stop := f.vagueNumber(j)
	if stop > 0 {
		return stop
	}
	if value == "" {
		var n int64
		var scaled bool
		n, k = f.leadingNumber(j)
		n, k, scaled = f.multiplied(n, k)
		w := f.word(j)
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
		if n, ok := f.spelledShare(start, k, value, qual, scaled); ok {
			return n
		}
	}
	return f.spelledCount(start, k, value, qual)
}

// vagueNumber reads a number no figure gives ("dozens of", "tens of
// thousands of") at token j: its value and the token after "of"; stop is
// where reading ends when what follows "tens" is no "of" (0 to go on).
func (f *finder) vagueNumber(j int) (value string, k, stop int) {
	w := f.word(j)
	switch {
	case vague[w]:
		return w, j + 2, 0 // "of"
	case w == "tens":
		if f.word(j+3) != "of" {
			return "", 0, j + 3
		}
		return "tens of " + f.word(j+2), j + 4, 0
	}
	return "", 0, 0
}

// leadingNumber reads the number word at token j ("a", "half", "dozen",
// "three", "twenty-five", "twenty five") and returns it with the token
// after it. "half" is 5, a tenth of the scale that must follow ("half a
// million": 0.5 × 10^6).
func (f *finder) leadingNumber(j int) (int64, int) {
	w := f.word(j)
	switch w {
	case "a", "an":
		return 1, j + 1
	case "half":
		return 5, j + 2 // "million" follows "a"
	case "dozen":
		return 12, j + 1
	}
	var n int64
	if x, ok := smallNumbers[w]; ok {
		n = int64(x)
	} else if x, ok := compound(w); ok {
		n = int64(x)
	}
	k := j + 1
	if n >= 20 && n%10 == 0 {
		if y, ok := smallNumbers[f.word(k)]; ok && y < 10 {
			n += int64(y)
			k++
		}
	}
	return n, k
}

// multiplied applies the multipliers from token k: "three hundred", "a
// million", "two hundred thousand".
func (f *finder) multiplied(n int64, k int) (int64, int, bool) {
	scaled := false
	for {
		switch f.word(k) {
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
			return n, k, scaled
		}
		scaled = true
		k++
	}
}

// spelledShare reads a number in words that is a percentage ("nine
// percent") or an amount of money ("two billion euros") from token k.
func (f *finder) spelledShare(start, k int, value, qual string, scaled bool) (int, bool) {
	if last, ok := f.percentWord(k); ok {
		f.add(news.Fact{Text: f.percentPhrase(start, last), Value: value, Unit: "%", Kind: news.FactPercent, Qualifier: qual})
		return last + 1, true
	}
	if c, last, ok := f.currencyAfter(k, scaled); ok {
		f.add(news.Fact{Text: f.span(start, last), Value: value, Unit: c, Kind: news.FactAmount, Qualifier: qual})
		return last + 1, true
	}
	return 0, false
}

// spelledCount reads what a number in words counts from token k: a
// duration ("three years", but not "three hours ago") or a count.
func (f *finder) spelledCount(start, k int, value, qual string) int {
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
