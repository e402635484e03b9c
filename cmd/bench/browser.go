package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Profile is the network and CPU a run emulates through the DevTools
// protocol.
type Profile struct {
	Name  string
	Title string
	// Latency is added to every request's round trip, in milliseconds.
	Latency float64
	// Down and Up are throughputs in bytes per second; 0 is unthrottled.
	Down, Up float64
	// CPUSlowdown is Emulation.setCPUThrottlingRate's factor; 1 is none.
	CPUSlowdown float64
}

// throttled reports whether the profile limits the network.
func (p Profile) throttled() bool { return p.Latency > 0 || p.Down > 0 || p.Up > 0 }

// conditions returns the parameters of Network.emulateNetworkConditions.
func (p Profile) conditions() networkConditions {
	c := networkConditions{Latency: p.Latency, DownloadThroughput: -1, UploadThroughput: -1}
	if p.Down > 0 {
		c.DownloadThroughput = p.Down
	}
	if p.Up > 0 {
		c.UploadThroughput = p.Up
	}
	return c
}

// Profiles are the two network profiles of issue 5.
var Profiles = []Profile{
	{
		Name:        "none",
		Title:       "No throttling",
		CPUSlowdown: 1,
	},
	{
		Name:        "slow-4g",
		Title:       "Slow 4G: 1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4× slower",
		Latency:     150,
		Down:        1.6e6 / 8,
		Up:          750e3 / 8,
		CPUSlowdown: 4,
	},
}

// Device is the screen a tab emulates.
type Device struct {
	Name          string
	Width, Height int64
	Scale         float64
	Mobile        bool
}

// Devices are the screens -device can name. "mobile" is the screen of
// Lighthouse's mobile preset (a Moto G Power).
var Devices = map[string]Device{
	"mobile":  {"phone screen 412×823 at 1.75×", 412, 823, 1.75, true},
	"desktop": {"desktop screen 1350×940", 1350, 940, 1, false},
}

// networkConditions are the parameters of Network.emulateNetworkConditions,
// which cdproto no longer lists (the protocol marks it deprecated in favour
// of emulateNetworkConditionsByRule) but Chromium still implements, and
// which is what DevTools' own throttling sends to every target.
type networkConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

//go:embed probe.js
var probeSource string

// bindingName is the function through which the probe reports to Go.
const bindingName = "__jsmapBenchReport"

// probeURL is the name the probe's script goes by in the browser.
const probeURL = "jsmap-bench-probe.js"

// probeScript returns probe.js with the region ids filled in.
func probeScript(ids []string) string {
	b, _ := json.Marshal(ids)
	// The source URL names the probe's frames in CPU profiles.
	return strings.NewReplacer("__IDS__", string(b), "__BINDING__", bindingName).Replace(probeSource) + "\n//# sourceURL=" + probeURL + "\n"
}

// point is a position in the viewport, in CSS pixels.
type point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// probeEvent is one report of the probe (see probe.js).
type probeEvent struct {
	Ev     string           `json:"ev"`     // doc, fcp, clickable, down, panel, latency, ready
	URL    string           `json:"url"`    // the document's URL when it started
	Origin float64          `json:"origin"` // its performance.timeOrigin, ms since the Unix epoch
	T      float64          `json:"t"`      // performance.now() of the event
	Dom    float64          `json:"dom"`    // panel: performance.now() of the DOM change
	City   string           `json:"city"`   // panel, latency: the open city
	MS     float64          `json:"ms"`     // latency: pointerdown to the panel's change
	Points map[string]point `json:"points"` // clickable: each region's label centre
}

// request is what the network log knows of one request.
type request struct {
	url               string
	fromSW, fromCache bool
	finished, failed  bool
	encodedDataLength float64
	// received is what has come in so far of an unfinished request
	// (bodies only, as Network.dataReceived counts them).
	received float64
}

// traffic is the network log of one DevTools session.
type traffic map[string]*request

func (tr traffic) get(id string) *request {
	r := tr[id]
	if r == nil {
		r = &request{}
		tr[id] = r
	}
	return r
}

// sent records a request about to be sent.
func (tr traffic) sent(id, u string) {
	r := tr.get(id)
	if r.url == "" {
		r.url = u
	}
}

// responded records where a response came from.
func (tr traffic) responded(id, u string, fromSW, fromCache bool) {
	r := tr.get(id)
	if r.url == "" {
		r.url = u
	}
	r.fromSW = r.fromSW || fromSW
	r.fromCache = r.fromCache || fromCache
}

// receivedData records bytes of a request's body arriving.
func (tr traffic) receivedData(id string, encoded float64) {
	tr.get(id).received += encoded
}

// done records the end of a request and the bytes it took on the wire.
func (tr traffic) done(id string, encoded float64, failed bool) {
	r := tr.get(id)
	r.finished, r.failed = true, failed
	r.encodedDataLength = encoded
}

// totals sums the requests that went to the network (not answered by a
// service worker or a cache; http and https only): their number, the bytes
// they took on the wire (headers and compressed bodies), and how many
// requests of any kind have not finished.
func (tr traffic) totals() (requests int, bytes float64, inFlight int) {
	for _, r := range tr {
		if !r.finished {
			if r.url != "" && isHTTP(r.url) {
				inFlight++
			}
			continue
		}
		if !r.toNetwork() {
			continue
		}
		requests++
		bytes += r.encodedDataLength
	}
	return requests, bytes, inFlight
}

// bytesSoFar is the bytes on the wire so far of the requests that went to
// the network: finished ones whole, unfinished ones as far as they came.
func (tr traffic) bytesSoFar() float64 {
	var b float64
	for _, r := range tr {
		if !r.toNetwork() {
			continue
		}
		if r.finished {
			b += r.encodedDataLength
		} else {
			b += r.received
		}
	}
	return b
}

// toNetwork tells whether the request went to the network: http or https,
// and not answered by a service worker or a cache.
func (r *request) toNetwork() bool {
	return !r.fromSW && !r.fromCache && r.url != "" && isHTTP(r.url)
}

func isHTTP(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https")
}

// tab is one browser tab, instrumented: the profile's emulation, the probe
// in every document, and network logs of the page and of its workers (the
// service worker), which it attaches to paused, throttles like the page
// (as DevTools does), and resumes.
type tab struct {
	ctx     context.Context
	cancel  context.CancelFunc
	profile Profile

	mu      sync.Mutex
	events  []probeEvent
	changed chan struct{} // closed and replaced at each new event
	page    traffic
	workers traffic // every worker's requests, keyed by session and request id
	probs   []string
}

// newTab opens an instrumented tab in the browser of parent, in the
// browser context browserContext, or in a new one when it is empty. The
// tab is blank: navigate with open.
func newTab(parent context.Context, browserContext cdp.BrowserContextID, p Profile, d Device) (*tab, error) {
	opt := chromedp.WithNewBrowserContext()
	if browserContext != "" {
		opt = chromedp.WithExistingBrowserContext(browserContext)
	}
	ctx, cancel := chromedp.NewContext(parent, opt)
	t := &tab{ctx: ctx, cancel: cancel, profile: p, changed: make(chan struct{}), page: traffic{}, workers: traffic{}}
	if err := t.setUp(d); err != nil {
		cancel()
		return nil, err
	}
	return t, nil
}

func (t *tab) setUp(d Device) error {
	ctx := t.ctx
	if err := chromedp.Do(ctx); err != nil {
		return fmt.Errorf("opening a tab: %w", err)
	}
	if err := chromedp.Listen(ctx, t.onEvent); err != nil {
		return err
	}
	tgt := chromedp.FromContext(ctx).Target
	// Attach to the page's workers (the service worker among them) paused,
	// with messages wrapped in Target.receivedMessageFromTarget so that
	// they reach this session, and set them up before they run.
	if _, err := chromedp.Call(ctx, target.SetAutoAttach, target.SetAutoAttachParams{
		AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: new(false),
	}); err != nil {
		return fmt.Errorf("Target.setAutoAttach: %w", err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: d.Width, Height: d.Height, DeviceScaleFactor: d.Scale, Mobile: d.Mobile,
	}); err != nil {
		return fmt.Errorf("Emulation.setDeviceMetricsOverride: %w", err)
	}
	if t.profile.throttled() {
		if err := tgt.Call(ctx, "Network.emulateNetworkConditions", t.profile.conditions(), nil); err != nil {
			return fmt.Errorf("Network.emulateNetworkConditions: %w", err)
		}
	}
	if t.profile.CPUSlowdown > 1 {
		if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: t.profile.CPUSlowdown}); err != nil {
			return fmt.Errorf("Emulation.setCPUThrottlingRate: %w", err)
		}
	}
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: bindingName}); err != nil {
		return fmt.Errorf("Runtime.addBinding: %w", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: probeScript(regionIDs),
	}); err != nil {
		return fmt.Errorf("Page.addScriptToEvaluateOnNewDocument: %w", err)
	}
	return nil
}

// close closes the tab (and the browser context if the tab made it).
func (t *tab) close() { t.cancel() }

// onEvent runs in the tab's event loop for every event of the page
// session: it must return at once and send no command.
func (t *tab) onEvent(ev any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventBindingCalled:
		if ev.Name != bindingName {
			return
		}
		var pe probeEvent
		if err := json.Unmarshal([]byte(ev.Payload), &pe); err != nil {
			t.probs = append(t.probs, "bad probe report: "+err.Error())
			return
		}
		t.events = append(t.events, pe)
		close(t.changed)
		t.changed = make(chan struct{})
	case *network.EventRequestWillBeSent:
		t.page.sent(string(ev.RequestID), ev.Request.URL)
	case *network.EventRequestServedFromCache:
		t.page.responded(string(ev.RequestID), "", false, true)
	case *network.EventResponseReceived:
		r := ev.Response
		t.page.responded(string(ev.RequestID), r.URL, r.FromServiceWorker, r.FromDiskCache || r.FromPrefetchCache)
	case *network.EventDataReceived:
		t.page.receivedData(string(ev.RequestID), float64(ev.EncodedDataLength))
	case *network.EventLoadingFinished:
		t.page.done(string(ev.RequestID), ev.EncodedDataLength, false)
	case *network.EventLoadingFailed:
		t.page.done(string(ev.RequestID), 0, true)
	case *target.EventAttachedToTarget:
		go t.setUpWorker(ev.SessionID, ev.WaitingForDebugger)
	case *target.EventReceivedMessageFromTarget:
		t.workerMessage(ev.SessionID, ev.Message)
	}
}

// setUpWorker enables the network log of an auto-attached worker, gives it
// the page's network conditions, and lets it run. (Its CPU cannot be
// throttled: workers have no Emulation domain.)
func (t *tab) setUpWorker(session target.SessionID, waiting bool) {
	msgs := []string{`{"id":1,"method":"Network.enable","params":{}}`}
	if t.profile.throttled() {
		c, _ := json.Marshal(t.profile.conditions())
		msgs = append(msgs, fmt.Sprintf(`{"id":2,"method":"Network.emulateNetworkConditions","params":%s}`, c))
	}
	if waiting {
		msgs = append(msgs, `{"id":3,"method":"Runtime.runIfWaitingForDebugger","params":{}}`)
	}
	tgt := chromedp.FromContext(t.ctx).Target
	for _, m := range msgs {
		err := tgt.Call(t.ctx, "Target.sendMessageToTarget", map[string]any{"sessionId": session, "message": m}, nil)
		if err != nil && t.ctx.Err() == nil {
			t.mu.Lock()
			t.probs = append(t.probs, fmt.Sprintf("setting up a worker: %v", err))
			t.mu.Unlock()
		}
	}
}

// workerMessage logs the network events of a worker's session. Called
// with t.mu held.
func (t *tab) workerMessage(session target.SessionID, raw string) {
	var m struct {
		Method string `json:"method"`
		Params struct {
			RequestID string `json:"requestId"`
			Request   struct {
				URL string `json:"url"`
			} `json:"request"`
			Response struct {
				URL               string `json:"url"`
				FromServiceWorker bool   `json:"fromServiceWorker"`
				FromDiskCache     bool   `json:"fromDiskCache"`
				FromPrefetchCache bool   `json:"fromPrefetchCache"`
			} `json:"response"`
			EncodedDataLength float64 `json:"encodedDataLength"`
		} `json:"params"`
		Error *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return
	}
	if m.Error != nil {
		t.probs = append(t.probs, "worker: "+m.Error.Message)
		return
	}
	id := string(session) + "/" + m.Params.RequestID
	switch m.Method {
	case "Network.requestWillBeSent":
		t.workers.sent(id, m.Params.Request.URL)
	case "Network.requestServedFromCache":
		t.workers.responded(id, "", false, true)
	case "Network.responseReceived":
		r := m.Params.Response
		t.workers.responded(id, r.URL, r.FromServiceWorker, r.FromDiskCache || r.FromPrefetchCache)
	case "Network.dataReceived":
		t.workers.receivedData(id, m.Params.EncodedDataLength)
	case "Network.loadingFinished":
		t.workers.done(id, m.Params.EncodedDataLength, false)
	case "Network.loadingFailed":
		t.workers.done(id, 0, true)
	}
}

// mark returns the number of probe events so far, for waitFrom.
func (t *tab) mark() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.events)
}

// wait returns the first probe event that matches, waiting for it.
func (t *tab) wait(ctx context.Context, what string, match func(probeEvent) bool) (probeEvent, error) {
	return t.waitFrom(ctx, 0, what, match)
}

// waitFrom returns the first probe event from index from on that matches,
// waiting for it until ctx ends.
func (t *tab) waitFrom(ctx context.Context, from int, what string, match func(probeEvent) bool) (probeEvent, error) {
	for {
		t.mu.Lock()
		for _, e := range t.events[min(from, len(t.events)):] {
			if match(e) {
				t.mu.Unlock()
				return e, nil
			}
		}
		ch := t.changed
		t.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return probeEvent{}, fmt.Errorf("waiting for %s: %w%s", what, ctx.Err(), t.problems())
		}
	}
}

// problems returns what went wrong in the tab's instrumentation, for
// error messages.
func (t *tab) problems() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.probs) == 0 {
		return ""
	}
	return " (" + strings.Join(t.probs, "; ") + ")"
}

// traffic returns the network totals of the page and of its workers.
func (t *tab) traffic() (page, workers [3]float64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n, b, f := t.page.totals()
	page = [3]float64{float64(n), b, float64(f)}
	n, b, f = t.workers.totals()
	workers = [3]float64{float64(n), b, float64(f)}
	return page, workers
}

// bytesSoFar is the bytes on the wire so far, of the page and of its
// workers, requests in flight included as far as they came.
func (t *tab) bytesSoFar() float64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.page.bytesSoFar() + t.workers.bytesSoFar()
}

// resetTraffic forgets the requests so far.
func (t *tab) resetTraffic() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.page, t.workers = traffic{}, traffic{}
}

// navigate starts loading u without waiting for it.
func (t *tab) navigate(ctx context.Context, u string) error {
	res, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: u})
	if err != nil {
		return fmt.Errorf("navigating to %s: %w", u, err)
	}
	if res.ErrorText != "" {
		return fmt.Errorf("navigating to %s: %s", u, res.ErrorText)
	}
	return nil
}

// click presses and releases the left mouse button at p, through
// Input.dispatchMouseEvent: a real click, as a reader's.
func (t *tab) click(ctx context.Context, p point) error {
	steps := []struct {
		typ     input.DispatchMouseEventType
		buttons int64
	}{{input.DispatchMouseEventTypeMousePressed, 1}, {input.DispatchMouseEventTypeMouseReleased, 0}}
	for _, s := range steps {
		if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{
			Type: s.typ, X: p.X, Y: p.Y, Button: input.MouseButtonLeft, Buttons: s.buttons, ClickCount: 1,
		}); err != nil {
			return fmt.Errorf("clicking at (%.0f, %.0f): %w", p.X, p.Y, err)
		}
	}
	return nil
}
