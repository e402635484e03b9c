package xbrowser

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// site is the site's server (app/server) serving the built dist/, started
// by the first test that needs it and stopped by TestMain.
var (
	siteOnce sync.Once
	site     *harness.Server
	siteErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if site != nil {
		site.Stop()
	}
	os.Exit(code)
}

// siteURL returns the base URL of the built site, served by app/server. It
// skips the test unless browser tests are on, and fails it when the site
// has not been built (see harness.RequireSite).
func siteURL(t testing.TB) string {
	t.Helper()
	dist := harness.RequireSite(t)
	siteOnce.Do(func() { site, siteErr = harness.StartServer(dist, "") })
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return site.URL
}

// startFor starts engine for a test and closes it when the test ends. The
// test skips unless $JSMAP_BROWSERS lists the engine, and fails when the
// engine cannot start.
func startFor(t testing.TB, engine string, opts Options) Browser {
	t.Helper()
	harness.RequireEngine(t, engine)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b, err := Start(ctx, engine, opts)
	if err != nil {
		t.Fatalf("starting %s: %v", engine, err)
	}
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Logf("closing %s: %v", engine, err)
		}
	})
	return b
}

// screenshot saves the viewport as $JSMAP_SCREENSHOTS/ENGINE-NAME.png when
// that variable names a directory, for a person to look at.
func screenshot(t *testing.T, b Browser, name string) {
	t.Helper()
	dir := os.Getenv("JSMAP_SCREENSHOTS")
	s, ok := b.(Screenshotter)
	if dir == "" || !ok {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	png, err := s.Screenshot(ctx)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, b.Engine()+"-"+strings.ReplaceAll(name, "/", "-")+".png"), png, 0o644)
	}
	if err != nil {
		t.Errorf("screenshot: %v", err)
	}
}

// checkErrors fails t for console errors, uncaught exceptions and browser
// errors the page reported, except those containing one of allowed.
func checkErrors(t *testing.T, b Browser, allowed []string) {
	t.Helper()
	if er, ok := b.(ErrorReporter); ok {
		checkProblems(t, b.Engine(), er.Errors(), allowed)
	}
}

// checkProblems fails t for each of problems that contains none of allowed.
func checkProblems(t *testing.T, engine string, problems, allowed []string) {
	t.Helper()
next:
	for _, p := range problems {
		for _, a := range allowed {
			if strings.Contains(p, a) {
				continue next
			}
		}
		t.Errorf("page problem in %s: %s", engine, p)
	}
}
