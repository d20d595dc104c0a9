//go:build unix

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// served is a running `chorus serve` and the lines it wrote to stderr.
type served struct {
	cmd  *exec.Cmd
	url  string
	mu   sync.Mutex
	logs []string
	seen chan struct{} // a line came
}

// startServe starts `chorus serve` on a free loopback port over db.
func startServe(t *testing.T, bin, db string, args ...string) *served {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	s := &served{url: "http://" + addr, seen: make(chan struct{}, 1)}
	s.cmd = exec.Command(bin, append([]string{"serve", "--db", db, "--addr", addr}, args...)...)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.mu.Lock()
			s.logs = append(s.logs, sc.Text())
			s.mu.Unlock()
			select {
			case s.seen <- struct{}{}:
			default:
			}
		}
	}()
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
	})
	return s
}

// log returns what the server wrote to stderr so far.
func (s *served) log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.logs, "\n")
}

// get fetches path and returns the status (0 when the server did not answer).
func (s *served) get(path string) (int, string) {
	resp, err := http.Get(s.url + path)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// up waits until the server answers /healthz and returns how long that took.
func (s *served) up(t *testing.T, start time.Time) time.Duration {
	t.Helper()
	for {
		if code, _ := s.get("/healthz"); code == http.StatusOK {
			return time.Since(start)
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("serve did not answer within 30 s\n%s", s.log())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// storeState reads how many articles db holds and how many of them wait for
// a story, through the store itself, as the server writes.
func storeState(t *testing.T, st *sqlite.Store) (stored, waiting int) {
	t.Helper()
	ctx := context.Background()
	refs, err := st.Waiting(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AllArticles(ctx, func(news.StoryArticle) error { stored++; return nil }); err != nil {
		t.Fatal(err)
	}
	return stored, len(refs)
}

// TestKillServeMidPost posts AllSides dev (850 articles, 0.7 MB) to `chorus
// serve`, SIGKILLs it once some articles are stored and before their
// stories are written (the test holds the stories lock meanwhile), and
// starts it again without posting anything: the
// server answers at once, shows its pages meanwhile, and within a few
// seconds every stored article is in exactly one story.
func TestKillServeMidPost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	corpus := shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")
	body, err := os.ReadFile(corpus)
	if err != nil {
		t.Skip("AllSides dev is read from ../shared")
	}
	bin := chorusBinary(t)
	db := filepath.Join(t.TempDir(), "chorus.db")
	victim := startServe(t, bin, db, "--token", "s3cret", "--create") // a new store, which serve makes only when asked
	victim.up(t, time.Now())
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	// The test holds the stories lock while the POST runs, as another
	// process's story update would: the server stores the articles but
	// cannot write their stories, so that the kill lands, however fast
	// the machine, before they are in any (and, mostly, midway through
	// storing them).
	locked, release := make(chan struct{}), make(chan struct{})
	go st.Exclusive(context.Background(), "stories", func(context.Context) error {
		close(locked)
		<-release
		return nil
	})
	<-locked
	posted := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest("POST", victim.url+"/api/v1/articles", strings.NewReader(string(body)))
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			err = fmt.Errorf("the POST was answered before the kill: %d %s", resp.StatusCode, b)
		}
		posted <- err
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if refs, err := st.Waiting(context.Background()); err != nil {
			t.Fatal(err)
		} else if len(refs) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no article stored within 2 minutes of the POST\n%s", victim.log())
		}
		time.Sleep(5 * time.Millisecond)
	}
	victim.cmd.Process.Kill() // SIGKILL: no chance to finish the update
	victim.cmd.Wait()
	close(release)
	if err := <-posted; !strings.Contains(err.Error(), "EOF") && !strings.Contains(err.Error(), "reset") {
		t.Logf("the POST: %v", err)
	}
	stored, waiting := storeState(t, st)
	if stored == 0 || waiting == 0 || stored >= 850 {
		t.Fatalf("killed with %d articles stored, %d waiting; want the kill midway", stored, waiting)
	}

	start := time.Now()
	srv := startServe(t, bin, db) // read-only: nothing can be posted
	upIn := srv.up(t, start)
	var healedIn time.Duration
	pagesAnswered := 0
	for {
		// Meanwhile, the pages show what the store holds.
		for _, path := range []string{"/", "/api/v1/stories?limit=5"} {
			if code, page := srv.get(path); code != http.StatusOK {
				t.Errorf("GET %s while the stories heal: %d %s", path, code, page)
			}
			pagesAnswered++
		}
		if _, w := storeState(t, st); w == 0 {
			healedIn = time.Since(start)
			break
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("%d of %d articles still wait for a story 30 s after the restart\n%s", waiting, stored, srv.log())
		}
		time.Sleep(20 * time.Millisecond)
	}
	logLine := regexp.MustCompile(`chorus serve: stories up to date: (\d+) articles were waiting, (\d+) stories written`)
	var m []string
	for m = logLine.FindStringSubmatch(srv.log()); m == nil; m = logLine.FindStringSubmatch(srv.log()) {
		select {
		case <-srv.seen:
		case <-time.After(10 * time.Second):
			t.Fatalf("no line saying the stories are up to date\n%s", srv.log())
		}
	}
	if n, _ := strconv.Atoi(m[1]); n != waiting {
		t.Errorf("the log says %s articles were waiting, want %d:\n%s", m[1], waiting, srv.log())
	}
	t.Logf("killed with %d articles stored, %d of them in no story; after the restart: answering in %s, every article in a story in %s (pages answered %d times meanwhile)\n%s",
		stored, waiting, upIn.Round(time.Millisecond), healedIn.Round(time.Millisecond), pagesAnswered, srv.log())
	if healedIn > 10*time.Second {
		t.Errorf("every article in a story only %s after the restart, want a few seconds", healedIn.Round(time.Millisecond))
	}
	if upIn > 5*time.Second {
		t.Errorf("serve answered only %s after it started", upIn.Round(time.Millisecond))
	}
	srv.cmd.Process.Signal(syscall.SIGTERM)
	if err := srv.cmd.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v\n%s", err, srv.log())
	}
	if after, _ := storeState(t, st); after != stored {
		t.Errorf("%d articles stored after the restart, %d before: nothing was posted", after, stored)
	}
	eachOnceInAStory(t, bin, db)
}
