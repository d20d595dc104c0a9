package news

import "testing"

func TestBacking(t *testing.T) {
	outlets := map[string]string{"a": "Reuters", "b": "BBC", "c": "", "d": ""}
	outlet := func(id string) string { return outlets[id] }
	for _, tt := range []struct {
		n    int
		ids  []string
		want string
	}{
		{2, []string{"a", "b"}, "2 outlets"},
		{1, []string{"a"}, "1 outlet"},
		{2, []string{"c", "d"}, "2 articles"},
		{1, []string{"c"}, "1 article"},
		{3, []string{"a", "b", "c"}, "3 sources"},
	} {
		if got := Backing(tt.n, tt.ids, outlet); got != tt.want {
			t.Errorf("Backing(%d, %v) = %q, want %q", tt.n, tt.ids, got, tt.want)
		}
	}
}

func TestFactLabel(t *testing.T) {
	for _, tt := range []struct {
		f    StoryFact
		want string
	}{
		{StoryFact{Text: "Saturday", Value: "2023-06-24", Kind: FactDate}, "Saturday (24 June 2023)"},
		{StoryFact{Text: "23 июня", Value: "2023-06-23", Kind: FactDate}, "23 июня (23 June 2023)"},
		{StoryFact{Text: "last December", Value: "2021-12", Kind: FactDate}, "last December (December 2021)"},
		{StoryFact{Text: "26 January 2022", Value: "2022-01-26", Kind: FactDate}, "26 January 2022"},
		{StoryFact{Text: "January 26", Value: "--01-26", Kind: FactDate}, "January 26"}, // no year to tell
		{StoryFact{Text: "over 120,000 troops", Value: "120000", Kind: FactCount}, "over 120,000 troops"},
	} {
		if got := FactLabel(tt.f); got != tt.want {
			t.Errorf("FactLabel(%q, %q) = %q, want %q", tt.f.Text, tt.f.Value, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 outlets", 1: "1 outlet", 2: "2 outlets"} {
		if got := Count(n, "outlet", "outlets"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
