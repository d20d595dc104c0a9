package names

import "strings"

// Sound classes of consonants: letters that spellings of one name swap
// for each other across languages share a class (p/b: Arabic has no p;
// v/w/f: Wagner, Vagner, فاغنر; s/z/sh/zh/ch/j: Prigozhin, Prigoschin,
// Prigojine; t/d; g/k/c/q). Vowels, h, y and w-as-vowel are left out, as
// transliterations differ most in them (Navalny, Nawalnij, Навальный).
const (
	classB = 'b'
	classF = 'f'
	classD = 'd'
	classG = 'g'
	classS = 's'
	classL = 'l'
	classM = 'm'
	classN = 'n'
	classR = 'r'
	// gap stands for a vowel or a silent letter: the same class on both
	// sides of one is two sounds (Mohammed: m-h-m), not one doubled.
	gap = 0
)

// keyLen is how many consonant classes a key keeps: enough to tell names
// apart, few enough that case endings (Лавровым, Nawalnego) fall off.
const keyLen = 4

// Key returns the phonetic key of one word of a name, in any script, so
// that the spellings languages give it agree: Lavrov, Lawrow, Ławrow,
// Лавров and لافروف share one, and so do Prigozhin, Prigoschin, Prigojine,
// Prigożyn and Пригожин. It is the word's first four consonant sounds in
// broad classes; a word with fewer than three (Iran, Hatay, Nemo) is keyed
// by its Latin spelling instead, which keeps its vowels. It returns "" for
// a word of fewer than three letters or with a digit.
func Key(word, lang string) string {
	w := Latin(word, lang)
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= '0' && c <= '9':
			return ""
		}
	}
	if letters < 3 {
		return ""
	}
	var buf [16]byte
	classes := appendClasses(buf[:0], w)
	if len(classes) >= 3 {
		return "k:" + string(classes[:min(keyLen, len(classes))])
	}
	return "s:" + spelling(w)
}

// appendClasses appends the consonant classes of w, a Latin lower-case
// word, to dst.
func appendClasses(dst []byte, w string) []byte {
	last := byte(gap)
	emit := func(c byte) {
		if c != gap && c == last {
			return // a doubled letter is one sound
		}
		if c != gap {
			dst = append(dst, c)
		}
		last = c
	}
	at := func(i int) byte {
		if i >= 0 && i < len(w) {
			return w[i]
		}
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := at(i + 1)
		switch {
		case c < 'a' || c > 'z':
			continue // apostrophes, hyphens: not sounds
		case hasAt(w, i, "tsch") || hasAt(w, i, "shch"):
			emit(classS)
			i += 3
		case hasAt(w, i, "sch"), hasAt(w, i, "dzh"):
			emit(classS)
			i += 2
		case c == 'd' && (next == 'j' || next == 'z'):
			emit(classS) // dj, dz: đ, ђ, ج (Djokovic, Đoković)
			i++
		case c == 's' && next == 'h', c == 'z' && next == 'h', c == 'c' && next == 'h', c == 'c' && next == 'z', c == 's' && next == 'z':
			emit(classS)
			i++
		case c == 'k' && next == 'h':
			emit(gap) // kh, like h, is spelt ch, h, j or x by turns
			i++
		case c == 'g' && next == 'h', c == 'c' && next == 'k', c == 'q' && next == 'u':
			emit(classG)
			i++
		case c == 'p' && next == 'h':
			emit(classF)
			i++
		case c == 't' && next == 'h':
			emit(classD)
			i++
		case c == 'c':
			if next == 'e' || next == 'i' || next == 'y' {
				emit(classS)
			} else {
				emit(classG)
			}
		case c == 'x':
			emit(classG)
			emit(classS)
		case c == 'j':
			// Between vowels j is a sound of the s class (Prigojine); at
			// the start or beside a consonant it is the y of German and
			// Slavic spellings (Jewgeni, Netanjahu, Sergej).
			if isVowel(at(i-1)) && isVowel(next) {
				emit(classS)
			} else {
				emit(gap)
			}
		case isVowel(c) || c == 'h' || c == 'y':
			emit(gap)
		default:
			emit(consonantClass[c-'a'])
		}
	}
	return dst
}

// consonantClass maps the remaining consonants to their class.
var consonantClass = [26]byte{
	'b' - 'a': classB, 'p' - 'a': classB,
	'f' - 'a': classF, 'v' - 'a': classF, 'w' - 'a': classF,
	'd' - 'a': classD, 't' - 'a': classD,
	'g' - 'a': classG, 'k' - 'a': classG, 'q' - 'a': classG,
	's' - 'a': classS, 'z' - 'a': classS,
	'l' - 'a': classL, 'm' - 'a': classM, 'n' - 'a': classN, 'r' - 'a': classR,
}

func hasAt(w string, i int, s string) bool { return strings.HasPrefix(w[i:], s) }

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

// spelling is a short word's Latin form with the letters that only
// transliteration tells apart folded: y and i, w and v, doubled letters.
func spelling(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c < 'a' || c > 'z':
			continue
		case c == 'y':
			c = 'i'
		case c == 'w':
			c = 'v'
		case c == 'k' && i+1 < len(w) && w[i+1] == 'h':
			continue
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}
