package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// walk calls visit with every file to read under dir, depth first and in
// sorted order, so that the same folder always gives the same stream.
// Hidden files and folders (".git", ".DS_Store") are skipped. A folder that
// cannot be listed, and a named pipe, device or socket, is passed to visit
// with an error, and the walk goes on. walk stops, returning false, as
// soon as visit does.
//
// Unlike filepath.WalkDir it follows a symbolic link to a file, as people
// link articles into a folder; links to folders are not followed, since a
// link back up the tree would never end.
func walk(dir string, visit func(path string, err error) bool) bool {
	// os.ReadDir sorts by name, and returns what it could read before an
	// error along with it.
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !visit(dir, fmt.Errorf("cannot read folder: %w", fileErr(err))) {
			return false
		}
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		t := e.Type()
		if t&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				if !visit(p, fileErr(err)) {
					return false
				}
				continue
			}
			t = fi.Mode().Type()
			if t.IsDir() {
				continue
			}
		}
		switch {
		case t.IsDir():
			if !walk(p, visit) {
				return false
			}
		case t.IsRegular():
			if !visit(p, nil) {
				return false
			}
		default:
			// Sockets, devices and named pipes hold no documents, and
			// reading one could block forever.
			if !visit(p, notRegular(t)) {
				return false
			}
		}
	}
	return true
}
