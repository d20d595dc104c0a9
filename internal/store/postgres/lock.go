package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// unlockTimeout bounds the statement that gives a lock back.
const unlockTimeout = 10 * time.Second

// Exclusive runs fn holding the lock called name; see store.Store.
//
// Callers in this process queue on a channel per name, so that only one
// of them holds a connection while it waits. That one takes a session-level
// advisory lock (pg_try_advisory_lock, keyed by this schema and name) on a
// connection of its own from the pool, retrying with a growing pause that
// ctx cuts short, so other processes on the same schema take turns with
// this one. The lock is given back, and the connection returned, when fn
// returns; a connection whose lock state is in doubt (a failed attempt or
// unlock) is closed instead, which ends its session and so frees any lock it
// held.
func (s *Store) Exclusive(ctx context.Context, name string, fn func(context.Context) error) error {
	if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return fmt.Errorf("store: lock name %q: only a-z, 0-9 and - are allowed", name)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: lock %s: %w", name, err)
	}
	local := s.localLock(name)
	select {
	case local <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("store: lock %s: %w", name, ctx.Err())
	}
	defer func() { <-local }()

	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: lock %s: %w", name, err)
	}
	key := lockKey(s.schema, "lock:"+name)
	wait := time.Millisecond
	for {
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil {
			discard(conn) // it may hold the lock without our knowing
			if ctx.Err() != nil {
				err = ctx.Err()
			}
			return fmt.Errorf("store: lock %s: %w", name, err)
		}
		if ok {
			break
		}
		select {
		case <-ctx.Done():
			conn.Release()
			return fmt.Errorf("store: lock %s: %w", name, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 50*time.Millisecond)
	}
	defer func() {
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
		defer cancel()
		var released bool
		if err := conn.QueryRow(uctx, `SELECT pg_advisory_unlock($1)`, key).Scan(&released); err != nil || !released {
			discard(conn)
			return
		}
		conn.Release()
	}()
	return fn(ctx)
}

// localLock is the in-process queue for name.
func (s *Store) localLock(name string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.locks[name]
	if !ok {
		ch = make(chan struct{}, 1)
		s.locks[name] = ch
	}
	return ch
}

// discard closes conn instead of returning it to the pool.
func discard(conn *pgxpool.Conn) {
	c := conn.Hijack()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = c.Close(ctx) // the connection is gone either way
}
