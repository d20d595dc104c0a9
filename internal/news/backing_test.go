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
