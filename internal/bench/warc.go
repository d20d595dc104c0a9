package bench

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// pageJunk is what a real news page carries besides its story: inline
// styles and scripts, a menu, a list of other stories, a footer. It makes
// the synthetic pages weigh what crawled ones do (tens of kilobytes).
var junkHead, junkNav, junkAside, junkFoot = func() (head, nav, aside, foot string) {
	var css, js strings.Builder
	for i := range 300 {
		fmt.Fprintf(&css, ".c%d{margin:%dpx;padding:%dpx;color:#%06x}\n", i, i%17, i%11, i*2654435761%0xffffff)
		fmt.Fprintf(&js, "window.__cfg%d={id:%d,slot:'ad-%d',lazy:true,track:function(e){return e+%d}};\n", i, i, i, i)
	}
	head = "<style>" + css.String() + "</style><script>" + js.String() + "</script>"
	var b strings.Builder
	b.WriteString("<nav><ul>")
	for _, s := range []string{"Home", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Opinion", "Video", "Podcasts"} {
		fmt.Fprintf(&b, `<li><a href="/%s">%s</a></li>`, strings.ToLower(s), s)
	}
	b.WriteString("</ul></nav>")
	nav = b.String()
	b.Reset()
	b.WriteString("<aside><h2>Most read</h2><ul>")
	for i := range 15 {
		fmt.Fprintf(&b, `<li><a href="/story/%d">Another headline about something else entirely, number %d</a></li>`, i, i)
	}
	b.WriteString("</ul><form><label>Sign up for our newsletter</label><input type=email><button>Subscribe</button></form></aside>")
	aside = b.String()
	foot = `<footer><p>© 2021 Example Media. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/cookies">Cookie settings</a></footer>`
	return
}()

// ArticlePage renders an article as the HTML page a news site serves.
func ArticlePage(a news.Article) string {
	head, nav, aside, foot := junkHead, junkNav, junkAside, junkFoot
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>")
	b.WriteString(html.EscapeString(a.Title))
	b.WriteString(" | ")
	b.WriteString(html.EscapeString(a.Outlet))
	b.WriteString(`</title><meta property="article:published_time" content="`)
	b.WriteString(a.Published)
	b.WriteString(`">`)
	b.WriteString(head)
	b.WriteString("</head><body>")
	b.WriteString(nav)
	b.WriteString("<main><article><h1>")
	b.WriteString(html.EscapeString(a.Title))
	b.WriteString(`</h1><p class="byline">By Staff Reporter</p>`)
	for _, p := range strings.Split(a.Text, "\n\n") {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>")
	}
	b.WriteString("</article></main>")
	b.WriteString(aside)
	b.WriteString(foot)
	b.WriteString("</body></html>")
	return b.String()
}

// WriteWARC writes a WARC archive of at least size bytes, as a crawler
// would: for each article a request record and a response record with its
// HTML page, and after every fourth page an image response (which ingest
// passes over). It returns how many pages it wrote.
func WriteWARC(w io.Writer, stream iter.Seq[news.Article], size int64) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	var written int64
	pages := 0
	record := func(typ, uri, contentType string, block []byte, at time.Time) error {
		n, err := fmt.Fprintf(bw, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:bench-%d-%s>\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n",
			typ, pages, typ, uri, at.UTC().Format(time.RFC3339), contentType, len(block))
		if err != nil {
			return err
		}
		m, err := bw.Write(block)
		if err != nil {
			return err
		}
		k, err := bw.WriteString("\r\n\r\n")
		written += int64(n + m + k)
		return err
	}
	image := make([]byte, 120<<10)
	for i := range image {
		image[i] = byte(i * 7919 >> 3)
	}
	for a := range stream {
		if written >= size {
			break
		}
		at := news.ParseTime(a.Published)
		page := ArticlePage(a)
		resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
		if err := record("request", a.URL, "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"), at); err != nil {
			return pages, err
		}
		if err := record("response", a.URL, "application/http; msgtype=response", []byte(resp), at); err != nil {
			return pages, err
		}
		pages++
		if pages%4 == 0 {
			img := append([]byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n", len(image))), image...)
			if err := record("response", a.URL+".jpg", "application/http; msgtype=response", img, at); err != nil {
				return pages, err
			}
		}
	}
	return pages, bw.Flush()
}
