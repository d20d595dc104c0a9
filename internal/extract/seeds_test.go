package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

const seedsDir = "../../../shared/seeds"

// seedCase pins what extraction must find in one seed. The texts are read
// from ../shared at test time; only short excerpts stand here.
type seedCase struct {
	file       string
	title      string
	authors    []string
	published  string // prefix the published field must start with
	dateline   string
	paragraphs int
	first      string // the body's opening words
	last       string // the body's closing words
	keep       []string
	drop       []string
}

var seedCases = []seedCase{
	{
		file: "000_0b808cb1f53d8eec.txt", title: "US shared response to Russia's security demands with Ukraine before sending",
		authors: []string{"Alexander Query"}, published: "2022-01-27", paragraphs: 13,
		first: "Foreign Minister Dmytro Kuleba said", last: "military hardware from its distant districts.",
		keep: []string{"No objections on the Ukrainian side", "There was no positive answer", "The U.S. response has not been made public."},
		drop: []string{"Trump praises House speaker", "Latvian schools", "indicates required", "Support independent journalism",
			"(R) speaks with President", "This audio is created", "News Feed", "Successfuly subscribed", "visa masterCard", "Editors' Picks"},
	},
	{
		file: "001_646108a48d638425.txt", title: "US, NATO don't cave in to Russian demands",
		authors: []string{"Oleg Sukhov"}, published: "2022-01-26", paragraphs: 11,
		first: "The U.S. has not caved in", last: "own security arrangements and alliances,\" Blinken said.",
		keep: []string{"We have run out of patience", "We will uphold the principle"},
		drop: []string{"Read More:", "Romania denies", "Bulgakov", "eceasefire", "greets embassy staff", "Become a member", "Ukraine Daily"},
	},
	{
		file: "002_e55e3f5dd349d690.txt", title: "US delivers written reply to Russia on security demands",
		authors: []string{}, dateline: "Washington, January 27", paragraphs: 10,
		first: "In a written reply to the Moscow", last: "find common ground,” Blinken said.",
		keep: []string{"more than 100,000 troops", "US reiterates what we said publicly"},
		drop: []string{"Click to comment", "Leave a Reply", "Most Popular", "To Top", "Required fields"},
	},
	{
		file: "003_b9c2a02033c2881e.txt", title: "U.S., NATO respond to Russia's security demands",
		authors: []string{"AFP", "AP", "Reuters"}, published: "2022-01-27", paragraphs: 13,
		first: "Washington said it made no concessions", last: "could hamper diplomatic efforts.",
		keep: []string{"A diplomatic path forward", "What were Russia's demands?", "Ongoing diplomacy", "lasted more than eight hours"},
		drop: []string{"Ukraine Crisis", "Published :", "Photo: picture alliance", "fb/msh"},
	},
	{
		file: "004_0c9866ca9f5a7feb.txt", title: "Latest Ukraine updates: US formally responds to Russia’s demands",
		authors: []string{}, paragraphs: 11,
		first: "United States Secretary of State Antony Blinken said", last: "Prime Minister Justin Trudeau announced.",
		keep: []string{"$268m ($340m Canadian)", "The live blog is now closed", "We made clear that there are core principles"},
		drop: []string{"Jump to content", "Recommended Posts", "Russian army service members", "Recently Browsing", "No registered users",
			"Terms of Use", "This topic is now closed", "Guest", "[News]", "Create New"},
	},
}

func readSeed(t *testing.T, name string) news.RawDoc {
	t.Helper()
	path := filepath.Join(seedsDir, name)
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("seeds are read from ../shared: %v", err)
	}
	return news.RawDoc{Source: path, Body: body, Format: news.FormatText}
}

func TestSeeds(t *testing.T) {
	for _, c := range seedCases {
		t.Run(c.file, func(t *testing.T) {
			doc := readSeed(t, c.file)
			a, err := Extract(doc, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title {
				t.Errorf("title = %q, want %q", a.Title, c.title)
			}
			if strings.Join(a.Authors, "|") != strings.Join(c.authors, "|") {
				t.Errorf("authors = %q, want %q", a.Authors, c.authors)
			}
			if !strings.HasPrefix(a.Published, c.published) || c.published == "" && a.Published != "" {
				t.Errorf("published = %q, want %q…", a.Published, c.published)
			}
			if a.Dateline != c.dateline {
				t.Errorf("dateline = %q, want %q", a.Dateline, c.dateline)
			}
			if a.Language != "en" {
				t.Errorf("language = %q, want en", a.Language)
			}
			paras := strings.Split(a.Text, "\n\n")
			if len(paras) != c.paragraphs {
				t.Errorf("%d paragraphs, want %d:\n%s", len(paras), c.paragraphs, a.Text)
			}
			if !strings.HasPrefix(a.Text, c.first) {
				t.Errorf("text starts %q, want %q", head(a.Text), c.first)
			}
			if !strings.HasSuffix(a.Text, c.last) {
				t.Errorf("text ends %q, want %q", tail(a.Text), c.last)
			}
			for _, k := range c.keep {
				if !strings.Contains(a.Text, k) {
					t.Errorf("text lost %q", k)
				}
			}
			for _, d := range append(c.drop, c.title) {
				if strings.Contains(a.Text, d) {
					t.Errorf("text keeps boilerplate %q", d)
				}
			}
			// Every paragraph comes from the page as it was written.
			for _, p := range paras {
				if !strings.Contains(normalizeSpace(string(doc.Body)), p) {
					t.Errorf("paragraph not in the input: %q", head(p))
				}
			}
			if a.ID == "" || !strings.HasPrefix(a.ID, "a-") {
				t.Errorf("id = %q", a.ID)
			}
		})
	}
}

// TestSeedsBatch reads the seeds as one batch, as `chorus extract` does:
// the lines two Kyiv Independent pages share must not cost either any text.
func TestSeedsBatch(t *testing.T) {
	var docs []news.RawDoc
	for _, c := range seedCases {
		docs = append(docs, readSeed(t, c.file))
	}
	opts := ForBatch(DefaultOptions(), docs)
	if opts.Text.Repeated == nil {
		t.Fatal("no line index for a batch of five pages")
	}
	for i, doc := range docs {
		a, err := Extract(doc, opts)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(a.Text))
		if got := hex.EncodeToString(sum[:8]); got != seedTextHashes[seedCases[i].file] {
			t.Errorf("%s: batch text differs from the pinned one:\n%s", seedCases[i].file, a.Text)
		}
	}
}

// TestSeedsStable pins each seed's whole clean text by its hash, so that any
// change to what the cleaner keeps shows up here and is looked at.
func TestSeedsStable(t *testing.T) {
	got := map[string]string{}
	for _, c := range seedCases {
		a, err := Extract(readSeed(t, c.file), DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(a.Text))
		got[c.file] = hex.EncodeToString(sum[:8])
	}
	for k, v := range got {
		if seedTextHashes[k] != v {
			t.Errorf("%s: clean text hash %s, pinned %s; read the text (chorus extract %s/%s) and, if it is right, pin the new hash", k, v, seedTextHashes[k], seedsDir, k)
		}
	}
}

// seedTextHashes were pinned after reading each clean text against its seed.
var seedTextHashes = map[string]string{
	"000_0b808cb1f53d8eec.txt": "943c41d9b2fe9010",
	"001_646108a48d638425.txt": "eb081ab0d3fe9da1",
	"002_e55e3f5dd349d690.txt": "3f34efee9e547fd9",
	"003_b9c2a02033c2881e.txt": "32e97060f0a9330c",
	"004_0c9866ca9f5a7feb.txt": "0582aa54cdc785dc",
}

func head(s string) string { return s[:min(len(s), 60)] }

func tail(s string) string { return s[max(0, len(s)-60):] }

func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
