// Command server is a small static file server for the site that
// `make build` writes to dist/.
//
// It serves the prebuilt HTML pages, the go-app runtime files and the
// WebAssembly binary exactly as they are on disk, choosing a precompressed
// sibling (.br, then .gz) when the client accepts it, resolving clean URLs
// (/city/suzhou → city/suzhou/index.html or city/suzhou.html), answering
// unknown paths with 404.html, and caching only content-hashed files for a
// long time. It never lists directories, never serves dotfiles and never
// serves anything outside the directory it was given.
//
// It faces the open internet: it answers only GET and HEAD (405 with Allow
// otherwise), refuses encoded, double-encoded and backslashed "..", NUL
// bytes and opaque targets, bounds the time to read a request and the size
// of its header, and sends with every response X-Content-Type-Options,
// Referrer-Policy and a Content-Security-Policy that allows exactly what
// the app uses (see contentSecurityPolicy), whose frame-ancestors is set by
// -frame-ancestors. It never sends X-Frame-Options, and always sends
// Access-Control-Allow-Origin: * so that pages embedded in sandboxed
// iframes (an opaque origin) can still fetch the wasm.
//
// Usage:
//
//	go run ./cmd/server -dir dist -addr 127.0.0.1:8080 -grace 10s
//	go run ./cmd/server -dir dist -frame-ancestors "'self' https://news.example.com" -access-log
//
// Flags:
//
//	-dir DIR               the built site (must hold a readable index.html)
//	-addr HOST:PORT        where to listen; port 0 picks a free one
//	-grace DURATION        how long in-flight requests may take to finish on shutdown
//	-frame-ancestors SRC   who may embed the pages: "*" (default), "'self'",
//	                       origins such as https://news.example.com, or "'none'"
//	-access-log            one JSON line per request on standard error (log/slog); off by default
//
// The first line it prints on standard output is
//
//	serving DIR on http://HOST:PORT/
//
// with the address actually bound, so -addr 127.0.0.1:0 picks a free port
// that a test harness can read back. SIGINT or SIGTERM shuts the server
// down gracefully: the listener closes at once (new connections are
// refused), idle connections are closed, requests in flight are answered
// completely, and the process exits 0, or 1 if the grace period runs out
// first. A second signal kills it at once. Bad flags exit 2; a missing,
// empty or unreadable -dir and an address that cannot be bound exit 1,
// with a message on standard error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal, restore the default behaviour so that a
		// second one ends the process even while shutdown is waiting.
		<-ctx.Done()
		stop()
	}()

	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return
	case errors.As(err, new(*usageError)):
		os.Exit(2) // the flag package has already printed the problem and usage
	default:
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}
