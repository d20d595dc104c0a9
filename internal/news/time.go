package news

import "time"

// ParseTime reads the contract's ISO 8601 dates and date-times
// ("2022-01-27", "2022-01-27T17:03:00+05:30", "2022-01-26T23:58:00");
// it returns the zero time for "" or anything else.
func ParseTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
