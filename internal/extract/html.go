package extract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/chorusnews/chorus/internal/news"
)

// Fallback tells whether go-trafilatura also runs go-readability (and, when
// that is short too, go-domdistiller) and keeps a candidate that is much
// longer than its own extraction.
type Fallback uint8

// Fallback settings; the zero value is the default, FallbackOn.
const (
	FallbackDefault Fallback = iota
	FallbackOff
	FallbackOn
)

// Focus trades recall against precision in go-trafilatura.
type Focus uint8

// Focus settings; the zero value is the default, FocusBalanced.
const (
	FocusDefault Focus = iota
	FocusBalanced
	// FocusPrecision extracts less, dropping uncertain blocks.
	FocusPrecision
	// FocusRecall extracts more, keeping uncertain blocks.
	FocusRecall
)

// DateMode chooses how hard go-htmldate looks for the publication date.
type DateMode uint8

// DateMode settings; the zero value is the default, DateAuto.
const (
	DateDefault DateMode = iota
	// DateFast reads metadata, JSON-LD, the URL and common date markup.
	DateFast
	// DateExtensive also scans the page's text with go-dateparser: slow,
	// multilingual, and apt to take a copyright year for the date.
	DateExtensive
	// DateOff skips the date search.
	DateOff
	// DateAuto runs DateFast, and DateExtensive only when that finds
	// nothing; a date that the text search fills in as the 1st of a month
	// (from "2025", "May 2022" or a copyright line) is not taken.
	DateAuto
)

// HTMLOptions tunes HTML extraction. The zero value is the recommended
// setting: fallback on, balanced focus, DateAuto.
//
// Measured on the AEB set (181 news pages, 4-gram shingle F1) and WCXB
// article pages (dev split, 711 pages, bag-of-words F1 and metadata
// accuracy), single core, ms/page the fastest of three runs per page:
//
//	fallback focus     date       AEB F1  WCXB F1  title  author  date   AEB ms  WCXB ms
//	stock go-trafilatura           0.959   0.910   0.543  0.714  0.799   10.0   14.4
//	off      balanced  auto        0.968   0.913   0.873  0.785  0.833    6.6   14.5
//	off      precision auto        0.939   0.860   0.847  0.767  0.811    6.4   14.4
//	off      recall    auto        0.970   0.919   0.875  0.785  0.835    6.6   14.9
//	on       balanced  auto   (*)  0.966   0.940   0.875  0.785  0.835   10.1   21.0
//	on       precision auto        0.961   0.918   0.873  0.783  0.833    9.5   19.1
//	on       recall    auto        0.958   0.938   0.875  0.785  0.835    7.6   15.5
//	on       balanced  fast        0.966   0.940   0.875  0.785  0.799    9.7   17.0
//	on       balanced  extensive   0.966   0.940   0.875  0.785  0.835   11.3   21.1
//	on       balanced  off         0.966   0.940   0.875  0.785  0        9.8   16.3
//
// The fallback costs 0.002 on AEB (two pages where readability's longer
// candidate is the comments or the site's other posts) and gains 0.027 on
// WCXB, whose pages go-trafilatura often cuts short. DateAuto finds 21 more
// right dates on WCXB than DateFast, for 5 more wrong ones; DateExtensive
// alone dates 55 more pages that have no date at all.
type HTMLOptions struct {
	Fallback Fallback
	Focus    Focus
	DateMode DateMode
}

// resolve replaces zero values by the defaults.
func (o HTMLOptions) resolve() HTMLOptions {
	if o.Fallback == FallbackDefault {
		o.Fallback = FallbackOn
	}
	if o.Focus == FocusDefault {
		o.Focus = FocusBalanced
	}
	if o.DateMode == DateDefault {
		o.DateMode = DateAuto
	}
	return o
}

// extractHTML extracts the article from an HTML page: go-trafilatura for
// the main text and most metadata, then our own choice of headline (the
// visible <h1>), bylines shown in the page when the metadata has none, a
// publication date with its time when the page states one, and boilerplate
// paragraphs dropped from the text. A page over htmlLimits is refused
// (mostly before it is parsed); a heavy one is extracted lean, one at a
// time (see htmlShape.heavy).
func extractHTML(doc news.RawDoc, opts HTMLOptions) (a news.Article, err error) {
	defer func() {
		// One odd page must not stop a run: the libraries below are large
		// and see arbitrary markup.
		if r := recover(); r != nil {
			a, err = news.Article{}, fmt.Errorf("HTML extraction failed: %v", r)
		}
	}()
	opts = opts.resolve()
	root, shape, err := parseHTML(doc.Body)
	if err != nil {
		return news.Article{}, err
	}
	if shape.heavy() {
		heavyPages <- struct{}{}
		defer func() { <-heavyPages }()
		opts = opts.lean()
	}

	topts := trafilatura.Options{
		EnableFallback: opts.Fallback == FallbackOn,
		HtmlDateMode:   trafilatura.Disabled,
	}
	switch opts.Focus {
	case FocusPrecision:
		topts.Focus = trafilatura.FavorPrecision
	case FocusRecall:
		topts.Focus = trafilatura.FavorRecall
	}
	if u, err := url.Parse(strings.TrimSpace(doc.URL)); err == nil && u.IsAbs() && u.Host != "" {
		topts.OriginalURL = u
	}
	res, err := extractMain(root, topts)
	if err != nil {
		return news.Article{}, err
	}
	if res == nil || res.ContentNode == nil {
		return news.Article{}, errors.New("no main content found")
	}
	md := res.Metadata

	info := scanPage(root)
	a = news.Article{
		Authors:  splitAuthors(md.Author),
		Language: normLang(md.Language),
		URL:      md.URL,
	}
	if a.URL == "" {
		a.URL = doc.URL
	}
	siteNames := info.siteNames
	var named []string
	for _, s := range strings.Split(md.Sitename, ";") {
		if s = cleanSpace(s); s != "" {
			named = append(named, s)
		}
	}
	// go-trafilatura gathers a page's several organisations from Go maps,
	// in an order that changes from run to run; the page's order does not.
	for _, s := range inPageOrder(named, doc.Body) {
		siteNames = append(siteNames, s)
		if a.Outlet == "" {
			a.Outlet = s
		}
	}
	a.Title = chooseTitle(md.Title, info, siteNames, hostOf(a.URL))
	if len(a.Authors) == 0 {
		a.Authors = domAuthors(info)
	}
	dopts := htmldate.Options{ExtractTime: true, UseOriginalDate: true, URL: a.URL}
	if !doc.Fetched.IsZero() {
		// Nothing was published after it was fetched (a day's slack for
		// time zones).
		dopts.MaxDate = doc.Fetched.AddDate(0, 0, 1)
	}
	switch opts.DateMode {
	case DateFast:
		a.Published = findDate(root, info.data, dopts, false, false)
	case DateExtensive:
		a.Published = findDate(root, info.data, dopts, extensiveAffordable(doc.Body), false)
	case DateAuto:
		if a.Published = findDate(root, info.data, dopts, false, false); a.Published == "" && extensiveAffordable(doc.Body) {
			a.Published = findDate(root, info.data, dopts, true, true)
		}
	}
	paras := dropBoilerplate(paragraphs(res.ContentNode), a.Authors)
	if len(paras) > 0 && (isTitle(paras[0], a.Title) || isTitle(paras[0], md.Title) || isTitle(paras[0], info.ogTitle)) {
		paras = paras[1:]
	}
	a.Text = strings.Join(paras, "\n\n")
	if strings.TrimSpace(a.Text) == "" {
		return news.Article{}, errors.New("no main content found")
	}
	return a, nil
}

// findDate runs go-htmldate and formats its result as ISO 8601: a date, or a
// date-time when the page stated a time (midnight is taken as filled in).
// noFirst rejects a date on the 1st of a month, which the text search makes
// up from a bare year or month. scripts are the page's JSON data scripts.
func findDate(root *html.Node, scripts []string, opts htmldate.Options, extensive, noFirst bool) string {
	opts.SkipExtensiveSearch = !extensive
	res, err := htmldate.FromDocument(root, opts)
	if err != nil || res.IsZero() {
		return ""
	}
	if res = settleJSONDate(scripts, res, opts.UseOriginalDate); noFirst && res.DateTime.Day() == 1 {
		return ""
	}
	return formatDate(res)
}

func formatDate(res htmldate.Result) string {
	t := res.DateTime
	if !res.HasTime || (t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0) {
		return t.Format(time.DateOnly)
	}
	if res.HasTimezone {
		return t.Format("2006-01-02T15:04:05Z07:00")
	}
	return t.Format("2006-01-02T15:04:05")
}

func normLang(s string) string {
	if l := news.LangCode(s); len(l) == 2 {
		return l
	}
	return ""
}

// cleanSpace collapses runs of white space into one space and trims.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// isTitle tells whether a paragraph repeats the title, punctuation and case
// aside.
func isTitle(para, title string) bool {
	k := normKey(title)
	return k != "" && normKey(para) == k
}
