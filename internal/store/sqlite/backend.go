package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/chorusnews/chorus/internal/store"
)

// The embedded default: every address no other backend claims is a file.
func init() {
	store.Register(store.Backend{Name: "sqlite", Default: DefaultPath, Open: openBackend})
}

// opened is a Store as store.Open gives it.
type opened struct{ *Store }

func (o opened) Where() string { return o.Path() }

func openBackend(_ context.Context, path string, create bool) (store.Opened, error) {
	if !create {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", path, store.ErrNoStore)
		}
	}
	st, err := Open(path)
	if err != nil {
		return nil, err
	}
	return opened{st}, nil
}
