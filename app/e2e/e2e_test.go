// Package e2e tests the built site end to end: cmd/server serves dist/ on a
// free loopback port and headless Chromium uses it like a reader would.
// Run `make build` first (`make test` does).
package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/apptest"
	"github.com/jiangsu-map/jsmap/data"
)

var site *apptest.Server

func TestMain(m *testing.M) {
	dist, err := apptest.Dist()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	site, err = apptest.StartServer(dist, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	code := m.Run()
	site.Stop()
	os.Exit(code)
}

// tab is one browser tab with a record of what the page did.
type tab struct {
	ctx context.Context
	mu  sync.Mutex
	// problems holds console errors, uncaught exceptions and failed loads.
	problems []string
	// requests holds the URL of every request the page made.
	requests []string
	// own is the base URL of the site under test.
	own string
}

func newTab(t *testing.T) *tab {
	t.Helper()
	return newTabFor(t, site.URL)
}

// newTabFor opens a tab whose own origin is that of base: requests to any
// other host fail the test.
func newTabFor(t *testing.T, base string) *tab {
	t.Helper()
	ctx := apptest.MustNewBrowser(t)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx, own: base}
	err := chromedp.Listen(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			tb.problems = append(tb.problems, "exception: "+exceptionText(ev.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				tb.problems = append(tb.problems, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
			}
		case *network.EventRequestWillBeSent:
			tb.requests = append(tb.requests, ev.Request.URL)
		case *network.EventLoadingFailed:
			tb.problems = append(tb.problems, "loading failed: "+ev.ErrorText)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tb.checkClean(t) })
	return tb
}

// checkClean fails the test on console errors and on requests to any host
// but the site's own.
func (tb *tab) checkClean(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		t.Errorf("page problem: %s", p)
	}
	if tb.own == "" {
		return // the test checks origins itself (several are in play)
	}
	own, _ := url.Parse(tb.own)
	for _, r := range tb.requests {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("unparsable request URL %q", r)
			continue
		}
		if u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		if u.Host != own.Host {
			t.Errorf("request to another host: %s", r)
		}
	}
}

func (tb *tab) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, tb *tab, js string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// open navigates to path and waits until the WebAssembly app is ready.
func (tb *tab) open(t *testing.T, path string) {
	t.Helper()
	tb.do(t,
		chromedp.Navigate(site.URL+path),
		chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)),
	)
}

// clickCity clicks a city with a real mouse event on its name label, which
// lies inside the city's outline.
func (tb *tab) clickCity(t *testing.T, id string) {
	t.Helper()
	p := tb.labelCentre(t, id)
	tb.do(t, chromedp.MouseClickXY(p.X, p.Y))
}

type point struct{ X, Y float64 }

// labelCentre scrolls city id's name label into view and returns its centre.
func (tb *tab) labelCentre(t *testing.T, id string) point {
	t.Helper()
	return eval[point](t, tb, fmt.Sprintf(`(() => {
		const el = document.querySelector('[data-class~=region-label][data-id="%s"]');
		el.scrollIntoView({block: 'center', inline: 'center'});
		const r = el.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`, id))
}

// waitPanel waits until the open panel shows city id.
func (tb *tab) waitPanel(t *testing.T, id string) {
	t.Helper()
	tb.do(t, chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#panel[data-city="%s"]`, id))))
}

func (tb *tab) path(t *testing.T) string {
	t.Helper()
	return eval[string](t, tb, `location.pathname`)
}

func TestMapHasThirteenRegionLinks(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	hrefs := eval[[]string](t, tb, `[...document.querySelectorAll('svg[data-class~=map] a[data-class~=region]')].map(a => a.getAttribute('href'))`)
	if got, want := len(hrefs), 13; got != want {
		t.Fatalf("got %d region links, want %d", got, want)
	}
	seen := map[string]bool{}
	for _, h := range hrefs {
		seen[h] = true
	}
	for _, id := range data.IDs() {
		if !seen["/city/"+id] {
			t.Errorf("no region links to /city/%s (links: %v)", id, hrefs)
		}
	}
	labels := eval[int](t, tb, `document.querySelectorAll('svg[data-class~=map] [data-class~=region-label]').length`)
	if labels != 13 {
		t.Errorf("got %d visible city names, want 13", labels)
	}
}

func TestClickCitiesChangesURLWithoutReload(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	// A reload would drop this marker.
	tb.do(t, chromedp.Evaluate[chromedp.Void](`window.__noReload = true`))
	for _, id := range []string{"suzhou", "xuzhou", "yancheng"} {
		tb.clickCity(t, id)
		tb.waitPanel(t, id)
		if got, want := tb.path(t), "/city/"+id; got != want {
			t.Errorf("after clicking %s: path %q, want %q", id, got, want)
		}
		c, _ := data.CityByID(id)
		heading := eval[string](t, tb, `document.querySelector('#panel h2').textContent`)
		if heading != c.Name.Zh {
			t.Errorf("after clicking %s: heading %q, want %q", id, heading, c.Name.Zh)
		}
		text := eval[string](t, tb, `document.querySelector('#panel').textContent`)
		if first := c.Initiatives[0].Title.Zh; !strings.Contains(text, first) {
			t.Errorf("after clicking %s: panel lacks initiative %q", id, first)
		}
		if title := eval[string](t, tb, `document.title`); !strings.Contains(title, c.Name.Zh) {
			t.Errorf("after clicking %s: title %q lacks the city name", id, title)
		}
		if desc := eval[string](t, tb, `document.querySelector('meta[name=description]').content`); desc != c.Lead.Zh {
			t.Errorf("after clicking %s: description %q, want the city's lead %q", id, desc, c.Lead.Zh)
		}
	}
	if !eval[bool](t, tb, `window.__noReload === true`) {
		t.Error("the page reloaded while selecting cities")
	}

	// Back returns to the previous city, still without a reload.
	tb.do(t, chromedp.NavigateBack())
	tb.waitPanel(t, "xuzhou")
	if got, want := tb.path(t), "/city/xuzhou"; got != want {
		t.Errorf("after back: path %q, want %q", got, want)
	}
	tb.do(t, chromedp.NavigateForward())
	tb.waitPanel(t, "yancheng")
	if !eval[bool](t, tb, `window.__noReload === true`) {
		t.Error("back/forward reloaded the page")
	}
}

func TestKeyboardEnterOpensAndEscapeCloses(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	tb.do(t,
		chromedp.Focus(chromedp.CSS(`a[data-class~=region][data-id="nanjing"]`)),
		chromedp.KeyEvent("\r"),
	)
	tb.waitPanel(t, "nanjing")
	if got := eval[string](t, tb, `document.activeElement.id`); got != "panel-title" {
		t.Errorf("focus after opening: got #%s, want #panel-title", got)
	}
	tb.do(t, chromedp.KeyEvent("\x1b"))
	tb.do(t, chromedp.WaitNotPresent(chromedp.CSS(`#panel[data-city]`)))
	if got, want := tb.path(t), "/"; got != want {
		t.Errorf("after Escape: path %q, want %q", got, want)
	}
	if got := eval[string](t, tb, `document.activeElement.getAttribute('data-id') || ''`); got != "nanjing" {
		t.Errorf("focus after Escape: got region %q, want nanjing", got)
	}
}

func TestEnglishDeepLink(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/en/city/suzhou")
	tb.waitPanel(t, "suzhou")
	c, _ := data.CityByID("suzhou")
	if got := eval[string](t, tb, `document.querySelector('#panel h2').textContent`); got != c.Name.En {
		t.Errorf("heading %q, want %q", got, c.Name.En)
	}
	text := eval[string](t, tb, `document.querySelector('#panel').textContent`)
	for _, in := range c.Initiatives {
		if !strings.Contains(text, in.Summary.En) {
			t.Errorf("panel lacks the English summary %q", in.Summary.En)
		}
	}
	if got := eval[string](t, tb, `document.documentElement.lang`); got != "en" {
		t.Errorf("html lang %q, want en", got)
	}
	// The language switch keeps the city.
	if got := eval[string](t, tb, `document.querySelector('.lang-link[hreflang="zh-Hans"]').getAttribute('href')`); got != "/city/suzhou" {
		t.Errorf("language switch links to %q, want /city/suzhou", got)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`.lang-link[hreflang="zh-Hans"]`)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.documentElement.lang === 'zh-Hans' && document.querySelector('#panel h2').textContent === '苏州'`)); err != nil {
		t.Errorf("switching to Chinese: %v", err)
	}
}

func TestUnknownCityIsNotFound(t *testing.T) {
	res, err := http.Get(site.URL + "/city/atlantis")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /city/atlantis: status %d, want 404", res.StatusCode)
	}
	for _, path := range []string{"/city/atlantis", "/en/city/atlantis"} {
		t.Run(path, func(t *testing.T) {
			tb := newTab(t)
			tb.problems = nil
			tb.open(t, path)
			tb.do(t, chromedp.WaitVisible(chromedp.CSS(`#panel[data-notfound]`)))
			if n := eval[int](t, tb, `document.querySelectorAll('svg[data-class~=map] a[data-class~=region]').length`); n != 13 {
				t.Errorf("not-found page shows %d regions, want the map with 13", n)
			}
			// The 404 response itself is logged by Chromium; that is expected here.
			tb.mu.Lock()
			kept := tb.problems[:0]
			for _, p := range tb.problems {
				if !strings.Contains(p, "404") {
					kept = append(kept, p)
				}
			}
			tb.problems = kept
			tb.mu.Unlock()
		})
	}
}

// TestPrerenderedPages checks the HTML as served, the way a reader without
// JavaScript or before the WebAssembly loads gets it.
func TestPrerenderedPages(t *testing.T) {
	tests := []struct {
		path, lang, city string
		status           int
	}{
		{"/", "zh-Hans", "", 200},
		{"/en/", "en", "", 200},
		{"/city/suzhou", "zh-Hans", "suzhou", 200},
		{"/en/city/yancheng", "en", "yancheng", 200},
		{"/city/lianyungang", "zh-Hans", "lianyungang", 200},
		{"/city/nowhere", "zh-Hans", "", 404},
		{"/en/city/nowhere", "en", "", 404},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			res, err := http.Get(site.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			html := string(b)
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
			if n := strings.Count(html, `data-class="region region--`); n != 13 {
				t.Errorf("%d region links in the HTML, want 13", n)
			}
			if !strings.Contains(html, `<html lang="`+tc.lang+`"`) {
				t.Errorf("html lang is not %q", tc.lang)
			}
			if tc.city != "" && !strings.Contains(html, `data-city="`+tc.city+`"`) {
				t.Errorf("no panel for %s in the HTML", tc.city)
			}
			if strings.Contains(html, "user-scalable=0") || strings.Contains(html, "maximum-scale=1") {
				t.Error("viewport forbids zooming")
			}
			if strings.Contains(html, "127.0.0.1") {
				t.Error("the generator's address leaked into the page")
			}
		})
	}
}

// TestNoJavaScript opens a city page with JavaScript disabled: the map and
// the panel are there and the region links work as plain links.
func TestNoJavaScript(t *testing.T) {
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	// With JavaScript off, only DOM-protocol queries work (no visibility checks).
	tb.do(t,
		chromedp.Navigate(site.URL+"/city/wuxi"),
		chromedp.WaitReady(chromedp.CSS(`#panel[data-city="wuxi"]`)),
	)
	// Click Nantong's name on the map: a plain link navigation.
	nodes, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSS(`[data-class~=region-label][data-id="nantong"]`), chromedp.NodeReady))
	if err != nil || len(nodes) != 1 {
		t.Fatalf("finding Nantong's label: %v (%d nodes)", err, len(nodes))
	}
	tb.do(t,
		chromedp.MouseClickNode(nodes[0]),
		chromedp.WaitReady(chromedp.CSS(`#panel[data-city="nantong"]`)),
	)
	html, err := chromedp.Run(tb.ctx, chromedp.OuterHTML(chromedp.CSS(`html`)))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, `data-app="ready"`) {
		t.Error("data-app is ready although JavaScript is off")
	}
	if n := strings.Count(html, `data-class="region region--`); n != 13 {
		t.Errorf("%d region links without JavaScript, want 13", n)
	}
}

// apptestBrowser starts a fresh headless browser for a benchmark iteration.
func apptestBrowser(tb testing.TB) context.Context {
	tb.Helper()
	return apptest.MustNewBrowser(tb)
}

// median returns the middle value of xs (the mean of the two middle ones
// for an even count).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return ""
	}
	s := d.Text
	if d.Exception != nil {
		s += " " + d.Exception.Description
	}
	return s
}

// TestNoJumpWhenAppTakesOver loads city pages and checks that the moment the
// WebAssembly replaces the prerendered page causes no layout shift, and that
// go-app's loader never covers the page.
func TestNoJumpWhenAppTakesOver(t *testing.T) {
	for _, path := range []string{"/", "/city/suzhou", "/en/city/xuzhou"} {
		t.Run(path, func(t *testing.T) {
			tb := newTab(t)
			// Record layout shifts from the very start of the document.
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
				window.__shifts = [];
				window.__shiftSources = [];
				new PerformanceObserver(l => { for (const e of l.getEntries()) {
					window.__shifts.push(e.value);
					for (const src of e.sources || []) {
						const n = src.node, r0 = src.previousRect, r1 = src.currentRect;
						window.__shiftSources.push((n ? (n.id || n.getAttribute && (n.getAttribute('class') || n.getAttribute('data-class')) || n.nodeName) : '?') +
							' ' + [r0.x, r0.y, r0.width, r0.height].map(Math.round) + ' → ' + [r1.x, r1.y, r1.width, r1.height].map(Math.round) + ' at ' + Math.round(e.startTime) + 'ms');
					}
				} })
					.observe({type: 'layout-shift', buffered: true});
				// Sample the loader in every frame, as it is painted.
				window.__loaderMax = 0;
				const sample = () => {
					const el = document.getElementById('app-wasm-loader');
					if (el) {
						const r = el.getBoundingClientRect();
						window.__loaderMax = Math.max(window.__loaderMax, r.width * r.height / (innerWidth * innerHeight));
					}
					if (document.documentElement.getAttribute('data-app') !== 'ready') requestAnimationFrame(sample);
				};
				requestAnimationFrame(sample);
			`}); err != nil {
				t.Fatal(err)
			}
			tb.open(t, path)
			// Let one more frame pass so late shifts are delivered.
			shift := eval[float64](t, tb, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(window.__shifts.reduce((a, b) => a + b, 0)))))`, chromedp.EvalAwaitPromise)
			if shift != 0 {
				t.Errorf("cumulative layout shift %.4f, want 0; shifted: %v", shift, eval[[]string](t, tb, `window.__shiftSources`))
			}
			switch got := eval[float64](t, tb, `window.__loaderMax`); {
			case got == 0:
				t.Error("the loader was never painted, so its size went unchecked")
			case got > 0.05:
				t.Errorf("go-app's loader covered %.0f%% of the viewport, want at most 5%%", got*100)
			}
			if got := eval[bool](t, tb, `!!document.getElementById('app-wasm-loader')`); got {
				t.Error("the loader is still there after the app is ready")
			}
		})
	}
}

// TestClickWhileTheAppStarts: a city clicked before the app starts is not
// lost, whichever comes first: its page (opened in place by web/page.js,
// the app waiting for it before it starts) or the app (which then opens
// the city itself; the app waits two seconds at most). Both the
// WebAssembly and the city page are held back with Fetch interception to
// order the events; the page records the order it saw them in.
func TestClickWhileTheAppStarts(t *testing.T) {
	tests := []struct {
		name      string
		pageFirst bool
		want      string // the order of events on the page (Go sets data-app to "starting" and "ready" in one task)
	}{
		{"page arrives first", true, "panel wuxi, app ready"},
		{"app starts first", false, "app ready, panel wuxi"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t)
			paused := make(chan *fetch.EventRequestPaused, 8)
			if err := chromedp.Listen(tb.ctx, func(ev any) {
				if ev, ok := ev.(*fetch.EventRequestPaused); ok {
					paused <- ev
				}
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(tb.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
				{URLPattern: "*/web/app.wasm"}, {URLPattern: "*/city/wuxi"},
			}}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
				window.__order = [];
				new MutationObserver(() => {
					const app = document.documentElement.getAttribute('data-app');
					const p = document.getElementById('panel');
					const city = p && p.getAttribute('data-city');
					if (app && !window.__order.includes('app ' + app)) window.__order.push('app ' + app);
					if (city && !window.__order.includes('panel ' + city)) window.__order.push('panel ' + city);
				}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-app', 'data-city']});
			`}); err != nil {
				t.Fatal(err)
			}
			next := func(what string) fetch.RequestID {
				t.Helper()
				select {
				case ev := <-paused:
					if !strings.HasSuffix(ev.Request.URL, what) {
						t.Fatalf("held back %s, want %s", ev.Request.URL, what)
					}
					return ev.RequestID
				case <-tb.ctx.Done():
					t.Fatalf("waiting for the request of %s: %v", what, tb.ctx.Err())
				}
				return ""
			}
			release := func(id fetch.RequestID) {
				t.Helper()
				if _, err := chromedp.Call(tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
					t.Fatal(err)
				}
			}
			tb.do(t, chromedp.Navigate(site.URL+"/"), chromedp.WaitReady(chromedp.CSS(`#panel`)))
			wasm := next("/web/app.wasm")
			tb.do(t, chromedp.Evaluate[chromedp.Void](`window.__noReload = true`))
			tb.clickCity(t, "wuxi") // web/page.js fetches /city/wuxi, held back
			cityPage := next("/city/wuxi")
			release(wasm)
			if tc.pageFirst {
				release(cityPage)
				tb.do(t, chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
			} else {
				tb.do(t, chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
				release(cityPage)
			}
			tb.waitPanel(t, "wuxi")
			if got := strings.Join(eval[[]string](t, tb, `window.__order`), ", "); got != tc.want {
				t.Errorf("events %q, want %q", got, tc.want)
			}
			if got := tb.path(t); got != "/city/wuxi" {
				t.Errorf("path %q, want /city/wuxi", got)
			}
			if !eval[bool](t, tb, `window.__noReload === true`) {
				t.Error("the page reloaded")
			}
			// The app works on: go-app owns the page it renders.
			tb.clickCity(t, "suzhou")
			tb.waitPanel(t, "suzhou")
		})
	}
}

// TestClickBeforeTheAppStarts: with the WebAssembly held back (blocked
// here), clicking a city still opens it in place, without a page load, and
// back returns to the previous page.
func TestClickBeforeTheAppStarts(t *testing.T) {
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/web/app.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	tb.do(t, chromedp.Navigate(site.URL+"/en/"), chromedp.WaitReady(chromedp.CSS(`#panel`)))
	tb.do(t, chromedp.Evaluate[chromedp.Void](`window.__noReload = true`))
	// The pointer over the city fetches its page ahead of the click, and
	// the click uses that copy.
	page := site.URL + "/en/city/yancheng"
	requested := func() int {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		n := 0
		for _, u := range tb.requests {
			if u == page {
				n++
			}
		}
		return n
	}
	p := tb.labelCentre(t, "yancheng")
	if _, err := chromedp.Call(tb.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: p.X, Y: p.Y}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); requested() == 0; {
		if time.Now().After(deadline) {
			t.Fatal("hovering Yancheng fetched nothing")
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.clickCity(t, "yancheng")
	tb.waitPanel(t, "yancheng")
	if n := requested(); n != 1 {
		t.Errorf("Yancheng's page was requested %d times, want once (on hover)", n)
	}
	if got := tb.path(t); got != "/en/city/yancheng" {
		t.Errorf("path %q, want /en/city/yancheng", got)
	}
	if !eval[bool](t, tb, `window.__noReload === true && document.title.startsWith('Yancheng') && document.documentElement.getAttribute('data-app') !== 'ready'`) {
		t.Error("the city did not open in place before the app started")
	}
	tb.do(t, chromedp.NavigateBack())
	tb.do(t, chromedp.WaitReady(chromedp.CSS(`#panel.panel--overview`)))
	if !eval[bool](t, tb, `window.__noReload === true`) {
		t.Error("back reloaded the page")
	}
	tb.mu.Lock()
	// The blocked wasm fails to load, as intended.
	tb.problems = filter(tb.problems, func(p string) bool { return !strings.Contains(p, "loading failed") && !strings.Contains(p, "wasm") })
	tb.mu.Unlock()
}
