// Package apptest starts the real built site and a headless Chromium for
// end-to-end tests and benchmarks: cmd/server on a free loopback port
// serving the built dist/ directory, and a browser with the flags this
// product's machines need (no sandbox as root, no background networking).
package apptest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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

// Server is a running cmd/server.
type Server struct {
	// URL is the base URL, without trailing slash, e.g. http://127.0.0.1:41234.
	URL string
	cmd *exec.Cmd
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// serverBinary builds cmd/server once per process, or uses the binary
// named by $JSMAP_SERVER_BIN.
func serverBinary() (string, error) {
	if bin := os.Getenv("JSMAP_SERVER_BIN"); bin != "" {
		return bin, nil
	}
	buildOnce.Do(func() {
		root, err := ModuleRoot()
		if err != nil {
			buildErr = err
			return
		}
		dir, err := os.MkdirTemp("", "jsmap-server-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "server")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/server")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building cmd/server: %v\n%s", err, out)
		}
	})
	return binPath, buildErr
}

// StartServer runs cmd/server on dir at a free port of addr's host
// ("127.0.0.1" when empty) with extra flags, and returns when it serves.
func StartServer(dir, host string, flags ...string) (*Server, error) {
	bin, err := serverBinary()
	if err != nil {
		return nil, err
	}
	if host == "" {
		host = "127.0.0.1"
	}
	args := append([]string{"-dir", dir, "-addr", host + ":0"}, flags...)
	cmd := exec.Command(bin, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line, ok := <-lines:
		i := strings.Index(line, "http://")
		if !ok || i < 0 {
			cmd.Process.Kill()
			return nil, fmt.Errorf("server did not print its address (got %q)", line)
		}
		return &Server{URL: strings.TrimSuffix(line[i:], "/"), cmd: cmd}, nil
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		return nil, fmt.Errorf("server did not start within 30s")
	}
}

// Stop ends the server and waits for it.
func (s *Server) Stop() error {
	if s == nil || s.cmd == nil || s.cmd.Process == nil {
		return nil
	}
	s.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		return fmt.Errorf("server did not stop within 15s")
	}
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
