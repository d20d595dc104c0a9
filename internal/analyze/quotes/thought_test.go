package quotes

import (
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// stanceWant is one expected quote with its stance.
type stanceWant struct {
	Speaker, Text, Stance string
}

func TestMindAndIntent(t *testing.T) {
	tests := []struct {
		text string
		want []stanceWant
	}{
		{"Mr. Thiel declined to comment.",
			[]stanceWant{{"Thiel", "to comment", ""}}},
		{"Obama plans to send a nominee to the Senate.",
			[]stanceWant{{"Obama", "to send a nominee to the Senate", news.StanceThought}}},
		{"She wants voters to know that she’s with them.",
			[]stanceWant{{"she", "voters to know that she’s with them", news.StanceThought}}},
		{"Many Democrats fear that the convention will be chaotic.",
			[]stanceWant{{"Many Democrats", "the convention will be chaotic", news.StanceThought}}},
		{"About three-quarters of Republican voters support a temporary ban on Muslims.",
			[]stanceWant{{"three-quarters of Republican voters", "a temporary ban on Muslims", news.StanceThought}}},
		{"The Chicago Teachers Union endorsed Sanders.",
			[]stanceWant{{"Chicago Teachers Union", "Sanders", ""}}},
		{"Mayor Bill de Blasio, who is seeking a second term, spoke first.",
			[]stanceWant{{"Bill de Blasio", "a second term", news.StanceThought}}},
		{"Sanders accused Clinton of being too reliant on Wall Street.",
			[]stanceWant{{"Sanders", "Clinton of being too reliant on Wall Street", ""}}},
		{"Some outside analysts see the offensive as a turning point.",
			[]stanceWant{{"Some outside analysts", "the offensive as a turning point", news.StanceThought}}},
		{"Trump described the country as beset by illegal immigrants.",
			[]stanceWant{{"Trump", "the country as beset by illegal immigrants", ""}}},
		{"All three candidates are expected to speak at the gala on Thursday.",
			[]stanceWant{{"", "All three candidates to speak at the gala on Thursday", news.StanceThought}}},
		{"While the controversy burned, the Trump team appeared paralyzed.",
			[]stanceWant{{"", "the Trump team paralyzed", news.StanceThought}}},
		// nouns and actions are no stance
		{"Trump leads with 36 percent support among Republicans.", nil},
		{"His plans to rebuild the party were shelved.", nil},
		{"The senator backed down after a week.", nil},
		{"Mr. Trump appeared on Fox News on Sunday.", nil},
		// a wish inside reported speech is part of what was said
		{"The teachers said they wanted to endorse Sanders.",
			[]stanceWant{{"the teachers", "they wanted to endorse Sanders", ""}}},
	}
	for _, tt := range tests {
		checkStances(t, tt.text, tt.want)
	}
}

func TestCommaInsideClosingMark(t *testing.T) {
	check(t, "Trump said that he has “expanded the Republican party,” claiming that he is responsible for higher turnout.",
		want{Speaker: "Trump", Text: "he has “expanded the Republican party,”"},
		want{Speaker: "Trump", Text: "he is responsible for higher turnout"})
}

func TestTopics(t *testing.T) {
	tests := []struct {
		text string
		want []stanceWant
	}{
		{"Trump talked about the wall with Mexico.",
			[]stanceWant{{"Trump", "the wall with Mexico", ""}}},
		{"He has also spoken out, referring to the Iraq war as a mistake.",
			[]stanceWant{{"he", "the Iraq war as a mistake", ""}}},
		{"The new rules point to a longer campaign.",
			nil},
	}
	for _, tt := range tests {
		checkStances(t, tt.text, tt.want)
	}
}

// checkStances runs Find on text and requires exactly the indirect quotes
// of ws, in order, with their stances.
func checkStances(t *testing.T, text string, ws []stanceWant) {
	t.Helper()
	got := find(text)
	if len(got) != len(ws) {
		t.Errorf("%q:\n got %d quotes, want %d:\n%s", text, len(got), len(ws), dump(got))
		return
	}
	for i, w := range ws {
		if g := got[i]; g.Speaker != w.Speaker || g.Text != w.Text || g.Stance != w.Stance || g.Direct {
			t.Errorf("%q:\n quote %d = %q | %q | stance %q\n      want %q | %q | stance %q", text, i, g.Speaker, g.Text, g.Stance, w.Speaker, w.Text, w.Stance)
		}
	}
}

func TestRecordDatedBeforeItsVerb(t *testing.T) {
	check(t, "A Monmouth poll out Monday showed Clinton with a healthy lead over Sanders in New York.",
		want{Speaker: "A Monmouth poll", Text: "Clinton with a healthy lead over Sanders in New York"})
}

func TestObjectEndsBeforeTime(t *testing.T) {
	checkStances(t, "Paul Ryan endorsed Trump in early June.", []stanceWant{{"Paul Ryan", "Trump", ""}})
	checkStances(t, "Most Republicans support the plan this month.", []stanceWant{{"Most Republicans", "the plan", news.StanceThought}})
}

func TestAccordingWithinClause(t *testing.T) {
	check(t, "Since last November, according to Human Rights Watch, security forces have killed more than 400 protesters.",
		want{Speaker: "Human Rights Watch", Text: "Since last November security forces have killed more than 400 protesters"})
}

func TestSubjectAfterIntroParticiple(t *testing.T) {
	checkStances(t, "Chastened by the analyses, as well as complaints over its costs, Trump revised his plan, promising to focus its benefits on average Americans.",
		[]stanceWant{{"Trump", "to focus its benefits on average Americans", ""}})
}

func TestStanceNouns(t *testing.T) {
	checkStances(t, "Their support for Sanders is strong.",
		[]stanceWant{{"Their", "Sanders", news.StanceThought}})
	checkStances(t, "Sanders's criticism of the trade deal won him votes in Michigan.",
		[]stanceWant{{"Sanders", "the trade deal", ""}})
}

func TestParticipleContentEndsAtWritersClause(t *testing.T) {
	check(t, "Trump is promising lower taxes and “jobs, jobs, jobs,” but he has also intensified his attacks.",
		want{Speaker: "Trump", Text: "lower taxes and “jobs, jobs, jobs,”"})
}
