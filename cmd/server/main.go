// Command server serves the site that `make build` writes to dist/: a thin
// main around package app/server, which holds everything the server does
// (see its documentation).
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
//	-max-site-mib N        the most memory the site may take (default 256); a larger site is refused at start
//	-watch                 reload the site when the directory or the link to it changes (default true; -watch=false)
//
// The first line it prints on standard output is
//
//	serving DIR on http://HOST:PORT/
//
// with the address actually bound, so -addr 127.0.0.1:0 picks a free port
// that a launcher (server.StartProcess) can read back. SIGINT or SIGTERM
// shuts the server down gracefully: the listener closes at once (new
// connections are refused), idle connections are closed, requests in
// flight are answered completely, and the process exits 0, or 1 if the
// grace period runs out first. A second signal kills it at once. Bad flags
// exit 2; a missing, empty, unreadable, half-written or too large -dir and
// an address that cannot be bound exit 1, with a message on standard error.
//
// The site is served from memory. SIGHUP loads it again; with -watch it
// is also loaded again by itself once the directory, or the symbolic link
// it was given, has changed and settled. A tree that is not a whole site
// is refused with a log line naming the problem, and the old one keeps
// serving.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
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
	cli.Exit("server", err)
}
