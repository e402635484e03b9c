// Package server is the site's static file server: the handler that
// serves the directory `make build` writes (dist/), the HTTP server
// settings it runs with, and Start, the one way to run it. cmd/server is a
// thin main around it (flags, signals, logging); tests, the benchmarks and
// cmd/serverbench start it in-process with Start, and the tools that need
// a real process (signals, resident memory: cmd/load, the main's tests)
// run the binary with StartProcess.
//
// It serves the prebuilt HTML pages, the go-app runtime files and the
// WebAssembly binary from a snapshot of the directory held in memory
// (snapshot.go), byte for byte as they were on disk, choosing a
// precompressed sibling (.br, then .gz) when the client accepts it,
// resolving clean URLs (/city/suzhou → city/suzhou/index.html or
// city/suzhou.html), answering unknown paths with the not-found page of
// their section and language (app/route), and caching only
// content-hashed files for a long time; it also answers the live oEmbed
// endpoint from the snapshot (oembed.go). It never lists directories, never
// serves dotfiles and never serves anything outside the directory it was
// given. Reload, and the watcher (Config.Watch), swap in a new snapshot
// whole; a tree that is not a whole site is refused.
//
// It faces the open internet: it answers only GET and HEAD (405 with Allow
// otherwise), refuses encoded, double-encoded and backslashed "..", NUL
// bytes and opaque targets, bounds the time to read a request and the size
// of its header, and sends with every response X-Content-Type-Options,
// Referrer-Policy and a Content-Security-Policy that allows exactly what
// the app uses (see contentSecurityPolicy), whose frame-ancestors is set by
// Config.FrameAncestors. It never sends X-Frame-Options, and always sends
// Access-Control-Allow-Origin: * so that pages embedded in sandboxed
// iframes (an opaque origin) can still fetch the wasm.
//
// The package must never be imported by the WebAssembly build (cmd/wasm):
// net/http's server would add megabytes to it.
package server

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
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

// Config is what a server serves and how. The zero value of every field
// but Dir is a working default.
type Config struct {
	// Dir is the built site; it must hold a readable index.html.
	Dir string
	// Addr is where to listen, host:port; port 0 picks a free one.
	// Default 127.0.0.1:0.
	Addr string
	// FrameAncestors is the CSP frame-ancestors source list: who may
	// embed the pages. Default "*" (any site).
	FrameAncestors string
	// ErrorLog receives unexpected I/O errors and shutdown messages.
	// Default: the standard logger.
	ErrorLog *log.Logger
	// AccessLog, when not nil, receives one JSON line per request.
	AccessLog io.Writer
	// MaxSiteBytes limits the memory the site's snapshot may take; a
	// larger site is refused at start. Default DefaultMaxSiteBytes. During
	// a reload the old and the new snapshot are both held.
	MaxSiteBytes int64
	// Watch makes the server check the site directory (and the symbolic
	// link it may be) once a second and load a changed tree once it has
	// settled. Reload (SIGHUP in cmd/server) loads at once either way.
	Watch bool
}

// watchInterval is how often a watching server looks at the site
// directory: a stat of every file, about a millisecond for this site.
const watchInterval = time.Second

// RegisterFlags defines the command-line flags that set c on fs, with c's
// current values as defaults: cmd/server's flags, also accepted by
// launchers that start the server in-process.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	if c.FrameAncestors == "" {
		c.FrameAncestors = defaultFrameAncestors
	}
	fs.StringVar(&c.Dir, "dir", c.Dir, "directory holding the built site (must contain index.html)")
	fs.StringVar(&c.Addr, "addr", cmp.Or(c.Addr, "127.0.0.1:8080"), "address to listen on; port 0 picks a free port")
	fs.StringVar(&c.FrameAncestors, "frame-ancestors", c.FrameAncestors,
		"CSP frame-ancestors: the sites allowed to embed the pages, space-separated (\"*\" any, \"'self'\", \"https://news.example.com\", \"'none'\")")
	fs.Func("max-site-mib", fmt.Sprintf("the most memory the site may take, in MiB (default %d)", DefaultMaxSiteBytes>>20), func(v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 || n > 1<<20 {
			return errors.New("want a number of MiB between 1 and 1048576")
		}
		c.MaxSiteBytes = n << 20
		return nil
	})
	fs.BoolVar(&c.Watch, "watch", c.Watch, "reload the site by itself when the directory (or the link to it) changes, checked once a second")
}

// Check validates the settings a command line can get wrong (Dir is
// checked when the site is loaded) and normalises FrameAncestors, which
// must not be empty here.
func (c *Config) Check() error {
	ancestors, err := checkFrameAncestors(c.FrameAncestors)
	if err != nil {
		return err
	}
	c.FrameAncestors = ancestors
	return nil
}

// Server is a server started by Start, serving until Shutdown or Close.
type Server struct {
	// URL is the base URL, without trailing slash, such as
	// http://127.0.0.1:41234.
	URL string
	// Addr is the address actually bound, host:port.
	Addr string

	handler *handler // nil when serving another handler (tests)
	srv     *http.Server
	done    chan struct{}
	err     error // Serve's result, once done is closed
	// stopWatch ends the watcher, if any.
	stopWatch chan struct{}
	stopOnce  sync.Once
}

// Start checks the site in cfg.Dir, listens on cfg.Addr and serves in the
// background. It returns when the server accepts connections; stop it with
// Shutdown or Close. A bad site, frame-ancestors value or address is an
// error.
func Start(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.ErrorLog == nil {
		cfg.ErrorLog = log.Default()
	}
	if cfg.FrameAncestors == "" {
		cfg.FrameAncestors = defaultFrameAncestors
	}
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.MaxSiteBytes == 0 {
		cfg.MaxSiteBytes = DefaultMaxSiteBytes
	}
	h, err := newHandler(cfg.Dir, withErrorLog(cfg.ErrorLog), withFrameAncestors(cfg.FrameAncestors), withMaxBytes(cfg.MaxSiteBytes))
	if err != nil {
		return nil, err
	}
	var hh http.Handler = h
	if cfg.AccessLog != nil {
		hh = accessLog(h, newAccessLogger(cfg.AccessLog))
	}
	s, err := serve(cfg.Addr, newServer(hh, cfg.ErrorLog), h.csp)
	if err != nil {
		h.Close()
		return nil, err
	}
	s.handler = h
	snap := h.current.Load()
	cfg.ErrorLog.Printf("site %s: %d files, %s in memory (limit %s)", cfg.Dir, snap.nfiles, mib(snap.bytes), mib(cfg.MaxSiteBytes))
	if cfg.Watch {
		go h.watch(watchInterval, s.stopWatch)
	}
	return s, nil
}

// Reload loads the site again and serves it from now on; a tree that is
// not a whole site is refused (the error says why, and is logged) and the
// previous snapshot keeps serving.
func (s *Server) Reload() error { return s.handler.Reload() }

// serve listens on addr and runs srv in the background. net/http's own
// error replies carry the security headers of csp (none when csp is "").
func serve(addr string, srv *http.Server, csp string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	if csp != "" {
		ln = secure(ln, csp)
	}
	s := &Server{
		URL:       "http://" + ln.Addr().String(),
		Addr:      ln.Addr().String(),
		srv:       srv,
		done:      make(chan struct{}),
		stopWatch: make(chan struct{}),
	}
	go func() {
		s.err = srv.Serve(ln)
		close(s.done)
	}()
	return s, nil
}

// closeHandler stops the watcher and releases the handler once the
// server has stopped.
func (s *Server) closeHandler() {
	s.stopOnce.Do(func() { close(s.stopWatch) })
	if s.handler != nil {
		s.handler.Close()
	}
}

// Done is closed when the server has stopped serving, after Shutdown or
// Close or because serving failed; Err then says why.
func (s *Server) Done() <-chan struct{} { return s.done }

// Err is why the server stopped serving: nil after Shutdown or Close.
// Call it once Done is closed.
func (s *Server) Err() error {
	if errors.Is(s.err, http.ErrServerClosed) {
		return nil
	}
	return fmt.Errorf("serve: %w", s.err)
}

// Shutdown stops the server gracefully: the listener closes at once (new
// connections are refused), idle connections are closed, and requests in
// flight have up to grace to be answered completely; after that what is
// left is closed and Shutdown returns an error.
func (s *Server) Shutdown(grace time.Duration) error {
	defer s.closeHandler()
	select {
	case <-s.done:
		return s.Err()
	default:
	}
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		s.srv.Close()
		<-s.done
		return fmt.Errorf("graceful shutdown did not finish within %s: %w", grace, err)
	}
	<-s.done
	return s.Err()
}

// Close stops the server at once, cutting requests in flight.
func (s *Server) Close() error {
	defer s.closeHandler()
	s.srv.Close()
	<-s.done
	return s.Err()
}

// ServingLine is the first line cmd/server prints on standard output once
// it serves dir at url, "serving DIR on URL/\n": launchers read the
// address back from it.
func ServingLine(dir, url string) string {
	return fmt.Sprintf("serving %s on %s/\n", dir, url)
}

// parseServingLine returns the base URL (without trailing slash) from a
// line written by ServingLine.
func parseServingLine(line string) (string, bool) {
	i := strings.LastIndex(line, " on http://")
	if !strings.HasPrefix(line, "serving ") || i < 0 {
		return "", false
	}
	return strings.TrimSuffix(strings.TrimSpace(line[i+len(" on "):]), "/"), true
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
		ConnContext:       connContext,
	}
}
