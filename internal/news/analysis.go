package news

// Quote is something a source said, as an article reports it.
type Quote struct {
	// Speaker is the fullest name the article gives for the source, or
	// the phrase it uses ("a senior official") when it names nobody.
	Speaker string `json:"speaker"`
	// Text is what was said, without quotation marks.
	Text string `json:"text"`
	// Cue is the verb or phrase that introduces it ("said", "according to").
	Cue string `json:"cue"`
	// Direct is true only for verbatim words in quotation marks.
	Direct bool `json:"direct"`
	// Start and End are the byte offsets of Text's span in the article text.
	Start int `json:"start"`
	End   int `json:"end"`
	// SpeakerKind is what the speaker is, as far as the article tells:
	// SpeakerPerson, SpeakerOrganization (an institution, or a capital or
	// palace standing for its government), SpeakerPublication (a news
	// outlet reporting what it published), or "" when unknown.
	SpeakerKind string `json:"speaker_kind,omitempty"`
	// InTitle is true for a quote read from the article's title ("Lavrov:
	// No positive answer …"); its Start and End are offsets in the title.
	InTitle bool `json:"in_title,omitempty"`
	// Stance is "" for what a source said or wrote, and StanceThought for
	// what the article says a source thinks, wants, plans, fears or
	// perceives ("Trump wants to …", "officials believe …"): attributed
	// all the same, but not words that can be quoted.
	Stance string `json:"stance,omitempty"`
}

// StanceThought marks a Quote that reports a source's mind rather than
// its words.
const StanceThought = "thought"

// Speaker kinds of a Quote.
const (
	SpeakerPerson       = "person"
	SpeakerOrganization = "organization"
	SpeakerPublication  = "publication"
)

// EntityType is the kind of thing an entity is.
type EntityType string

const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Place        EntityType = "place"
	OtherEntity  EntityType = "other"
)

// Entity is a person, organisation or place an article names, with its
// variants merged ("Blinken", "Antony Blinken", "Secretary of State Antony
// Blinken").
type Entity struct {
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Mentions int        `json:"mentions"`
	// Aliases are the other forms the article uses for the same entity.
	Aliases []string `json:"aliases,omitempty"`
	// Key is the same for spelling variants of one name across articles
	// ("Sergei Lavrov" and "Sergey Lavrov").
	Key string `json:"key,omitempty"`
	// Roles are the titles the article gives a person ("foreign
	// minister" of "Ukraine"), by which a story can tell whom a
	// description ("Ukraine's foreign minister") stands for.
	Roles []Role `json:"roles,omitempty"`
}

// Role is a title an article gives a person, and whose it is.
type Role struct {
	Title string `json:"title"`        // lower case: "foreign minister"
	Of    string `json:"of,omitempty"` // "Ukraine", "NATO"; "" when not said
}

// Fact kinds.
const (
	FactCount    = "count"    // "over 120,000 troops"
	FactAmount   = "amount"   // "$268m"
	FactPercent  = "percent"  // "25%"
	FactDuration = "duration" // "more than eight hours"
	FactDate     = "date"     // "Jan. 26", "on Wednesday"
	FactNumber   = "number"   // any other figure
)

// Fact is a number, amount, date or count an article states, with the
// phrase it belongs to.
type Fact struct {
	// Text is the phrase that states the fact ("over 120,000 troops").
	Text string `json:"text"`
	// Value is the figure normalised: "120000", "268000000", "2022-01-26".
	Value string `json:"value"`
	// Unit is what is counted or measured ("troops", "USD", "hours"); ""
	// for dates.
	Unit string `json:"unit"`
	Kind string `json:"kind"`
	// Qualifier keeps the hedge that goes with the figure: "over", "more
	// than", "about", "at least", "up to".
	Qualifier string `json:"qualifier,omitempty"`
	// Sentence is the sentence the fact was read from.
	Sentence string `json:"sentence,omitempty"`
}

// Analyzed is an article with what analysis read in it: the contract's
// article object as `chorus analyze` writes it.
type Analyzed struct {
	Article
	Quotes   []Quote  `json:"quotes"`
	Entities []Entity `json:"entities"`
	Facts    []Fact   `json:"facts"`
}
