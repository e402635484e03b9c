package xbrowser

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// tab is a Chromium tab for a TestChromium test: the [run] helpers every
// engine has, plus ctx, the tab's chromedp context, for what only the
// DevTools protocol can do. When the test ends it fails on the page's
// problems (console errors, exceptions, failed loads, policy violations)
// except the allowed ones, and on requests to hosts other than own.
type tab struct {
	*run
	c *chromium
	// ctx is the tab's chromedp context, ended with the test or after a
	// minute.
	ctx context.Context
	// own is the base URL of the only host the page may request; empty
	// when the test checks origins itself (several are in play).
	own     string
	allowed []string
	// problems holds the page's problems the test has collected itself
	// (see waitProblem); checkClean checks them with the rest.
	problems []string
	// checked counts the requests checkOrigins has seen.
	checked int
}

// newTab starts Chromium for a test of the site.
func newTab(t *testing.T) *tab {
	t.Helper()
	base := siteURL(t)
	return newTabFor(t, base, base, Options{})
}

// newTabFor starts Chromium with opts for a test of the site at base,
// whose page may request only own's host.
func newTabFor(t *testing.T, base, own string, opts Options) *tab {
	t.Helper()
	b := startFor(t, "chromium", opts)
	c := b.(*chromium)
	ctx, cancel := context.WithTimeout(c.ctx, 60*time.Second)
	t.Cleanup(cancel)
	tb := &tab{run: &run{t: t, ctx: ctx, b: b, site: base}, c: c, ctx: ctx, own: own}
	t.Cleanup(tb.checkClean)
	return tb
}

// allow makes page problems containing any of subs expected.
func (tb *tab) allow(subs ...string) { tb.allowed = append(tb.allowed, subs...) }

// checkClean fails the test on the page's problems, except the allowed
// ones, and on requests to any host but own's.
func (tb *tab) checkClean() {
	t := tb.t
	t.Helper()
	checkProblems(t, "chromium", append(tb.problems, tb.c.Errors()...), tb.allowed)
	if tb.own == "" {
		return
	}
	tb.checkOrigins(tb.own)
}

// checkOrigins fails on requests, since the last check, to hosts other
// than the given origins'.
func (tb *tab) checkOrigins(origins ...string) {
	tb.t.Helper()
	var hosts []string
	for _, o := range origins {
		u, _ := url.Parse(o)
		hosts = append(hosts, u.Host)
	}
	all := tb.c.Requests()
	for _, r := range all[tb.checked:] {
		u, err := url.Parse(r)
		switch {
		case err != nil:
			tb.t.Errorf("unparsable request URL %q", r)
		case u.Scheme == "data" || u.Scheme == "blob":
		case !slices.Contains(hosts, u.Host):
			tb.t.Errorf("request to another host: %s", r)
		}
	}
	tb.checked = len(all)
}

// do runs chromedp actions in the tab, failing the test on error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// poll waits until the JavaScript condition js holds, or fails the test
// with what, the page's problems and the error.
func (tb *tab) poll(what, js string) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](js)); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

type point struct{ X, Y float64 }

// labelCentre scrolls city id's name label into view and returns its
// centre.
func (tb *tab) labelCentre(id string) point {
	tb.t.Helper()
	return eval[point](tb.run, `(() => {
		const el = document.querySelector('[data-class~=region-label][data-id="`+id+`"]');
		el.scrollIntoView({block: 'center', inline: 'center'});
		const r = el.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`)
}

// evalIn evaluates js in the chromedp context ctx (another target than
// the tab, such as an out-of-process frame).
func evalIn[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// held is a set of requests a tab holds back (Fetch interception), to
// order what reaches the page.
type held struct {
	tb      *tab
	paused  chan *fetch.EventRequestPaused
	pending []*fetch.EventRequestPaused // held, not yet handed out by next
}

// holdRequests holds back, until released, every request whose URL
// matches one of patterns ("*/web/app.wasm").
func (tb *tab) holdRequests(patterns ...string) *held {
	tb.t.Helper()
	h := &held{tb: tb, paused: make(chan *fetch.EventRequestPaused, 16)}
	if err := chromedp.Listen(tb.ctx, func(ev any) {
		if ev, ok := ev.(*fetch.EventRequestPaused); ok {
			h.paused <- ev
		}
	}); err != nil {
		tb.t.Fatal(err)
	}
	var ps []*fetch.RequestPattern
	for _, p := range patterns {
		ps = append(ps, &fetch.RequestPattern{URLPattern: p})
	}
	if _, err := chromedp.Call(tb.ctx, fetch.Enable, fetch.EnableParams{Patterns: ps}); err != nil {
		tb.t.Fatal(err)
	}
	return h
}

// next waits until a request whose URL ends with suffix is held, and
// returns its id; what names it in the failure message.
func (h *held) next(suffix, what string) fetch.RequestID {
	t := h.tb.t
	t.Helper()
	for {
		for i, ev := range h.pending {
			if strings.HasSuffix(ev.Request.URL, suffix) {
				h.pending = append(h.pending[:i], h.pending[i+1:]...)
				return ev.RequestID
			}
		}
		select {
		case ev := <-h.paused:
			h.pending = append(h.pending, ev)
		case <-h.tb.ctx.Done():
			t.Fatalf("%s: no request of %s: %v", what, suffix, h.tb.ctx.Err())
		}
	}
}

// release lets the held request id go on.
func (h *held) release(id fetch.RequestID) {
	h.tb.t.Helper()
	if _, err := chromedp.Call(h.tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
		h.tb.t.Fatal(err)
	}
}
