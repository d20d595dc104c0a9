package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// binDir holds the chorus binary the tests build, once per run.
var (
	binDir    string
	buildOnce sync.Once
	buildOut  []byte
	buildErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "chorus-test-bin-")
	if err != nil {
		panic(err)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// chorusBinary builds chorus from this package, the first time a test asks
// for it, and returns the binary's path.
func chorusBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(binDir, "chorus")
	buildOnce.Do(func() {
		buildOut, buildErr = exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("go build: %v\n%s", buildErr, buildOut)
	}
	return bin
}
