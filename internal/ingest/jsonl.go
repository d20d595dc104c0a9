package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/news"
)

var errLineTooLong = errors.New("line too long")

// readJSONL yields one document per line of a JSON Lines input. It reads
// line by line, so a file of any size passes as long as each article fits
// the limit. A bad line is reported as path#line and the others go on.
func (r *reader) readJSONL(in input, br *bufio.Reader) bool {
	for n := 1; ; n++ {
		line, err := readLine(br, r.maxBytes)
		source := fmt.Sprintf("%s#%d", in.source, n)
		switch {
		case errors.Is(err, errLineTooLong):
			if !r.fail(source, fmt.Errorf("line %d: too long: more than %d bytes", n, r.maxBytes)) {
				return false
			}
			continue
		case errors.Is(err, io.EOF):
			if len(line) == 0 {
				return true
			}
		case err != nil:
			// A cut line is not reported as invalid JSON: the damage is
			// the file's, say a truncated gzip.
			return r.fail(in.source, readErr(in, err))
		}
		if isBlank(line) {
			continue
		}
		doc, replaced, err := parseArticle(line)
		if err != nil {
			if !r.fail(source, fmt.Errorf("line %d: %w", n, err)) {
				return false
			}
			continue
		}
		if !r.warnReplaced(source, replaced) {
			return false
		}
		if doc.Source == "" {
			doc.Source = source
		}
		if !r.emit(doc) {
			return false
		}
	}
}

// readLine returns the next line of br without its line ending, or
// errLineTooLong, having skipped the line, when it is longer than limit.
// At the end of input it returns io.EOF, with the last line if that had
// no line ending.
func readLine(br *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			// Two bytes over for the line ending, trimmed below.
			if int64(len(line)+len(chunk)) > limit+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		if tooLong || int64(len(line)) > limit {
			return nil, errLineTooLong
		}
		return line, err
	}
}

// article is one JSON Lines record as the contract describes it.
type article struct {
	id, url, outlet, title, published, language, text, html string
	authors                                                 []string
}

// parseArticle reads one JSON Lines record. Only "text" or "html" is
// required; when both are given, "text" is taken, as the producer's own
// extraction of the page. Stated metadata goes into Meta, where it wins
// over what extraction infers. It also returns how many bytes that were
// not UTF-8 it replaced by U+FFFD.
func parseArticle(line []byte) (news.RawDoc, int, error) {
	raw := bytes.Clone(line) // the line buffer is reused for the next line
	replaced := 0
	if !utf8.Valid(line) {
		// JSON must be UTF-8, but exports from old systems are not; each
		// line is an article of its own, so each is decoded on its own.
		decoded, n, err := toUTF8(line, false)
		if err != nil {
			return news.RawDoc{}, 0, err
		}
		line, replaced = decoded, n
	}
	a, err := decodeArticle(line)
	if err != nil {
		return news.RawDoc{}, 0, err
	}
	doc := news.RawDoc{
		Raw:    raw,
		Source: a.id,
		URL:    a.url,
		Meta: news.Meta{
			ID:        a.id,
			URL:       a.url,
			Outlet:    a.outlet,
			Title:     a.title,
			Authors:   a.authors,
			Published: a.published,
			Language:  a.language,
		},
	}
	switch {
	case !isBlank([]byte(a.text)):
		doc.Format, doc.Body, doc.IsArticle = news.FormatText, []byte(a.text), true
	case !isBlank([]byte(a.html)):
		body := []byte(a.html)
		if !htmlHasText(body) {
			return news.RawDoc{}, 0, errNoText
		}
		doc.Format, doc.Body = news.FormatHTML, declareUTF8(body)
	default:
		return news.RawDoc{}, 0, errors.New(`neither "text" nor "html" given`)
	}
	return doc, replaced, nil
}

func decodeArticle(line []byte) (article, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return article{}, errors.New("invalid JSON: not an object")
		}
		return article{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if fields == nil { // the line is "null"
		return article{}, errors.New("invalid JSON: not an object")
	}
	var a article
	var err error
	if a.id, err = idField(fields); err != nil {
		return article{}, err
	}
	for _, f := range []struct {
		key string
		dst *string
	}{
		{"url", &a.url}, {"outlet", &a.outlet}, {"title", &a.title},
		{"published", &a.published}, {"language", &a.language},
		{"text", &a.text}, {"html", &a.html},
	} {
		if *f.dst, err = stringField(fields, f.key); err != nil {
			return article{}, err
		}
		if f.key != "text" && f.key != "html" {
			*f.dst = strings.TrimSpace(*f.dst)
		}
	}
	if a.authors, err = authorsField(fields); err != nil {
		return article{}, err
	}
	return a, nil
}

// idField returns "id" verbatim. Numbers are taken too, as their JSON
// text: datasets number their records as often as they name them.
func idField(fields map[string]json.RawMessage) (string, error) {
	raw, ok := fields["id"]
	if !ok {
		return "", nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return stringField(fields, "id")
}

// stringField returns a string field, "" when it is absent or null.
func stringField(fields map[string]json.RawMessage, key string) (string, error) {
	raw, ok := fields[key]
	if !ok {
		return "", nil
	}
	var s *string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%q must be a string", key)
	}
	if s == nil {
		return "", nil
	}
	return *s, nil
}

// authorsField takes "authors" as an array of names or a single one, and
// also as schema.org-style objects with a "name", as scrapers export them.
func authorsField(fields map[string]json.RawMessage) ([]string, error) {
	raw, ok := fields["authors"]
	if !ok {
		return nil, nil
	}
	var one *string
	if json.Unmarshal(raw, &one) == nil {
		if one == nil || strings.TrimSpace(*one) == "" {
			return nil, nil
		}
		return []string{strings.TrimSpace(*one)}, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, errors.New(`"authors" must be a string or an array of strings`)
	}
	var authors []string
	for _, item := range items {
		var name *string
		if json.Unmarshal(item, &name) != nil {
			var obj struct {
				Name *string `json:"name"`
			}
			if json.Unmarshal(item, &obj) != nil || obj.Name == nil {
				return nil, errors.New(`"authors" must be a string or an array of strings`)
			}
			name = obj.Name
		}
		if name != nil && strings.TrimSpace(*name) != "" {
			authors = append(authors, strings.TrimSpace(*name))
		}
	}
	return authors, nil
}
