package plaintext

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// The phrase lists below describe the furniture of news pages — navigation,
// sign-up forms, share bars, comment boxes, credits — in general terms, in
// several languages. They name kinds of boilerplate, never one site's text.

// boilerLine matches a whole line that is page furniture wherever it stands.
var boilerLine = newLineSet(
	`skip to (?:main )?content`, `jump to (?:main )?content`, `skip navigation`, `zum inhalt springen`, `aller au contenu`,
	`edit (?:post|page|article)`, `(?:log|sign) ?(?:in|out|up)`, `register`, `my account`, `create (?:new|account).*`,
	`subscribe(?: now| today| here)?`, `subscribed`, `unsubscribe`, `menu`, `main menu`, `search`, `search for:?`, `home(?:page)?`, `close`, `open`,
	`share(?: this)?(?: (?:article|story|post|page))?:?`, `tweet`, `e-?mail`, `print`, `copy link`, `link copied`, `facebook`, `twitter`, `x`,
	`whatsapp`, `linkedin`, `reddit`, `pinterest`, `telegram`, `instagram`, `youtube`, `tiktok`, `flipboard`, `messenger`,
	`comments?`, `\d+ comments?`, `comments? \(\d+\)`, `no comments?(?: yet)?`, `reply`, `quote`, `posted`, `guest`, `report`,
	`next`, `previous`, `prev`, `back`, `back to top`, `to top`, `top`, `more`, `show more`, `load more`, `see more`, `view more`, `see all`, `view all`,
	`advertisement`, `advertisements`, `advert`, `ad`, `ads`, `sponsored(?: content)?`, `promoted`, `anzeige`, `werbung`, `publicité`, `publicidad`, `pubblicità`, `реклама`,
	`related(?: articles?| stories| posts| news| content| coverage| topics)?:?`, `most (?:popular|read|viewed|shared|recent)`, `popular`, `trending(?: now)?`,
	`editors'? ?picks`, `editor'?s picks`, `more news`, `more stories`, `news feed`, `latest(?: news| stories| posts)?`, `top stories`, `breaking(?: news)?`,
	`recommended(?: posts| stories| articles| for you| reading)?`, `read more`, `read more »*`, `continue reading`, `keep reading`, `read (?:the )?full (?:article|story)`,
	`click to comment`, `leave a (?:reply|comment)`, `post a comment`, `add (?:a )?comment`, `join the (?:conversation|discussion)`,
	`follow us`, `follow us on.*`, `get the app`, `download (?:the|our) app`, `listen(?: to (?:this )?article)?`, `play`, `pause`, `watch`,
	`×`, `✕`, `important information`, `cookie settings`, `accept(?: all)?(?: cookies)?`, `manage (?:cookies|preferences)`,
	`\* indicates required`, `indicates required`, `required`, `please,? enter (?:a )?(?:correct|valid) (?:e-?mail|email address)`,
	`enter your e-?mail(?: address)?(?: to subscribe)?`, `your e-?mail(?: address)?`, `e-?mail address`, `success(?:ful)?l?y subscribed!?`,
	`thank you for (?:signing up|subscribing).*`, `thanks for (?:signing up|subscribing).*`, `sign up for .*newsletter.*`,
	`this (?:topic|thread|discussion) is (?:now )?closed.*`, `recently browsing.*`, `no registered users viewing this page\.?`,
	`by using this site,? you agree.*`, `all rights reserved\.?`, `.*©.*`, `copyright .*`, `privacy policy`, `terms (?:of use|of service|and conditions)`,
	`cookie policy`, `contact us`, `about us`, `sitemap`, `rss`, `feedback`, `help`, `faq`, `careers`, `imprint`, `impressum`,
	`tags?:.*`, `topics?:`, `filed under:?.*`, `categories:?.*`, `category:?.*`, `source:.*`, `image source:?.*`, `photo:.*`, `foto:.*`, `bild:.*`,
	`\d+ min(?:ute)?s? read`, `reading time:?.*`, `updated`, `published`, `loading\.*`, `please wait\.*`,
	`visa mastercard.*`, `paypal`, `donate(?: now)?`, `support us(?: just once)?`, `become a (?:member|subscriber|patron).*`,
	`mehr zum thema`, `lesen sie auch:?`, `lire aussi:?`, `à lire aussi:?`, `leer más:?`, `lee también:?`, `leggi anche:?`, `veja também:?`, `leia também:?`, `читайте также:?`,
)

// boilerPhrase matches furniture inside a short line ("Support independent
// journalism in Ukraine. Join us in this fight."). Each pattern is tried only
// when its trigger stands in the lower-cased line, which keeps the cost of a
// line to a few substring searches.
var boilerPhrase = phraseSet{
	{"subscri", `\bsubscribe (?:to|for|now|today)\b|\bsubscribers? only\b|\balready a subscriber\b`},
	{"newsletter", `\bnewsletters?\b`},
	{"sign up", `\bsign up\b`},
	{"inbox", `\bin your inbox\b`},
	{"cookie", `\bcookies?\b`},
	{"rights reserved", `\ball rights reserved\b`},
	{"terms of", `\bterms of (?:use|service)\b`},
	{"privacy", `\bprivacy (?:policy|notice)\b`},
	{"follow us", `\bfollow us\b`},
	{"share", `\bshare (?:on|via) \w+`},
	{"click here", `\bclick here\b`},
	{"journalism", `\bsupport (?:independent |our |quality )?journalism\b`},
	{"support us", `\bsupport us\b`},
	{"join us in", `\bjoin us in\b`},
	{"become a", `\bbecome a (?:member|subscriber|patron)\b`},
	{"donate", `\bdonate\b`},
	{"download", `\bdownload (?:the|our) app\b`},
	{"created|generated|produced", `\bthis (?:audio|article|story) (?:is|was) (?:created|generated|produced)\b`},
	{"will not be published", `\bemail address will not be published\b`},
	{"required", `\brequired fields are marked\b|\bindicates required\b`},
	{"read more", `\bread more\b:|\bread more\s*»|^read more\b`},
	{":", `^(?:related|see also|also read|watch|listen|more|recommended):`},
	{"getty", `\bgetty images\b`},
	{"shutterstock", `\bshutterstock\b`},
	{"istock", `\bistock(?:photo)?\b`},
	{"credit", `\b(?:photo|image) credit\b`},
	{"file photo", `\bfile photo\b`},
	{"javascript", `\bjavascript\b.*\b(?:enable|disabled|required)\b`},
	{"your browser", `\byour browser\b`},
	{"ad blocker", `\bad blocker\b`},
	{"paywall", `\bpaywall\b`},
	{"free trial", `\bfree trial\b`},
	{"unlimited access", `\bunlimited access\b`},
	{" read", `\b\d+ min(?:ute)?s? read\b`},
}.compile()

// terminator matches a heading after which a page holds no more of the
// article: sidebars of other stories, comments, related links.
var terminator = newLineSet(
	`news feed`, `related(?: articles?| stories| posts| news| content| coverage| topics| reading)?:?`, `more (?:news|stories|articles)(?: (?:from|on|about) .*)?`,
	`more from .*`, `most (?:popular|read|viewed|shared)(?: .*)?`, `trending(?: now| stories)?`, `editors'? ?picks`, `editor'?s picks`,
	`recommended(?: posts| stories| articles| for you| reading)?`, `you (?:may|might) (?:also )?(?:like|enjoy|be interested in).*`,
	`(?:what to )?read next`, `up next`, `comments?(?: \(\d+\))?`, `\d+ comments?`, `leave a (?:reply|comment)`, `click to comment`, `post a comment`,
	`about the author`, `about the authors`, `share this(?: article| story| post)?:?`, `sign up for .*`, `this (?:topic|thread) is (?:now )?closed.*`,
	`recently browsing.*`, `top stories`, `latest news`, `latest stories`, `in other news`, `popular (?:stories|articles|posts)`,
	`related roundups?:?.*`, `\[ ?\d+ comments? ?\]`, `top rated comments`, `(?:view|show|read|load|see) (?:all )?(?:\d+ )?comments`, `reader comments`,
	`join the discussion`, `discussion`, `responses?`, `\d+ responses?`, `\d+ thoughts on .*`, `what do you think\??`,
	`mehr zum thema`, `das könnte sie auch interessieren`, `lire aussi`, `à lire aussi`, `sur le même sujet`, `te puede interesar`, `noticias relacionadas`,
	`leggi anche`, `articoli correlati`, `potrebbe interessarti.*`, `veja também`, `(?:você )?pode (?:gostar|interessar).*`, `vous aimerez (?:aussi|également).*`,
	`(?:das )?könnte (?:sie|dich) auch interessieren.*`, `(?:también )?te (?:puede|podría) interesar.*`, `вам (?:также )?может (?:понравиться|быть интересно).*`, `notícias relacionadas`, `читайте также`, `похожие (?:новости|статьи)`, `новости по теме`,
)

// consent matches cookie and consent notices, which run long enough to pass
// for prose.
var consent = phraseSet{{"cookie", `(?i)\b(?:this (?:web ?)?site|we|our (?:web ?)?site) (?:uses?|may use) cookies\b|\bcookies? (?:policy|settings|preferences|consent)\b|\b(?:necessary|functional|analytics?|performance|advertising) cookies\b|\bby continuing to (?:use|browse|visit)\b|\bconsent to (?:the use of|our use of) cookies\b`}, {"by continuing", `\bby continuing to (?:use|browse|visit)\b`}}.compile()

// shareWords are the words of share bars ("Whatsapp Facebook Pint Baixar").
var shareWords = map[string]bool{
	"share": true, "facebook": true, "twitter": true, "x": true, "whatsapp": true, "pinterest": true, "pint": true, "pin": true,
	"email": true, "e-mail": true, "mail": true, "linkedin": true, "reddit": true, "telegram": true, "print": true, "copy": true,
	"link": true, "tweet": true, "messenger": true, "sms": true, "flipboard": true, "tumblr": true, "vk": true, "baixar": true,
	"teilen": true, "partager": true, "compartir": true, "compartilhar": true, "condividi": true, "delen": true, "поделиться": true,
}

// captionMark tells a photo caption or credit line.
var captionMark = phraseSet{
	{"photo|image|picture|foto|bild|credit|illustration|video", `\b(?:photo|photograph|image|picture|foto|bild|credit|illustration)s?\s*(?:credit)?\s*:|^(?:photo|image|video):`},
	{"(", `\((?:r|l|c|left|right|centre|center|top|bottom|front|back|2nd [lr]|second (?:left|right))\)|\((?:[^()]*/[^()]*)\)\.?$`},
	{"getty", `\bgetty images\b`}, {"shutterstock", `\bshutterstock\b`}, {"istock", `\bistock\b`},
	{"photo", `\b(?:ap|afp|reuters) photo\b|\bfile photo\b`}, {"epa-efe", `\bepa-efe\b`}, {"pictured", `\bpictured\b`},
}.compile()

// phraseSet is a list of patterns, each guarded by a literal trigger that
// any line it matches must contain, or by triggers separated by "|" of
// which it must contain one. The rarer the trigger, the fewer lines pay
// for the pattern: a trigger common in prose ("app", "this ", ":") costs
// a pattern search on most paragraphs.
type phraseSet []struct{ trigger, pattern string }

type compiledPhrases []struct {
	triggers []string
	re       *regexp.Regexp
}

func (ps phraseSet) compile() compiledPhrases {
	out := make(compiledPhrases, len(ps))
	for i, p := range ps {
		out[i].triggers, out[i].re = strings.Split(p.trigger, "|"), regexp.MustCompile(p.pattern)
	}
	return out
}

// match tells whether lower, a lower-cased line, matches any pattern.
func (cs compiledPhrases) match(lower string) bool {
	for _, c := range cs {
		if containsAny(lower, c.triggers) && c.re.MatchString(lower) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// lineSet matches whole lines against patterns. Most patterns are plain
// words, looked up in a map; the rest go through regular expressions, one
// for each byte a line can begin with, made of the patterns that can begin
// with it: one expression of all of them costs every line a try of every
// pattern.
type lineSet struct {
	literal map[string]bool
	byFirst [utf8.RuneSelf]*regexp.Regexp // nil when no pattern begins with the byte
	all     *regexp.Regexp                // for lines that begin otherwise
}

func newLineSet(patterns ...string) lineSet {
	ls := lineSet{literal: map[string]bool{}}
	var rest []string
	for _, p := range patterns {
		if regexp.QuoteMeta(p) == p {
			ls.literal[p] = true
		} else {
			rest = append(rest, p)
		}
	}
	ls.all = wholeLine(rest)
	first := make([][utf8.RuneSelf]bool, len(rest))
	for i, p := range rest {
		first[i] = firstBytes(p)
	}
	compiled := map[string]*regexp.Regexp{} // bytes with the same patterns share one
	for c := range utf8.RuneSelf {
		var some []string
		for i, p := range rest {
			if first[i][c] {
				some = append(some, p)
			}
		}
		if len(some) == 0 {
			continue
		}
		key := strings.Join(some, "\x00")
		if compiled[key] == nil {
			compiled[key] = wholeLine(some)
		}
		ls.byFirst[c] = compiled[key]
	}
	return ls
}

func wholeLine(patterns []string) *regexp.Regexp {
	return regexp.MustCompile(`^(?:(?:` + strings.Join(patterns, ")|(?:") + `))$`)
}

// firstBytes tells the ASCII bytes a match of pattern can begin with. It
// follows the compiled pattern from its start to the instructions that read
// the first rune; the empty-width assertions on the way are taken as
// passed, which can only add bytes.
func firstBytes(pattern string) (first [utf8.RuneSelf]bool) {
	re := must(syntax.Parse(pattern, syntax.Perl))
	prog := must(syntax.Compile(re.Simplify()))
	seen := map[uint32]bool{}
	var from func(pc uint32)
	from = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			from(in.Out)
			from(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			from(in.Out)
		case syntax.InstFail:
		default:
			// A rune instruction, or the match of an empty line.
			for c := range rune(utf8.RuneSelf) {
				switch in.Op {
				case syntax.InstMatch, syntax.InstRuneAny:
					first[c] = true
				case syntax.InstRuneAnyNotNL:
					first[c] = first[c] || c != '\n'
				default: // InstRune, InstRune1
					first[c] = first[c] || in.MatchRune(c)
				}
			}
		}
	}
	from(uint32(prog.Start))
	return first
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// match tells whether lower, a lower-cased line, is one of the set.
func (ls lineSet) match(lower string) bool {
	if ls.literal[lower] {
		return true
	}
	if lower != "" && lower[0] < utf8.RuneSelf {
		re := ls.byFirst[lower[0]]
		return re != nil && re.MatchString(lower)
	}
	return ls.all.MatchString(lower)
}
