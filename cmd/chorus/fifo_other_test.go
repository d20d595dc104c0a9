//go:build !unix

package main

import "errors"

// makeFIFO makes a named pipe at path: not on this system.
func makeFIFO(string) error { return errors.New("no named pipes here") }
