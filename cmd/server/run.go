package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// Server timeouts. Requests are tiny GETs, so reading them must be quick;
// responses can be a multi-megabyte wasm binary on a slow mobile link, so
// the write timeout is generous.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 5 * time.Minute
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
)

// usageError reports bad command-line arguments; the flag set has already
// printed the details and the usage text.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// run parses args, checks the site directory, listens, prints
// "serving DIR on http://HOST:PORT/" as the first line on stdout and serves
// until ctx is done, then shuts down within the -grace period.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "dist", "directory holding the built site (must contain index.html)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; port 0 picks a free port")
	grace := fs.Duration("grace", 10*time.Second, "how long to let in-flight requests finish on shutdown")
	frameAncestors := fs.String("frame-ancestors", defaultFrameAncestors,
		"CSP frame-ancestors: the sites allowed to embed the pages, space-separated (\"*\" any, \"'self'\", \"https://news.example.com\", \"'none'\")")
	logRequests := fs.Bool("access-log", false, "log every request as a JSON line (log/slog) on standard error")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err}
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected arguments: %q", fs.Args())
		fmt.Fprintln(stderr, err)
		fs.Usage()
		return &usageError{err}
	}
	if *grace < 0 {
		return fmt.Errorf("-grace must not be negative, got %s", *grace)
	}
	ancestors, err := checkFrameAncestors(*frameAncestors)
	if err != nil {
		fmt.Fprintln(stderr, err)
		fs.Usage()
		return &usageError{err}
	}

	errorLog := log.New(stderr, "server: ", log.LstdFlags)
	h, err := newHandler(*dir, withErrorLog(errorLog), withFrameAncestors(ancestors))
	if err != nil {
		return err
	}
	defer h.Close()
	var handler http.Handler = h
	if *logRequests {
		handler = accessLog(h, newAccessLogger(stderr))
	}

	ln, err := new(net.ListenConfig).Listen(ctx, "tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	if _, err := fmt.Fprintf(stdout, "serving %s on http://%s/\n", *dir, ln.Addr()); err != nil {
		ln.Close()
		return fmt.Errorf("printing address: %w", err)
	}
	return serve(ctx, ln, handler, *grace, errorLog)
}

// newServer returns the http.Server for h with this server's timeouts and
// request header limit.
func newServer(h http.Handler, errorLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          errorLog,
	}
}

// serve runs an http.Server on ln until ctx is done or the server fails.
// When ctx is done it stops accepting connections at once (new ones are
// refused), closes idle ones, and waits up to grace for the requests in
// flight to be answered completely; after that it closes what is left and
// returns an error.
func serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration, errorLog *log.Logger) error {
	return serveWith(ctx, ln, newServer(h, errorLog), grace)
}

// serveWith is serve for a configured server.
func serveWith(ctx context.Context, ln net.Listener, srv *http.Server, grace time.Duration) error {
	errorLog := srv.ErrorLog
	if errorLog == nil {
		errorLog = log.Default()
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}

	errorLog.Printf("shutting down (grace period %s)", grace)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
		<-served
		return fmt.Errorf("graceful shutdown did not finish within %s: %w", grace, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
