package xbrowser

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/demo"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// The host article steers the map (web/embed.js, web/page.js): steps of
// the cross-engine suite on the sample article /embed/demo, each in the
// three ways the map runs in a frame: before the WebAssembly has started,
// in the app, and with static=1.

func init() {
	for _, m := range frameModes {
		suite = append(suite,
			step{name: "steer-scroll-" + m.name, run: func(r *run) { steerByScrolling(r, m) }},
			step{name: "steer-reader-click-" + m.name, run: func(r *run) { steerAfterReaderClick(r, m) }},
			step{name: "steer-select-" + m.name, run: func(r *run) { steerBySelect(r, m) }},
		)
	}
}

// frameMode is a way the map runs in the frame, chosen by the query of
// its address.
type frameMode struct {
	name, query string
	app         bool // the WebAssembly app runs
}

var frameModes = []frameMode{
	// go-app's wasm=false keeps the WebAssembly from loading: page.js
	// opens every page in place, as before the app has started.
	{name: "before-app", query: "?wasm=false"},
	{name: "app", query: "", app: true},
	{name: "static", query: "?static=1"},
}

// hostEvent is a jsmap:ready or jsmap:city the host page received.
type hostEvent struct {
	Type, ID, Lang, Theme, Source string
}

func (e hostEvent) String() string {
	return fmt.Sprintf("%s{%s %s %s %s}", e.Type, e.ID, e.Lang, e.Theme, e.Source)
}

// The demo's map frame and its document, from the host page (one origin).
const (
	demoFrame = `document.getElementById('` + demo.FrameID + `')`
	demoDoc   = demoFrame + `.contentDocument`
)

// openDemo opens the sample article with its map in mode m, records every
// event the host receives (as DOM events on the iframe and as messages),
// and waits until the map is ready (and, for m.app, the app has started).
func (r *run) openDemo(m frameMode) {
	r.t.Helper()
	r.openHost(route.DemoPath(data.Zh))
	// The frame as the article loaded it starts the app at once where a
	// service worker controls it (an earlier step registered one): let
	// it finish loading the WebAssembly before the frame is replaced.
	r.wait(`((h) => !h.hasAttribute('data-wasm') || h.getAttribute('data-app') === 'ready')(` + demoDoc + `.documentElement)`)
	eval[any](r, `(() => {
		window.__events = []; window.__msgs = [];
		const rec = (list) => (d) => list.push({Type: d.type, ID: d.id, Lang: d.lang, Theme: d.theme, Source: d.source || ''});
		const ev = rec(__events), msg = rec(__msgs);
		for (const t of ['jsmap:ready', 'jsmap:city']) document.addEventListener(t, (e) => ev(e.detail));
		addEventListener('message', (e) => { if (e.data && /^jsmap:(ready|city)$/.test(e.data.type)) msg(e.data); });
		const f = `+demoFrame+`;
		f.contentWindow.__old = true;
		f.src = f.src.replace(/[?#].*$/, '') + '`+m.query+`';
	})()`)
	// The new document (not the one loaded with the article) is ready.
	r.wait(`!` + demoFrame + `.contentWindow.__old && ` + demoDoc + `.readyState === 'complete' && __events.some(e => e.Type === 'jsmap:ready')`)
	for _, e := range eval[[]hostEvent](r, `__events`) {
		if e != (hostEvent{Type: "jsmap:ready", Lang: "zh"}) {
			r.t.Errorf("event on loading: %v, want only jsmap:ready of the overview in Chinese", e)
		}
	}
	if m.app {
		eval[any](r, demoFrame+`.contentWindow.jsmapStart()`)
		r.wait(demoDoc + `.documentElement.getAttribute('data-app') === 'ready'`)
	}
}

// openHost opens the sample article at path and waits until its map is
// loaded.
func (r *run) openHost(path string) {
	r.t.Helper()
	if err := r.b.Navigate(r.ctx, r.site+path); err != nil {
		r.t.Fatal(err)
	}
	r.wait(`window.jsmap && ` + demoDoc + `.readyState === 'complete' && ` + demoFrame + `.contentWindow.jsmapStart`)
}

// demoShows waits until the map in mode m shows city ("" for the
// overview) in language l with theme highlighted ("" for none): themes are
// drawn by the app, so only there.
func (r *run) demoShows(m frameMode, l data.Lang, city string, theme data.ThemeID) {
	r.t.Helper()
	path := route.EmbedPath(l, city)
	panel := `!d.querySelector('#panel[data-city]')`
	if city != "" {
		panel = `!!d.querySelector('#panel[data-city="` + city + `"]')`
	}
	r.wait(fmt.Sprintf(`(() => {
		const d = %s;
		if (!d || d.readyState === 'loading' || d.location.pathname !== '%s' || !%s) return false;
		const lit = [...d.querySelectorAll('a[data-class~=region][data-class~=is-match]')].map(a => a.getAttribute('data-id')).sort().join(' ');
		return (!%v || lit === '%s') && d.documentElement.lang === '%s';
	})()`, demoDoc, path, panel, m.app, strings.Join(citiesWithTheme(theme), " "), l.HTMLLang()))
}

// scrollToStep scrolls the article so that the top of its step i is 20 px
// above the middle of the window (reached), or with above, 20 px below it
// (not reached). It returns the scroll position.
func (r *run) scrollToStep(i int, above bool) float64 {
	r.t.Helper()
	off := 20
	if above {
		off = -20
	}
	return eval[float64](r, fmt.Sprintf(`(() => {
		const el = document.querySelectorAll('[data-jsmap-city]')[%d];
		scrollTo({top: el.getBoundingClientRect().top + scrollY - innerHeight / 2 + %d, behavior: 'instant'});
		return scrollY;
	})()`, i, off))
}

// checkEvents checks the jsmap:city events the host received, as DOM
// events and as messages, against want.
func (r *run) checkEvents(when string, want []hostEvent) {
	r.t.Helper()
	var got struct{ Events, Msgs []hostEvent }
	if err := r.b.Eval(r.ctx, `({Events: __events.filter(e => e.Type === 'jsmap:city'), Msgs: __msgs.filter(e => e.Type === 'jsmap:city')})`, &got); err != nil {
		r.t.Fatal(err)
	}
	if !slices.Equal(got.Events, want) {
		r.t.Errorf("%s: jsmap:city events on the iframe:\n got %v\nwant %v", when, got.Events, want)
	}
	if !slices.Equal(got.Msgs, want) {
		r.t.Errorf("%s: jsmap:city messages to the host:\n got %v\nwant %v", when, got.Msgs, want)
	}
}

// waitEvents waits until the host has received n jsmap:city events.
func (r *run) waitEvents(n int) {
	r.t.Helper()
	r.wait(fmt.Sprintf(`__events.filter(e => e.Type === 'jsmap:city').length >= %d`, n))
}

func city(id string, th data.ThemeID, source string) hostEvent {
	return hostEvent{Type: "jsmap:city", ID: id, Lang: "zh", Theme: string(th), Source: source}
}

// steerByScrolling: the sections reaching the middle of the window open
// their cities, scrolling back restores the previous one and then the
// overview; the article never scrolls by itself, focus stays where it
// was, and the frame adds no history entries.
func steerByScrolling(r *run, m frameMode) {
	r.openDemo(m)
	history := eval[int](r, `history.length`)
	s0, s1 := demo.Steps[0], demo.Steps[1]
	var want []hostEvent
	for _, tc := range []struct {
		step  int
		above bool
		s     demo.Step
	}{
		{0, false, s0}, {1, false, s1}, {1, true, s0}, {0, true, demo.Step{}},
	} {
		y := r.scrollToStep(tc.step, tc.above)
		r.demoShows(m, data.Zh, tc.s.City, tc.s.Theme)
		want = append(want, city(tc.s.City, tc.s.Theme, "host"))
		r.waitEvents(len(want))
		when := fmt.Sprintf("at step %d (above: %v)", tc.step, tc.above)
		if got := eval[float64](r, `scrollY`); got != y {
			r.t.Errorf("%s: the article scrolled from %.0f to %.0f", when, y, got)
		}
		if got := eval[string](r, `document.activeElement.tagName + '|' + `+demoDoc+`.activeElement.tagName`); got != "BODY|BODY" {
			r.t.Errorf("%s: focus on %s (host|map), want BODY|BODY", when, got)
		}
	}
	r.checkEvents("after scrolling forward and back", want)
	if got := eval[int](r, `history.length`); got != history {
		r.t.Errorf("steering added %d history entries", got-history)
	}
	if !m.app && eval[bool](r, demoDoc+`.documentElement.hasAttribute('data-app')`) {
		r.t.Errorf("%s: the WebAssembly started", m.name)
	}
}

// steerAfterReaderClick: a reader's click in the map wins over the
// section being read, until the next section is reached.
func steerAfterReaderClick(r *run, m frameMode) {
	r.openDemo(m)
	s0, s1 := demo.Steps[0], demo.Steps[1]
	r.scrollToStep(0, false)
	r.demoShows(m, data.Zh, s0.City, s0.Theme)
	r.waitEvents(1)
	readies := eval[int](r, `__events.filter(e => e.Type === 'jsmap:ready').length`)
	// A real click on Xuzhou's name in the frame.
	p := eval[struct{ X, Y float64 }](r, `(() => {
		const f = `+demoFrame+`.getBoundingClientRect();
		const l = `+demoDoc+`.querySelector('[data-class~=region-label][data-id="xuzhou"]').getBoundingClientRect();
		return {X: f.left + l.left + l.width / 2, Y: f.top + l.top + l.height / 2};
	})()`)
	if err := r.b.Click(r.ctx, p.X, p.Y); err != nil {
		r.t.Fatal(err)
	}
	// The app's links keep the theme; the prerendered page's do not.
	clicked := data.ThemeID("")
	if m.app {
		clicked = s0.Theme
	}
	r.demoShows(m, data.Zh, "xuzhou", clicked)
	r.waitEvents(2)
	if m.name == "static" {
		// The frame loaded Xuzhou's page, which said it is ready: the
		// host must not steer it back to the section's city.
		r.wait(fmt.Sprintf(`__events.filter(e => e.Type === 'jsmap:ready').length > %d`, readies))
	}
	r.scrollToStep(1, false)
	r.demoShows(m, data.Zh, s1.City, s1.Theme)
	r.waitEvents(3)
	r.checkEvents("section, reader's click, next section", []hostEvent{
		city(s0.City, s0.Theme, "host"), city("xuzhou", clicked, "reader"), city(s1.City, s1.Theme, "host"),
	})
}

// steerBySelect: jsmap.select and a plain postMessage from the parent
// steer the map; unknown ids, and any message from another window than
// the parent (a sibling frame), are ignored without an error.
func steerBySelect(r *run, m frameMode) {
	r.openDemo(m)
	eval[any](r, `jsmap.select(`+demoFrame+`, {city: 'yancheng', theme: 'clusters'})`)
	r.demoShows(m, data.Zh, "yancheng", data.ThemeClusters)
	r.waitEvents(1)
	if m.name == "before-app" && !eval[bool](r, demoDoc+`.documentElement.hasAttribute('data-wasm')`) {
		r.t.Error("a theme was asked for before the app, and the app was not started to draw it")
	}

	// Inside the map, record the selects it obeys (page.js announces each
	// as a jsmap:select event on its document) and every select message
	// it receives, after page.js has handled it (listeners run in order).
	spy := func() {
		r.t.Helper()
		eval[any](r, `(() => {
			const w = `+demoFrame+`.contentWindow;
			w.__obeyed = []; w.__seen = [];
			w.document.addEventListener('jsmap:select', (e) => w.__obeyed.push(e.detail.city));
			w.addEventListener('message', (e) => { if (e.data && e.data.type === 'jsmap:select') w.__seen.push(e.data.city); });
		})()`)
	}
	spy()
	// Unknown ids and languages are ignored, without an error.
	eval[any](r, `(() => {
		const f = `+demoFrame+`;
		jsmap.select(f, {city: 'atlantis'});
		jsmap.select(f, {city: 'nanjing', theme: 'teleportation'});
		jsmap.select(f, {city: 'nanjing', lang: 'fr'});
		jsmap.select(f, {city: 42});
		f.contentWindow.postMessage({type: 'jsmap:select', city: '<img src=x>'}, '*');
	})()`)
	r.wait(demoFrame + `.contentWindow.__seen.length === 5`)
	// A sibling frame of the same site, running embed.js, asks too.
	eval[any](r, `(() => {
		const sib = document.createElement('iframe');
		sib.id = 'sibling';
		sib.title = 'sibling';
		document.body.append(sib);
		const s = sib.contentDocument.createElement('script');
		s.src = '/web/embed.js';
		sib.contentDocument.head.append(s);
	})()`)
	r.wait(`document.getElementById('sibling').contentWindow.jsmap`)
	eval[any](r, `document.getElementById('sibling').contentWindow.jsmap.select(`+demoFrame+`, {city: 'nanjing'})`)
	r.wait(demoFrame + `.contentWindow.__seen.length === 6`)
	if got := eval[[]string](r, demoFrame+`.contentWindow.__obeyed`); len(got) != 0 {
		r.t.Errorf("the map obeyed %v; want unknown ids and the sibling's request ignored", got)
	}
	r.demoShows(m, data.Zh, "yancheng", data.ThemeClusters)

	// The parent's own postMessage, as a host without embed.js sends it:
	// obeyed, into English.
	eval[any](r, demoFrame+`.contentWindow.postMessage({type: 'jsmap:select', city: 'wuxi', lang: 'en'}, '*')`)
	r.demoShows(m, data.En, "wuxi", data.ThemeClusters)
	r.waitEvents(2)
	// Back to the overview, theme dropped.
	eval[any](r, `jsmap.select(`+demoFrame+`, {city: '', theme: ''})`)
	r.demoShows(m, data.En, "", "")
	r.waitEvents(3)
	en := func(e hostEvent) hostEvent { e.Lang = "en"; return e }
	r.checkEvents("after selects", []hostEvent{
		city("yancheng", data.ThemeClusters, "host"), en(city("wuxi", data.ThemeClusters, "host")), en(city("", "", "host")),
	})
}

// TestSiteDemo: the sample articles are served as pages (not as unknown
// cities of the embed), under the policy that lets them frame the map.
func TestSiteDemo(t *testing.T) {
	base := siteURL(t)
	for _, l := range data.Langs {
		for _, path := range []string{route.DemoPath(l), route.DemoPath(l) + "/"} {
			res, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Errorf("GET %s: %d %s, want 200 text/html", path, res.StatusCode, res.Header.Get("Content-Type"))
			}
			if !strings.Contains(string(b), `data-jsmap-city="`) || !strings.Contains(string(b), `<html lang="`+l.HTMLLang()+`">`) {
				t.Errorf("GET %s: not the sample article in %s", path, l)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-src 'self'") {
				t.Errorf("GET %s: Content-Security-Policy %q does not let it frame the map", path, csp)
			}
		}
	}
}

// hostEvents records, on a host page, the map's messages (window.__msgs,
// by hostPage) and, with embed.js, the jsmap:city DOM events on iframes
// (window.__events).
const hostEvents = `<script>window.__events = []; document.addEventListener('jsmap:city', (e) => window.__events.push(e.detail));</script>`

// TestChromiumSteerInPymFrame: a pym.js frame on another origin is
// steered by embed.js, keeps answering pym in its dialect, and the host
// hears of the change as a DOM event on the iframe.
func TestChromiumSteerInPymFrame(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	host := hostPage(t, hostEvents+`<div id="map"></div><script src="/pym.js"></script>
<script>window.__pym = new pym.Parent('map', '`+base+`/embed/city/suzhou', {title: 'Jiangsu map'});</script>
<script src="`+base+`/web/embed.js" async></script>`)
	tb := newTabFor(t, base, "", Options{})
	tb.do(chromedp.Navigate(host.URL))
	tb.poll("the map is ready", `window.jsmap && window.__msgs.some(m => m.data && m.data.type === 'jsmap:ready')`)
	pymHeights := `window.__msgs.filter(m => typeof m.data === 'string' && m.data.startsWith('pymxPYMxmapxPYMxheightxPYMx')).length`
	before := eval[int](tb.run, pymHeights)
	tb.do(chromedp.Evaluate[chromedp.Void](`jsmap.select(document.querySelector('#map iframe'), {city: 'xuzhou'})`))
	tb.poll("the host hears of Xuzhou", `window.__events.some(d => d.id === 'xuzhou' && d.source === 'host')`)
	tb.poll("pym hears the new height", fmt.Sprintf(`%s > %d`, pymHeights, before))
	if got := tb.inFrame(`#panel[data-city]`)[0].AttributeValue("data-city"); got != "xuzhou" {
		t.Errorf("the pym frame shows %q, want xuzhou", got)
	}
	tb.checkOrigins(host.URL, base)
}

// TestChromiumSteerInWordPressFrame: WordPress's sandboxed frame (an
// opaque origin) obeys its parent's plain postMessage, keeps sending
// WordPress its heights with the secret, and embed.js accepts its events
// (origin "null").
func TestChromiumSteerInWordPressFrame(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	host := hostPage(t, hostEvents+wordPressMarkup(t, base, "/city/yancheng")+`<script src="`+base+`/web/embed.js" async></script>`)
	tb := newTabFor(t, base, "", Options{})
	tb.do(chromedp.Navigate(host.URL))
	tb.poll("the map is ready", `window.__msgs.some(m => m.data && m.data.type === 'jsmap:ready' && m.origin === 'null')`)
	secretHeights := `window.__msgs.filter(m => m.data && m.data.message === 'height' && m.data.secret === 'abc123').length`
	before := eval[int](tb.run, secretHeights)
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('iframe').contentWindow.postMessage({type: 'jsmap:select', city: 'wuxi', theme: 'aerospace'}, '*')`))
	tb.poll("the host hears of Wuxi", `window.__msgs.some(m => m.origin === 'null' && m.data && m.data.type === 'jsmap:city' && m.data.id === 'wuxi' && m.data.theme === 'aerospace' && m.data.source === 'host')`)
	tb.poll("embed.js passes it on", `window.__events.some(d => d.id === 'wuxi' && d.source === 'host')`)
	tb.poll("WordPress hears the new height with the secret", fmt.Sprintf(`%s > %d`, secretHeights, before))
	tb.checkOrigins(host.URL, base)
}

// TestChromiumSteerTwoMaps: with two maps on a page, an element steers
// the nearest map before it, or the one its data-jsmap-for names; a fast
// jump past several elements opens the last one's city in each.
func TestChromiumSteerTwoMaps(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	host := hostPage(t, `<script>window.__events = []; document.addEventListener('jsmap:city', (e) => window.__events.push(e.target.id + ' ' + e.detail.id + ' ' + e.detail.source));</script>
<iframe id="a" data-jsmap src="`+base+`/embed/?wasm=false" title="Map A"></iframe>
<p data-jsmap-city="nanjing">Nanjing, in map A.</p>
<iframe id="b" data-jsmap src="`+base+`/embed/?wasm=false" title="Map B"></iframe>
<p data-jsmap-city="wuxi">Wuxi, in map B.</p>
<p id="last" data-jsmap-city="suzhou" data-jsmap-for="a">Suzhou, in map A again.</p>
<script src="`+base+`/web/embed.js" async></script>`)
	tb := newTabFor(t, base, "", Options{})
	tb.do(chromedp.Navigate(host.URL))
	tb.poll("both maps are ready", `window.jsmap && window.__msgs.filter(m => m.data && m.data.type === 'jsmap:ready').length === 2`)
	if got := eval[[]string](tb.run, `__events`); len(got) != 0 {
		t.Fatalf("events before any element was reached: %v", got)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`scrollTo({top: document.getElementById('last').getBoundingClientRect().top + scrollY - innerHeight / 2 + 10, behavior: 'instant'})`))
	tb.poll("both maps follow", `__events.length === 2`)
	got := eval[[]string](tb.run, `__events.slice().sort()`)
	if want := []string{"a suzhou host", "b wuxi host"}; !slices.Equal(got, want) {
		t.Errorf("events %v, want %v", got, want)
	}
	tb.checkOrigins(host.URL, base)
}
