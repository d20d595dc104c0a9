// Package wordfilter turns most words away from a fixed word list before a
// map look-up: the finders run on every word of a text, and few words are
// in their lists.
package wordfilter

// Filter holds one bit for each (first byte, last byte, length, middle
// byte) of the words of a list. A word whose bit is unset is not in the
// list; a word whose bit is set may be.
type Filter [1024]uint64

// New returns the filter of the keys of list.
func New[V any](list map[string]V) *Filter {
	var f Filter
	for w := range list {
		h := key(w)
		f[h>>6] |= 1 << (h & 63)
	}
	return &f
}

// MayHold reports whether w may be a word of the list.
func (f *Filter) MayHold(w string) bool {
	h := key(w)
	return f[h>>6]&(1<<(h&63)) != 0
}

func key(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	return ((uint32(w[0])*131+uint32(w[n-1]))*67 + uint32(n)*7 + uint32(w[n/2])) & 0xFFFF
}
