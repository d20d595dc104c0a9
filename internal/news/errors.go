package news

import "fmt"

// InputError is a failure tied to one input; the run reports it and goes on.
type InputError struct {
	Source string
	Err    error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Source, e.Err) }

func (e *InputError) Unwrap() error { return e.Err }
