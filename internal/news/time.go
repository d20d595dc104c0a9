package news

import (
	"fmt"
	"time"
)

// ParseTime reads the contract's ISO 8601 dates and date-times
// ("2022-01-27", "2022-01-27T17:03:00+05:30", "2022-01-26T23:58:00");
// it returns the zero time for "" or anything else.
func ParseTime(s string) time.Time {
	t, _ := ParseWhen(s)
	return t
}

// ParseWhen is ParseTime telling also whether s names a day without a
// time ("2022-01-27"): the article may be of any hour of it.
func ParseWhen(s string) (t time.Time, day bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, layout == time.DateOnly
		}
	}
	return time.Time{}, false
}

// readableDay is how a day is written for people: "27 January 2022".
const readableDay = "2 January 2006"

// DayRange names the days from a to b as briefly as they allow:
// "27 January 2022", "26–27 January 2022", "30 January – 2 February 2022".
func DayRange(a, b time.Time) string {
	switch {
	case a.IsZero() && b.IsZero():
		return ""
	case a.IsZero():
		return b.Format(readableDay)
	case b.IsZero() || sameDay(a, b):
		return a.Format(readableDay)
	case a.Year() == b.Year() && a.Month() == b.Month():
		return fmt.Sprintf("%d–%s", a.Day(), b.Format(readableDay))
	case a.Year() == b.Year():
		return a.Format("2 January") + " – " + b.Format(readableDay)
	}
	return a.Format(readableDay) + " – " + b.Format(readableDay)
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// ReadableTime writes a publication time as the outlet gave it, in words:
// "27 January 2022, 17:03 (UTC+05:30)", "27 January 2022" for a day,
// "26 January 2022, 23:58" when the zone is unknown.
func ReadableTime(s string) string {
	t, day := ParseWhen(s)
	switch {
	case t.IsZero():
		return "date unknown"
	case day:
		return t.Format(readableDay)
	case !hasZone(s):
		return t.Format("2 January 2006, 15:04")
	}
	zone := t.Format("-07:00")
	if zone == "+00:00" {
		zone = ""
	}
	return t.Format("2 January 2006, 15:04") + " (UTC" + zone + ")"
}

// hasZone tells an RFC 3339 time, which names its zone, from a local
// time that does not.
func hasZone(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}
