package xbrowser

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"github.com/jiangsu-map/jsmap/data"
)

// run is one test's hold on one browser tab: the helpers below act and
// check through the [Browser] interface, so they work in every engine.
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

// open loads path and waits until the WebAssembly app is ready, or, on a
// page complete without it (the story page), until the page has loaded.
func (r *run) open(path string) {
	r.t.Helper()
	if err := r.b.Navigate(r.ctx, r.site+path); err != nil {
		r.t.Fatalf("opening %s: %v", path, err)
	}
	if eval[bool](r, `!!document.querySelector('meta[name="jsmap-wasm"][content="none"]')`) {
		return
	}
	r.startApp()
	r.wait(`document.documentElement.getAttribute('data-app') === 'ready'`)
}

// startApp starts the WebAssembly app now, as a reader's first press of a
// pointer or a key would (web/page.js's jsmapStart; left alone, a first
// visit starts it once the browser has idled for a while, which
// TestAppStartsWhenNeeded checks).
func (r *run) startApp() {
	r.t.Helper()
	eval[any](r, `window.jsmapStart && window.jsmapStart(), 0`)
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

// click clicks the centre of the element matching the CSS selector sel
// with a real pointer.
func (r *run) click(sel string) {
	r.t.Helper()
	if err := ClickElement(r.ctx, r.b, sel); err != nil {
		r.t.Fatalf("clicking %s: %v", sel, err)
	}
}

// press presses key on the focused element.
func (r *run) press(key string) {
	r.t.Helper()
	if err := r.b.Press(r.ctx, key); err != nil {
		r.t.Fatalf("pressing %s: %v", key, err)
	}
}

// markPage marks the current document, so that checkSamePage can tell
// that no page load replaced it.
func (r *run) markPage() { eval[any](r, `window.__noReload = true`) }

// checkSamePage fails unless the document marked by markPage is still
// the one shown.
func (r *run) checkSamePage(when string) {
	r.t.Helper()
	if !eval[bool](r, `window.__noReload === true`) {
		r.t.Errorf("%s: the page reloaded", when)
	}
}

// checkStatus fetches path from the site, outside the browser, and fails
// unless the server answers with status want.
func (r *run) checkStatus(path string, want int) {
	r.t.Helper()
	res, err := http.Get(r.site + path)
	if err != nil {
		r.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != want {
		r.t.Errorf("GET %s: status %d, want %d", path, res.StatusCode, want)
	}
}

var rgbRe = regexp.MustCompile(`rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)`)

// luminance is the WCAG relative luminance of a CSS rgb() colour.
func luminance(t *testing.T, css string) float64 {
	t.Helper()
	m := rgbRe.FindStringSubmatch(css)
	if m == nil {
		t.Fatalf("not an rgb colour: %q", css)
	}
	var l [3]float64
	for i := range l {
		v, _ := strconv.ParseFloat(m[i+1], 64)
		v /= 255
		if v <= 0.03928 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	la, lb := luminance(t, a), luminance(t, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// checkFocusRing asserts the focused region draws a solid outline of at
// least 2 px with 3:1 contrast against the page, not covered by the panel.
func (r *run) checkFocusRing(id string) {
	t := r.t
	t.Helper()
	type ring struct {
		Style, Color, Bg string
		Width            float64
		Covered          bool
	}
	fr := eval[ring](r, `(() => {
		const a = document.activeElement, cs = getComputedStyle(a);
		const box = a.getBoundingClientRect();
		const p = document.getElementById('panel').getBoundingClientRect();
		const overlap = !(box.right < p.left || box.left > p.right || box.bottom < p.top || box.top > p.bottom);
		const fixed = getComputedStyle(document.getElementById('panel')).position === 'fixed';
		return {Style: cs.outlineStyle, Color: cs.outlineColor, Width: parseFloat(cs.outlineWidth),
			Bg: getComputedStyle(document.body).backgroundColor, Covered: fixed && overlap};
	})()`)
	if fr.Style != "solid" || fr.Width < 2 {
		t.Errorf("%s: focus outline %s %.1fpx, want solid ≥ 2px", id, fr.Style, fr.Width)
		return
	}
	if c := contrast(t, fr.Color, fr.Bg); c < 3 {
		t.Errorf("%s: focus ring contrast %.2f:1 against the page, want ≥ 3:1", id, c)
	}
	if fr.Covered {
		t.Errorf("%s: the panel covers the focused city", id)
	}
}
