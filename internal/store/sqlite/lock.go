package sqlite

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// Exclusive runs fn holding an advisory lock on a file beside the database
// (path.name.lock), so that processes sharing the file take turns; see
// store.Store. The lock is taken without blocking and retried, so that a
// cancelled ctx stops the wait.
func (s *Store) Exclusive(ctx context.Context, name string, fn func(context.Context) error) error {
	if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return fmt.Errorf("store: lock name %q: only a-z, 0-9 and - are allowed", name)
	}
	lockPath := s.path + "." + name + ".lock"
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("store: lock %s: %w", name, err)
	}
	defer f.Close()
	wait := time.Millisecond
	for {
		ok, err := tryLock(f)
		if err != nil {
			return fmt.Errorf("store: lock %s: %w", name, err)
		}
		if ok {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("store: lock %s: %w", name, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 50*time.Millisecond)
	}
	defer unlock(f)
	return fn(ctx)
}
