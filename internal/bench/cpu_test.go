package bench

import "testing"

func TestParseStat(t *testing.T) {
	for _, c := range []struct {
		line  string
		comm  string
		ticks int64
		ok    bool
	}{
		{"2222 (postgres) S 1 2222 2222 0 -1 4194560 3713 91386 0 12 7 3 150 80 20 0 1 0 322 219099136 7677 18446744073709551615", "postgres", 7 + 3 + 150 + 80, true},
		{"77 (a b) c)) R 1 77 77 0 -1 0 0 0 0 0 1 2 3 4 20 0 1 0", "a b) c)", 10, true},
		{"77 (short) R 1 2 3", "", 0, false},
		{"no parenthesis here", "", 0, false},
		{"5 (x) S 1 2 3 4 5 6 7 8 9 10 u s 3 4 20", "", 0, false},
	} {
		comm, ticks, ok := parseStat(c.line)
		if comm != c.comm || ticks != c.ticks || ok != c.ok {
			t.Errorf("parseStat(%q) = %q, %d, %v; want %q, %d, %v", c.line, comm, ticks, ok, c.comm, c.ticks, c.ok)
		}
	}
}
