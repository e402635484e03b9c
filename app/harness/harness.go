// Package harness starts the real built site and a headless Chromium for
// the browser tests, the benchmarks and the tools that drive them: the
// site's server (app/server, in this process) on a free loopback port
// serving the built dist/ directory, and a browser with the flags this
// product's machines need (no sandbox as root, no background networking);
// it also says which browsers a run wants (RequireBrowsers) and holds the
// statistics the benchmarks share. It is named for what it does, not
// after tests: cmd/bench uses it as much as the tests do.
package harness

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/server"
)

// ModuleRoot returns the repository root (the directory of go.mod).
func ModuleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("not inside the module")
	}
	return filepath.Dir(mod), nil
}

// Dist returns the built site directory: $JSMAP_DIST, or dist/ in the
// repository. It fails when the site has not been built.
func Dist() (string, error) {
	dir := os.Getenv("JSMAP_DIST")
	if dir == "" {
		root, err := ModuleRoot()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(root, "dist")
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return "", fmt.Errorf("no built site in %s: run `make build` first (%v)", dir, err)
	}
	return dir, nil
}

// Server is the site's server (package app/server) running in this
// process.
type Server struct {
	// URL is the base URL, without trailing slash, e.g. http://127.0.0.1:41234.
	URL string
	srv *server.Server
}

// StartServer serves dir in this process at a free port of host
// ("127.0.0.1" when empty), configured by cmd/server's flags (such as
// "-frame-ancestors", "'self'"), and returns when it serves.
func StartServer(dir, host string, flags ...string) (*Server, error) {
	if host == "" {
		host = "127.0.0.1"
	}
	cfg := server.Config{Dir: dir, Addr: net.JoinHostPort(host, "0")}
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.RegisterFlags(fs)
	if err := fs.Parse(flags); err != nil {
		return nil, fmt.Errorf("server flags %q: %w", flags, err)
	}
	srv, err := server.Start(cfg)
	if err != nil {
		return nil, err
	}
	return &Server{URL: srv.URL, srv: srv}, nil
}

// Reload makes the server serve what is now in its directory (it serves
// from memory, and a test server does not watch the directory): call it
// after deploying another build in place. A tree that is not a whole site
// is refused with an error, and the previous one keeps serving.
func (s *Server) Reload() error { return s.srv.Reload() }

// Stop shuts the server down, letting requests in flight finish.
func (s *Server) Stop() error {
	if s == nil || s.srv == nil {
		return nil
	}
	return s.srv.Shutdown(15 * time.Second)
}

// MustStartServer is StartServer for tests: it fails tb and stops the
// server when the test ends.
func MustStartServer(tb testing.TB, dir, host string, flags ...string) *Server {
	tb.Helper()
	s, err := StartServer(dir, host, flags...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Stop() })
	return s
}

// ChromePath finds Chromium: $CHROME_PATH or the usual Debian paths.
func ChromePath() (string, error) {
	for _, p := range []string{os.Getenv("CHROME_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no Chromium found: run `bash .ci/ensure-chromium` or set CHROME_PATH")
}

// NewBrowser starts a headless Chromium and returns a context for its
// first tab. Cancel it to close the browser.
func NewBrowser(parent context.Context, extraFlags map[string]any) (context.Context, context.CancelFunc, error) {
	path, err := ChromePath()
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.WindowSize(1280, 900),
	}
	for k, v := range extraFlags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	// Start the browser now so that errors show here.
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return ctx, func() { cancelCtx(); cancelAlloc() }, nil
}

// MustNewBrowser is NewBrowser for tests, closed when the test ends.
func MustNewBrowser(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel, err := NewBrowser(context.Background(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(cancel)
	return ctx
}
