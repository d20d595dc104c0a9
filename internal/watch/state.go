package watch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// FeedState is what is remembered of a feed between polls and between
// runs: its validators for conditional GET, its failures for back-off, and
// the items already handed on.
type FeedState struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Failures     int       `json:"failures,omitempty"` // in a row
	LastPoll     time.Time `json:"last_poll,omitzero"`
	NextPoll     time.Time `json:"next_poll,omitzero"`
	LastError    string    `json:"last_error,omitempty"`
	// Seen holds the keys of the items of the feed's last fetch that were
	// handed on, so that a feed that changed by one item does not have
	// every page behind its teasers fetched again. Only the items the
	// feed still carries are kept, which bounds it by the feed's size.
	Seen []string `json:"seen,omitempty"`
}

// States keeps each feed's state between runs: the store (see
// cli), or a file (FileStates).
type States interface {
	LoadStates(ctx context.Context) (map[string]*FeedState, error)
	// SaveStates writes the state of the feeds given, in one go.
	SaveStates(ctx context.Context, feeds map[string]*FeedState) error
}

// FileStates keeps the states in the JSON file at its path.
type FileStates string

// LoadStates reads the file; see loadState.
func (f FileStates) LoadStates(context.Context) (map[string]*FeedState, error) {
	return loadState(string(f))
}

// SaveStates writes the file; see saveState.
func (f FileStates) SaveStates(_ context.Context, feeds map[string]*FeedState) error {
	if err := saveState(string(f), feeds); err != nil {
		return fmt.Errorf("%s: %w", string(f), err)
	}
	return nil
}

// stateFile is the state file's content.
type stateFile struct {
	Version int                   `json:"version"`
	Feeds   map[string]*FeedState `json:"feeds"`
}

const stateVersion = 1

// errDamagedState is a state file that cannot be used; the watch starts
// afresh without it.
var errDamagedState = errors.New("unreadable watch state, starting afresh")

// loadState reads the state file at path. A missing file is an empty
// state. A damaged one is returned as an error along with an empty state:
// it holds only validators and schedules, so starting afresh costs one
// full fetch of each feed and loses nothing stored.
func loadState(path string) (map[string]*FeedState, error) {
	feeds := map[string]*FeedState{}
	if path == "" {
		return feeds, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return feeds, nil
	}
	if err != nil {
		return feeds, err
	}
	var sf stateFile
	if err := json.Unmarshal(data, &sf); err != nil {
		return feeds, fmt.Errorf("%s: %w: %w", path, errDamagedState, err)
	}
	if sf.Version != stateVersion {
		return feeds, fmt.Errorf("%s: %w: version %d, want %d", path, errDamagedState, sf.Version, stateVersion)
	}
	for u, st := range sf.Feeds {
		if st != nil {
			feeds[u] = st
		}
	}
	return feeds, nil
}

// saveState writes the state file atomically: a temporary file in the
// same folder, synced, then renamed over the old one, so a run killed
// while writing leaves the old state or the new, never half of one.
func saveState(path string, feeds map[string]*FeedState) error {
	if path == "" {
		return nil
	}
	data, err := json.MarshalIndent(stateFile{Version: stateVersion, Feeds: feeds}, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("saving watch state: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("saving watch state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("saving watch state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving watch state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("saving watch state: %w", err)
	}
	return nil
}
