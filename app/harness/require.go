package harness

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// Browser tests (app/xbrowser, and cmd/bench's smoke test) need the built
// site and installed browsers. They run only when $JSMAP_BROWSERS lists
// the engines to run, as `make test` and CI set it; then a missing site or
// a listed browser that cannot start fails the test. When it is unset (a
// plain `go test ./...` on a fresh clone, with nothing built), or under
// -short (`make unit`), every browser test skips with [HowToRun].

// EnvBrowsers names the environment variable that lists the browser
// engines to run, comma-separated: "chromium,firefox,webkit".
const EnvBrowsers = "JSMAP_BROWSERS"

// Engines lists the browser engines the tests drive, in the order they run.
var Engines = []string{"chromium", "firefox", "webkit"}

// HowToRun is the message browser tests skip with.
const HowToRun = "browser test, skipped: set " + EnvBrowsers + " to run it. `make test` builds the site and runs every test in Chromium, Firefox and WebKit; " +
	"or `make build`, then " + EnvBrowsers + "=chromium,firefox,webkit go test ./app/xbrowser/ ./cmd/bench/ (name fewer engines to run only those)"

// Browsers returns the engines $JSMAP_BROWSERS lists, or set=false when
// it is unset. An unknown engine, or a value that names none, is an error.
func Browsers() (engines []string, set bool, err error) {
	v, set := os.LookupEnv(EnvBrowsers)
	if !set {
		return nil, false, nil
	}
	for _, e := range strings.Split(v, ",") {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		if !slices.Contains(Engines, e) {
			return nil, true, fmt.Errorf("%s: unknown engine %q (known: %s)", EnvBrowsers, e, strings.Join(Engines, ", "))
		}
		if !slices.Contains(engines, e) {
			engines = append(engines, e)
		}
	}
	if len(engines) == 0 {
		return nil, true, fmt.Errorf("%s is set but names no engine", EnvBrowsers)
	}
	return engines, true, nil
}

// RequireBrowsers skips tb with [HowToRun] unless browser tests are on,
// and returns the engines to run. A malformed $JSMAP_BROWSERS fails tb.
func RequireBrowsers(tb testing.TB) []string {
	tb.Helper()
	engines, set, err := Browsers()
	if testing.Short() || !set {
		tb.Skip(HowToRun)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return engines
}

// RequireEngine is [RequireBrowsers] for a test of one engine: it also
// skips tb when $JSMAP_BROWSERS leaves that engine out.
func RequireEngine(tb testing.TB, engine string) {
	tb.Helper()
	if !slices.Contains(RequireBrowsers(tb), engine) {
		tb.Skipf("%s test, skipped: %s=%s leaves it out", engine, EnvBrowsers, os.Getenv(EnvBrowsers))
	}
}

// RequireSite is [RequireBrowsers] for a test of the built site: it
// returns the site's directory (see [Dist]) and fails tb when the site has
// not been built.
func RequireSite(tb testing.TB) string {
	tb.Helper()
	RequireBrowsers(tb)
	dist, err := Dist()
	if err != nil {
		tb.Fatal(err)
	}
	return dist
}
