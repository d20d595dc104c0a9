package plaintext

import (
	"strings"
	"testing"
)

var lineSetCases = []string{
	"", "sign in", "log out", "signup", "3 comments", "comments (12)", "follow us on x", "tags: a, b", "© 2022 the times",
	"copyright 2022", "read more »»", "loading...", "5 min read", "12 minutes read", "create account now", "source: ap",
	"related stories:", "more from the times", "you might also like these", "[ 3 comments ]", "view all 12 comments",
	"what do you think?", "×", "à lire aussi", "читайте также", "вам может понравиться", "the council met on tuesday",
	"x", "a", "\\d comments", "\n", "\xffcomments", " sign in", "photo: ap", "please enter a valid email",
	"thank you for subscribing to us", "by using this site you agree", "recently browsing 3 members",
}

func TestLineSetMatchesPattern(t *testing.T) {
	for _, ls := range []lineSet{boilerLine, terminator} {
		for _, s := range lineSetCases {
			if got, want := ls.match(s), ls.literal[s] || ls.all.MatchString(s); got != want {
				t.Errorf("match(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

func FuzzLineSet(f *testing.F) {
	for _, s := range lineSetCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ls := range []lineSet{boilerLine, terminator} {
			for _, s := range []string{s, strings.ToLower(s)} {
				if got, want := ls.match(s), ls.literal[s] || ls.all.MatchString(s); got != want {
					t.Errorf("match(%q) = %v, want %v", s, got, want)
				}
			}
		}
	})
}
