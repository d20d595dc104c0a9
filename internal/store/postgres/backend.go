package postgres

import (
	"context"
	"fmt"

	"github.com/chorusnews/chorus/internal/store"
)

// The scale-out store: a postgres:// URL.
func init() {
	store.Register(store.Backend{Name: "postgres", Prefixes: []string{"postgres://", "postgresql://"}, Open: openBackend})
}

// opened is a Store as store.Open gives it.
type opened struct{ *Store }

func (o opened) Where() string { return o.Name() }

func openBackend(ctx context.Context, dsn string, create bool) (store.Opened, error) {
	if !create {
		exists, where, err := Exists(ctx, dsn)
		if err != nil {
			return nil, err
		}
		if !exists {
			return nil, fmt.Errorf("%s: %w", where, store.ErrNoStore)
		}
	}
	st, err := Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return opened{st}, nil
}
