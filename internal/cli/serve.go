package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/server"
)

func runServe(e env, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", os.Getenv("CHORUS_TOKEN"), "token that POST /api/v1/articles requires (default $CHORUS_TOKEN; none: read-only)")
	lang := fs.String("lang", "", "tell stories' titles and summaries in this language (ISO 639-1, e.g. de) when some of their articles are in it, unless a request asks for another (?lang=)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	var do digest.Options
	if !setLang(e, "serve", *lang, &do) {
		return exitUsage
	}
	st, ok := openStore(e, "serve", *db)
	if !ok {
		return exitEmpty
	}
	defer st.Close()
	hs := server.New(st, server.Options{Token: *token, Lang: do.Lang}).HTTPServer(*addr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		hs.Shutdown(shutdown)
	}()
	fmt.Fprintf(e.stderr, "chorus serve: %s on http://%s\n", st.Path(), *addr)
	if err := hs.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "chorus serve: %v\n", err)
		return exitEmpty
	}
	return exitOK
}
