package browsertest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/apptest"
)

// waitLimit bounds every wait for the browser; it guards against hangs and
// is not itself an assertion.
const waitLimit = 45 * time.Second

// watchScript runs in every frame before the page's own scripts. It turns
// policy violations into console errors and announces, on the console,
// when the WebAssembly module is instantiated and when the app has mounted
// (html[data-app="ready"]).
const watchScript = `(() => {
	const instantiate = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = async (...args) => {
		const result = await instantiate.apply(WebAssembly, args);
		console.log('jsmap-wasm-instantiated <' + location.href + '>');
		return result;
	};
	document.addEventListener('securitypolicyviolation', e => {
		console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') +
			' in ' + e.sourceFile + ':' + e.lineNumber + ' (' + e.sample + ') on ' + location.href);
	});
	const announce = () => {
		if (document.documentElement && document.documentElement.getAttribute('data-app') === 'ready') {
			console.log('jsmap-ready <' + location.href + '>');
			return true;
		}
		return false;
	};
	new MutationObserver((_, obs) => { if (announce()) obs.disconnect(); })
		.observe(document, {attributes: true, subtree: true, attributeFilter: ['data-app']});
})();`

// needSite returns the built site directory named by JSMAP_DIST (`make
// test` sets it), skipping the test when it is unset: like app/e2e, these
// tests need a build and a browser, which `make unit` and a plain
// `go test ./...` do not promise. With JSMAP_DIST set, a missing site or
// Chromium fails the test.
func needSite(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	if os.Getenv("JSMAP_DIST") == "" {
		t.Skip("browser test: set JSMAP_DIST to the built site (make test does) to run it")
	}
	dist, err := apptest.Dist()
	if err == nil {
		_, err = apptest.ChromePath()
	}
	if err != nil {
		t.Fatal(err)
	}
	return dist
}

// console records what a tab reports: console messages, browser log
// entries and exceptions, one line each.
type console struct {
	mu     sync.Mutex
	lines  []string
	notify chan struct{}
	// expectViolations stops waitLine from failing on policy violations.
	expectViolations bool
}

func (c *console) add(line string) {
	c.mu.Lock()
	c.lines = append(c.lines, line)
	c.mu.Unlock()
	select {
	case c.notify <- struct{}{}:
	default:
	}
}

// snapshot returns the lines so far.
func (c *console) snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}

// mark returns the number of lines so far, for waitLine.
func (c *console) mark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.lines)
}

// waitLine waits for a line after the first from lines that contains one
// of wants, and returns it. Unless violations are expected, it fails the
// test at once if a policy violation shows up first: a blocked resource
// would only make it wait in vain.
func (c *console) waitLine(t *testing.T, from int, wants ...string) string {
	t.Helper()
	timeout := time.After(waitLimit)
	for {
		if v := c.violations(); len(v) > 0 && !c.expectViolations {
			t.Fatalf("got policy violations while waiting for %q:\n%s\nconsole:\n%s", wants, strings.Join(v, "\n"), strings.Join(c.snapshot(), "\n"))
		}
		lines := c.snapshot()
		for _, l := range lines[min(from, len(lines)):] {
			for _, w := range wants {
				if strings.Contains(l, w) {
					return l
				}
			}
		}
		select {
		case <-c.notify:
		case <-timeout:
			t.Fatalf("no console line containing %q within %s; got:\n%s", wants, waitLimit, strings.Join(c.snapshot(), "\n"))
		}
	}
}

// violations returns the lines that report a Content-Security-Policy
// violation, from the page's own event or from the browser's log.
func (c *console) violations() []string {
	var out []string
	for _, l := range c.snapshot() {
		if strings.Contains(l, "CSP violation") || strings.Contains(l, "Content Security Policy") {
			out = append(out, l)
		}
	}
	return out
}

// newTab starts a browser whose every frame runs watchScript, and records
// its console. Sandboxed iframes stay in the page's process, so their
// console reaches the tab too.
func newTab(t *testing.T) (context.Context, *console) {
	t.Helper()
	ctx, cancel, err := apptest.NewBrowser(context.Background(), map[string]any{
		"disable-features": "Translate,MediaRouter,OptimizationHints,IsolateSandboxedIframes",
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*waitLimit)
	t.Cleanup(cancelTimeout)

	c := &console{notify: make(chan struct{}, 1)}
	err = chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				} else {
					parts = append(parts, a.Description)
				}
			}
			c.add("console." + string(ev.Type) + ": " + strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			c.add("exception: " + text)
		case *log.EventEntryAdded:
			c.add("log." + string(ev.Entry.Level) + " (" + string(ev.Entry.Source) + "): " + ev.Entry.Text + " " + ev.Entry.URL)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript}); err != nil {
		t.Fatal(err)
	}
	return ctx, c
}

// checkNoViolations fails the test for every policy violation seen, and
// logs the rest of the console for context.
func checkNoViolations(t *testing.T, c *console) {
	t.Helper()
	for _, v := range c.violations() {
		t.Errorf("got a policy violation: %s", v)
	}
	if t.Failed() {
		t.Logf("console:\n%s", strings.Join(c.snapshot(), "\n"))
	}
}

// TestNoViolationsOnTheSite loads pages, lets the app mount, clicks a city
// and follows links, with the server's default policy: nothing the app does
// may be blocked.
func TestNoViolationsOnTheSite(t *testing.T) {
	site := apptest.MustStartServer(t, needSite(t), "")
	res, err := http.Get(site.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") {
		t.Fatalf("got Content-Security-Policy %q, want the server's policy (is the server current?)", csp)
	}

	ctx, c := newTab(t)
	do := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%v\nconsole:\n%s", err, strings.Join(c.snapshot(), "\n"))
		}
	}
	// open loads path and waits until the app has mounted.
	open := func(t *testing.T, path string) {
		t.Helper()
		from := c.mark()
		do(chromedp.Navigate(site.URL + path))
		c.waitLine(t, from, "jsmap-ready <"+site.URL+path+">")
	}

	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"overview", func(t *testing.T) { open(t, "/") }},
		{"click a city", func(t *testing.T) {
			type point struct{ X, Y float64 }
			p, err := chromedp.Run(ctx, chromedp.Evaluate[point](`(() => {
				const el = document.querySelector('[data-class~=region-label][data-id="suzhou"]');
				el.scrollIntoView({block: 'center'});
				const r = el.getBoundingClientRect();
				return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			do(chromedp.MouseClickXY(p.X, p.Y), chromedp.WaitVisible(chromedp.CSS(`#panel[data-city="suzhou"]`)))
		}},
		{"service worker", func(t *testing.T) {
			scope, err := chromedp.Run(ctx, chromedp.Evaluate[string](
				`navigator.serviceWorker.ready.then(r => r.scope)`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if scope != site.URL+"/" {
				t.Errorf("got service worker scope %q, want %q", scope, site.URL+"/")
			}
		}},
		{"english city", func(t *testing.T) {
			open(t, "/en/city/nanjing")
			do(chromedp.WaitVisible(chromedp.CSS(`#panel[data-city="nanjing"]`)))
		}},
		{"not found", func(t *testing.T) { open(t, "/city/atlantis") }},
		{"offline-capable reload", func(t *testing.T) { open(t, "/") }},
	}
	for _, s := range steps {
		ok := t.Run(s.name, func(t *testing.T) {
			s.run(t)
			checkNoViolations(t, c)
		})
		if !ok {
			break // later steps would only repeat the same violations
		}
	}
}

// parentPage serves a page of another origin that embeds src the way
// WordPress does: in an iframe sandboxed to scripts only (an opaque origin).
func parentPage(t *testing.T, src string) string {
	t.Helper()
	parent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>News story</title><h1>Story</h1>
<iframe sandbox="allow-scripts" src="%s" width="900" height="700" title="Jiangsu map"></iframe>`, src)
	}))
	t.Cleanup(parent.Close)
	return parent.URL
}

// TestEmbeddedInSandboxedIframe loads the app in a sandboxed iframe of
// another origin, as WordPress embeds it: with the default -frame-ancestors
// the page loads, fetches and instantiates the wasm from its opaque origin
// (which needs Access-Control-Allow-Origin) and mounts without violations;
// with 'none' the browser refuses to frame it.
func TestEmbeddedInSandboxedIframe(t *testing.T) {
	dist := needSite(t)
	tests := []struct {
		name     string
		flags    []string
		embedded bool
	}{
		{"any site may embed by default", nil, true},
		{"frame-ancestors 'none'", []string{"-frame-ancestors", "'none'"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := apptest.MustStartServer(t, dist, "", tt.flags...)
			src := site.URL + "/city/suzhou"
			ctx, c := newTab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(parentPage(t, src))); err != nil {
				t.Fatal(err)
			}
			if !tt.embedded {
				c.expectViolations = true
				line := c.waitLine(t, 0, "frame-ancestors 'none'")
				for _, l := range c.snapshot() {
					if strings.Contains(l, "jsmap-ready") {
						t.Errorf("got %q, want the framed app blocked (%s)", l, line)
					}
				}
				return
			}
			c.waitLine(t, 0, "jsmap-wasm-instantiated <"+src+">")
			// Let the app run until it mounts or fails, then look.
			if end := c.waitLine(t, 0, "jsmap-ready <"+src+">", "exception: "); !strings.Contains(end, "jsmap-ready") {
				t.Errorf("the embedded app did not mount: %s", end)
			}
			checkNoViolations(t, c)
		})
	}
}
