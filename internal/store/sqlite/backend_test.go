package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/chorusnews/chorus/internal/store"
)

// TestOpenByAddress: store.Open takes a plain path to SQLite, refuses a
// store that does not exist unless asked to create it, and reads
// $CHORUS_DB when given no address.
func TestOpenByAddress(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "chorus.db")
	if _, err := store.Open(ctx, path, false); !errors.Is(err, store.ErrNoStore) {
		t.Fatalf("a missing store without create: %v, want ErrNoStore", err)
	}
	st, err := store.Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Where() != path {
		t.Errorf("Where = %q, want %q", st.Where(), path)
	}
	st.Close()
	t.Setenv("CHORUS_DB", path)
	st, err = store.Open(ctx, "", false)
	if err != nil {
		t.Fatalf("the store $CHORUS_DB names: %v", err)
	}
	defer st.Close()
	if st.Where() != path {
		t.Errorf("with no address: %q, want $CHORUS_DB %q", st.Where(), path)
	}
}
