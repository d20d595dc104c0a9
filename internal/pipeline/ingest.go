package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/chorusnews/chorus/internal/analyze"
	"github.com/chorusnews/chorus/internal/extract"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// IngestResult counts what an ingest run did.
type IngestResult struct {
	Added, Known int // inputs new to the store, inputs it already had
	Stories      int // stories in the store afterwards
	Errors       []news.ErrorEntry
}

// ingestChunk is how many new inputs are stored together: a run killed
// midway keeps every chunk it finished.
const ingestChunk = 64

// Ingest adds every input under paths to the store — the input itself,
// its clean and analysed article — and then brings the stories up to date.
// An input the store already holds adds nothing. A failing input is
// reported and the run goes on. Crash safety: an input is recorded as
// stored only after its article is, and every write is one transaction, so
// a run killed at any point and run again loses and doubles nothing.
func Ingest(ctx context.Context, st store.Store, paths []string, stdin io.Reader, o Options, so StoryOptions) (IngestResult, error) {
	var res IngestResult
	var docs []news.RawDoc
	for doc, err := range ingest.Read(paths, stdin, o.Ingest) {
		if err != nil {
			res.Errors = append(res.Errors, errorEntry(err))
			continue
		}
		_, err := st.Raw(ctx, rawID(doc))
		switch {
		case err == nil:
			res.Known++
			continue
		case !errors.Is(err, store.ErrNotFound):
			return res, fmt.Errorf("reading the store: %w", err)
		}
		docs = append(docs, doc)
	}
	opts := extract.ForBatch(o.Extract, docs)
	for start := 0; start < len(docs); start += ingestChunk {
		chunk := docs[start:min(start+ingestChunk, len(docs))]
		var arts []news.Analyzed
		for _, doc := range chunk {
			a, err := extract.Extract(doc, opts)
			if err != nil {
				res.Errors = append(res.Errors, errorEntry(err))
				continue
			}
			arts = append(arts, analyze.Analyze(a))
		}
		if err := st.PutArticles(ctx, arts); err != nil {
			return res, fmt.Errorf("storing articles: %w", err)
		}
		for _, doc := range chunk {
			if _, _, err := st.PutRaw(ctx, doc.Source, rawOf(doc), doc.Format.String()); err != nil {
				return res, fmt.Errorf("storing %s: %w", doc.Source, err)
			}
		}
		res.Added += len(chunk)
		if o.Progress != nil {
			o.Progress(res.Added, len(docs))
		}
	}
	// Stories are brought up to date even when nothing was added: a run
	// killed after storing articles left them waiting for their story.
	n, err := Restory(ctx, st, so)
	res.Stories = n
	return res, err
}

func rawOf(doc news.RawDoc) []byte {
	if doc.Raw != nil {
		return doc.Raw
	}
	return doc.Body
}

// rawID is the store's key of an input: the hex SHA-256 of its bytes.
func rawID(doc news.RawDoc) string {
	sum := sha256.Sum256(rawOf(doc))
	return hex.EncodeToString(sum[:])
}

// Restory groups every stored article into stories again and writes only
// what changed: the stories that are new or grew or changed, the articles
// newly found to be copies, and the removal of stories that no longer
// exist. Stories the new articles do not touch are left as they are. It
// returns how many stories there are.
func Restory(ctx context.Context, st store.Store, so StoryOptions) (int, error) {
	var arts []news.Analyzed
	before := map[string]string{} // article → its duplicate_of as stored
	if err := st.AllArticles(ctx, func(a news.StoryArticle) error {
		arts = append(arts, a.Analyzed)
		before[a.ID] = a.DuplicateOf
		return nil
	}); err != nil {
		return 0, fmt.Errorf("reading articles: %w", err)
	}
	old, err := st.Stories(ctx, store.ListOptions{})
	if err != nil {
		return 0, fmt.Errorf("reading stories: %w", err)
	}
	stored := map[string][]byte{}
	for _, s := range old {
		stored[s.ID], _ = json.Marshal(s)
	}
	d := Stories(arts, so, news.Digest{})
	var copies []news.Analyzed
	for _, a := range d.Articles {
		if a.DuplicateOf != before[a.ID] {
			copies = append(copies, a.Analyzed)
		}
	}
	if err := st.PutArticles(ctx, copies); err != nil {
		return 0, fmt.Errorf("storing articles: %w", err)
	}
	var changed []news.Story
	now := map[string]bool{}
	for _, s := range d.Stories {
		now[s.ID] = true
		if b, _ := json.Marshal(s); !bytes.Equal(b, stored[s.ID]) {
			changed = append(changed, s)
		}
	}
	if err := st.PutStories(ctx, changed); err != nil {
		return 0, fmt.Errorf("storing stories: %w", err)
	}
	var gone []string
	for _, s := range old {
		if !now[s.ID] {
			gone = append(gone, s.ID)
		}
	}
	if err := st.DeleteStories(ctx, gone); err != nil {
		return 0, fmt.Errorf("removing old stories: %w", err)
	}
	return len(d.Stories), nil
}

// Load reads the whole store back as a digest.
func Load(ctx context.Context, st store.Store) (news.Digest, error) {
	d := news.Digest{Version: news.DigestVersion, Articles: []news.StoryArticle{}, Errors: []news.ErrorEntry{}}
	if err := st.AllArticles(ctx, func(a news.StoryArticle) error {
		d.Articles = append(d.Articles, a)
		return nil
	}); err != nil {
		return d, err
	}
	stories, err := st.Stories(ctx, store.ListOptions{Order: store.OrderMostCovered})
	if stories == nil {
		stories = []news.Story{}
	}
	d.Stories = stories
	return d, err
}
