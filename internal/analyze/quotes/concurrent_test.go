package quotes

import (
	"sync"
	"testing"
)

// Find keeps no state between calls: concurrent calls agree.
func TestConcurrent(t *testing.T) {
	text := "Antony Blinken spoke. “We will stay,” he said. Lavrov said the talks failed, according to Reuters."
	want := dump(find(text))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				if got := dump(find(text)); got != want {
					t.Errorf("got %s want %s", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
