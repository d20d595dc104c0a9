package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"slices"
	"time"
)

// maxBucket bounds how many articles one LSH bucket remembers.
const maxBucket = 32

// Index holds the signatures of the articles seen so far, banded for
// lookup. It is not safe for concurrent use.
type Index struct {
	o     Options
	sigs  map[string]Signature
	at    map[string]time.Time
	orig  map[string]string // copy id → the id of the article it copies
	bands []map[uint64][]string
}

// NewIndex returns an empty index.
func NewIndex(o Options) *Index {
	x := &Index{o: o, sigs: map[string]Signature{}, at: map[string]time.Time{}, orig: map[string]string{}, bands: make([]map[uint64][]string, o.Bands)}
	for i := range x.bands {
		x.bands[i] = map[uint64][]string{}
	}
	return x
}

// Add indexes an article published at (zero when unknown) and returns the
// id of the earlier article it is a near-verbatim copy of, or "" when it is
// original. A copy of a copy points to the first original, so every group
// of copies has one head. Adding the same id twice returns its earlier
// answer.
func (x *Index) Add(id string, at time.Time, text string) string {
	if _, seen := x.sigs[id]; seen {
		return x.orig[id]
	}
	return x.AddSigned(id, at, Sign(text, x.o))
}

// AddSigned is Add for a text already signed with Sign and the index's
// options: signing, the costly part, can then run apart, on every core.
func (x *Index) AddSigned(id string, at time.Time, sig Signature) string {
	if _, seen := x.sigs[id]; seen {
		return x.orig[id]
	}
	x.sigs[id] = sig
	x.at[id] = at
	if sig == nil {
		return ""
	}
	best, bestSim := "", 0.0
	seen := map[string]bool{}
	keys := x.bandKeys(sig)
	for b, key := range keys {
		for _, cand := range x.bands[b][key] {
			if seen[cand] {
				continue
			}
			seen[cand] = true
			if !x.near(at, x.at[cand]) {
				continue
			}
			if s := Similarity(sig, x.sigs[cand]); s >= x.o.Threshold && (s > bestSim || s == bestSim && cand < best) {
				best, bestSim = cand, s
			}
		}
	}
	for b, key := range keys {
		// A bucket keeps its latest entries only: a text copied a thousand
		// times need not be compared with every copy, as all of them point
		// to one original already, and the cost of an article stays flat.
		bucket := append(x.bands[b][key], id)
		if len(bucket) > maxBucket {
			bucket = slices.Delete(bucket, 1, 2) // the first is the original
		}
		x.bands[b][key] = bucket
	}
	if best == "" {
		return ""
	}
	if head, ok := x.orig[best]; ok {
		best = head
	}
	x.orig[id] = best
	return best
}

// near tells whether two publication times are close enough for one text
// to be a copy of the other: a text posted again months later (a recycled
// explainer, an anniversary piece) tells the story anew.
func (x *Index) near(a, b time.Time) bool {
	if x.o.Window <= 0 || a.IsZero() || b.IsZero() {
		return true
	}
	return math.Abs(a.Sub(b).Hours())/24 <= x.o.Window
}

func (x *Index) bandKeys(sig Signature) []uint64 {
	keys := make([]uint64, x.o.Bands)
	var buf [8]byte
	for b := range keys {
		h := fnv.New64a()
		for _, v := range sig[b*x.o.Rows : (b+1)*x.o.Rows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		keys[b] = h.Sum64()
	}
	return keys
}
