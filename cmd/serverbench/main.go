// Command serverbench compares the site's server (app/server, started
// in-process) with nginx serving the same built site, with the same wrk
// command on the same machine in one run, and prints requests per second,
// the 99th percentile latency and our server's share of nginx's
// throughput. `make bench-server` runs it (and installs nginx, its
// brotli_static module and wrk from Debian when missing).
//
// nginx is configured as README's "Publish dist/ anywhere" section says:
// try_files for clean URLs, gzip_static (and brotli_static), the wasm
// type, 404.html for not found; two workers, no access log (our server
// keeps none by default either).
//
// Each round measures every case with both servers, alternating which goes
// first, so that a neighbour's load on the shared machine hits both alike;
// the summary gives the median and the spread of the ratio over the rounds.
//
// Usage:
//
//	go run ./cmd/serverbench -dist dist -rounds 3 -duration 5s
//	go run ./cmd/serverbench -dist dist -cpu-profile build/server.pprof
//
// It exits 1 when a server answers with errors or wrong statuses, 2 on bad
// flags.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	cfg := parseFlags(os.Args[1:]) // exits 2 on bad flags
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := compare(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "serverbench:", err)
		os.Exit(1)
	}
}
