package store

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSearch(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want SearchQuery
	}{
		{``, SearchQuery{}},
		{`open door`, SearchQuery{All: [][]string{{"open"}, {"door"}}}},
		{`"open door"`, SearchQuery{All: [][]string{{"open door"}}}},
		{`"open   door" policy`, SearchQuery{All: [][]string{{"open door"}, {"policy"}}}},
		{`"unclosed phrase`, SearchQuery{All: [][]string{{"unclosed phrase"}}}},
		{`vaccine OR booster`, SearchQuery{All: [][]string{{"vaccine", "booster"}}}},
		{`a OR "b c" OR d e`, SearchQuery{All: [][]string{{"a", "b c", "d"}, {"e"}}}},
		{`court -abortion -"roe v wade"`, SearchQuery{All: [][]string{{"court"}}, None: []string{"abortion", "roe v wade"}}},
		{`-only`, SearchQuery{None: []string{"only"}}},
		{`OR a`, SearchQuery{All: [][]string{{"OR"}, {"a"}}}},          // no term before it: a word
		{`a OR`, SearchQuery{All: [][]string{{"a"}, {"OR"}}}},          // none after it
		{`a or b`, SearchQuery{All: [][]string{{"a"}, {"or"}, {"b"}}}}, // OR only in capitals
		{`NOT a AND b`, SearchQuery{All: [][]string{{"NOT"}, {"a"}, {"AND"}, {"b"}}}},
		{`- a -- " "`, SearchQuery{All: [][]string{{"a"}}}},
		{`title:x NEAR(a`, SearchQuery{All: [][]string{{"title:x"}, {"NEAR(a"}}}},
	} {
		if got := ParseSearch(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseSearch(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
	if q := ParseSearch(strings.Repeat("w ", 100)); len(q.All) != MaxSearchTerms {
		t.Errorf("%d terms kept, want %d", len(q.All), MaxSearchTerms)
	}
}
