package quotes

import (
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
)

// want is one expected quote; Cue "" skips the check of the cue.
type want struct {
	Speaker, Text, Cue string
	Direct             bool
}

func find(text string) []news.Quote { return Find(text, sentences.Split(text), nil) }

// check runs Find on text and requires exactly the quotes of ws, in order.
func check(t *testing.T, text string, ws ...want) {
	t.Helper()
	got := find(text)
	if !match(t, text, got, ws) {
		return
	}
	for i, g := range got {
		if g.Start < 0 || g.End > len(text) || g.Start > g.End {
			t.Errorf("%q: quote %d span %d-%d out of text", text, i, g.Start, g.End)
		}
	}
}

// match requires of got, the quotes found in text, exactly the quotes of
// ws, in order; false when their numbers differ.
func match(t *testing.T, text string, got []news.Quote, ws []want) bool {
	t.Helper()
	if len(got) != len(ws) {
		t.Errorf("%q:\n got %d quotes, want %d:\n%s", text, len(got), len(ws), dump(got))
		return false
	}
	for i, w := range ws {
		g := got[i]
		if g.Speaker != w.Speaker || g.Text != w.Text || g.Direct != w.Direct || w.Cue != "" && g.Cue != w.Cue {
			t.Errorf("%q:\n quote %d = %+v\n      want %+v", text, i, g, w)
		}
	}
	return true
}

func dump(qs []news.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("  ")
		b.WriteString(q.Speaker + " | " + q.Cue + " | " + q.Text)
		if q.Direct {
			b.WriteString(" | direct")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestDirectShapes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"quote then pronoun cue",
			"Antony Blinken spoke on Monday. “We will uphold the principle,” he said.",
			[]want{{"Antony Blinken", "We will uphold the principle", "said", true}}},
		{"colon",
			"Sergei Lavrov said: “There was no positive answer.”",
			[]want{{"Sergei Lavrov", "There was no positive answer.", "said", true}}},
		{"cue then quote",
			"Lavrov said “we have run out of patience.”",
			[]want{{"Lavrov", "we have run out of patience.", "said", true}}},
		{"cue with medium after",
			"“We had seen the response,” Kuleba wrote on Twitter on Jan. 27.",
			[]want{{"Kuleba", "We had seen the response", "wrote on Twitter", true}}},
		{"inverted",
			"“It is a disgrace,” said Ned Price, a spokesman.",
			[]want{{"Ned Price", "It is a disgrace", "said", true}}},
		{"title stripped",
			"“There was no positive answer to the main question,” Russian Foreign Minister Sergei Lavrov said on Jan. 27.",
			[]want{{"Sergei Lavrov", "There was no positive answer to the main question", "said", true}}},
		{"split around the cue",
			"Jens Stoltenberg arrived. “We cannot,” he said, “and will not.”",
			[]want{{"Jens Stoltenberg", "We cannot and will not.", "said", true}}},
		{"party and state in parentheses",
			"“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.",
			[]want{{"Gwen Moore", "It’s a dog whistle to all Americans", "said", true}}},
		{"a later quotation inside reported speech",
			"“Bringing that up again is insane,” Sanders said, going on to say that the country has spent “hundreds of years fighting racism.”",
			[]want{{"Sanders", "Bringing that up again is insane", "said", true}, {"Sanders", "the country has spent “hundreds of years fighting racism.”", "going on to say", false}}},
		{"a quoted title is no speech",
			"On CBS’s “Face the Nation,” Speaker Paul Ryan said the protests demand that all Americans engage in “more listening.”",
			[]want{{"Paul Ryan", "the protests demand that all Americans engage in “more listening.”", "said", false}}},
		{"a later quotation with a cue of its own",
			"“This just isn’t right,” Elizabeth Warren said. “You squeezed employees” to drive up the stock price, she said.",
			[]want{{"Elizabeth Warren", "This just isn’t right", "said", true}, {"Elizabeth Warren", "“You squeezed employees” to drive up the stock price", "said", false}}},
		{"a long appositive before the cue",
			"“It’s an invasion of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at a Washington event this month.",
			[]want{{"Scott Pruitt", "It’s an invasion of the state regulatory domain", "said", true}}},
		{"opened in one paragraph, attributed at the end of the next",
			"Blinken spoke at length.\n\n“We will uphold the open-door policy. There is no compromise here.\n\n“The door stays open,” Blinken said.",
			[]want{{"Blinken", "We will uphold the open-door policy. There is no compromise here. The door stays open", "said", true}}},
		{"a stray straight mark is not continued by a curly one",
			"\"Melanie thought the whole thing was outrageous.\n\n“It never crossed my mind that I’m losing it,” she said months later.",
			[]want{{"she", "It never crossed my mind that I’m losing it", "said", true}}},
		{"continued after the cue sentence",
			"“This is about respecting nations,” NATO Secretary General Jens Stoltenberg added. “Russia should also withdraw its forces.”",
			[]want{{"Jens Stoltenberg", "This is about respecting nations … Russia should also withdraw its forces.", "added", true}}},
		{"several paragraphs",
			"Jens Stoltenberg said:\n\n“This is the first part of it.\n\n“And this is the second part.”",
			[]want{{"Jens Stoltenberg", "This is the first part of it. And this is the second part.", "said", true}}},
		{"single marks",
			"Foreign Minister Dmytro Kuleba landed in Kyiv. ‘We are ready for talks,’ the minister said.",
			[]want{{"Dmytro Kuleba", "We are ready for talks", "said", true}}},
		{"straight double marks",
			`"We are ready for talks," she said.`,
			[]want{{"she", "We are ready for talks", "said", true}}},
		{"apostrophes are no quotes",
			"“Russia’s demands don’t matter,” Blinken said.",
			[]want{{"Blinken", "Russia’s demands don’t matter", "said", true}}},
		{"guillemets",
			"«Nous sommes prêts», a déclaré Emmanuel Macron.",
			[]want{{"Emmanuel Macron", "Nous sommes prêts", "", true}}},
		{"German marks",
			"„Wir sind bereit“, sagte Olaf Scholz.",
			[]want{{"Olaf Scholz", "Wir sind bereit", "sagte", true}}},
		{"two apostrophes as marks",
			"''We have a ton of work to do,'' a longtime adviser said.",
			[]want{{"a longtime adviser", "We have a ton of work to do", "said", true}}},
		{"according to before",
			"According to the Kremlin, “the answer was negative.”",
			[]want{{"Kremlin", "the answer was negative.", "According to", true}}},
		{"organisation with statement",
			"“The head of the mission handed over a response,” the Russian Foreign Ministry said in a statement.",
			[]want{{"Russian Foreign Ministry", "The head of the mission handed over a response", "said in a statement", true}}},
		{"paragraph ending with a colon",
			"Ted Cruz continued:\n\n“You look at the questions.”",
			[]want{{"Ted Cruz", "You look at the questions.", "continued", true}}},
		{"scare quotes are no quotes",
			"Envoys met in Paris under the so-called “Normandy format” for talks.",
			nil},
		{"a title is no quote",
			"He hosted “Saturday Night Live” twice.",
			nil},
		{"told reporters",
			"Sergey Lavrov arrived late. “We have run out of patience,” he told reporters.",
			[]want{{"Sergey Lavrov", "We have run out of patience", "told reporters", true}}},
		{"two speakers",
			"Democratic congresswomen Pramila Jayapal and Barbara Lee met in Washington.\n\n“We watch Russia with alarm,” Lee and Jayapal said in a joint statement.",
			[]want{{"Barbara Lee and Pramila Jayapal", "We watch Russia with alarm", "said in a joint statement", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.text, tt.want...) })
	}
}

func TestIndirect(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"said that",
			"Antony Blinken said that the response contains offers.",
			[]want{{"Antony Blinken", "the response contains offers", "said", false}}},
		{"said without that",
			"Blinken said the response contains offers.",
			[]want{{"Blinken", "the response contains offers", "said", false}}},
		{"told reporters",
			"Lavrov told reporters the answer was negative.",
			[]want{{"Lavrov", "the answer was negative", "told reporters", false}}},
		{"told a programme",
			"Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.",
			[]want{{"Sanders", "nobody would question her intelligence", "told MSNBC's \"Morning Joe\"", false}}},
		{"adjunct before that",
			"Blinken said at a news briefing on Jan. 26 that the door stays open.",
			[]want{{"Blinken", "the door stays open", "said at a news briefing", false}}},
		{"according to first",
			"According to the Russian Foreign Ministry, the reply was handed over on Wednesday.",
			[]want{{"Russian Foreign Ministry", "the reply was handed over on Wednesday", "According to", false}}},
		{"according to a report by an outlet",
			"According to a new report by Politico, party insiders are trying to mobilize voters.",
			[]want{{"Politico", "party insiders are trying to mobilize voters", "According to", false}}},
		{"weak cue before a clause",
			"New polls show Trump is trailing Ted Cruz.",
			[]want{{"New polls", "Trump is trailing Ted Cruz", "show", false}}},
		{"a name is no cue",
			"The United States is the biggest polluter.",
			nil},
		{"a speech noun within reported speech",
			"Trump repeated his claim that the election was rigged against him.",
			[]want{{"Trump", "his claim that the election was rigged against him", "repeated", false}, {"Trump", "the election was rigged against him", "claim", false}}},
		{"a possessor's statement",
			"Few diplomats heard Lavrov’s statement that the talks in Geneva had failed.",
			[]want{{"Lavrov", "the talks in Geneva had failed", "statement", false}}},
		{"a relative clause is no content",
			"He stood by the statement that he made on Monday.",
			nil},
		{"a quantity of voters",
			"Nearly eight of 10 voters say they plan to tune in.",
			[]want{{"Nearly eight of 10 voters", "they plan to tune in", "say", false}}},
		{"two named speakers",
			"But Mr. Grassley and Mr. Leahy say other changes are needed.",
			[]want{{"Grassley and Leahy", "other changes are needed", "say", false}}},
		{"a plural without -s",
			"Police say he posed a deadly threat.",
			[]want{{"Police", "he posed a deadly threat", "say", false}}},
		{"advisers to someone",
			"In recent days, advisers to Mr. Obama say, the president has grown exasperated with the race.",
			[]want{{"advisers to Mr. Obama", "In recent days the president has grown exasperated with the race", "say", false}}},
		{"a cue and its time inside what was said",
			"The difference now, he told me on Friday, is that he anchors a straight news program.",
			[]want{{"he", "The difference now is that he anchors a straight news program", "told me", false}}},
		{"a weak cue after and is a word of what was said",
			"The city sent a letter. It says the campaign violated federal and state law.",
			[]want{{"it", "the campaign violated federal and state law", "says", false}}},
		{"many of whom say",
			"The plan angered the families of the victims, many of whom say the claims are unfounded.",
			[]want{{"the families of the victims", "the claims are unfounded", "say", false}}},
		{"a demand",
			"Keron Blair, executive director of AROS, called for more school investment.",
			[]want{{"Keron Blair", "more school investment", "called for", false}}},
		{"a call on someone",
			"Adam Schiff called on President Obama to retaliate against Russia.",
			[]want{{"Adam Schiff", "President Obama to retaliate against Russia", "called on", false}}},
		{"an evaluative cue after a named subject",
			"At the debate, Hillary Clinton cited derogatory comments Trump had made about Machado.",
			[]want{{"Hillary Clinton", "derogatory comments Trump had made about Machado", "cited", false}}},
		{"an evaluative word as a noun",
			"The cited comments were made years ago.",
			nil},
		{"a second verb with its own cue ends what was said",
			"Blinken said the U.S. had delivered a written response but did not elaborate on its details.",
			[]want{{"Blinken", "the U.S. had delivered a written response", "said", false}}},
		{"a question asked",
			"Asked if he was ever bullied as a child, Trump laughed.",
			[]want{{"", "if he was ever bullied as a child", "Asked", false}}},
		{"a question asked by someone named",
			"Asked by Stephanopoulos whether he would debate again, Trump said no.",
			[]want{{"Stephanopoulos", "whether he would debate again", "Asked", false}}},
		{"what a record shows",
			"The Real Clear Politics average of recent polls shows Clinton leading Trump by three points.",
			[]want{{"The Real Clear Politics average of recent polls", "Clinton leading Trump by three points", "shows", false}}},
		{"according to after a colon",
			"It has not gone unnoticed: according to recent polls, Trump holds only 14 percent of the Latino vote.",
			[]want{{"recent polls", "Trump holds only 14 percent of the Latino vote", "according to", false}}},
		{"according to a pronoun",
			"Sergei Lavrov arrived late. According to him, the talks had been postponed twice.",
			[]want{{"Sergei Lavrov", "the talks had been postponed twice", "According to", false}}},
		{"the speaker's second verb",
			"Hillary Clinton said she admires his determination and highlighted their shared commitment on policy.",
			[]want{{"Hillary Clinton", "she admires his determination", "said", false}}},
		{"a past clause goes on past and",
			"Blinken said prices rose and stabilized after the talks.",
			[]want{{"Blinken", "prices rose and stabilized after the talks", "said", false}}},
		{"the speaker's next verb after a comma",
			"Mr. Obama, who understood that a legislative push would be fruitless, told his advisers to find another way.",
			[]want{{"Obama", "a legislative push would be fruitless", "understood", false}, {"Obama", "to find another way", "told his advisers", false}}},
		{"a year is no speaker",
			"Obama met McConnell, who in 2010 said the most important goal was to make Obama a one-term president.",
			[]want{{"McConnell", "the most important goal was to make Obama a one-term president", "said", false}}},
		{"an opening word before the subject",
			"Worse, the companies have hidden their tax havens, reporting different numbers to different agencies.",
			[]want{{"the companies", "different numbers to different agencies", "reporting", false}}},
		{"a plural cue word after a preposition is a noun",
			"PolitiFact rated 32% of Republican claims as false.",
			nil},
		{"a participle of the outer speaker",
			"Hillary Clinton told the audience that she believes the policies must go on, saying that “race still determines too much” in America, including in schools.",
			[]want{{"Hillary Clinton", "she believes the policies must go on", "told the audience", false},
				{"Hillary Clinton", "the policies must go on", "believes", false},
				{"Hillary Clinton", "“race still determines too much” in America, including in schools", "saying", false}}},
		{"according to last",
			"The reply was handed over on Wednesday, according to a senior official.",
			[]want{{"a senior official", "The reply was handed over on Wednesday", "according to", false}}},
		{"cue after the content",
			"The reply was handed over on Wednesday, Blinken said.",
			[]want{{"Blinken", "The reply was handed over on Wednesday", "said", false}}},
		{"inverted after the content",
			"The reply was handed over on Wednesday, said Ned Price.",
			[]want{{"Ned Price", "The reply was handed over on Wednesday", "said", false}}},
		{"cue inside the content",
			"In his view, Blinken said, the reply was a good start.",
			[]want{{"Blinken", "In his view the reply was a good start", "said", false}}},
		{"present tense",
			"Officials say the talks will continue next week.",
			[]want{{"Officials", "the talks will continue next week", "say", false}}},
		{"says",
			"Zelensky says the army is ready.",
			[]want{{"Zelensky", "the army is ready", "says", false}}},
		{"passive",
			"It was reported that the talks had failed.",
			[]want{{"", "the talks had failed", "reported", false}}},
		{"participle",
			"NATO followed suit, saying that it will not compromise on its principles.",
			[]want{{"NATO", "it will not compromise on its principles", "saying", false}}},
		{"as X noted",
			"As Blinken noted, the letter makes no concessions.",
			[]want{{"Blinken", "the letter makes no concessions", "noted", false}}},
		{"anonymous source",
			"A senior official said the talks had stalled.",
			[]want{{"a senior official", "the talks had stalled", "said", false}}},
		{"organisation",
			"The Russian Foreign Ministry said in a statement that the talks had stalled.",
			[]want{{"Russian Foreign Ministry", "the talks had stalled", "said in a statement", false}}},
		{"appositive",
			"Christopher Harvey, a delegate from Houston, Texas, said the turmoil was a circus.",
			[]want{{"Christopher Harvey", "the turmoil was a circus", "said", false}}},
		{"German",
			"Olaf Scholz sagte, dass die Gespräche weitergehen.",
			[]want{{"Olaf Scholz", "die Gespräche weitergehen", "sagte", false}}},
		{"Spanish",
			"Pedro Sánchez dijo que las conversaciones continúan.",
			[]want{{"Pedro Sánchez", "las conversaciones continúan", "dijo", false}}},
		{"French according to",
			// "le ministère" names no one the text names: no speaker
			"Selon le ministère, les discussions continuent.",
			[]want{{"", "les discussions continuent", "Selon", false}}},
		{"Russian",
			"Сергей Лавров заявил, что ответа нет.",
			[]want{{"Сергей Лавров", "ответа нет", "заявил", false}}},
		{"contraction",
			"Zelensky arrived. He’s said the army is ready.",
			[]want{{"Zelensky", "the army is ready", "said", false}}},
		{"noun forms are no cues",
			"The Kremlin’s demands that NATO pull back were rejected.",
			nil},
		{"verbs",
			"Blinken warned that sanctions would follow. Lavrov claimed that the West lied. Scholz insisted that talks go on. Macron argued that Europe must act. Biden believes that diplomacy works.",
			[]want{
				{"Blinken", "sanctions would follow", "warned", false},
				{"Lavrov", "the West lied", "claimed", false},
				{"Scholz", "talks go on", "insisted", false},
				{"Macron", "Europe must act", "argued", false},
				{"Biden", "diplomacy works", "believes", false},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.text, tt.want...) })
	}
}

func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"titles",
			"U.S. Secretary of State Antony Blinken said the talks failed.",
			[]want{{"Antony Blinken", "the talks failed", "said", false}}},
		{"department after of",
			"Secretary of Homeland Security Jeh Johnson said the border was secure.",
			[]want{{"Jeh Johnson", "the border was secure", "said", false}}},
		{"organisation with a possessive",
			"Romania's Defense Ministry said in a statement that the videos were false.",
			[]want{{"Romania's Defense Ministry", "the videos were false", "said in a statement", false}}},
		{"according to a newspaper",
			"Scholz will travel to Washington, according to German newspaper Bild.",
			[]want{{"Bild", "Scholz will travel to Washington", "according to", false}}},
		{"secretary general",
			"NATO Secretary General Jens Stoltenberg said the alliance stands firm.",
			[]want{{"Jens Stoltenberg", "the alliance stands firm", "said", false}}},
		{"surname",
			"Antony Blinken arrived in Kyiv. Blinken said the talks failed.",
			[]want{{"Antony Blinken", "the talks failed", "said", false}}},
		{"title and surname",
			"Antony Blinken arrived in Kyiv. Secretary Blinken said the talks failed.",
			[]want{{"Antony Blinken", "the talks failed", "said", false}}},
		{"pronoun",
			"Annalena Baerbock flew to Kyiv on Monday. She said the talks failed.",
			[]want{{"Annalena Baerbock", "the talks failed", "said", false}}},
		{"pronoun and gender",
			"Hillary Clinton spoke first. Donald Trump replied. She said the plan would fail.",
			[]want{{"Hillary Clinton", "the plan would fail", "said", false}}},
		{"signed quotation",
			"“Trump scares me. His words make me afraid for the future.” ― Krystal Correa",
			[]want{{"Krystal Correa", "Trump scares me. His words make me afraid for the future.", "―", true}}},
		{"headline label",
			"Lavrov: No positive answer to the main question\n\nThe talks ended.",
			[]want{{"Lavrov", "No positive answer to the main question", ":", false}}},
		{"transcript in quotation marks",
			"The transcript follows.\n\n\"WALLACE: Will she be at the debate tomorrow?\n\n\"PENCE: She will not be attending the debate.",
			[]want{{"WALLACE", "Will she be at the debate tomorrow?", ":", true}, {"PENCE", "She will not be attending the debate.", ":", true}}},
		{"continuation paragraph",
			"“We watch with alarm,” Barbara Lee said.\n\n“There is no military solution to this crisis.”",
			[]want{{"Barbara Lee", "We watch with alarm … There is no military solution to this crisis.", "said", true}}},
		{"pronoun skips organisations",
			"Sergei Lavrov met the Foreign Ministry staff. He said the talks failed.",
			[]want{{"Sergei Lavrov", "the talks failed", "said", false}}},
		{"the minister",
			"Foreign Minister Dmytro Kuleba arrived in Brussels. The minister said the talks failed.",
			[]want{{"Dmytro Kuleba", "the talks failed", "said", false}}},
		{"abbreviated title",
			"Sen. Bernie Sanders spoke in Iowa. The Vermont senator said the system was rigged.",
			[]want{{"Bernie Sanders", "the system was rigged", "said", false}}},
		{"description without a name",
			"Ukraine’s foreign minister said the talks failed.",
			[]want{{"Ukraine’s foreign minister", "the talks failed", "said", false}}},
		{"it is an organisation",
			"The Russian Foreign Ministry issued a note. It said the talks failed.",
			[]want{{"Russian Foreign Ministry", "the talks failed", "said", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.text, tt.want...) })
	}
}

// mapResolver resolves from a map.
type mapResolver map[string]string

func (m mapResolver) Resolve(phrase string, at int) string { return m[phrase] }

func TestResolver(t *testing.T) {
	text := "Blinken arrived. “We will stay,” he said. Lavrov said the talks failed."
	got := Find(text, nil, mapResolver{"he": "Antony Blinken"})
	if len(got) != 2 || got[0].Speaker != "Antony Blinken" || got[1].Speaker != "Lavrov" {
		t.Fatalf("got\n%s", dump(got))
	}
}

func TestResolverCannotRename(t *testing.T) {
	text := "Laura Bush said the plan would work."
	got := Find(text, nil, mapResolver{"Laura Bush": "Jeb Bush"})
	if len(got) != 1 || got[0].Speaker != "Laura Bush" {
		t.Fatalf("got\n%s", dump(got))
	}
	got = Find("George Miller spoke. Miller said the plan would work.", nil, mapResolver{"Miller": "George W. Miller"})
	if len(got) != 1 || got[0].Speaker != "George W. Miller" {
		t.Fatalf("got\n%s", dump(got))
	}
}

func TestOffsets(t *testing.T) {
	text := "Blinken spoke. “We will stay,” he said. Lavrov said the talks failed. “We cannot,” he said, “and will not.”"
	for _, q := range find(text) {
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
			t.Fatalf("bad span %+v", q)
		}
		span := text[q.Start:q.End]
		if !strings.HasPrefix(span, q.Text[:5]) || !strings.HasSuffix(span, q.Text[len(q.Text)-5:]) {
			t.Errorf("span %q does not hold %q", span, q.Text)
		}
	}
}

// A quote split around its cue spans from its first word to its last,
// marks and cue included; Text joins its parts.
func TestSplitQuoteSpan(t *testing.T) {
	text := "Jens Stoltenberg spoke. “We cannot,” he said, “and will not.”"
	qs := find(text)
	if len(qs) != 1 {
		t.Fatalf("got\n%s", dump(qs))
	}
	q := qs[0]
	if q.Text != "We cannot and will not." || text[q.Start:q.End] != "We cannot,” he said, “and will not." {
		t.Fatalf("text %q span %q", q.Text, text[q.Start:q.End])
	}
}

func TestDeterministic(t *testing.T) {
	text := "Antony Blinken spoke. “We will stay,” he said. Lavrov said the talks failed, according to Reuters."
	a, b := find(text), find(text)
	if dump(a) != dump(b) {
		t.Fatalf("differs:\n%s\n%s", dump(a), dump(b))
	}
}

func TestEmpty(t *testing.T) {
	for _, s := range []string{"", " ", "\n\n", "“", "”", "'", "\"", "said", "according to", "“”", "‘’"} {
		if got := find(s); len(got) != 0 {
			t.Errorf("%q: %v", s, got)
		}
	}
}

func TestSpeakerKind(t *testing.T) {
	tests := []struct{ text, speaker, kind string }{
		{"Scholz will travel to Washington, according to German newspaper Bild.", "Bild", news.SpeakerPublication},
		{"According to a new report by Politico, party insiders are trying to mobilize voters.", "Politico", news.SpeakerPublication},
		{"The parties agreed to meet again in Berlin, the French presidential palace Elysee said in a statement.", "Elysee", news.SpeakerOrganization},
		{"The Russian Foreign Ministry said the reply was handed over on Wednesday.", "Russian Foreign Ministry", news.SpeakerOrganization},
		{"Moscow said the reply was handed over on Wednesday.", "Moscow", news.SpeakerOrganization},
		{"Foreign Minister Sergei Lavrov said the reply was handed over on Wednesday.", "Sergei Lavrov", news.SpeakerPerson},
		{"A reporter for the newspaper said the reply was handed over on Wednesday.", "a reporter for the newspaper", news.SpeakerPerson},
	}
	for _, tt := range tests {
		got := find(tt.text)
		if len(got) != 1 || got[0].Speaker != tt.speaker || got[0].SpeakerKind != tt.kind {
			t.Errorf("%q: got %+v\nwant %q (%q)", tt.text, got, tt.speaker, tt.kind)
		}
	}
}
