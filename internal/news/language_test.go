package news

import "testing"

func TestLangCode(t *testing.T) {
	for in, want := range map[string]string{"de": "de", "EN": "en", "en-GB": "en", "pt_BR": "pt", " fr ": "fr", "": "", "x": "", "d3": "", "deutsch": ""} {
		if got := LangCode(in); got != want {
			t.Errorf("LangCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLanguagesByCoverage(t *testing.T) {
	s := Story{Languages: map[string]int{"fr": 2, "de": 3, "en": 2}}
	if got := s.LanguagesByCoverage(); len(got) != 3 || got[0] != "de" || got[1] != "en" || got[2] != "fr" {
		t.Errorf("LanguagesByCoverage = %v, want [de en fr]", got)
	}
}
