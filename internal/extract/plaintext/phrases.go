package plaintext

import "regexp"

// The phrase lists below describe the furniture of news pages — navigation,
// sign-up forms, share bars, comment boxes, credits — in general terms, in
// several languages. They name kinds of boilerplate, never one site's text.

// boilerLine matches a whole line that is page furniture wherever it stands.
var boilerLine = regexp.MustCompile(`(?i)^(?:` + joinAlt(
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
) + `)$`)

// boilerPhrase matches furniture inside a short line ("Support independent
// journalism in Ukraine. Join us in this fight.").
var boilerPhrase = regexp.MustCompile(`(?i)` + joinAlt(
	`\bsubscribe (?:to|for|now|today)\b`, `\bnewsletters?\b`, `\bsign up\b`, `\bin your inbox\b`, `\bcookies?\b`, `\ball rights reserved\b`,
	`\bterms of (?:use|service)\b`, `\bprivacy (?:policy|notice)\b`, `\bfollow us\b`, `\bshare (?:on|via) \w+`, `\bclick here\b`,
	`\bsupport (?:independent |our |quality )?journalism\b`, `\bsupport us\b`, `\bjoin us in\b`, `\bbecome a (?:member|subscriber|patron)\b`,
	`\bdonate\b`, `\bdownload (?:the|our) app\b`, `\bthis (?:audio|article|story) (?:is|was) (?:created|generated|produced)\b`,
	`\bemail address will not be published\b`, `\brequired fields are marked\b`, `\bindicates required\b`, `\bsubscribers? only\b`,
	`\bread more\b:`, `\bread more\s*»`, `^read more\b`, `^related:`, `^see also:`, `^also read:`, `^watch:`, `^listen:`, `^more:`, `^recommended:`,
	`\bgetty images\b`, `\bshutterstock\b`, `\bistock(?:photo)?\b`, `\bphoto credit\b`, `\bimage credit\b`, `\bfile photo\b`,
	`\bjavascript\b.*\b(?:enable|disabled|required)\b`, `\byour browser\b`, `\bad blocker\b`, `\bpaywall\b`, `\balready a subscriber\b`,
	`\bfree trial\b`, `\bunlimited access\b`, `\b\d+ min(?:ute)?s? read\b`,
) + ``)

// terminator matches a heading after which a page holds no more of the
// article: sidebars of other stories, comments, related links.
var terminator = regexp.MustCompile(`(?i)^(?:` + joinAlt(
	`news feed`, `related(?: articles?| stories| posts| news| content| coverage| topics| reading)?:?`, `more (?:news|stories|articles)(?: (?:from|on|about) .*)?`,
	`more from .*`, `most (?:popular|read|viewed|shared)(?: .*)?`, `trending(?: now| stories)?`, `editors'? ?picks`, `editor'?s picks`,
	`recommended(?: posts| stories| articles| for you| reading)?`, `you (?:may|might) (?:also )?(?:like|enjoy|be interested in).*`,
	`(?:what to )?read next`, `up next`, `comments?(?: \(\d+\))?`, `\d+ comments?`, `leave a (?:reply|comment)`, `click to comment`, `post a comment`,
	`about the author`, `about the authors`, `share this(?: article| story| post)?:?`, `sign up for .*`, `this (?:topic|thread) is (?:now )?closed.*`,
	`recently browsing.*`, `top stories`, `latest news`, `latest stories`, `in other news`, `popular (?:stories|articles|posts)`,
	`mehr zum thema`, `das könnte sie auch interessieren`, `lire aussi`, `à lire aussi`, `sur le même sujet`, `te puede interesar`, `noticias relacionadas`,
	`leggi anche`, `articoli correlati`, `potrebbe interessarti.*`, `veja também`, `(?:você )?pode (?:gostar|interessar).*`, `vous aimerez (?:aussi|également).*`,
	`(?:das )?könnte (?:sie|dich) auch interessieren.*`, `(?:también )?te (?:puede|podría) interesar.*`, `вам (?:также )?может (?:понравиться|быть интересно).*`, `notícias relacionadas`, `читайте также`, `похожие (?:новости|статьи)`, `новости по теме`,
) + `)$`)

// consent matches cookie and consent notices, which run long enough to pass
// for prose.
var consent = regexp.MustCompile(`(?i)\b(?:this (?:web ?)?site|we|our (?:web ?)?site) (?:uses?|may use) cookies\b|\bcookies? (?:policy|settings|preferences|consent)\b|\b(?:necessary|functional|analytics?|performance|advertising) cookies\b|\bby continuing to (?:use|browse|visit)\b|\bconsent to (?:the use of|our use of) cookies\b`)

// shareWords are the words of share bars ("Whatsapp Facebook Pint Baixar").
var shareWords = map[string]bool{
	"share": true, "facebook": true, "twitter": true, "x": true, "whatsapp": true, "pinterest": true, "pint": true, "pin": true,
	"email": true, "e-mail": true, "mail": true, "linkedin": true, "reddit": true, "telegram": true, "print": true, "copy": true,
	"link": true, "tweet": true, "messenger": true, "sms": true, "flipboard": true, "tumblr": true, "vk": true, "baixar": true,
	"teilen": true, "partager": true, "compartir": true, "compartilhar": true, "condividi": true, "delen": true, "поделиться": true,
}

// captionMark tells a photo caption or credit line.
var captionMark = regexp.MustCompile(`(?i)` + joinAlt(
	`\b(?:photo|photograph|image|picture|foto|bild|credit|illustration)s?\s*(?:credit)?\s*:`,
	`\((?:r|l|c|left|right|centre|center|top|bottom|front|back|2nd [lr]|second (?:left|right))\)`,
	`\((?:[^()]*/[^()]*)\)\.?$`, `\b(?:getty images|shutterstock|ap photo|afp photo|reuters photo|epa-efe|istock)\b`,
	`\bpictured\b`, `\bfile photo\b`, `^(?:photo|image|video):`,
))

func joinAlt(parts ...string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "|"
		}
		s += "(?:" + p + ")"
	}
	return s
}
