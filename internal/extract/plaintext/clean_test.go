package plaintext

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestFindStamp(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"by Oleg Sukhov January 26, 2022 11:58 PM 2 min read", "2022-01-26T23:58:00"},
		{"Published : January 27, 2022 17:03 IST", "2022-01-27T17:03:00+05:30"},
		{"Updated: 2023-05-04T10:20:00Z", "2023-05-04T10:20:00+00:00"},
		{"27 janvier 2022", "2022-01-27"},
		{"27 de enero de 2022", "2022-01-27"},
		{"27. Januar 2022, 14:05 Uhr", "2022-01-27T14:05:00"},
		{"27 января 2022", "2022-01-27"},
		{"Jan. 27, 2022", "2022-01-27"},
		{"21/06/2014 Tony Carter", "2014-06-21"},
		{"06/21/2014", "2014-06-21"},
		{"27.01.2022", "2022-01-27"},
		{"Posted 4 Sept 2019 at 9:30 am EDT", "2019-09-04T09:30:00-04:00"},
	}
	for _, tt := range tests {
		st, ok := findStamp(tt.line)
		if !ok || st.ISO() != tt.want {
			t.Errorf("findStamp(%q) = %q, %v; want %q", tt.line, st.ISO(), ok, tt.want)
		}
	}
	for _, line := range []string{"February 30, 2022", "Meal 1", "over 120,000 troops", "January 27"} {
		if st, ok := findStamp(line); ok {
			t.Errorf("findStamp(%q) = %q, want none", line, st.ISO())
		}
	}
}

func TestBylineNames(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"by Alexander Query January 27, 2022 6:41 PM 1 min read", []string{"Alexander Query"}},
		{"By Jane Doe and John Roe | Updated 3 hours ago", []string{"Jane Doe", "John Roe"}},
		{"By Ludwig van Beethoven, Clara Schumann", []string{"Ludwig van Beethoven", "Clara Schumann"}},
		{"By the Associated Press", []string{"Associated Press"}},
		{"Von Anna Müller", []string{"Anna Müller"}},
		{"By using this site, you agree", nil},
		{"by the time the troops arrived", nil},
	}
	for _, tt := range tests {
		got := bylineNames(tt.line)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("bylineNames(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestSplitDateline(t *testing.T) {
	tests := []struct {
		p, place, rest string
	}{
		{"Washington, January 27: In a written reply, the US said no.", "Washington, January 27", "In a written reply, the US said no."},
		{"KYIV (Reuters) - Ukraine said on Monday it was ready.", "KYIV", "Ukraine said on Monday it was ready."},
		{"LONDON — Prices rose again.", "LONDON", "Prices rose again."},
		{"Meanwhile, NATO said it would not budge.", "", "Meanwhile, NATO said it would not budge."},
		{"U.S. Secretary of State Antony Blinken said: “No.”", "", "U.S. Secretary of State Antony Blinken said: “No.”"},
	}
	for _, tt := range tests {
		place, rest, _, _ := splitDateline(tt.p)
		if place != tt.place || rest != tt.rest {
			t.Errorf("splitDateline(%q) = %q, %q; want %q, %q", tt.p, place, rest, tt.place, tt.rest)
		}
	}
}

func TestClassifyFurniture(t *testing.T) {
	o := DefaultOptions()
	bad := []string{
		"Skip to content", "Subscribe", "* indicates required", "Please, enter correct email address",
		"Support independent journalism in Ukraine. Join us in this fight.", "Read More: NATO sends more military power to eastern flank",
		"The U.S. and Russia have held intense diplomatic exchanges over the past few weeks. Photo: picture alliance/Zoonar",
		"Whatsapp Facebook Pint Baixar", "11:32 PM", "https://twitter.com/someone/status/1",
		"This website uses cookies to improve your experience while you navigate through the website and to remember your settings for later visits.",
	}
	for _, line := range bad {
		b := measure(line)
		classify(&b, o)
		if b.class != classBad {
			t.Errorf("%q classed %d, want bad", line, b.class)
		}
	}
	good := "The United States and NATO said on January 26 that they delivered written replies to security demands that Russia had made, and that they would not give way on the main points of the dispute with Moscow."
	b := measure(good)
	classify(&b, o)
	if b.class != classGood {
		t.Errorf("prose classed %d, want good", b.class)
	}
}

func TestCleanPage(t *testing.T) {
	page := strings.Join([]string{
		"Home", "World", "Politics", "Sign in",
		"Town council approves new bridge over the river",
		"By Maria Lopez",
		"March 3, 2021",
		"A bridge, seen from the east bank. (Photo: City archive/Reuters)",
		"The town council approved on Tuesday the construction of a new bridge over the river, ending a debate that has lasted for more than ten years.",
		"The bridge will cost about 12 million euros and should open in 2024, the mayor said after the vote in the council chamber.",
		"Why now?",
		"Traffic on the old bridge has doubled since 2010, and engineers warned last year that it could not carry the load for much longer.",
		"Related stories",
		"Council votes to close the public pool for the winter, and the swimmers are not happy about it at all, they said.",
		"Comments",
		"Great news! I have been waiting for this bridge for years and years and I hope it will be finished on time.",
	}, "\n")
	r := Clean(page, DefaultOptions())
	if r.Title != "Town council approves new bridge over the river" {
		t.Errorf("title = %q", r.Title)
	}
	if strings.Join(r.Authors, "|") != "Maria Lopez" || r.Published != "2021-03-03" {
		t.Errorf("byline %q, date %q", r.Authors, r.Published)
	}
	want := []string{"The town council approved", "The bridge will cost", "Why now?", "Traffic on the old bridge"}
	if len(r.Paragraphs) != len(want) {
		t.Fatalf("paragraphs = %q", r.Paragraphs)
	}
	for i, w := range want {
		if !strings.HasPrefix(r.Paragraphs[i], w) {
			t.Errorf("paragraph %d = %q, want %q…", i, r.Paragraphs[i], w)
		}
	}
}

// TestCleanKeepsClosingQuote: a short line of speech that ends the prose
// is the article's; arrows, scare quotes and inch marks are not speech.
func TestCleanKeepsClosingQuote(t *testing.T) {
	prose := []string{
		"Town council approves new bridge over the river",
		"The town council approved on Tuesday the construction of a new bridge over the river, ending a debate that has lasted for more than ten years.",
		"Asked whether the bridge would open on time, after so many delays and two failed tenders, the mayor only smiled at the reporters.",
	}
	for _, tc := range []struct {
		last string
		kept bool
	}{
		{"“You tell me,” he said.", true},
		{`"That's correct," Volker said.`, true},
		{"« Previous Post Next Post »", false},
		{`Is this the "final" plan?`, false},
		{`Buy the 16" model.`, false},
	} {
		r := Clean(strings.Join(append(slices.Clone(prose), tc.last), "\n"), DefaultOptions())
		if kept := slices.Contains(r.Paragraphs, tc.last); kept != tc.kept {
			t.Errorf("last line %q kept = %v, want %v (paragraphs %q)", tc.last, kept, tc.kept, r.Paragraphs)
		}
	}
}

// TestCleanLiveBlog: a live blog heads each entry with its time; an entry
// of short paragraphs between two time stamps is the article's as much as
// its longer neighbours.
func TestCleanLiveBlog(t *testing.T) {
	long := func(s string) string {
		return s + " It was one of several stops the candidates made across the state on the last day before the vote, and the crowds were large."
	}
	page := strings.Join([]string{
		"The Latest: towns cast first votes",
		"1:05 p.m.", long("The governor is telling a packed crowd in Windham that voters should slow down."), long("He says this campaign is different from the others he has run."),
		"12:30 p.m.", "The senator is telling customers at a breakfast spot that she needs them tomorrow.",
		"She thanked another diner for wearing one of her campaign buttons.", "The couple have visited the restaurant before.",
		"12:15 p.m.", long("The governor got a heated reception outside a coffee shop in Hampstead."), long("Protesters held signs and chanted as he slipped in a back door."),
	}, "\n")
	r := Clean(page, DefaultOptions())
	if !slices.Contains(r.Paragraphs, "She thanked another diner for wearing one of her campaign buttons.") {
		t.Errorf("the 12:30 entry is lost: %q", r.Paragraphs)
	}
	if slices.Contains(r.Paragraphs, "12:30 p.m.") {
		t.Errorf("a time stamp is kept as text: %q", r.Paragraphs)
	}
}

func TestCleanUnlistedLanguage(t *testing.T) {
	// Korean prose carries none of our stop words; length and punctuation
	// must carry the judgement.
	para := "정부는 오늘 새로운 교통 정책을 발표했다. 이 정책은 내년부터 시행되며 대중교통 요금을 낮추고 버스 노선을 늘리는 내용을 담고 있다. 시민들은 대체로 환영하는 반응을 보였다."
	page := strings.Join([]string{"홈", "뉴스", "정치", "새 교통 정책 발표", para, para, para, "많이 본 뉴스"}, "\n")
	r := Clean(page, DefaultOptions())
	if len(r.Paragraphs) != 3 {
		t.Errorf("paragraphs = %q", r.Paragraphs)
	}
}

func TestTidyKeepsShortParagraphs(t *testing.T) {
	r := Tidy("First paragraph.\n\nShort one.\n\nShare this article\n\nLast paragraph here.")
	if got := r.Text(); got != "First paragraph.\n\nShort one.\n\nLast paragraph here." {
		t.Errorf("Tidy = %q", got)
	}
}

func TestCleanEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "Home\nNews\nSubscribe"} {
		if r := Clean(in, DefaultOptions()); len(r.Paragraphs) != 0 {
			t.Errorf("Clean(%q) = %q", in, r.Paragraphs)
		}
	}
}

func TestLineIndex(t *testing.T) {
	long := "The council approved the new bridge on Tuesday after a debate that lasted for more than ten years and the mayor said that work would start in the spring."
	pages := []string{
		"Top stories\nSign up for our briefing\n" + long,
		"Top stories\nSign up for our briefing\nAn entirely different report about the weather, which was cold and wet all week long in the whole of the region and beyond.",
		// A syndicated copy of the first page shares everything with it.
		"Local headline\n" + long,
		"Local headline\n" + long,
	}
	x := NewLineIndex(pages)
	if !x.Repeated("Top stories") || !x.Repeated("sign up  for our briefing") {
		t.Error("furniture shared by two unrelated pages not seen")
	}
	if x.Repeated("Local headline") {
		t.Error("a line shared only by copies of one article counted as furniture")
	}
	if x.Repeated(long) {
		t.Error("a long paragraph counted as furniture")
	}
	var nilIndex *LineIndex
	if nilIndex.Repeated("Top stories") {
		t.Error("nil index repeats")
	}
}

func TestHeaderDateThenByline(t *testing.T) {
	page := "Menu\nNew keyboard expected in the next laptop\nMonday November 18, 2019 7:45 am PST by Joe Rossignol\n" +
		"Following the new model, the company plans to release a smaller laptop with the same keyboard in the first half of next year, according to a report.\n" +
		"The report claims the display size will remain the same, although the company is expected to make the borders around it slimmer than before.\n" +
		"[ 167 comments ]\nTop Rated Comments\nIt is good to see the company finally listen to its customers about the keyboard that everyone has hated for years."
	r := Clean(page, DefaultOptions())
	if strings.Join(r.Authors, "|") != "Joe Rossignol" || r.Published != "2019-11-18T07:45:00-08:00" {
		t.Errorf("authors %q, published %q", r.Authors, r.Published)
	}
	if len(r.Paragraphs) != 2 {
		t.Errorf("comments kept or text lost: %q", r.Paragraphs)
	}
}

// A headline that opens the text, above its byline and date, is the title,
// not the first paragraph.
func TestHeaderHeadlineAboveByline(t *testing.T) {
	body := "The council approved the new bridge over the river on Tuesday after a debate that lasted for more than ten years, and the mayor said work would start in the spring.\n\n" +
		"Opponents of the plan said the cost had doubled since it was first put to the town, and that the old crossing could have been repaired for a fraction of the money."
	r := Clean("Council approves river bridge after ten-year debate\n\nBy Jane Roe\nJune 16, 2021\n\n"+body, DefaultOptions())
	if r.Title != "Council approves river bridge after ten-year debate" || r.Published != "2021-06-16" || len(r.Paragraphs) != 2 {
		t.Errorf("title %q, published %q, %d paragraphs: %q", r.Title, r.Published, len(r.Paragraphs), r.Paragraphs)
	}
}

// A date inside the body's first lines (an embedded post's markup, with
// "date" in it) does not overrule the page's own date line above the body.
func TestHeaderDateBeatsDateInBody(t *testing.T) {
	body := "The council approved the new bridge over the river on Tuesday after a debate that lasted for more than ten years, and the mayor said work would start in the spring.\n\n" +
		"Opponents said the cost had doubled since the plan was first put to the town.\n\n" +
		`<post post-author="@roe" post-date="February 9, 2016">The bridge vote is today, come to the hall<post/>.` + "\n\n" +
		"The old crossing, built in 1931, will close to cars once the new bridge opens, the council said in a statement after the vote."
	r := Clean("Council approves river bridge\n\nBy Jane Roe\nJune 16, 2021 10:00 UTC\n\n"+body, DefaultOptions())
	if r.Published != "2021-06-16T10:00:00+00:00" {
		t.Errorf("published %q, want the header's 2021-06-16T10:00:00+00:00", r.Published)
	}
	// Without a date line above the body, a dated line in it still dates
	// the page.
	r = Clean("Council approves river bridge\n\nPosted on June 16, 2021 by the town desk - 5 comments on Council approves river bridge\n\n"+body, DefaultOptions())
	if r.Published != "2021-06-16" {
		t.Errorf("published %q, want 2021-06-16 from the body's first line", r.Published)
	}
}

func FuzzClean(f *testing.F) {
	f.Add("Home\nNews\nTitle of the story here\nBy Jane Doe\nMarch 3, 2021\nThe council approved the new bridge on Tuesday after a debate that lasted for more than ten years.\nComments")
	f.Add("Washington, January 27: In a written reply, the United States has rejected the demands.\nfb/msh (AFP, AP, Reuters)")
	f.Fuzz(func(t *testing.T, text string) {
		r := Clean(text, DefaultOptions())
		for _, p := range r.Paragraphs {
			if p == "" {
				t.Fatal("empty paragraph")
			}
		}
		Tidy(text)
	})
}

func TestFindWordsMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`[\p{L}\p{N}]+(?:['’][\p{L}]+)*`)
	for _, s := range []string{
		"", "Don't stop: l’homme d'État, 120,000 troops", "rock'n'roll 'quoted' it's5 x'", "Сергей Лавров сказал",
		"東京 2022年", "a''b ’’ e’", "x²y ½ ٣٤", "\xff\xfeabc", "dog's' end'",
	} {
		want, got := re.FindAllString(s, -1), findWords(s)
		if strings.Join(want, "|") != strings.Join(got, "|") || len(want) != len(got) {
			t.Errorf("findWords(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestFoldSpacesMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`[ \t\p{Zs}\x{200b}\x{feff}]+`)
	for _, s := range []string{"", "plain words here", "two  spaces", "\ttab\t\tand\u00a0nbsp", "zero\u200bwidth\ufeff", " lead and trail  ", "ideographic\u3000space", "\xff bad  utf8"} {
		if got, want := foldSpaces(s), re.ReplaceAllString(s, " "); got != want {
			t.Errorf("foldSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTidyTitled checks which first lines of an export without a title are
// lifted into the title: a headline whose words the article takes up, not
// a sentence, a list item, a date line, a photo credit or an unrelated line.
func TestTidyTitled(t *testing.T) {
	body := "Der Friedensnobelpreis geht in diesem Jahr an die inhaftierte iranische Menschenrechtsaktivistin Narges Mohammadi, teilte das Komitee in Oslo mit.\n\nSie wird für ihren Kampf gegen die Unterdrückung der Frauen im Iran ausgezeichnet."
	for _, c := range []struct {
		name, first, title string
	}{
		{"a headline", "Friedensnobelpreis für Narges Mohammadi", "Friedensnobelpreis für Narges Mohammadi"},
		{"a sentence", "Der Preis geht an Narges Mohammadi.", ""},
		{"a list item", "1. Skip to content", ""},
		{"a date line", "Updated Oct 6, 2023", ""},
		{"a photo credit", "Narges Mohammadi in Teheran / Foto: AFP", ""},
		{"a line of other words", "Wetter und Verkehr heute Morgen", ""},
	} {
		r := TidyTitled(c.first + "\n\n" + body)
		if r.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.name, r.Title, c.title)
		}
		if c.title != "" && strings.HasPrefix(r.Text(), c.first) {
			t.Errorf("%s: the title is still the text's first line", c.name)
		}
	}
}
