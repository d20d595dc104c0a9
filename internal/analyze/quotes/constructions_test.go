package quotes

import "testing"

// TestConstructions covers constructions of news English added after the
// first release, one small made-up case each.
func TestConstructions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"a cue after a finished quotation leads the next one",
			"Maria Lopez spoke in Reno. “The plan is a start.” She adds, “We will keep going.”",
			[]want{{"Maria Lopez", "We will keep going.", "adds", true}}},
		{"a cue after a comma still splits one quotation",
			"Maria Lopez spoke in Reno. “We cannot,” she said, “and will not.”",
			[]want{{"Maria Lopez", "We cannot and will not.", "said", true}}},
		{"a voiced quotation ending in a question mark, then the writer's words",
			"Protesters in the square chanted “What curfew?” and kept marching until dawn.",
			[]want{{"Protesters in the square", "What curfew?", "chanted", true}}},
		{"a voiced quotation ending in an exclamation, then a preposition",
			"Senator Tom Hale yelled “You lie!” at the president during the address.",
			[]want{{"Tom Hale", "You lie!", "yelled", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.text, tt.want...) })
	}
}
