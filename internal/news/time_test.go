package news

import "testing"

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
