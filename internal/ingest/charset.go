package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// toUTF8 returns data, which carries no byte order mark any more, as
// valid UTF-8, and how many of its bytes were not UTF-8 and were replaced
// by U+FFFD (which the reader is told of). In order:
//
//  1. Valid UTF-8 is kept as it is, even when an HTML page declares a
//     legacy encoding: legacy text practically never forms valid UTF-8
//     beyond plain ASCII, while pages re-saved as UTF-8 often keep their
//     old <meta charset>.
//  2. UTF-8 with a few broken sequences (a file cut mid-character, one bad
//     paste) is repaired rather than read as a legacy encoding, which
//     would garble every other non-ASCII character.
//  3. An HTML page's own declaration (<meta charset>, http-equiv).
//  4. Detection among the encodings news text is plausibly in.
//  5. When no encoding fits, UTF-8 with few broken bytes (an English page
//     with few accents and a stray byte or two, a paste from elsewhere)
//     is repaired: refused, it would be lost whole for a character or
//     two. Mostly broken, it is some other encoding, or no text at all,
//     and is refused.
func toUTF8(data []byte, isHTML bool) ([]byte, int, error) {
	if utf8.Valid(data) {
		return data, 0, nil
	}
	if mostlyUTF8(data) {
		body, n := toValidUTF8(data)
		return body, n, nil
	}
	if isHTML {
		if enc, name := declaredEncoding(data); enc != nil {
			switch name {
			case "utf-8", "replacement", "x-user-defined":
				// Wrong (step 1 failed) or of no use: detect instead.
			default:
				body, err := enc.NewDecoder().Bytes(data)
				return body, 0, err
			}
		}
	}
	_, enc := detectEncoding(data, isHTML)
	if enc == nil {
		if fewBroken(data) {
			body, n := toValidUTF8(data)
			return body, n, nil
		}
		return nil, 0, errUnknownEnc
	}
	body, err := enc.NewDecoder().Bytes(data)
	return body, 0, err
}

// fewBroken reports UTF-8 that no legacy encoding reads either, with few
// broken sequences: at most one byte in fifty, or fewer than half its
// good multi-byte sequences. Text in an encoding not detected (Greek,
// Vietnamese, Thai) has far more bytes beyond ASCII, and none of them
// forms UTF-8.
func fewBroken(b []byte) bool {
	valid, broken := utf8Counts(b)
	return broken*50 <= len(b) || valid > 0 && valid >= 2*broken
}

// mostlyUTF8 reports UTF-8 with at most one broken sequence in twenty.
// Legacy text comes nowhere near: in it, most bytes above 0x7F are not
// followed by the continuation bytes UTF-8 needs.
func mostlyUTF8(b []byte) bool {
	valid, broken := utf8Counts(b)
	return valid > 0 && broken*20 <= valid
}

// utf8Counts counts b's well-formed multi-byte UTF-8 sequences and its
// broken ones: each byte that starts none, and a character cut short by
// the end of b, as a file cut mid-character ends.
func utf8Counts(b []byte) (valid, broken int) {
	for len(b) > 0 {
		if !utf8.FullRune(b) {
			return valid, broken + 1
		}
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			broken++
		case n > 1:
			valid++
		}
		b = b[n:]
	}
	return valid, broken
}

// toValidUTF8 replaces each byte of b that is not part of a UTF-8
// sequence by U+FFFD, and returns how many it replaced.
func toValidUTF8(b []byte) ([]byte, int) {
	out := make([]byte, 0, len(b)+len(b)/4)
	replaced := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			replaced++
		}
		out = utf8.AppendRune(out, r)
		b = b[n:]
	}
	return out, replaced
}

// candidate is an encoding detection may choose.
type candidate struct {
	name string
	enc  encoding.Encoding
}

// singleByte lists the legacy single-byte encodings of the languages news
// in Chorus comes in, Western European and Cyrillic first. Order breaks
// ties: windows-1252 (a superset of ISO-8859-1) before windows-1251, and
// so on. Encodings that cannot be told apart without a language model
// (Greek or Turkish against these) are left out on purpose: a wrong guess
// garbles a text worse than a refusal.
var singleByte = []candidate{
	{"windows-1252", charmap.Windows1252},
	{"iso-8859-15", charmap.ISO8859_15},
	{"windows-1251", charmap.Windows1251},
	{"koi8-u", charmap.KOI8U}, // KOI8-R plus Ukrainian letters
	{"ibm866", charmap.CodePage866},
	{"windows-1250", charmap.Windows1250},
	{"iso-8859-2", charmap.ISO8859_2},
}

// multiByte are the East Asian encodings, told apart by chardet's
// character frequency models, which a plausibility score cannot do.
var multiByte = []candidate{
	{"Shift_JIS", japanese.ShiftJIS},
	{"EUC-JP", japanese.EUCJP},
	{"GB18030", simplifiedchinese.GB18030},
	{"Big5", traditionalchinese.Big5},
	{"EUC-KR", korean.EUCKR},
}

// detectSample bounds the bytes looked at: the start of a text tells its
// encoding as well as the whole.
const detectSample = 256 << 10

// detectEncoding guesses the encoding of text that is not UTF-8, or
// returns nil when no candidate reads as sensible text.
func detectEncoding(data []byte, isHTML bool) (string, encoding.Encoding) {
	sampled := len(data) > detectSample
	if sampled {
		data = data[:detectSample]
	}
	if c, ok := detectMultiByte(data, isHTML, sampled); ok {
		return c.name, c.enc
	}
	best, bestBad, nonASCII := -1, 0, 0
	for i, c := range singleByte {
		s, err := c.enc.NewDecoder().String(string(data))
		if err != nil {
			continue
		}
		bad, n := implausibility(s)
		if best < 0 || bad < bestBad {
			best, bestBad, nonASCII = i, bad, n
		}
	}
	// Even the best reading is full of stray symbols and misshapen words:
	// some encoding not listed, or no text at all. Right readings score
	// near zero; random bytes score about half their count.
	if best < 0 || bestBad*4 > nonASCII {
		return "", nil
	}
	return singleByte[best].name, singleByte[best].enc
}

// detectMultiByte asks chardet whether data is East Asian text. It takes
// chardet's answer only when an East Asian encoding scores best and decodes
// without a single invalid sequence.
func detectMultiByte(data []byte, isHTML, sampled bool) (candidate, bool) {
	allowed := 0
	if sampled {
		allowed = 1
	}
	det := chardet.NewTextDetector()
	if isHTML {
		det = chardet.NewHtmlDetector()
	}
	results, err := det.DetectAll(data)
	if err != nil || len(results) == 0 {
		return candidate{}, false
	}
	// chardet runs its recognisers concurrently and sorts unstably, so
	// equal scores come in any order: pick by our list's order instead.
	top := results[0].Confidence
	for _, c := range multiByte {
		for _, res := range results {
			if res.Charset != c.name || res.Confidence < top || res.Confidence < 50 {
				continue
			}
			// One bad sequence is allowed where the sample was cut.
			s, err := c.enc.NewDecoder().String(string(data))
			if err == nil && strings.Count(s, "\uFFFD") <= allowed {
				return c, true
			}
		}
	}
	return candidate{}, false
}

// implausibility scores how unlike real text s is, reading it as a wrong
// decoding would come out, and counts its non-ASCII characters. It knows
// no language, only what any of them avoids:
//   - control characters and stray symbols ("¤", "¦", box drawing),
//     worse still inside a word ("mo¿e": Polish "może" read as
//     windows-1252);
//   - a word mixing scripts ("prйsident": French read as windows-1251);
//   - a change from lower to upper case inside a word, and words all in
//     capitals ("пРЕЗИДЕНТ": windows-1251 read as KOI8);
//   - Latin words nearly all of accented letters ("Ïðåçèäåíò": Russian
//     read as windows-1252).
func implausibility(s string) (bad, nonASCII int) {
	var w word
	prevLetter := false
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsLetter(r) {
			w.add(r)
			if r >= utf8.RuneSelf {
				nonASCII++
			}
			prevLetter = true
			continue
		}
		bad += w.score()
		w = word{}
		if r >= utf8.RuneSelf {
			nonASCII++
			switch {
			case r == utf8.RuneError || r < 0xA0:
				bad += 4 // C1 controls: undefined in the encoding tried
			case isWordMark(r):
				prevLetter = false
				continue
			case !isCommonSymbol(r):
				bad += 2
			}
			if prevLetter && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
				bad += 2
			}
		}
		prevLetter = false
	}
	return bad + w.score(), nonASCII
}

// word gathers what implausibility needs of a run of letters.
type word struct {
	letters, ascii, nonASCII int
	upper, lower             int
	scripts                  uint8
	caseFlip, prevLower      bool
}

const (
	scriptLatin = 1 << iota
	scriptCyrillic
	scriptGreek
	scriptOther
)

func (w *word) add(r rune) {
	w.letters++
	if r < utf8.RuneSelf {
		w.ascii++
	} else {
		w.nonASCII++
	}
	switch {
	case r < utf8.RuneSelf || unicode.Is(unicode.Latin, r):
		w.scripts |= scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		w.scripts |= scriptCyrillic
	case unicode.Is(unicode.Greek, r):
		w.scripts |= scriptGreek
	default:
		w.scripts |= scriptOther
	}
	isUpper := unicode.IsUpper(r)
	if isUpper && w.prevLower {
		w.caseFlip = true
	}
	if isUpper {
		w.upper++
	} else if unicode.IsLower(r) {
		w.lower++
	}
	w.prevLower = unicode.IsLower(r)
}

// score is the word's share of implausibility; words of plain ASCII are
// the same in every candidate and count for nothing.
func (w *word) score() int {
	if w.nonASCII == 0 {
		return 0
	}
	bad := 0
	if w.scripts&(w.scripts-1) != 0 {
		bad += 3
	}
	if w.caseFlip {
		bad += 2
	}
	if w.upper >= 2 && w.lower == 0 {
		bad++
	}
	if w.scripts == scriptLatin && w.letters >= 4 && w.ascii <= 1 {
		bad += 2
	}
	return bad
}

// isWordMark reports characters that sit inside words: apostrophes, the
// soft hyphen, the Catalan middle dot.
func isWordMark(r rune) bool {
	switch r {
	case '\u2019', '\u2018', '\u00B4', '\u02BC', '\u00AD', '\u00B7', '\u2010', '\u2011':
		return true
	}
	return false
}

// isCommonSymbol reports the non-letters news text uses: quotes, dashes,
// spaces, currency and a few signs.
func isCommonSymbol(r rune) bool {
	switch r {
	case '\u00A0', '«', '»', '“', '”', '„', '‚', '‹', '›', '–', '—', '…', '•',
		'°', '№', '€', '£', '$', '¥', '¢', '§', '©', '®', '™', '×', '½', '¼', '¾',
		'¿', '¡', '‰', '′', '″', '\u2212', '\u202F', '\u2009', '\u2002', '\u2003':
		return true
	}
	return false
}
