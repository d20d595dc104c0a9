package server

import (
	"net/http"
	"slices"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/outlets"
	"github.com/chorusnews/chorus/internal/store"
)

// blindspotReach is how many of the newest stories the blindspot page
// looks through: a newsroom's recent coverage, read in one query.
const blindspotReach = 1000

// blindside is one side of an outlet-file column with the stories only
// its outlets covered.
type blindside struct {
	Value   string
	Stories []news.Story
}

// blindspotsPage lists the stories that outlets of only one side of a
// column of the user's outlet file covered (?by=lean): the stories a reader
// of the other side never saw.
func (s *Server) blindspotsPage(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{"HasFile": s.outlets != nil}
	if s.outlets == nil {
		render(w, "blindspots", data)
		return
	}
	columns := s.outlets.Columns()
	by := r.URL.Query().Get("by")
	if by == "" && len(columns) > 0 {
		by = columns[0]
	}
	if !slices.Contains(columns, by) {
		http.Error(w, "by: the outlet file has no column "+by, http.StatusBadRequest)
		return
	}
	stories, err := s.st.Stories(r.Context(), store.ListOptions{Limit: blindspotReach})
	if err != nil {
		failPage(w, err)
		return
	}
	data["Columns"], data["By"], data["Sides"] = columns, by, blindsides(s.outlets, by, stories)
	render(w, "blindspots", data)
}

// blindsides groups the stories of two outlets or more that all lie on one
// side of column, by that side.
func blindsides(table *outlets.Table, column string, stories []news.Story) []blindside {
	var out []blindside
	for _, st := range stories {
		if len(st.Outlets) < 2 {
			continue // one outlet is no side's choice
		}
		sources := make([]outlets.Source, len(st.Outlets))
		for i, o := range st.Outlets {
			sources[i] = outlets.Source{Outlet: o}
		}
		side := table.Blindspot(column, sources)
		if side == "" {
			continue
		}
		k := slices.IndexFunc(out, func(b blindside) bool { return b.Value == side })
		if k < 0 {
			out = append(out, blindside{Value: side})
			k = len(out) - 1
		}
		out[k].Stories = append(out[k].Stories, st)
	}
	slices.SortFunc(out, func(a, b blindside) int { return len(b.Stories) - len(a.Stories) })
	return out
}
