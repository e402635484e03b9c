package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jiangsu-map/jsmap/app/server"
	"github.com/jiangsu-map/jsmap/cmd/internal/cli"
)

// run parses args, starts the server, prints server.ServingLine as the
// first line on stdout and serves until ctx is done, then shuts down
// within the -grace period.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := server.Config{Watch: true}
	cfg.RegisterFlags(fs)
	grace := fs.Duration("grace", 10*time.Second, "how long to let in-flight requests finish on shutdown")
	logRequests := fs.Bool("access-log", false, "log every request as a JSON line (log/slog) on standard error")
	usage := func(err error) error {
		fmt.Fprintln(stderr, err)
		fs.Usage()
		return &cli.UsageError{Err: err}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &cli.UsageError{Err: err}
	}
	if fs.NArg() > 0 {
		return usage(fmt.Errorf("unexpected arguments: %q", fs.Args()))
	}
	if *grace < 0 {
		return fmt.Errorf("-grace must not be negative, got %s", *grace)
	}
	if err := cfg.Check(); err != nil {
		return usage(err)
	}
	cfg.ErrorLog = log.New(stderr, "server: ", log.LstdFlags)
	if *logRequests {
		cfg.AccessLog = stderr
	}

	// SIGHUP loads the site again (a refused tree is logged, and the old
	// one keeps serving). It is caught before the address is printed, so
	// a launcher's first SIGHUP never finds it unhandled (which would end
	// the process).
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	srv, err := server.Start(cfg)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(stdout, server.ServingLine(cfg.Dir, srv.URL)); err != nil {
		srv.Close()
		return fmt.Errorf("printing address: %w", err)
	}
	for {
		select {
		case <-hup:
			srv.Reload()
		case <-srv.Done():
			return srv.Err()
		case <-ctx.Done():
			cfg.ErrorLog.Printf("shutting down (grace period %s)", *grace)
			return srv.Shutdown(*grace)
		}
	}
}
