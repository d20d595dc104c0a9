package cli

import (
	"flag"
	"fmt"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/export"
	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
)

func runDigest(e env, args []string) int {
	fs := flag.NewFlagSet("digest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "write the digest object (JSON)")
	asMarkdown := fs.Bool("markdown", false, "write the digest as Markdown (the default)")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	quiet := fs.Bool("quiet", false, "no progress bar")
	lang := langFlag(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	so := e.cfg.stories
	if !setLang(e, "digest", *lang, &so.Digest) {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "chorus digest: no PATH given (use - for stdin)")
		return exitUsage
	}
	if *asJSON && *asMarkdown {
		fmt.Fprintln(e.stderr, "chorus digest: --json and --markdown exclude each other")
		return exitUsage
	}
	opts := e.cfg.articles
	opts.Ingest.MaxBytes = *maxBytes
	if !*quiet {
		opts.Progress = progressBar(e.stderr, "digest")
	}
	d := pipeline.Digest(fs.Args(), e.stdin, opts, so)
	for _, er := range d.Errors {
		fmt.Fprintf(e.stderr, "chorus: %s: %s\n", er.Source, er.Error)
	}
	write := export.Markdown
	if *asJSON {
		write = export.JSON
	}
	if err := write(e.stdout, d); err != nil {
		fmt.Fprintf(e.stderr, "chorus: writing output: %v\n", err)
		return exitEmpty
	}
	if len(d.Articles) == 0 {
		return exitEmpty
	}
	return exitOK
}

// langFlag adds --lang: the language to tell stories' titles and summaries in.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "tell each story's title and summary in this language (ISO 639-1, e.g. de) when some of its articles are in it, else in its main language")
}

// setLang checks a --lang value and sets it in o; false, with a message,
// when it is no language code.
func setLang(e env, name, lang string, o *digest.Options) bool {
	if lang == "" {
		return true
	}
	code := news.LangCode(lang)
	if code == "" {
		fmt.Fprintf(e.stderr, "chorus %s: --lang %q is not a language code (ISO 639-1, e.g. de)\n", name, lang)
		return false
	}
	o.Lang = code
	return true
}
