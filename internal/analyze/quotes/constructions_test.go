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
		{"a label put on the verb's object after “as”",
			"Mayor Ana Ruiz openly admires the new bridge as a “true landmark.”",
			[]want{{"Ana Ruiz", "the new bridge as a “true landmark.”", "admires", false}}},
		{"a label put by a second predicate of the subject",
			"Senator Tom Hale arrived late but described the tax plan as a “work in progress.”",
			[]want{{"Tom Hale", "the tax plan as a “work in progress.”", "described", false}}},
		{"a label with a comma, then the writer's words",
			"Mayor Ana Ruiz greeted the budget as “a fresh start,” and left.",
			[]want{{"Ana Ruiz", "the budget as “a fresh start,”", "greeted", false}}},
		{"a quotation ending its sentence ends the speaker's words",
			`Marchers in the park chanted "Stop the war" and "Bring them home." In Boston, the mayor opened a memorial to "the fallen."`,
			[]want{{"Marchers in the park", "Stop the war … Bring them home.", "chanted", true}}},
		{"a quoted label qualified after it",
			"Senator Tom Hale called the plan a “blueprint” for how the city would grow.",
			[]want{{"Tom Hale", "the plan a “blueprint” for how the city would grow", "called", false}}},
		{"a quoted label, then the writer's participle",
			"Senator Tom Hale called the plan a “disaster,” saying it would fail.",
			[]want{{"Tom Hale", "the plan a “disaster,”", "called", false}, {"Tom Hale", "it would fail", "saying", false}}},
		{"a capitalised article opening the sentence is no name",
			"The town released a statement Wednesday saying the plan “will not work.”",
			[]want{{"the town", "the plan “will not work.”", "saying", false}}},
		{"a name after “of” speaks through its participle",
			"The ad ends with a clip of Mayor Ana Ruiz saying, “We will build it.”",
			[]want{{"Ana Ruiz", "We will build it.", "saying", true}}},
		{"a base-form cue carried on by the verb before it",
			"The memo was sent Friday. The email went on to say, “We are closing the office.”",
			[]want{{"the email", "We are closing the office.", "say", true}}},
		{"a quantifier standing alone as the speaker",
			"One voter praised the plan. Another said, “It will never work.”",
			[]want{{"One voter", "the plan", "praised", false}, {"Another", "It will never work.", "said", true}}},
		{"a name with a letter garbled by the wrong charset stays whole",
			"“We will win,” Senator JosÃ© Ruiz said.",
			[]want{{"JosÃ© Ruiz", "We will win", "said", true}}},
		{"a base-form cue after a modal agrees with a singular subject",
			"At the hearing, the mayor would only say, “We will see.”",
			[]want{{"the mayor", "We will see.", "say", true}}},
		{"a parenthetical cue, then the words go on quoted",
			"Most of the court rulings, the lawyers said, “all point the same way” on the question.",
			[]want{{"the lawyers", "Most of the court rulings “all point the same way” on the question", "said", false}}},
		{"a participle of a weak cue after a noun, with a quotation",
			"The council issued a statement calling the vote “a clear mistake.”",
			[]want{{"the council", "the vote “a clear mistake.”", "calling", false}}},
		{"a subject modified by a participle phrase speaks",
			"Protesters marching through the streets chanted “No more war!” and kept going.",
			[]want{{"Protesters", "No more war!", "chanted", true}}},
		{"a label listed with another, on a figure",
			"In 2013, the site rated 32% of the claims as “false” or “pants on fire,” and moved on.",
			[]want{{"the site", "32% of the claims as “false” or “pants on fire,”", "rated", false}}},
		{"a label qualified after it",
			"Mayor Ana Ruiz hailed the bridge as “a landmark” for the whole region.",
			[]want{{"Ana Ruiz", "the bridge as “a landmark” for the whole region", "hailed", false}}},
		{"a date opening the sentence is no subject",
			"On September 27 they closed the review by announcing that the claim was “true.”",
			[]want{{"they", "the claim was “true.”", "announcing", false}}},
		{"a subject after an introductory clause, before two verbs",
			"Once, after the game was over, the coach smiled and said, “We earned this.”",
			[]want{{"the coach", "We earned this.", "said", true}}},
		{"a voicing verb after a quotation takes the next one as its object",
			"Waving signs that called him “a fraud,” the marchers chanted “Go home, go home.”",
			[]want{{"the marchers", "Go home, go home.", "chanted", true}}},
		{"a paragraph opened by other marks does not continue the quotation",
			"“We will rebuild the town,” the mayor said.\n\n\"Rebuilding is all the residents talk about now.",
			[]want{{"the mayor", "We will rebuild the town", "said", true}, {"the mayor", "Rebuilding is all the residents talk about now.", "said", true}}},
		{"an introductory phrase with several commas before the subject",
			"At a rally in Reno, Nevada, on Saturday, the senator told supporters, “We will win.”",
			[]want{{"the senator", "We will win.", "told supporters", true}}},
		{"a document speaks through a relative “that”",
			"The campaign sent out a letter that says the senator is “ready to serve.”",
			[]want{{"a letter", "the senator is “ready to serve.”", "says", false}}},
		{"the writer's relative clause after a quotation ends what was said",
			"The mayor later said he was being “sarcastic” in his remarks, which drew criticism from the council.",
			[]want{{"the mayor", "he was being “sarcastic” in his remarks", "said", false}}},
		{"the writer's aside after a dash ends what was said",
			"The senator said he was “encouraged” by the plan — a rare win for the governor.",
			[]want{{"the senator", "he was “encouraged” by the plan", "said", false}}},
		{"verbs of praising and condemning report what was said of their object",
			"Governor Ana Ruiz lauded the new plan for its “bold and careful” approach.",
			[]want{{"Ana Ruiz", "the new plan for its “bold and careful” approach", "lauded", false}}},
		{"an adverb of time between the speaker and the cue",
			"The campaign changed its website. “This is your movement,” it now says in large letters.",
			[]want{{"it", "This is your movement", "says in large letters", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.text, tt.want...) })
	}
}

// TestGenderPastNickname: a first name after a nickname still tells the
// gender ("Crooked Hillary Clinton"), the surname never does.
func TestGenderPastNickname(t *testing.T) {
	f := &finder{}
	tests := []struct {
		name string
		want int
	}{
		{"Crooked Hillary Clinton", gFemale},
		{"Lyin Ted Cruz", gMale},
		{"Hillary", gFemale},
		{"Smith Mary", gUnknown},
	}
	for _, tt := range tests {
		if got := f.genderOf(tt.name, 0, 0); got != tt.want {
			t.Errorf("genderOf(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}
