package news

import (
	"strings"
	"time"
)

// FactLabel is how a fact reads to a person: as the article wrote it,
// with the day or month it stands for when it is a date whose value
// names one ("Saturday (24 June 2023)", "Jan. 14 (14 January 2022)"), so
// that a weekday or a date without its year, or in another language, is
// read as the same day everywhere.
func FactLabel(f StoryFact) string {
	if f.Kind != FactDate {
		return f.Text
	}
	day := ""
	if t, err := time.Parse(time.DateOnly, f.Value); err == nil {
		day = t.Format(readableDay)
	} else if t, err := time.Parse("2006-01", f.Value); err == nil {
		day = t.Format("January 2006")
	}
	if day == "" || strings.EqualFold(f.Text, day) {
		return f.Text
	}
	return f.Text + " (" + day + ")"
}
