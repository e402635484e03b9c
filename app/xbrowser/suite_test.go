package xbrowser

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/apptest"
	"github.com/jiangsu-map/jsmap/data"
)

// site is cmd/server serving the built dist/, started by the first
// browser test and stopped by TestMain.
var (
	siteOnce sync.Once
	site     *apptest.Server
	siteErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if site != nil {
		site.Stop()
	}
	os.Exit(code)
}

// needBrowsers skips browser tests under -short, and when neither
// $JSMAP_DIST (which `make test` sets) nor $JSMAP_BROWSERS is set, as
// `make unit` and a plain `go test ./...` promise no browser and no build.
func needBrowsers(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test (-short)")
	}
	_, required, _ := Required()
	if os.Getenv("JSMAP_DIST") == "" && !required {
		t.Skipf("browser test: set JSMAP_DIST to the built site (make test does) or %s to run it", EnvBrowsers)
	}
}

// siteURL returns the base URL of the built site (`make build`), served
// by cmd/server; a missing site fails the test.
func siteURL(t *testing.T) string {
	t.Helper()
	needBrowsers(t)
	siteOnce.Do(func() {
		var dist string
		if dist, siteErr = apptest.Dist(); siteErr == nil {
			site, siteErr = apptest.StartServer(dist, "")
		}
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return site.URL
}

// startFor starts engine for a test and closes it when the test ends. An
// engine that is not installed is skipped, with how to install it, unless
// $JSMAP_BROWSERS requires it: then the test fails.
func startFor(t *testing.T, engine string, opts Options) Browser {
	t.Helper()
	engines, required, err := Required()
	if err != nil {
		t.Fatal(err)
	}
	if required && !slices.Contains(engines, engine) {
		t.Skipf("%s is not in %s=%s", engine, EnvBrowsers, os.Getenv(EnvBrowsers))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b, err := Start(ctx, engine, opts)
	switch {
	case err != nil && errors.Is(err, ErrNotInstalled) && !required:
		t.Skipf("%s not installed, its browser tests do not run (set %s=%s to make this a failure): %v", engine, EnvBrowsers, engine, err)
	case err != nil:
		t.Fatalf("starting %s: %v", engine, err)
	}
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Logf("closing %s: %v", engine, err)
		}
	})
	return b
}

// run is one check of the suite in one browser.
type run struct {
	t    *testing.T
	ctx  context.Context
	b    Browser
	site string // the site's base URL
}

// eval evaluates js into a T, failing the check on error.
func eval[T any](r *run, js string) T {
	r.t.Helper()
	var v T
	if err := r.b.Eval(r.ctx, js, &v); err != nil {
		r.t.Fatal(err)
	}
	return v
}

// open loads path and waits until the WebAssembly app is ready.
func (r *run) open(path string) {
	r.t.Helper()
	if err := r.b.Navigate(r.ctx, r.site+path); err != nil {
		r.t.Fatalf("opening %s: %v", path, err)
	}
	r.wait(`document.documentElement.getAttribute('data-app') === 'ready'`)
}

// wait polls the JavaScript condition js until it holds.
func (r *run) wait(js string) {
	r.t.Helper()
	if err := WaitFor(r.ctx, r.b, js); err != nil {
		r.t.Fatal(err)
	}
}

// clickCity clicks, with a real pointer, the centre of the city's name on
// the map. Labels let the pointer through (pointer-events: none), so the
// click lands on the region's link underneath.
func (r *run) clickCity(id string) {
	r.t.Helper()
	if err := ClickElement(r.ctx, r.b, fmt.Sprintf(`[data-class~=region-label][data-id="%s"]`, id)); err != nil {
		r.t.Fatalf("clicking %s: %v", id, err)
	}
}

// waitPanel waits until the open panel shows city id.
func (r *run) waitPanel(id string) {
	r.t.Helper()
	if err := WaitVisible(r.ctx, r.b, fmt.Sprintf(`#panel[data-city="%s"]`, id)); err != nil {
		r.t.Fatalf("panel for %s: %v (open: %q)", id, err, eval[string](r, `document.querySelector('#panel')?.getAttribute('data-city') || ''`))
	}
}

// path is the path of the tab's current URL, as the driver reports it.
func (r *run) path() string {
	r.t.Helper()
	u, err := r.b.URL(r.ctx)
	if err != nil {
		r.t.Fatal(err)
	}
	p, err := url.Parse(u)
	if err != nil {
		r.t.Fatal(err)
	}
	return p.Path
}

// checkPath fails unless the current path is want, both as the driver
// and as the page's location see it.
func (r *run) checkPath(when, want string) {
	r.t.Helper()
	if got := r.path(); got != want {
		r.t.Errorf("%s: URL path %q, want %q", when, got, want)
	}
	if got := eval[string](r, `location.pathname`); got != want {
		r.t.Errorf("%s: location.pathname %q, want %q", when, got, want)
	}
}

// checkCity checks the open panel's heading against the content.
func (r *run) checkCity(when, id string, en bool) {
	r.t.Helper()
	c, ok := data.CityByID(id)
	if !ok {
		r.t.Fatalf("no city %s", id)
	}
	want := c.Name.Zh
	if en {
		want = c.Name.En
	}
	if got := eval[string](r, `document.querySelector('#panel h2').textContent`); got != want {
		r.t.Errorf("%s: heading %q, want %q", when, got, want)
	}
}

// checkFocus checks that the element with id has keyboard focus, and
// whether it shows a focus ring (:focus-visible): for keyboard users, not
// after a pointer click.
func (r *run) checkFocus(when, id string, ring bool) {
	r.t.Helper()
	var f struct {
		ID   string
		Ring bool
	}
	if err := r.b.Eval(r.ctx, `({ID: document.activeElement.id, Ring: document.activeElement.matches(':focus-visible')})`, &f); err != nil {
		r.t.Fatal(err)
	}
	switch {
	case f.ID != id:
		r.t.Errorf("%s: focus on #%s, want #%s", when, f.ID, id)
	case f.Ring != ring:
		r.t.Errorf("%s: #%s shows a focus ring: %v, want %v", when, id, f.Ring, ring)
	}
}

// check is one step of the suite. Steps run in order in one browser;
// each starts from a page it opens itself, except where noted.
type check struct {
	name string
	run  func(r *run)
	// allowed are substrings of console errors that this step expects.
	allowed []string
}

var suite = []check{
	{name: "ready", run: func(r *run) {
		r.open("/")
		ms := eval[float64](r, `performance.getEntriesByName('app-ready')[0].startTime`)
		r.t.Logf("%s %s: data-app=ready %.0f ms after navigation start (/, empty cache)", r.b.Engine(), r.b.Version(), ms)
		if eval[bool](r, `!!document.getElementById('app-wasm-loader')`) {
			r.t.Error("go-app's loader is still there after the app is ready")
		}
		if n := eval[int](r, `document.querySelectorAll('svg[data-class~=map] a[data-class~=region]').length`); n != 13 {
			r.t.Errorf("%d region links on the map, want 13", n)
		}
	}},
	{name: "service-worker", run: func(r *run) {
		// Continues on the page the previous step opened: go-app registers
		// its worker there.
		r.wait(`navigator.serviceWorker && navigator.serviceWorker.ready.then(reg => reg.active && reg.active.state === 'activated')`)
	}},
	{name: "no-jump-when-app-takes-over", run: func(r *run) {
		// The prerendered page as it is before the WebAssembly starts
		// (go-app's ?wasm=false), then the same page once the app has
		// replaced it: every part must be where it was.
		const boxes = `[...document.querySelectorAll('.masthead, .layout, svg[data-class~=map], .legend, #panel, #panel h2, .site-footer')].map(el => {
			const r = el.getBoundingClientRect();
			return {Sel: el.id || el.getAttribute('class') || el.getAttribute('data-class'), X: r.x, Y: r.y + scrollY, W: r.width, H: r.height};
		})`
		type box struct {
			Sel        string
			X, Y, W, H float64
		}
		if err := r.b.Navigate(r.ctx, r.site+"/city/suzhou?wasm=false"); err != nil {
			r.t.Fatal(err)
		}
		r.wait(`document.readyState === 'complete' && !document.getElementById('app-wasm-loader')`)
		before := eval[[]box](r, boxes)
		r.open("/city/suzhou")
		after := eval[[]box](r, boxes)
		if len(before) != 7 || len(after) != len(before) {
			r.t.Fatalf("measured %d parts before the app and %d after, want 7 each", len(before), len(after))
		}
		for i, b := range before {
			a := after[i]
			if a.Sel != b.Sel || math.Abs(a.X-b.X) > 1 || math.Abs(a.Y-b.Y) > 1 || math.Abs(a.W-b.W) > 1 || math.Abs(a.H-b.H) > 1 {
				r.t.Errorf("%s moved when the app took over: %+v, then %+v", b.Sel, b, a)
			}
		}
	}},
	{name: "click-three-cities", run: func(r *run) {
		r.open("/")
		// A reload would drop this marker.
		eval[any](r, `window.__noReload = true`)
		for _, id := range []string{"suzhou", "xuzhou", "yancheng"} {
			r.clickCity(id)
			r.waitPanel(id)
			r.checkPath("after clicking "+id, "/city/"+id)
			r.checkCity("after clicking "+id, id, false)
			r.checkFocus("after clicking "+id, "panel-title", false)
		}
		if !eval[bool](r, `window.__noReload === true`) {
			r.t.Error("the page reloaded while selecting cities")
		}
	}},
	{name: "back", run: func(r *run) {
		// Continues the previous step.
		if got := r.path(); got != "/city/yancheng" {
			r.t.Fatalf("needs the previous step to end on /city/yancheng, is on %q", got)
		}
		if err := r.b.Back(r.ctx); err != nil {
			r.t.Fatal(err)
		}
		r.waitPanel("xuzhou")
		r.checkPath("after back", "/city/xuzhou")
		r.checkCity("after back", "xuzhou", false)
		if !eval[bool](r, `window.__noReload === true`) {
			r.t.Error("back reloaded the page")
		}
	}},
	{name: "english-deep-link", run: func(r *run) {
		r.open("/en/city/suzhou")
		ms := eval[float64](r, `performance.getEntriesByName('app-ready')[0].startTime`)
		r.t.Logf("%s %s: data-app=ready %.0f ms after navigation start (/en/city/suzhou, warm cache)", r.b.Engine(), r.b.Version(), ms)
		r.waitPanel("suzhou")
		r.checkCity("English deep link", "suzhou", true)
		if got := eval[string](r, `document.documentElement.lang`); got != "en" {
			r.t.Errorf("html lang %q, want en", got)
		}
		r.checkPath("English deep link", "/en/city/suzhou")
	}},
	{name: "enter-on-focused-region", run: func(r *run) {
		r.open("/")
		sel := `a[data-class~=region][data-id="nanjing"]`
		if got := eval[string](r, `(() => { const a = document.querySelector('`+sel+`'); a.focus(); return document.activeElement.getAttribute('data-id') || document.activeElement.tagName; })()`); got != "nanjing" {
			r.t.Fatalf("focusing Nanjing's region: the focus is on %q", got)
		}
		if err := r.b.Press(r.ctx, "Enter"); err != nil {
			r.t.Fatal(err)
		}
		r.waitPanel("nanjing")
		r.checkPath("after Enter", "/city/nanjing")
		r.checkCity("after Enter", "nanjing", false)
		r.checkFocus("after Enter", "panel-title", true)
		// Escape closes the city and returns focus to its region.
		if err := r.b.Press(r.ctx, "Escape"); err != nil {
			r.t.Fatal(err)
		}
		r.wait(`!document.querySelector('#panel[data-city]') && location.pathname === '/'`)
		var f struct {
			ID   string
			Ring bool
		}
		if err := r.b.Eval(r.ctx, `({ID: document.activeElement.getAttribute('data-id') || document.activeElement.tagName, Ring: document.activeElement.matches(':focus-visible')})`, &f); err != nil {
			r.t.Fatal(err)
		}
		if f.ID != "nanjing" || !f.Ring {
			r.t.Errorf("after Escape: focus on %q with a focus ring %v, want Nanjing's region with a ring", f.ID, f.Ring)
		}
	}},
	{name: "unknown-city", allowed: []string{"404"}, run: func(r *run) {
		r.open("/city/atlantis")
		if err := WaitVisible(r.ctx, r.b, `#panel[data-notfound]`); err != nil {
			r.t.Fatal(err)
		}
		if n := eval[int](r, `document.querySelectorAll('svg[data-class~=map] a[data-class~=region]').length`); n != 13 {
			r.t.Errorf("the not-found page shows %d regions, want the map with 13", n)
		}
	}},
}

// TestSuite runs the same checks in Chromium, Firefox and WebKit: the
// reader's path through the map, with real pointer and keyboard input.
func TestSuite(t *testing.T) {
	base := siteURL(t)
	for _, engine := range Engines {
		t.Run(engine, func(t *testing.T) {
			b := startFor(t, engine, Options{})
			t.Logf("%s version %s", engine, b.Version())
			for _, c := range suite {
				t.Run(c.name, func(t *testing.T) {
					ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
					defer cancel()
					defer checkErrors(t, b, c.allowed)
					defer screenshot(t, b, c.name)
					c.run(&run{t: t, ctx: ctx, b: b, site: base})
				})
			}
		})
	}
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
		err = os.WriteFile(filepath.Join(dir, b.Engine()+"-"+name+".png"), png, 0o644)
	}
	if err != nil {
		t.Errorf("screenshot: %v", err)
	}
}

// checkErrors fails t for console errors and uncaught exceptions the page
// reported, except those containing one of allowed.
func checkErrors(t *testing.T, b Browser, allowed []string) {
	t.Helper()
	er, ok := b.(ErrorReporter)
	if !ok {
		return
	}
next:
	for _, p := range er.Errors() {
		for _, a := range allowed {
			if strings.Contains(p, a) {
				continue next
			}
		}
		t.Errorf("page problem in %s: %s", b.Engine(), p)
	}
}
