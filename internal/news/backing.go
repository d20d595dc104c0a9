package news

import "strconv"

// Backing words how many sources back a claim (a fact, a quote), n counted
// as the digest counts them: each outlet once, and each article whose
// outlet is not known as a source of its own. The noun says what was
// counted, so that a reader is not told of outlets where there were none
// to tell apart: "3 outlets" when every article in ids names its outlet,
// "3 articles" when none does, "3 sources" when some do.
func Backing(n int, ids []string, outlet func(id string) string) string {
	named := 0
	for _, id := range ids {
		if outlet(id) != "" {
			named++
		}
	}
	one, many := "source", "sources"
	switch named {
	case len(ids):
		one, many = "outlet", "outlets"
	case 0:
		one, many = "article", "articles"
	}
	return Count(n, one, many)
}

// Count writes n with the noun that goes with it: "1 outlet", "2 outlets".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
