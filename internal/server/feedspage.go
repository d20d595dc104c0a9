package server

import (
	"net/http"
)

// feedsPage lists the feeds chorus watch polls, with each one's state, so
// that a feed that stopped working is seen.
func (s *Server) feedsPage(w http.ResponseWriter, r *http.Request) {
	subs, err := s.st.Subscriptions(r.Context())
	if err != nil {
		failPage(w, err)
		return
	}
	failing := 0
	for _, sub := range subs {
		if sub.Failures > 0 {
			failing++
		}
	}
	render(w, "feeds", map[string]any{"Feeds": subs, "Failing": failing})
}
