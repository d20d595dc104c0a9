package cli

import (
	"bytes"
	"strings"
	"testing"
)

func chorus(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestHelp: help asked for is an answer on stdout with status 0, naming
// every command and what it is for; a command's help lists its flags.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, errOut := chorus(args...)
		if code != exitOK || errOut != "" {
			t.Errorf("%v: status %d, stderr %q", args, code, errOut)
		}
		for _, c := range commands {
			if !strings.Contains(out, "  "+c.name+" ") || !strings.Contains(out, c.summary) {
				t.Errorf("%v: usage does not list %s with its purpose", args, c.name)
			}
		}
	}
	for _, c := range []struct {
		args []string
		flag string
	}{
		{[]string{"digest", "--help"}, "-json"},
		{[]string{"help", "digest"}, "-lang"},
		{[]string{"ingest", "-h"}, "-db"},
		{[]string{"serve", "--addr", "x", "--help"}, "-addr"},
	} {
		code, out, errOut := chorus(c.args...)
		if code != exitOK || errOut != "" || !strings.Contains(out, c.flag) || strings.Contains(out, "Usage of") {
			t.Errorf("%v: status %d, stdout %q, stderr %q", c.args, code, out, errOut)
		}
	}
	if code, _, errOut := chorus(); code != exitUsage || !strings.Contains(errOut, "usage:") {
		t.Errorf("no command: status %d, stderr %q", code, errOut)
	}
	if code, _, errOut := chorus("help", "nosuch"); code != exitUsage || !strings.Contains(errOut, `"nosuch"`) {
		t.Errorf("help for an unknown command: status %d, stderr %q", code, errOut)
	}
	// After "--", "-h" is a path like any other, not a request for help.
	if code, out, _ := chorus("extract", "--", "-h"); code == exitOK || strings.Contains(out, "flags:") {
		t.Errorf(`extract -- -h: status %d, stdout %q`, code, out)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := chorus(args...)
		if code != exitOK || !strings.HasPrefix(out, "chorus ") || !strings.Contains(out, "go1.") {
			t.Errorf("%v: status %d, %q", args, code, out)
		}
	}
	if code, _, _ := chorus("version", "extra"); code != exitUsage {
		t.Errorf("version with an argument: status %d", code)
	}
}
