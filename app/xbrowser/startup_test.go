package xbrowser

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The start of the page, in Chromium: before and while the WebAssembly
// app takes over from the prerendered page.

// TestChromiumNoJavaScript opens a city page with JavaScript disabled: the map and
// the panel are there and the region links work as plain links.
func TestChromiumNoJavaScript(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	// With JavaScript off, only DOM-protocol queries work (no visibility checks).
	tb.do(
		chromedp.Navigate(tb.site+"/city/wuxi"),
		chromedp.WaitReady(chromedp.CSS(`#panel[data-city="wuxi"]`)),
	)
	// Click Nantong's name on the map: a plain link navigation.
	nodes, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSS(`[data-class~=region-label][data-id="nantong"]`), chromedp.NodeReady))
	if err != nil || len(nodes) != 1 {
		t.Fatalf("finding Nantong's label: %v (%d nodes)", err, len(nodes))
	}
	tb.do(
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

// TestChromiumLayoutShift loads pages and checks that the moment the
// WebAssembly replaces the prerendered page causes no layout shift, and that
// go-app's loader never covers the page: both measured from the document's
// first frame, which only Chromium's layout-shift entries and an init
// script allow (the suite's no-jump step compares the parts' boxes before
// and after in every engine).
func TestChromiumLayoutShift(t *testing.T) {
	t.Parallel()
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
			tb.open(path)
			// Let one more frame pass so late shifts are delivered.
			shift := eval[float64](tb.run, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(window.__shifts.reduce((a, b) => a + b, 0)))))`)
			if shift != 0 {
				t.Errorf("cumulative layout shift %.4f, want 0; shifted: %v", shift, eval[[]string](tb.run, `window.__shiftSources`))
			}
			switch got := eval[float64](tb.run, `window.__loaderMax`); {
			case got == 0:
				t.Error("the loader was never painted, so its size went unchecked")
			case got > 0.05:
				t.Errorf("go-app's loader covered %.0f%% of the viewport, want at most 5%%", got*100)
			}
			if got := eval[bool](tb.run, `!!document.getElementById('app-wasm-loader')`); got {
				t.Error("the loader is still there after the app is ready")
			}
		})
	}
}

// TestChromiumClickWhileTheAppStarts: a city clicked before the app starts is not
// lost, whichever comes first: its page (opened in place by web/page.js,
// the app waiting for it before it starts) or the app (which then opens
// the city itself; the app waits two seconds at most). Both the
// WebAssembly and the city page are held back with Fetch interception to
// order the events; the page records the order it saw them in.
func TestChromiumClickWhileTheAppStarts(t *testing.T) {
	t.Parallel()
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
			h := tb.holdRequests("*/web/app.wasm", "*/city/wuxi")
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
			tb.do(chromedp.Navigate(tb.site+"/"), chromedp.WaitReady(chromedp.CSS(`#panel`)))
			tb.markPage()
			// web/page.js fetches /city/wuxi, and the press starts the
			// app, which fetches the WebAssembly: both held back.
			tb.clickCity("wuxi")
			cityPage := h.next("/city/wuxi", "clicking Wuxi")
			wasm := h.next("/web/app.wasm", "starting the app")
			h.release(wasm)
			if tc.pageFirst {
				h.release(cityPage)
				tb.do(chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
			} else {
				tb.do(chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
				h.release(cityPage)
			}
			tb.waitPanel("wuxi")
			if got := strings.Join(eval[[]string](tb.run, `window.__order`), ", "); got != tc.want {
				t.Errorf("events %q, want %q", got, tc.want)
			}
			if got := tb.path(); got != "/city/wuxi" {
				t.Errorf("path %q, want /city/wuxi", got)
			}
			tb.checkSamePage("the city chosen while the app starts")
			// The app works on: go-app owns the page it renders.
			tb.clickCity("suzhou")
			tb.waitPanel("suzhou")
		})
	}
}

// TestChromiumClickBeforeTheAppStarts: with the WebAssembly held back (blocked
// here), clicking a city still opens it in place, without a page load, and
// back returns to the previous page.
func TestChromiumClickBeforeTheAppStarts(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/web/app.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Navigate(tb.site+"/en/"), chromedp.WaitReady(chromedp.CSS(`#panel`)))
	tb.do(chromedp.Evaluate[chromedp.Void](`window.__noReload = true`))
	// The pointer over the city fetches its page ahead of the click, and
	// the click uses that copy.
	page := tb.site + "/en/city/yancheng"
	requested := func() int { return tb.requestsOf(page) }
	p := tb.labelCentre("yancheng")
	if _, err := chromedp.Call(tb.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: p.X, Y: p.Y}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); requested() == 0; {
		if time.Now().After(deadline) {
			t.Fatal("hovering Yancheng fetched nothing")
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.clickCity("yancheng")
	tb.waitPanel("yancheng")
	if n := requested(); n != 1 {
		t.Errorf("Yancheng's page was requested %d times, want once (on hover)", n)
	}
	if got := tb.path(); got != "/en/city/yancheng" {
		t.Errorf("path %q, want /en/city/yancheng", got)
	}
	if !eval[bool](tb.run, `window.__noReload === true && document.title.startsWith('Yancheng') && document.documentElement.getAttribute('data-app') !== 'ready'`) {
		t.Error("the city did not open in place before the app started")
	}
	tb.do(chromedp.NavigateBack())
	tb.do(chromedp.WaitReady(chromedp.CSS(`#panel.panel--overview`)))
	if !eval[bool](tb.run, `window.__noReload === true`) {
		t.Error("back reloaded the page")
	}
	// The blocked wasm fails to load, as intended.
	tb.allow("wasm")
}

// requestsOf counts the tab's requests for the URL u.
func (tb *tab) requestsOf(u string) int {
	n := 0
	for _, r := range tb.c.Requests() {
		if r == u {
			n++
		}
	}
	return n
}

// TestChromiumAppStartsWhenNeeded: on a first visit the WebAssembly is not
// even requested until the reader clicks or presses a key, or the browser
// has idled after the load (web/page.js); each starts the app.
func TestChromiumAppStartsWhenNeeded(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		input func(tb *tab)
	}{
		{"a key press", func(tb *tab) {
			if _, err := chromedp.Call(tb.ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "Tab", Code: "Tab", WindowsVirtualKeyCode: 9}); err != nil {
				t.Fatal(err)
			}
		}},
		{"a click", func(tb *tab) {
			for _, typ := range []input.DispatchMouseEventType{input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased} {
				// On the page's background, away from every link.
				if _, err := chromedp.Call(tb.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: typ, X: 2, Y: 2, Button: input.MouseButtonLeft, ClickCount: 1}); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"an idle browser", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t)
			wasm := tb.site + "/web/app.wasm"
			tb.do(chromedp.Navigate(tb.site+"/city/suzhou"), chromedp.WaitReady(chromedp.CSS(`#panel`)))
			tb.poll("the load event", `document.readyState === 'complete'`)
			if n := tb.requestsOf(wasm); n != 0 || eval[bool](tb.run, `document.documentElement.hasAttribute('data-app')`) {
				t.Fatalf("at the load event: the WebAssembly was requested %d times, data-app %q; want neither before the reader needs it", n, eval[string](tb.run, `document.documentElement.getAttribute('data-app') || ''`))
			}
			if tc.input != nil {
				tc.input(tb)
			}
			tb.poll("the app", `document.documentElement.getAttribute('data-app') === 'ready'`)
			if n := tb.requestsOf(wasm); n != 1 {
				t.Errorf("the WebAssembly was requested %d times, want once", n)
			}
			tb.waitPanel("suzhou")
		})
	}
}

// TestChromiumClicksBeforeTheAppStarts: an impatient reader's clicks before
// the app has started, with the WebAssembly blocked so that web/page.js
// handles them all: a second click on the city being opened, a click on
// the city already open, back and forward. None reloads the page, loses
// the reader's choice, or fetches a page twice.
func TestChromiumClicksBeforeTheAppStarts(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	tb.allow("wasm")
	if _, err := chromedp.Call(tb.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/web/app.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	h := tb.holdRequests("*/city/wuxi")
	tb.do(chromedp.Navigate(tb.site+"/"), chromedp.WaitReady(chromedp.CSS(`#panel`)))
	tb.markPage()
	history0 := eval[int](tb.run, `history.length`)

	// Two clicks on Wuxi while its page is on its way.
	tb.clickCity("wuxi")
	wuxi := h.next("/city/wuxi", "clicking Wuxi")
	tb.clickCity("wuxi")
	h.release(wuxi)
	tb.waitPanel("wuxi")
	// A click on the open city, then one on another: the second's page
	// shows only after the first click was handled (events in order).
	tb.clickCity("wuxi")
	tb.clickCity("suzhou")
	tb.waitPanel("suzhou")
	if n := tb.requestsOf(tb.site + "/city/wuxi"); n != 1 {
		t.Errorf("Wuxi's page was requested %d times, want once", n)
	}
	if got := eval[int](tb.run, `history.length`) - history0; got != 2 {
		t.Errorf("history grew by %d entries, want 2 (Wuxi, Suzhou: no entry for a second click)", got)
	}
	// Back and forward, still before the app.
	for _, step := range []struct {
		back bool
		city string
		path string
	}{{true, "wuxi", "/city/wuxi"}, {true, "", "/"}, {false, "wuxi", "/city/wuxi"}} {
		var err error
		if step.back {
			err = tb.b.Back(tb.ctx)
		} else {
			_, err = chromedp.Run(tb.ctx, chromedp.NavigateForward())
		}
		if err != nil {
			t.Fatal(err)
		}
		if step.city == "" {
			tb.do(chromedp.WaitReady(chromedp.CSS(`#panel.panel--overview`)))
		} else {
			tb.waitPanel(step.city)
		}
		if got := tb.path(); got != step.path {
			t.Errorf("after back/forward: path %q, want %q", got, step.path)
		}
	}
	tb.checkSamePage("clicks, back and forward before the app")
	// The embed code, opened before the app, names the site absolutely.
	tb.do(chromedp.Click(chromedp.CSS(`.embed-control summary`)))
	want := `src="` + tb.site + `/embed/city/wuxi"`
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.getElementById('embed-snippet').value.includes(`+strconv.Quote(want)+`)`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("embed code before the app:\n%s\nwant it to contain %s", eval[string](tb.run, `document.getElementById('embed-snippet').value`), want)
	}
	if eval[bool](tb.run, `document.documentElement.hasAttribute('data-app')`) {
		t.Error("the app started although its WebAssembly was blocked: the test tested page.js only in part")
	}
}

// TestChromiumBackWhileTheAppStarts: back pressed while the WebAssembly is
// on its way: the page goes back in place, and the app, once started,
// shows the page the reader went back to.
func TestChromiumBackWhileTheAppStarts(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	h := tb.holdRequests("*/web/app.wasm")
	tb.do(chromedp.Navigate(tb.site+"/en/"), chromedp.WaitReady(chromedp.CSS(`#panel`)))
	tb.markPage()
	tb.clickCity("yangzhou") // opens in place and starts the app
	wasm := h.next("/web/app.wasm", "the press starting the app")
	tb.waitPanel("yangzhou")
	if err := tb.b.Back(tb.ctx); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.WaitReady(chromedp.CSS(`#panel.panel--overview`)))
	h.release(wasm)
	tb.poll("the app", `document.documentElement.getAttribute('data-app') === 'ready'`)
	tb.do(chromedp.WaitReady(chromedp.CSS(`#panel.panel--overview`)))
	if got := tb.path(); got != "/en/" {
		t.Errorf("path %q, want /en/", got)
	}
	tb.checkSamePage("back while the app starts")
	// Forward now goes through the app.
	if _, err := chromedp.Run(tb.ctx, chromedp.NavigateForward()); err != nil {
		t.Fatal(err)
	}
	tb.waitPanel("yangzhou")
	tb.checkSamePage("forward after the app started")
}
