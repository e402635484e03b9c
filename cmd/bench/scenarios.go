package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/data"
)

// regionIDs are the ids of the 13 regions the map must show.
var regionIDs = data.IDs()

// startPath is the page every visit opens: the overview, where a reader
// coming from the article lands.
const startPath = "/"

// openStart navigates t to the start page and returns the probe's report
// of the new document, whose Origin and URL tell its later events apart.
func (b *bench) openStart(ctx context.Context, t *tab) (probeEvent, error) {
	start := b.base + startPath
	if err := t.navigate(ctx, start); err != nil {
		return probeEvent{}, err
	}
	return t.wait(ctx, "the start page's document", func(e probeEvent) bool { return e.Ev == "doc" && e.URL == start })
}

// usable is the outcome of a usable run: the total, and where the time
// went, all in ms from the start of the first navigation.
type usable struct {
	total     float64 // until the city's panel is shown
	clickable float64 // map clickable (and painted)
	bytes     float64 // on the wire until the panel was shown
	down      float64 // the page handled the press (pointerdown)
	nav       float64 // the city page's navigation started (0: in-app)
	inApp     bool    // the WebAssembly app handled the click
}

// usableRun opens the start page in a fresh browser context and, as soon
// as the map is clickable, clicks city with the mouse; it measures the time
// from the first navigation's start until city's panel is shown, whether
// the WebAssembly app handled the click or it was a link navigation to the
// prerendered city page.
func (b *bench) usableRun(p Profile, city string) (usable, error) {
	var u usable
	t, err := newTab(b.browser, "", p, b.opts.Device)
	if err != nil {
		return u, err
	}
	defer t.close()
	ctx, cancel := context.WithTimeout(t.ctx, b.opts.Timeout)
	defer cancel()

	doc, err := b.openStart(ctx, t)
	if err != nil {
		return u, err
	}
	sameDoc := func(e probeEvent) bool { return e.Origin == doc.Origin && e.URL == doc.URL }
	cl, err := t.wait(ctx, "the map to be clickable", func(e probeEvent) bool { return e.Ev == "clickable" && sameDoc(e) })
	if err != nil {
		return u, err
	}
	// Painted, too: not before the first contentful paint.
	fcp, err := t.wait(ctx, "first contentful paint", func(e probeEvent) bool { return e.Ev == "fcp" && sameDoc(e) })
	if err != nil {
		return u, err
	}
	pt, ok := cl.Points[city]
	if !ok {
		return u, fmt.Errorf("no region %q on the map", city)
	}
	if err := t.click(ctx, pt); err != nil {
		return u, err
	}
	panel, err := t.wait(ctx, city+"'s panel", func(e probeEvent) bool { return e.Ev == "panel" && e.City == city })
	if err != nil {
		return u, err
	}
	// The probe reports the panel in the frame that shows it; the bytes
	// are read as that report arrives, a few milliseconds later at most.
	bytes := t.bytesSoFar()
	// Both documents' clocks are on the epoch through timeOrigin; the
	// first document's timeOrigin is the first navigation's start.
	since := func(e probeEvent) float64 { return e.Origin + e.T - doc.Origin }
	u = usable{total: since(panel), clickable: max(cl.T, fcp.T), bytes: bytes, inApp: sameDoc(panel)}
	if down, err := t.wait(ctx, "pointerdown", func(e probeEvent) bool { return e.Ev == "down" && sameDoc(e) }); err == nil {
		u.down = since(down)
	}
	if !u.inApp {
		u.nav = panel.Origin - doc.Origin
	}
	return u, nil
}

// fullRun is a first visit and a repeat visit in one fresh browser context:
// the cold load to the end (WebAssembly ready, service worker installed,
// network quiet) with its transfer, paints and layout shift; the click
// latency; the memory; then, in a new tab with the service worker stopped,
// the repeat visit. It adds its figures to s.
func (b *bench) fullRun(p Profile, s Samples) error {
	bc, err := chromedp.CallBrowser(b.browser, target.CreateBrowserContext, target.CreateBrowserContextParams{})
	if err != nil {
		return fmt.Errorf("creating a browser context: %w", err)
	}
	defer chromedp.CallBrowser(b.browser, target.DisposeBrowserContext, target.DisposeBrowserContextParams{BrowserContextID: bc.BrowserContextID})

	if err := b.firstVisit(p, bc.BrowserContextID, s); err != nil {
		return err
	}
	return b.repeatVisit(p, bc.BrowserContextID, s)
}

// openTab opens a tab in browser context bc with profile p, and returns it
// with a context bounded by the run's timeout and the function that closes
// both.
func (b *bench) openTab(p Profile, bc cdp.BrowserContextID) (*tab, context.Context, func(), error) {
	t, err := newTab(b.browser, bc, p, b.opts.Device)
	if err != nil {
		return nil, nil, nil, err
	}
	ctx, cancel := context.WithTimeout(t.ctx, b.opts.Timeout)
	return t, ctx, func() { cancel(); t.close() }, nil
}

func (b *bench) firstVisit(p Profile, bc cdp.BrowserContextID, s Samples) error {
	t, ctx, done, err := b.openTab(p, bc)
	if err != nil {
		return err
	}
	defer done()

	doc, err := b.openStart(ctx, t)
	if err != nil {
		return err
	}
	in := func(ev string) func(probeEvent) bool {
		return func(e probeEvent) bool { return e.Ev == ev && e.Origin == doc.Origin }
	}
	fcp, err := t.wait(ctx, "first contentful paint", in("fcp"))
	if err != nil {
		return err
	}
	cl, err := t.wait(ctx, "the map to be clickable", in("clickable"))
	if err != nil {
		return err
	}
	ready, err := t.wait(ctx, `data-app="ready"`, in("ready"))
	if err != nil {
		return err
	}
	if err := waitServiceWorker(ctx); err != nil {
		return err
	}
	if err := t.waitQuiet(ctx); err != nil {
		return err
	}
	cls, err := chromedp.Run(ctx, chromedp.Evaluate[float64](
		`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(window.__jsmapBench.cls))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("reading the layout shift: %w", err)
	}
	pageT, swT := t.traffic()
	s.Add(KeyFCP, fcp.T)
	// The frame in which every region hit-tests is painted no earlier than
	// the first contentful paint.
	s.Add(KeyClickable, max(cl.T, fcp.T))
	s.Add(KeyReady, ready.T)
	s.Add(KeyCLS, cls)
	s.Add(KeyColdRequests, pageT[0]+swT[0])
	s.Add(KeyColdPageRequests, pageT[0])
	s.Add(KeyColdSWRequests, swT[0])
	s.Add(KeyColdBytes, pageT[1]+swT[1])
	s.Add(KeyColdPageBytes, pageT[1])
	s.Add(KeyColdSWBytes, swT[1])

	lat, err := b.clickLatency(ctx, t)
	if err != nil {
		return err
	}
	s.Add(KeyClickP50, harness.Percentile(lat, 50))
	s.Add(KeyClickP95, harness.Percentile(lat, 95))

	mem, err := chromedp.Run(ctx, chromedp.Evaluate[float64](
		`(() => { const m = window.__jsmapBench.mem; return m ? m.buffer.byteLength : 0; })()`))
	if err != nil {
		return fmt.Errorf("reading the WebAssembly memory: %w", err)
	}
	if mem > 0 {
		s.Add(KeyWasmMemory, mem)
	}
	heap, err := jsHeapUsed(ctx)
	if err != nil {
		return err
	}
	s.Add(KeyJSHeap, heap)
	return nil
}

// repeatVisit opens the start page again in a new tab of the same browser
// context, with the service worker installed but stopped (as after a
// while away), and records the bytes it takes from the network and the
// time until the app is ready.
func (b *bench) repeatVisit(p Profile, bc cdp.BrowserContextID, s Samples) error {
	t, ctx, done, err := b.openTab(p, bc)
	if err != nil {
		return err
	}
	defer done()

	if _, err := chromedp.Call(ctx, serviceworker.Enable, cdp.Empty{}); err != nil {
		return fmt.Errorf("ServiceWorker.enable: %w", err)
	}
	if _, err := chromedp.Call(ctx, serviceworker.StopAllWorkers, cdp.Empty{}); err != nil {
		return fmt.Errorf("stopping the service worker: %w", err)
	}
	doc, err := b.openStart(ctx, t)
	if err != nil {
		return err
	}
	ready, err := t.wait(ctx, `data-app="ready" on the repeat visit`, func(e probeEvent) bool { return e.Ev == "ready" && e.Origin == doc.Origin })
	if err != nil {
		return err
	}
	if err := t.waitQuiet(ctx); err != nil {
		return err
	}
	pageT, swT := t.traffic()
	s.Add(KeyRepeatReady, ready.T)
	s.Add(KeyRepeatRequests, pageT[0]+swT[0])
	s.Add(KeyRepeatBytes, pageT[1]+swT[1])
	return nil
}

// clickLatency clicks the two cities of the options in turn, each time
// once the previous click has shown its panel and the page has been idle,
// and returns the latencies the probe measured: pointerdown to the panel's
// data-city change.
func (b *bench) clickLatency(ctx context.Context, t *tab) ([]float64, error) {
	var lat []float64
	for i := range b.opts.Clicks {
		city := b.opts.ClickCities[i%2]
		pt, err := chromedp.Run(ctx, chromedp.Evaluate[*point](fmt.Sprintf(`window.__jsmapBench.hit(%q)`, city)))
		if err != nil {
			return nil, fmt.Errorf("finding %s on the map: %w", city, err)
		}
		if pt == nil {
			return nil, fmt.Errorf("click %d: %s's label does not hit its region (covered, or off screen?); choose other cities with -click-cities", i+1, city)
		}
		from := t.mark()
		if err := t.click(ctx, *pt); err != nil {
			return nil, err
		}
		e, err := t.waitFrom(ctx, from, fmt.Sprintf("click %d on %s to update the panel", i+1, city), func(e probeEvent) bool {
			return e.Ev == "latency" && e.City == city
		})
		if err != nil {
			return nil, err
		}
		lat = append(lat, e.MS)
		// Let the page settle as between two clicks of a reader: two
		// frames, then an idle period.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
			`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => r(), {timeout: 1000}))))`,
			chromedp.EvalAwaitPromise)); err != nil {
			return nil, err
		}
	}
	return lat, nil
}

// waitServiceWorker waits until a service worker controls the page, which
// go-app's worker does once it has installed (precached) and activated.
func waitServiceWorker(ctx context.Context) error {
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
		if (!("serviceWorker" in navigator)) return false;
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise(r => navigator.serviceWorker.addEventListener("controllerchange", r, {once: true}));
		}
		return true;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("waiting for the service worker: %w", err)
	}
	if !ok {
		return fmt.Errorf("no service worker support in this browser")
	}
	return nil
}

// waitQuiet waits until neither the page nor its workers have a request
// in flight, at two looks 100 ms apart.
func (t *tab) waitQuiet(ctx context.Context) error {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	quiet := 0
	for quiet < 2 {
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the network to be quiet: %w", ctx.Err())
		case <-tick.C:
		}
		pageT, swT := t.traffic()
		if pageT[2]+swT[2] == 0 {
			quiet++
		} else {
			quiet = 0
		}
	}
	return nil
}

// jsHeapUsed returns the page's used JS heap after a garbage collection.
func jsHeapUsed(ctx context.Context) (float64, error) {
	if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return 0, fmt.Errorf("collecting garbage: %w", err)
	}
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return 0, fmt.Errorf("Performance.enable: %w", err)
	}
	res, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, fmt.Errorf("Performance.getMetrics: %w", err)
	}
	for _, m := range res.Metrics {
		if m.Name == "JSHeapUsedSize" {
			return m.Value, nil
		}
	}
	return 0, fmt.Errorf("Performance.getMetrics has no JSHeapUsedSize")
}
