// Command chorus is the Chorus news intelligence engine; see README.md.
package main

import (
	"os"

	"github.com/chorusnews/chorus/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
