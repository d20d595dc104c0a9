package wordfilter

import "testing"

func TestFilterHoldsEveryWordOfItsList(t *testing.T) {
	list := map[string]bool{"said": true, "told": true, "percent": true, "a": true, "": true}
	f := New(list)
	for w := range list {
		if !f.MayHold(w) {
			t.Errorf("MayHold(%q) = false for a word of the list", w)
		}
	}
	turned := 0
	for _, w := range []string{"parliament", "ukraine", "xylophone", "between", "zz"} {
		if !f.MayHold(w) {
			turned++
		}
	}
	if turned == 0 {
		t.Error("the filter turned no word away")
	}
}
