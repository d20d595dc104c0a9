// Package sqlite is the embedded Store: one SQLite file through the pure-Go
// modernc.org/sqlite driver, in WAL mode, with full-text search by FTS5.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/chorusnews/chorus/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database file DefaultPath puts in the data directory.
const FileName = "chorus.db"

// busyTimeoutMS is how long a connection waits on another writer.
const busyTimeoutMS = 10000

// Store is a store.Store kept in one SQLite database file.
type Store struct {
	db   *sql.DB
	path string
	// writing lets one write transaction of this process in at a time:
	// SQLite takes one writer anyway, and a writer waiting here wakes as
	// soon as the other is done, where SQLite's busy handler would sleep
	// and poll. Other processes still meet the busy timeout.
	writing sync.Mutex
}

var _ store.Store = (*Store)(nil)

// DefaultPath returns $CHORUS_DB when set, else FileName in the user's data
// directory ($XDG_DATA_HOME or ~/.local/share on Unix, the user config
// directory on macOS and Windows) under "chorus". It creates the directory.
func DefaultPath() (string, error) {
	if p := os.Getenv("CHORUS_DB"); p != "" {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return "", fmt.Errorf("store: %w", err)
		}
		return p, nil
	}
	base, err := dataDir()
	if err != nil {
		return "", fmt.Errorf("store: no data directory (set CHORUS_DB): %w", err)
	}
	dir := filepath.Join(base, "chorus")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("store: %w", err)
	}
	return filepath.Join(dir, FileName), nil
}

func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		return os.UserConfigDir()
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return os.UserConfigDir()
	}
	return filepath.Join(home, ".local", "share"), nil
}

// Open opens (creating it and its directory when needed) the database at
// path and brings its schema up to date.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	if strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") || path == ":memory:" {
		return nil, fmt.Errorf("store: %q: database path must be a plain file name", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	dsn := path + fmt.Sprintf("?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-16384)&_txlock=immediate", busyTimeoutMS)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return s, nil
}

// Path is the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// inTx runs fn in one write transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	s.writing.Lock()
	defer s.writing.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
