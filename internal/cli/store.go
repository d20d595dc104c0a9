package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/chorusnews/chorus/internal/store"
	// The backends store.Open chooses from, by the address given.
	_ "github.com/chorusnews/chorus/internal/store/postgres"
	_ "github.com/chorusnews/chorus/internal/store/sqlite"
)

// dbFlag adds --db: the store, by default $CHORUS_DB or a file in the
// user's data directory.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the store: a SQLite file, or a postgres:// URL (default $CHORUS_DB, else chorus/chorus.db in the user's data directory)")
}

// createFlag adds --create, for the commands that read a store: without
// it they refuse a store that does not exist, so that a mistyped --db
// fails at once instead of showing a new, empty store.
func createFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("create", false, "make the store when it does not exist (without it, a store that does not exist is an error)")
}

// openStore opens the store at addr (see store.Open), making it when it
// does not exist.
func openStore(e env, name, addr string) (store.Opened, bool) {
	return openExistingStore(e, name, addr, true)
}

// openExistingStore opens the store at addr as openStore does, except
// that, unless create, it refuses one that does not exist yet, in one
// line naming it.
func openExistingStore(e env, name, addr string, create bool) (store.Opened, bool) {
	st, err := store.Open(context.Background(), addr, create)
	switch {
	case errors.Is(err, store.ErrNoStore):
		fmt.Fprintf(e.stderr, "chorus %s: %v (check --db, or add --create to make a new one)\n", name, err)
		return nil, false
	case err != nil:
		fmt.Fprintf(e.stderr, "chorus %s: %v\n", name, err)
		return nil, false
	}
	return st, true
}
