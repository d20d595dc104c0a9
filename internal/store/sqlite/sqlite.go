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
	"strconv"
	"strings"
	"sync"

	"github.com/chorusnews/chorus/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database file DefaultPath puts in the data directory.
const FileName = "chorus.db"

// busyTimeoutMS is how long a connection waits on another writer.
const busyTimeoutMS = 10000

// cacheKiB is each connection's page cache. It stays small on purpose:
// reads of a store larger than it come from the memory map (mmapBytes),
// not from copies in the cache, and a larger cache only moved work into
// SQLite's allocator — at 256 MiB a 40k-article ingest spent 0.6% of its
// CPU in madvise handing the cache's freed pages back to the OS, and no
// less CPU per article overall.
const cacheKiB = 16 << 10

// mmapBytes is how much of the database file is read through a memory map
// rather than by pread into the page cache. A story update reads back
// thousands of articles, texts and all, from a file of hundreds of MB,
// and the pages copied by system calls cost more the larger the store:
// pread took 20 µs of CPU per article at 10k articles, 27 µs at 40k and
// 36 µs at 100k; 12–14 µs at 40k with the map. 0x7fff0000 is the most
// SQLite allows on 64-bit builds (SQLITE_MAX_MMAP_SIZE), the file of
// about 120k articles; beyond it, or when the map cannot be made, SQLite
// reads with pread as before. The mapped pages count in the resident set
// but are the OS's file cache, shared and given back under pressure.
// 32-bit hosts keep their address space for the heap.
func mmapBytes() int64 {
	if strconv.IntSize == 64 {
		return 0x7fff0000
	}
	return 256 << 20
}

// walCheckpointPages is how many pages the write-ahead log grows to before
// a commit copies them into the database (SQLite's default is 1,000).
// Storing articles rewrites the same pages — the full-text index's
// segments and structure, the upper levels of the B-trees — commit
// after commit: the longer log copies each of them once per checkpoint
// rather than once per four MiB of writes (commits of articles took 163
// µs of CPU per article at 40k articles, 146 µs with 4,096 pages).
const walCheckpointPages = 4096

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
	dsn := path + fmt.Sprintf("?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"+
		"&_pragma=cache_size(-%d)&_pragma=mmap_size(%d)&_pragma=wal_autocheckpoint(%d)&_txlock=immediate",
		busyTimeoutMS, cacheKiB, mmapBytes(), walCheckpointPages)
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
