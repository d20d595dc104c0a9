package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// utf16Order tells UTF-16 text without a byte order mark from the start of
// an input, and its byte order. It tells two kinds of text:
//
//   - Text in any script that has spaces, digits or Latin letters, by its
//     zero bytes: the high byte of every ASCII character is zero, so one
//     side of the byte pairs holds many zeros and the other few (the low
//     byte of a character is zero only for a few, such as 言, U+8A00).
//     Binary content has zeros on both sides, or few.
//   - Chinese and Japanese, which have no spaces and may have no zero byte
//     at all, by what they read as: CJK characters nearly all, in one byte
//     order and not in the other; while the same bytes are neither UTF-8
//     nor text in a legacy East Asian encoding.
//
// To be sure, the start must also read as text: no NUL, no stray control
// character, no broken surrogate pair.
func utf16Order(head []byte) (xunicode.Endianness, bool) {
	n := len(head) / 2
	if n < 8 {
		return xunicode.LittleEndian, false
	}
	var even, odd int
	for i := 0; i+1 < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*8 >= n && even*8 <= odd:
		_, ok := utf16Text(head, xunicode.LittleEndian)
		return xunicode.LittleEndian, ok
	case even*8 >= n && odd*8 <= even:
		_, ok := utf16Text(head, xunicode.BigEndian)
		return xunicode.BigEndian, ok
	case even*8 < n && odd*8 < n:
		return cjkOrder(head)
	}
	return xunicode.LittleEndian, false
}

// cjkOrder tells UTF-16 Chinese or Japanese with few zero bytes: see
// utf16Order.
func cjkOrder(head []byte) (xunicode.Endianness, bool) {
	if len(head) < 32 || validUTF8Sample(head) {
		return xunicode.LittleEndian, false
	}
	le := cjkText(head, xunicode.LittleEndian)
	be := cjkText(head, xunicode.BigEndian)
	if le == be || legacyEastAsian(head) {
		return xunicode.LittleEndian, false
	}
	if le {
		return xunicode.LittleEndian, true
	}
	return xunicode.BigEndian, true
}

// utf16Text decodes head in the given byte order, and reports whether it
// reads as text: no NUL, no stray control character, no broken surrogate
// pair (but for one cut by the sample's end).
func utf16Text(head []byte, order xunicode.Endianness) ([]rune, bool) {
	units := make([]uint16, len(head)/2)
	for i := range units {
		lo, hi := head[2*i], head[2*i+1]
		if order == xunicode.BigEndian {
			lo, hi = hi, lo
		}
		units[i] = uint16(hi)<<8 | uint16(lo)
	}
	if last := rune(units[len(units)-1]); 0xD800 <= last && last < 0xDC00 {
		units = units[:len(units)-1] // a pair cut by the end of the sample
	}
	runes := utf16.Decode(units)
	for _, r := range runes {
		if r == utf8.RuneError || r < 0x20 && !isTextControl(byte(r)) || r == 0x7f {
			return nil, false
		}
	}
	return runes, true
}

// cjkText reports whether head reads, in the given byte order, as text
// nearly all in CJK characters: ideographs, kana, Hangul, CJK and
// full-width punctuation. Read in the wrong byte order, or read from bytes
// that are no UTF-16, the same bytes mostly give characters from all over,
// with unassigned code points and private use among them. Plain ASCII
// text read two letters at a time does give ideographs, U+4E00 to U+7A7A,
// but their low bytes are ASCII too, while those of real ideographs are
// beyond it as often as not.
func cjkText(head []byte, order xunicode.Endianness) bool {
	runes, ok := utf16Text(head, order)
	if !ok {
		return false
	}
	cjk, highLow, other := 0, 0, 0
	for _, r := range runes {
		switch {
		case r < utf8.RuneSelf:
		case 0x80 <= r && r < 0xa0, unicode.Is(unicode.Co, r), !unicode.IsPrint(r) && !unicode.IsSpace(r):
			// C1 controls, private use, and the unassigned.
			return false
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul),
			0x3000 <= r && r < 0x3040, 0xff00 <= r && r < 0xfff0:
			cjk++
			if r&0xff >= 0x80 {
				highLow++
			}
		default:
			other++
		}
	}
	return cjk >= 16 && cjk >= 9*other && cjk >= len(runes)/2 && highLow*5 >= cjk
}

// legacyEastAsian reports whether one of the East Asian encodings reads
// head without a broken sequence (one is allowed, where the sample may
// cut a character): UTF-16 practically never does.
func legacyEastAsian(head []byte) bool {
	for _, c := range multiByte {
		s, err := c.enc.NewDecoder().String(string(head))
		if err == nil && strings.Count(s, "\uFFFD") <= 1 {
			return true
		}
	}
	return false
}

// validUTF8Sample reports whether head is UTF-8, but for a character cut
// by the sample's end.
func validUTF8Sample(head []byte) bool {
	for cut := 0; cut < utf8.UTFMax && cut < len(head); cut++ {
		if utf8.Valid(head[:len(head)-cut]) {
			return true
		}
	}
	return false
}

// utf16Decoder returns a decoder for an input whose start is head, when
// it is UTF-16, with a byte order mark or without; else nil.
func utf16Decoder(head []byte) *encoding.Decoder {
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
		// With ExpectBOM the mark, either one, sets the byte order.
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
	}
	if order, ok := utf16Order(head); ok {
		return xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder()
	}
	return nil
}

// decodeUTF16 decodes data, a whole document, when it is UTF-16: a page in
// a WARC record, which is not decoded as a stream on its way in.
func decodeUTF16(data []byte) ([]byte, bool) {
	dec := utf16Decoder(data[:min(len(data), sniffLen)])
	if dec == nil {
		return data, false
	}
	out, _, err := transform.Bytes(dec, data)
	if err != nil {
		return data, false
	}
	return out, true
}
