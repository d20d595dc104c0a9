package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
)

// ErrNoStore is what Open answers, wrapped with the store's place, when
// asked not to create a store that does not exist yet.
var ErrNoStore = errors.New("no such store")

// Opened is a store as Open gives it, able to say where it is.
type Opened interface {
	Store
	// Where names the store for messages: a file's path, a database's
	// host and name (never a password).
	Where() string
}

// Backend is one kind of store that Open can open.
type Backend struct {
	// Name names it: "sqlite", "postgres".
	Name string
	// Prefixes are the beginnings of the addresses it takes
	// ("postgres://"); a backend with none takes every address that no
	// other one does: the embedded default.
	Prefixes []string
	// Default is the address of the store to use when none is given.
	Default func() (string, error)
	// Open opens the store at addr; unless create, a store that does not
	// exist yet is an error wrapping ErrNoStore.
	Open func(ctx context.Context, addr string, create bool) (Opened, error)
}

var (
	backendsMu sync.Mutex
	backends   []Backend
)

// Register makes a backend known to Open; each backend registers itself
// when its package is loaded, as database/sql's drivers do.
func Register(b Backend) {
	backendsMu.Lock()
	defer backendsMu.Unlock()
	if slices.ContainsFunc(backends, func(o Backend) bool { return o.Name == b.Name }) {
		panic("store: backend " + b.Name + " registered twice")
	}
	backends = append(backends, b)
}

// Open opens the store at addr with the backend whose prefix it has, else
// the embedded default; "" means $CHORUS_DB, else the default's own
// place. Unless create, a store that does not exist is an error wrapping
// ErrNoStore, so that a mistyped address fails rather than showing a new,
// empty store.
func Open(ctx context.Context, addr string, create bool) (Opened, error) {
	addr = cmp.Or(addr, os.Getenv("CHORUS_DB"))
	b, err := backendFor(addr)
	if err != nil {
		return nil, err
	}
	if addr == "" {
		if b.Default == nil {
			return nil, fmt.Errorf("store: no address given and %s has no default", b.Name)
		}
		if addr, err = b.Default(); err != nil {
			return nil, err
		}
	}
	return b.Open(ctx, addr, create)
}

func backendFor(addr string) (Backend, error) {
	backendsMu.Lock()
	defer backendsMu.Unlock()
	var fallback *Backend
	for i, b := range backends {
		if len(b.Prefixes) == 0 {
			fallback = &backends[i]
		}
		for _, p := range b.Prefixes {
			if strings.HasPrefix(addr, p) {
				return b, nil
			}
		}
	}
	if fallback == nil {
		return Backend{}, fmt.Errorf("store: no backend takes %q", addr)
	}
	return *fallback, nil
}
