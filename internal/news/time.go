package news

import "time"

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
