// Package news holds the domain types every stage of Chorus shares: raw
// documents as they come in, articles as they come out of extraction, and
// their contract JSON form (see ../shared/contract).
package news

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Format is what kind of content a RawDoc's body holds.
type Format int

const (
	// FormatText is plain text, as saved from a browser or a text export.
	FormatText Format = iota
	// FormatHTML is an HTML page.
	FormatHTML
)

func (f Format) String() string {
	if f == FormatHTML {
		return "html"
	}
	return "text"
}

// RawDoc is one input document as ingest hands it on: its body already
// decoded to UTF-8, with whatever the source said about it.
type RawDoc struct {
	// Source names the input: the path as given (joined with the folder
	// walked), a JSONL id, or path#record for containers.
	Source string
	// Body is the document's content, valid UTF-8.
	Body []byte
	// Raw is the input's bytes as read, before any decoding (a JSON Lines
	// record's line; a gzipped file's content once unpacked), kept so the
	// store can hold the input exactly as it came.
	Raw []byte
	// Format tells how Body is to be read.
	Format Format
	// URL is the address the document was fetched from, when known.
	URL string
	// Fetched is when the document was fetched or saved, when known.
	Fetched time.Time
	// Meta carries metadata the source stated explicitly (JSONL fields);
	// it wins over what extraction infers.
	Meta Meta
	// IsArticle is true when Body is an article's own text (a JSONL export)
	// rather than a whole page with its furniture.
	IsArticle bool
}

// Meta is metadata stated by the source itself rather than inferred.
type Meta struct {
	ID        string
	URL       string
	Outlet    string
	Title     string
	Authors   []string
	Published string
	Language  string
}

// Article is one cleaned news article: the contract's article object.
type Article struct {
	ID          string   `json:"id"`
	Source      string   `json:"source"`
	URL         string   `json:"url"`
	Outlet      string   `json:"outlet"`
	Title       string   `json:"title"`
	Authors     []string `json:"authors"`
	Published   string   `json:"published"`
	Language    string   `json:"language"`
	Text        string   `json:"text"`
	DuplicateOf string   `json:"duplicate_of"`
	// Dateline is the place (and date) that opens the story, such as
	// "Washington, January 27"; it is kept here rather than in Text.
	Dateline string `json:"dateline,omitempty"`
}

// Original is what is kept of the input: Raw, or Body when the input
// needed no decoding.
func (d RawDoc) Original() []byte {
	if d.Raw != nil {
		return d.Raw
	}
	return d.Body
}

// ContentID names an input by its bytes: the hex SHA-256 of b. The store
// keeps inputs under it and the work queue drops repeats by it, so the
// same bytes are the same input everywhere.
func ContentID(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
