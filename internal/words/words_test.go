package words

import (
	"strings"
	"testing"
)

func TestSplitAndContent(t *testing.T) {
	got := strings.Join(Split("The U.S.-led alliance didn’t cave, Russia’s 120,000 troops."), " ")
	if got != "the us led alliance didnt cave russias 120 000 troops" {
		t.Errorf("Split = %q", got)
	}
	got = strings.Join(Content("The U.S. has not caved in to Russia’s demands"), " ")
	if got != "us caved russias demands" {
		t.Errorf("Content = %q", got)
	}
}
