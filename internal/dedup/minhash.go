// Package dedup finds near-verbatim copies of articles — syndicated wire
// stories, re-posts, the same page fetched twice — with MinHash signatures
// over word shingles and LSH banding, so that each new article is compared
// only with the few that share a band, never with all.
package dedup

import (
	"strings"
	"unicode"
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
}

// DefaultOptions: 5-word shingles, 20 bands of 5 rows (candidates from about
// 0.55 similarity), copies from 0.8.
func DefaultOptions() Options {
	return Options{Shingle: 5, Bands: 20, Rows: 5, Threshold: 0.8, MinWords: 30}
}

// Signature is the MinHash signature of a text.
type Signature []uint64

// Sign computes the signature of text, or nil when it is too short.
func Sign(text string, o Options) Signature {
	words := tokens(text)
	if len(words) < max(o.MinWords, o.Shingle) {
		return nil
	}
	n := o.Bands * o.Rows
	sig := make(Signature, n)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	var sb strings.Builder
	for i := 0; i+o.Shingle <= len(words); i++ {
		sb.Reset()
		for _, w := range words[i : i+o.Shingle] {
			sb.WriteString(w)
			sb.WriteByte(' ')
		}
		h := hashString(sb.String())
		// Permutations h_k = h*a_k + b_k (mod 2^64) from one base hash:
		// cheap, and independent enough for MinHash.
		for k := range sig {
			v := h*multipliers[k] + uint64(k)*0x9e3779b97f4a7c15
			v ^= v >> 29
			if v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
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

// multipliers are odd 64-bit constants drawn once from a fixed generator.
var multipliers = func() []uint64 {
	m := make([]uint64, 512)
	x := uint64(0x2545F4914F6CDD1D)
	for i := range m {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		m[i] = x | 1
	}
	return m
}()

func hashString(s string) uint64 {
	// FNV-1a: stable across runs and processes, unlike maphash with a
	// random seed, so stored signatures stay comparable.
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// tokens lower-cases text and splits it into words, dropping punctuation, so
// that copies that differ in quotes, dashes or spacing still match.
func tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
