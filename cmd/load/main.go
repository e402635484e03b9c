// Command load is a bounded load test for cmd/server on loopback: a fixed
// number of keep-alive connections send a fixed mix of requests (pages,
// the wasm with brotli, the manifest and a missing file) for a fixed time,
// and every answer is checked: the expected status and content coding, a
// Content-Length, and a body of exactly that length (and of the size of
// the file on disk). It reports requests per second, latency percentiles
// and, when it starts the server itself, the server's resident memory
// before and after.
//
// With -sigterm it sends the server SIGTERM partway through and checks the
// graceful shutdown: every response already started is completed, new
// connections are refused from then on, and the server exits 0 within its
// grace period.
//
// Usage:
//
//	go build -o build/server ./cmd/server
//	go run ./cmd/load -server build/server -dir dist -duration 10s -connections 64
//	go run ./cmd/load -server build/server -dir dist -duration 10s -connections 64 -sigterm 5s
//	go run ./cmd/load -url http://127.0.0.1:8080/ -dir dist   # a server already running
//
// It exits 1 when any check fails, 2 on bad flags.
package main

import (
	"context"
	"fmt"
	"io"

	"github.com/jiangsu-map/jsmap/app/server"
	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
)

func main() { cli.Main("load", run) }

// run parses args, runs the load test and prints the report on stdout. It
// returns an error when a check fails.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	var srv *server.Process
	base := cfg.URL
	serverLog := new(server.LogBuffer)
	buildDirs := []string{cfg.Dir}
	serve := cfg.Dir
	var dep *deployment
	if cfg.Redeploy > 0 {
		if dep, err = newDeployment(cfg.Dir); err != nil {
			return err
		}
		defer dep.remove()
		buildDirs, serve = []string{dep.a, dep.b}, dep.current
	}
	if cfg.Server != "" {
		srv, err = startServer(cfg.Server, serve, cfg.Grace, serverLog)
		if err != nil {
			return fmt.Errorf("%w\n%s", err, serverLog.String())
		}
		defer srv.Kill()
		base = srv.URL + "/"
	}
	rep, err := loadTest(ctx, cfg, base, srv, buildDirs, dep)
	if err != nil {
		return err
	}
	rep.serverLog = serverLog.String()
	rep.print(stdout)
	if failures := rep.failures(); len(failures) > 0 {
		return fmt.Errorf("%d check(s) failed:\n  %s", len(failures), joinLines(failures))
	}
	fmt.Fprintln(stdout, "PASS")
	return nil
}
