package pipeline

import (
	"errors"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
)

// errorEntry is an input's error as a digest lists it.
func errorEntry(err error) news.ErrorEntry {
	warning := errors.Is(err, ingest.ErrWarning)
	if ie, ok := err.(*news.InputError); ok {
		return news.ErrorEntry{Source: ie.Source, Error: ie.Err.Error(), Warning: warning}
	}
	return news.ErrorEntry{Error: err.Error(), Warning: warning}
}

// failures counts the entries that are not warnings: the inputs that gave
// nothing.
func failures(es []news.ErrorEntry) int {
	n := 0
	for _, e := range es {
		if !e.Warning {
			n++
		}
	}
	return n
}
