package quotes

import "testing"

// TestFragments: what was said begins at a clause (or a whole object),
// never inside a relative clause or at the cue's own adverbial.
func TestFragments(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []want
	}{
		{"a relative “that” after the object opens no content", "en",
			"Mayor Ana Ruiz later promised to remove any barrier that got in the way of the parade.",
			[]want{{"Ana Ruiz", "to remove any barrier that got in the way of the parade", "promised", false}}},
		{"a relative “that” with an auxiliary opens no content", "en",
			"Senator Tom Hale praised his aides for the work that has kept the office open.",
			[]want{{"Tom Hale", "his aides for the work that has kept the office open", "praised", false}}},
		{"a weak participle reports a noun phrase with its relative clause", "en",
			"“We will win,” Senator Tom Hale said, repeating a line that has become common at his rallies.",
			[]want{{"Tom Hale", "We will win", "said", true}, {"Tom Hale", "a line that has become common at his rallies", "repeating", false}}},
		{"the source of “according to what X said” is X", "en",
			"The army left the city on Friday, according to what officials said in the capital.",
			[]want{{"officials", "The army left the city on Friday", "according to", false}}},
		{"an article after the one told opens what was said", "en",
			"Rep. Tom Hale told the Daily Courier the city ignored the warnings.",
			[]want{{"Tom Hale", "the city ignored the warnings", "told the Daily Courier", false}}},
		{"a possessive after the one told opens what was said", "en",
			"Mayor Ana Ruiz told the Assembly her office would act.",
			[]want{{"Ana Ruiz", "her office would act", "told the Assembly", false}}},
		{"a cue inside a relative clause: its antecedent is the subject", "en",
			"The army struck two depots that officials said were used by the rebels.",
			[]want{{"officials", "two depots were used by the rebels", "said", false}}},
		{"a cue inside a relative clause on a name, set off by commas", "en",
			"The board met with Ana Ruiz, who aides said had ignored the warnings.",
			[]want{{"aides", "Ana Ruiz had ignored the warnings", "said", false}}},
		{"the comma closing the relative clause ends what was said", "en",
			"The vote, which Ana Ruiz said was a mistake, was a major factor in her defeat.",
			[]want{{"Ana Ruiz", "The vote was a mistake", "said", false}}},
		{"an antecedent among several phrases is left as it was", "en",
			"The council passed a plan for roads and bridges that officials said will cost millions.",
			[]want{{"officials", "will cost millions", "said", false}}},
		{"an adverb between the cue and its “that” is the cue's", "en",
			"Mayor Ana Ruiz argued repeatedly that the bridge would open in May.",
			[]want{{"Ana Ruiz", "the bridge would open in May", "argued", false}}},
		{"a “that” after the adverb, before a verb, is the subject", "en",
			"Mayor Ana Ruiz said publicly that was unlikely to happen.",
			[]want{{"Ana Ruiz", "that was unlikely to happen", "said", false}}},
		{"an adverb that opens the content stays", "en",
			"Senator Tom Hale called for immediately closing the plant.",
			[]want{{"Tom Hale", "immediately closing the plant", "called for", false}}},
		{"a medium named by two nouns is the cue's", "en",
			"“We will act,” Ana Ruiz said in a blog post on Wednesday.",
			[]want{{"Ana Ruiz", "We will act", "said in a blog post", true}}},
		{"a cue with a particle of another sense says nothing", "en",
			"Mayor Ana Ruiz is contending with low turnout and a split council.",
			nil},
		{"a demonstrative “that” belongs to what was said", "en",
			"Mayor Ana Ruiz said that officer “will not be disciplined.”",
			[]want{{"Ana Ruiz", "that officer “will not be disciplined.”", "said", false}}},
		{"a complementizer “that” before a plural noun does not", "en",
			"Mayor Ana Ruiz said that officers will not be disciplined.",
			[]want{{"Ana Ruiz", "officers will not be disciplined", "said", false}}},
		{"a German adverbial after the cue is the cue's", "de",
			"Der Bürgermeister Hans Weber sagt auf der Versammlung, man werde die Brücke bald bauen.",
			[]want{{"Hans Weber", "man werde die Brücke bald bauen", "sagt", false}}},
		{"a Spanish adverbial after the cue is the cue's", "es",
			"El alcalde Juan Pérez dijo durante la reunión, la ciudad necesita un puente nuevo.",
			[]want{{"Juan Pérez", "la ciudad necesita un puente nuevo", "dijo", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkLang(t, tt.lang, tt.text, tt.want...) })
	}
}
