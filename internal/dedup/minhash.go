// Package dedup finds near-verbatim copies of articles — syndicated wire
// stories, re-posts, the same page fetched twice — with MinHash signatures
// over word shingles and LSH banding, so that each new article is compared
// only with the few that share a band, never with all.
package dedup

import (
	"unicode"
	"unicode/utf8"
)

// Options tunes the index. DefaultOptions holds the defaults.
type Options struct {
	// Shingle is the number of words in a shingle.
	Shingle int
	// Bands and Rows shape the LSH: Bands*Rows hashes per signature; a
	// pair becomes a candidate when all Rows of any one band agree.
	Bands, Rows int
	// Threshold is the estimated Jaccard similarity of shingle sets above
	// which a candidate is a copy.
	Threshold float64
	// MinWords: shorter texts are too small to fingerprint reliably and
	// are never marked as copies.
	MinWords int
	// Window is how many days apart a copy and its original may be
	// published (0: any); undated articles match any date.
	Window float64
}

// DefaultOptions: 5-word shingles, 20 bands of 5 rows (candidates from about
// 0.55 similarity), copies from 0.8, published within a week, as
// syndication and re-posts are.
func DefaultOptions() Options {
	return Options{Shingle: 5, Bands: 20, Rows: 5, Threshold: 0.8, MinWords: 30, Window: 7}
}

// Signature is the MinHash signature of a text.
type Signature []uint64

// Sign computes the signature of text, or nil when it is too short. It is
// one-permutation MinHash: each shingle's hash falls in one of the
// signature's bins, which keeps the smallest value it gets, so a text costs
// one hash per shingle rather than one per shingle and bin; bins no
// shingle fell in borrow from the next filled bin (rotation), which keeps
// the share of equal bins an estimate of the Jaccard similarity.
func Sign(text string, o Options) Signature {
	hashes := wordHashes(text)
	if len(hashes) < max(o.MinWords, o.Shingle) {
		return nil
	}
	n := o.Bands * o.Rows
	sig := make(Signature, n)
	for i := range sig {
		sig[i] = empty
	}
	for i := 0; i+o.Shingle <= len(hashes); i++ {
		h := uint64(0)
		for _, wh := range hashes[i : i+o.Shingle] {
			h = (h ^ wh) * 0x100000001b3
			h ^= h >> 31
		}
		h = mix(h)
		bin := int((h >> 32) * uint64(n) >> 32)
		if v := mix(h ^ 0x9e3779b97f4a7c15); v < sig[bin] {
			sig[bin] = v
		}
	}
	for i := range sig {
		if sig[i] != empty {
			continue
		}
		for d := 1; d < n; d++ {
			if v := sig[(i+d)%n]; v != empty {
				sig[i] = v + uint64(d)*0x9e3779b97f4a7c15
				break
			}
		}
	}
	return sig
}

// empty marks a bin no shingle fell in.
const empty = ^uint64(0)

// mix is a 64-bit finaliser (SplitMix64's): every input bit moves every
// output bit, so bins and values are independent of each other.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Similarity estimates the Jaccard similarity of the two texts' shingle sets.
func Similarity(a, b Signature) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// FNV-1a: stable across runs and processes, unlike maphash with a random
// seed, so stored signatures stay comparable.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHashes returns the FNV-1a hash of each word of text, lower-cased,
// words being runs of letters and digits: punctuation is dropped, so that
// copies that differ in quotes, dashes or spacing still match. It hashes
// as it reads, a rune at a time, rather than lower-casing the text and
// cutting it into strings first, which cost more than the hashing.
func wordHashes(text string) []uint64 {
	out := make([]uint64, 0, len(text)/6) // about a word per six bytes of prose
	h, inWord := uint64(fnvOffset), false
	var buf [utf8.UTFMax]byte
	for _, r := range text {
		if r < utf8.RuneSelf {
			// ASCII, most of the news: lower-case and class it inline.
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				h = (h ^ uint64(r)) * fnvPrime
				inWord = true
			} else if inWord {
				out = append(out, h)
				h, inWord = fnvOffset, false
			}
			continue
		}
		// Invalid UTF-8 reads as utf8.RuneError, which strings.ToLower
		// would write out as such: not a letter, so it ends a word.
		r = unicode.ToLower(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for _, b := range utf8.AppendRune(buf[:0], r) {
				h = (h ^ uint64(b)) * fnvPrime
			}
			inWord = true
		} else if inWord {
			out = append(out, h)
			h, inWord = fnvOffset, false
		}
	}
	if inWord {
		out = append(out, h)
	}
	return out
}
