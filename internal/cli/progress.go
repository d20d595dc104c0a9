package cli

import (
	"fmt"
	"io"
	"os"
)

// progressBar draws a one-line bar on w when w is a terminal, and nothing
// in a pipe or a file, where it would only be noise.
func progressBar(w io.Writer, label string) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		if total <= 0 {
			// A stream of unknown length: a running count, ended by the
			// caller's summary line.
			fmt.Fprintf(w, "\r%s %d", label, done)
			return
		}
		const width = 30
		filled := width * done / total
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = '-'
			if i < filled {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(w, "\r%s [%s] %d/%d", label, bar, done, total)
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}
