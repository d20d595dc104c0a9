package news

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	for s, want := range map[string]string{
		"2022-01-27":                "2022-01-27T00:00:00Z",
		"2022-01-26T23:58:00":       "2022-01-26T23:58:00Z",
		"2022-01-27T17:03:00+05:30": "2022-01-27T11:33:00Z",
		"2022-01-27T17:03":          "2022-01-27T17:03:00Z",
	} {
		if got := ParseTime(s).UTC().Format("2006-01-02T15:04:05Z"); got != want {
			t.Errorf("ParseTime(%q) = %s, want %s", s, got, want)
		}
	}
	for _, s := range []string{"", "January 27", "--01-26"} {
		if !ParseTime(s).IsZero() {
			t.Errorf("ParseTime(%q) not zero", s)
		}
	}
}

func TestParseWhenTellsADay(t *testing.T) {
	for s, day := range map[string]bool{"2022-01-27": true, "2022-01-26T23:58:00": false, "2022-01-27T17:03:00+05:30": false, "": false} {
		if _, got := ParseWhen(s); got != day {
			t.Errorf("ParseWhen(%q): day %v, want %v", s, got, day)
		}
	}
}

func TestReadableTime(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2022-01-27T17:03:00+05:30", "27 January 2022, 17:03 (UTC+05:30)"},
		{"2022-01-27T17:03:00Z", "27 January 2022, 17:03 (UTC)"},
		{"2022-01-26T23:58:00", "26 January 2022, 23:58"},
		{"2022-01-26", "26 January 2022"},
		{"", "date unknown"},
		{"yesterday", "date unknown"},
	} {
		if got := ReadableTime(c.in); got != c.want {
			t.Errorf("ReadableTime(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDayRange(t *testing.T) {
	day := func(s string) time.Time { return ParseTime(s) }
	for _, c := range []struct{ a, b, want string }{
		{"2022-01-26T23:58:00", "2022-01-27T18:41:00", "26–27 January 2022"},
		{"2022-01-27T01:00:00", "2022-01-27T18:41:00", "27 January 2022"},
		{"2022-01-30", "2022-02-02", "30 January – 2 February 2022"},
		{"2021-12-30", "2022-01-02", "30 December 2021 – 2 January 2022"},
		{"", "2022-01-02", "2 January 2022"},
		{"", "", ""},
	} {
		if got := DayRange(day(c.a), day(c.b)); got != c.want {
			t.Errorf("DayRange(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}
