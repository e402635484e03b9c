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
// Usage:
//
//	go run ./cmd/server -dir dist -addr 127.0.0.1:8080 -grace 10s
//
// The first line it prints on standard output is
//
//	serving DIR on http://HOST:PORT/
//
// with the address actually bound, so -addr 127.0.0.1:0 picks a free port
// that a test harness can read back. SIGINT or SIGTERM shuts the server
// down gracefully; a second signal kills it at once.
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
