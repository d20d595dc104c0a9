package news

// DigestVersion is the version of the contract's digest object.
const DigestVersion = 1

// Cited is a piece of a story with the articles that support it.
type Cited struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
}

// StoryQuote is one quote merged across the articles that carry it.
type StoryQuote struct {
	Speaker  string   `json:"speaker"`
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	// Variants are the other wordings of the same quote ("We make clear" /
	// "We made clear"): of a direct quote, the other verbatim ones.
	Variants []string `json:"variants"`
	Cue      string   `json:"cue,omitempty"`
	Direct   bool     `json:"direct"`
	// Paraphrases are, for a direct quote, the wordings of outlets that
	// report the same statement in their own words, without quotation
	// marks.
	Paraphrases []string `json:"paraphrases,omitempty"`
	// Outlets counts the independent outlets that carry the quote: copies
	// of one article count once.
	Outlets int `json:"outlets"`
}

// StoryFact is a figure or date with the articles that state it.
type StoryFact struct {
	Text      string   `json:"text"`
	Value     string   `json:"value"`
	Unit      string   `json:"unit"`
	Kind      string   `json:"kind,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Articles  []string `json:"articles"`
	// Outlets counts the independent outlets that back the fact: copies
	// of one article count once.
	Outlets int `json:"outlets"`
	// Sentence is a sentence that states the fact, from the earliest
	// article that does, so that an editor can check it in context.
	Sentence string `json:"sentence,omitempty"`
}

// Disagreement is a point where outlets give different figures or dates for
// the same thing.
type Disagreement struct {
	Topic  string  `json:"topic"`
	Claims []Cited `json:"claims"`
	// Sentences are the sentences the claims were read from, one for
	// each claim and in the same order: the claim's figure in context,
	// with the articles that state it in that very sentence.
	Sentences []Cited `json:"sentences,omitempty"`
}

// StoryEntity is an entity merged across a story's articles.
type StoryEntity struct {
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	Articles []string   `json:"articles"`
	Mentions int        `json:"mentions"`
}

// Story is the contract's story object: a group of articles about one event
// with its digest.
type Story struct {
	ID             string         `json:"id"`
	Title          string         `json:"title"`
	Articles       []string       `json:"articles"`
	Outlets        []string       `json:"outlets"`
	FirstPublished string         `json:"first_published"`
	LastPublished  string         `json:"last_published"`
	Summary        []Cited        `json:"summary"`
	Quotes         []StoryQuote   `json:"quotes"`
	Facts          []StoryFact    `json:"facts"`
	Disagreements  []Disagreement `json:"disagreements"`
	Entities       []StoryEntity  `json:"entities"`
	// Language is the story's main language (ISO 639-1): the language of
	// most of its articles, the earliest one's on a tie; "" when no
	// article's language is known.
	Language string `json:"language"`
	// Languages counts the story's articles by language; those whose
	// language is unknown are not counted.
	Languages map[string]int `json:"languages"`
	// SummaryLanguage is the language of the title and the summary: the
	// main language, or the one asked for when an article is in it.
	SummaryLanguage string `json:"summary_language"`
	// QuotesShown is how many of the first Quotes, which come ranked, a
	// digest shows by default: about a screenful, the rest one click
	// away. 0 in a story stored before quotes were ranked: all of them.
	QuotesShown int `json:"quotes_shown"`
	// Options fingerprints the story options the story was formed with
	// (pipeline.StoryOptions.Fingerprint), so that a store can tell the
	// stories that options since changed would form otherwise; "" when
	// unknown. It is the store's record, not part of the contract's story
	// object.
	Options string `json:"-"`
}

// StoryArticle is an analysed article with the story it belongs to.
type StoryArticle struct {
	Analyzed
	Story string `json:"story"`
}

// ErrorEntry is an input that could not be read.
type ErrorEntry struct {
	Source string `json:"source"`
	Error  string `json:"error"`
	// Warning tells an input that was read all the same, after a repair
	// (bad bytes replaced): its articles are there.
	Warning bool `json:"warning,omitempty"`
}

// Digest is the contract's digest object.
type Digest struct {
	Version  int            `json:"version"`
	Articles []StoryArticle `json:"articles"`
	Stories  []Story        `json:"stories"`
	Errors   []ErrorEntry   `json:"errors"`
}
