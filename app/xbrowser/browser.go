// Package xbrowser holds the project's browser tests, and the drivers
// they run on: the three engines readers use, Blink (Chromium), Gecko
// (Firefox) and WebKit, behind one small [Browser] interface:
//
//   - Chromium through the DevTools protocol (chromedp, started by
//     app/harness with the flags this project's machines need);
//   - Firefox ESR through WebDriver BiDi over a WebSocket;
//   - WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver
//     classic over HTTP), under a private Xvfb display.
//
// The tests, all against the built site (dist/, served by app/server
// through app/harness):
//
//   - TestSuite (suite_test.go) is the reader's path through the map, step
//     by step, with real pointer and keyboard input, in every engine.
//   - TestChromium* tests check what only the DevTools protocol can set up
//     or see: emulated screens, media and touch, Fetch interception and
//     blocked requests, layout shifts, service worker installs and
//     updates, offline, Content-Security-Policy reports, frames of other
//     origins, axe-core's audit, clipboards, and browsers that cannot run
//     the WebAssembly.
//   - TestSite* tests read the site over plain HTTP, with no browser.
//   - TestDrivers checks the drivers against a small page, and the
//     protocol tests check them against fake remote ends (no browser).
//   - Benchmark* measure the desktop start and the offline repeat visit.
//
// To add a behaviour that every engine supports, add a step to suite in
// suite_test.go: a name and a func(r *run) that opens its own page with
// r.open (never relying on the step before), acts with r.clickCity,
// r.click, r.press…, and checks with r.wait, r.waitPanel, r.checkPath,
// eval[T](r, js)… (run_test.go). A step fails on the page's console
// errors except those in its allowed list. Use a TestChromium test only for what needs the
// DevTools protocol (newTab gives a Chromium tab with its chromedp context).
//
// Browser tests run when $JSMAP_BROWSERS lists engines (`make test` and CI
// set it to all three); a plain `go test ./...` skips them (see
// app/harness's RequireBrowsers).
package xbrowser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Browser is one browser window with one tab, driven by a test.
//
// Coordinates are CSS pixels relative to the viewport, as returned by
// getBoundingClientRect.
type Browser interface {
	// Engine names the engine: "chromium", "firefox" or "webkit".
	Engine() string
	// Version is the browser's product version, e.g. "153.7.0".
	Version() string
	// Navigate loads url and returns once its load event has fired.
	Navigate(ctx context.Context, url string) error
	// Eval evaluates the JavaScript expression js in the page, awaits it
	// if it is a promise, and decodes its JSON serialisation into out
	// (which may be nil to discard it).
	Eval(ctx context.Context, js string, out any) error
	// Click presses and releases the primary pointer button at x, y: a
	// real input event, hit-tested by the engine.
	Click(ctx context.Context, x, y float64) error
	// Press presses and releases a key on the focused element. Key is a
	// KeyboardEvent.key value: "Enter", "Escape", "Tab" or one character.
	Press(ctx context.Context, key string) error
	// Back goes one step back in the tab's history. It may return
	// before the page has changed: wait for the state you expect.
	Back(ctx context.Context) error
	// Forward goes one step forward in the tab's history, returning as
	// early as Back.
	Forward(ctx context.Context) error
	// URL is the address of the current document.
	URL(ctx context.Context) (string, error)
	// Close ends the browser and every process started for it.
	Close() error
}

// ErrorReporter is implemented by drivers that can see the page's console
// errors and uncaught exceptions (Chromium and Firefox; WebKitWebDriver
// offers no log).
type ErrorReporter interface {
	// Errors returns the problems reported since the last call and
	// forgets them.
	Errors() []string
}

// Screenshotter is implemented by drivers that can capture the viewport
// (all three).
type Screenshotter interface {
	// Screenshot returns the viewport as a PNG image.
	Screenshot(ctx context.Context) ([]byte, error)
}

// ErrNotInstalled wraps the error of an engine that is not on the machine.
var ErrNotInstalled = errors.New("browser not installed")

// Options tune how a browser starts.
type Options struct {
	// Width and Height are the viewport size in CSS pixels; 1280×900 when
	// zero.
	Width, Height int
	// ChromiumFlags are extra Chromium command-line flags (e.g.
	// "js-flags": "--jitless"); other engines ignore them.
	ChromiumFlags map[string]any
	// InitScript is JavaScript that runs in every new document before the
	// page's own scripts. Only the Chromium driver supports it; the others
	// refuse to start with one.
	InitScript string
}

func (o Options) size() (int, int) {
	w, h := o.Width, o.Height
	if w == 0 {
		w = 1280
	}
	if h == 0 {
		h = 900
	}
	return w, h
}

// Start launches engine. An engine that is not installed gives an error
// wrapping [ErrNotInstalled].
func Start(ctx context.Context, engine string, opts Options) (Browser, error) {
	switch engine {
	case "chromium":
		return startChromium(ctx, opts)
	case "firefox":
		return startFirefox(ctx, opts)
	case "webkit":
		return startWebKit(ctx, opts)
	}
	return nil, fmt.Errorf("unknown engine %q", engine)
}

// wrapJS turns an expression into one whose value is the JSON text of the
// expression's (awaited) value, "null" for undefined. Every driver
// evaluates this, so that all three decode results the same way.
func wrapJS(js string) string {
	return "(async () => { const v = await (" + js + "\n); return v === undefined ? 'null' : JSON.stringify(v); })()"
}

// decode unmarshals the JSON text a wrapped expression returned.
func decode(text string, out any) error {
	if out == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(text), out); err != nil {
		return fmt.Errorf("decoding %.200q: %w", text, err)
	}
	return nil
}

// WaitFor polls the JavaScript condition js until it is truthy or ctx
// ends. Evaluation errors while polling (e.g. during a navigation) are
// retried; the last one is reported on timeout.
func WaitFor(ctx context.Context, b Browser, js string) error {
	var last error
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		var ok bool
		err := b.Eval(ctx, "!!("+js+")", &ok)
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		select {
		case <-ctx.Done():
			if last != nil {
				return fmt.Errorf("waiting for %s: %w (last error: %v)", js, ctx.Err(), last)
			}
			return fmt.Errorf("waiting for %s: %w", js, ctx.Err())
		case <-tick.C:
		}
	}
}

// WaitVisible waits until an element matching the CSS selector sel exists
// and is rendered with a non-empty box.
func WaitVisible(ctx context.Context, b Browser, sel string) error {
	q, _ := json.Marshal(sel)
	return WaitFor(ctx, b, `(() => {
		const el = document.querySelector(`+string(q)+`);
		if (!el) return false;
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
	})()`)
}

// ClickElement scrolls the element matching sel into view if needed and
// clicks the centre of its bounding box with a real pointer. It waits (as
// long as ctx allows) for the centre to be inside the viewport: a page
// still laying out may move the element after it was scrolled to.
func ClickElement(ctx context.Context, b Browser, sel string) error {
	q, _ := json.Marshal(sel)
	for {
		var p *struct {
			X, Y   float64
			Inside bool
		}
		if err := b.Eval(ctx, `(() => {
			const el = document.querySelector(`+string(q)+`);
			if (!el) return null;
			el.scrollIntoView({block: 'nearest', inline: 'nearest', behavior: 'instant'});
			const r = el.getBoundingClientRect();
			const x = r.left + r.width / 2, y = r.top + r.height / 2;
			return {X: x, Y: y, Inside: x >= 0 && y >= 0 && x < innerWidth && y < innerHeight};
		})()`, &p); err != nil {
			return err
		}
		if p == nil {
			return fmt.Errorf("no element matches %s", sel)
		}
		if p.Inside {
			return b.Click(ctx, p.X, p.Y)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s stays outside the viewport, at (%.0f, %.0f): %w", sel, p.X, p.Y, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
