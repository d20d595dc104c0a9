// Package names writes names of any script in one form: Latin letters
// without diacritics (Лавров → lavrov, Ławrow → lawrow); a cross-script key
// of a whole name, under which its declined forms, transliterations and
// spelling variants fall together (Сергея Лаврова, Sergej Lawrow, Sergueï
// Lavrov: "serg lavrov"; see CrossKey); and a phonetic key of a word under
// which even the spellings that languages and transliteration schemes give
// one name beyond those agree (Lavrov, Lawrow, Ławrow, Лавров, لافروف;
// Prigozhin, Prigoschin, Prigojine, Пригожин; see Key). Stages that compare
// names across languages (entity keys, entity merging, story clustering)
// agree through it.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinOf maps letters of other scripts, and Latin letters with
// diacritics, to plain lower-case Latin. Cyrillic follows the common
// English scheme (ж zh, х kh, щ shch); Greek the ELOT one; Arabic, Persian
// and Hebrew give their consonants, and their letters of long vowels the
// vowel.
var latinOf = func() map[rune]string {
	m := map[rune]string{}
	add := func(pairs string) {
		for _, p := range strings.Fields(pairs) {
			letters, latin, _ := strings.Cut(p, ":")
			if latin == "_" {
				latin = ""
			}
			for _, r := range letters {
				m[r] = latin
				if u := unicode.ToUpper(r); u != r {
					m[u] = latin
				}
			}
		}
	}
	// Latin with diacritics.
	add(`àáâãäåāăąǎ:a æ:ae çćĉċč:c ďð:d đ:dj èéêëēĕėęěẽ:e ĝğġģ:g ĥħ:h ìíîïĩīĭįıǐ:i ĵ:j ķ:k ĺļľŀł:l ñńņňŉ:n
		òóôõöøōŏőǒ:o œ:oe ŕŗř:r śŝşšș:s ßẞ:ss ţťŧț:t ùúûüũūŭůűųǔ:u ŵ:w ýÿŷ:y źżž:z þ:th`)
	// Cyrillic (Russian, with the letters of Ukrainian, Belarusian,
	// Serbian, Macedonian and Bulgarian).
	add(`а:a б:b в:v г:g д:d е:e ё:yo ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh
		ц:ts ч:ch ш:sh щ:shch ъ:_ ы:y ь:_ э:e ю:yu я:ya і:i ї:yi є:ye ґ:g ў:u ђ:dj ј:j љ:lj њ:nj ћ:c џ:dz ѓ:gj ќ:kj ѕ:dz`)
	// Greek.
	add(`α:a ά:a β:v γ:g δ:d ε:e έ:e ζ:z η:i ή:i θ:th ι:i ί:i ϊ:i ΐ:i κ:k λ:l μ:m ν:n ξ:x ο:o ό:o π:p ρ:r
		σ:s ς:s τ:t υ:y ύ:y ϋ:y ΰ:y φ:f χ:ch ψ:ps ω:o ώ:o`)
	// Arabic and Persian: alif, waw and ya read as vowels, ayn and hamza
	// as nothing.
	add(`ا:a أ:a إ:i آ:a ٱ:a ب:b ت:t ث:th ج:dj ح:h خ:kh د:d ذ:dh ر:r ز:z س:s ش:sh ص:s ض:d ط:t ظ:z ع:_ غ:gh
		ف:f ق:q ك:k ل:l م:m ن:n ه:h ة:a و:u ؤ:u ي:i ى:a ئ:i ء:_ پ:p چ:ch ژ:zh گ:g ک:k ی:i`)
	// Hebrew: vav and yod as vowels, alef and ayin as nothing.
	add(`א:_ ב:b ג:g ד:d ה:h ו:u ז:z ח:kh ט:t י:i כ:k ך:k ל:l מ:m ם:m נ:n ן:n ס:s ע:_ פ:p ף:f צ:ts ץ:ts ק:k ר:r ש:sh ת:t`)
	return m
}()

// Latin returns s in lower-case Latin letters without diacritics, other
// scripts transliterated; characters that are not letters or digits are
// kept as they are. lang, an ISO 639-1 code, settles the letters that
// languages read differently (Ukrainian г is h); it may be "".
func Latin(s, lang string) string {
	if isPlainLower(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		case lang == "uk" && (r == 'г' || r == 'Г'):
			b.WriteByte('h')
		case lang == "uk" && (r == 'и' || r == 'И'):
			b.WriteByte('y')
		default:
			if l, ok := latinOf[r]; ok {
				b.WriteString(l)
			} else if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return b.String()
}

func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// IsLatin tells whether every letter of s, once transliterated, is a
// plain Latin letter: a script Latin knows.
func IsLatin(s string) bool {
	for _, r := range Latin(s, "") {
		if unicode.IsLetter(r) && (r >= utf8.RuneSelf) {
			return false
		}
	}
	return true
}
