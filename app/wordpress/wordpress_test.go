package wordpress

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/app/oembed"
	"github.com/jiangsu-map/jsmap/app/route"
)

// The environment `make wordpress` sets for TestWordPress.
const (
	// EnvSite is the map built with ORIGIN set to the loopback address
	// it is served at (`make build DIST=… ORIGIN=http://127.0.0.1:PORT`):
	// the test serves it there.
	EnvSite = "JSMAP_WORDPRESS_SITE"
	// EnvShots, when set, is where screenshots of a post are saved.
	EnvShots = "JSMAP_WORDPRESS_SHOTS"
)

// hostCSS is the line README asks a host to add, so that a frame of a
// fixed width fits a phone's column.
const hostCSS = `<style>iframe.wp-embedded-content { max-width: 100%; }</style>`

// maxFrame is the tallest frame WordPress allows (wp-embed.js clamps the
// height messages there).
const maxFrame = 1000

// A post embeds one page of the map, in one of the three ways an editor
// pastes a URL.
type post struct {
	name string
	way  string // "url", "shortcode" or "block"
	page string // the map's page, with its query
	// click is a city to click inside the frame, and disclose whether a
	// disclosure is then opened by a click on its summary.
	click    string
	disclose bool
}

var posts = []post{
	{"Suzhou, zh, a bare URL", "url", "/city/suzhou", "wuxi", true},
	{"Xuzhou, en, [embed]", "shortcode", "/en/city/xuzhou", "yancheng", true},
	{"overview, en, a core/embed block", "block", "/en/", "nantong", false},
	{"overview, zh, [embed]", "shortcode", "/", "suzhou", true},
	{"Xuzhou, zh, a core/embed block", "block", "/city/xuzhou", "nanjing", true},
	{"Suzhou, en, a bare URL", "url", "/en/city/suzhou", "changzhou", false},
	{"Xuzhou, zh, static=1, a bare URL", "url", "/city/xuzhou?static=1", "yangzhou", true},
}

// content is the post's content as an editor saves it.
func (p post) content(origin string) string {
	u := origin + p.page
	switch p.way {
	case "shortcode":
		return "<p>Before the map.</p>\n\n[embed]" + u + "[/embed]\n\n<p>After the map.</p>"
	case "block":
		attrs, _ := json.Marshal(map[string]any{"url": u, "type": "rich", "providerNameSlug": "jiangsu-map", "responsive": true})
		return "<!-- wp:paragraph -->\n<p>Before the map.</p>\n<!-- /wp:paragraph -->\n\n" +
			"<!-- wp:embed " + string(attrs) + " -->\n" +
			`<figure class="wp-block-embed is-type-rich is-provider-jiangsu-map wp-block-embed-jiangsu-map"><div class="wp-block-embed__wrapper">` + "\n" + u + "\n</div></figure>\n" +
			"<!-- /wp:embed -->\n\n<!-- wp:paragraph -->\n<p>After the map.</p>\n<!-- /wp:paragraph -->"
	}
	return "<p>Before the map.</p>\n\n" + u + "\n\n<p>After the map.</p>"
}

// TestWordPress embeds the map in a real WordPress (Debian's 6.1, theme
// Twenty Twenty-Three) by pasting its URLs the three ways editors do, and
// reads each post in Chromium on a desktop and on a phone: WordPress
// discovers the oEmbed response and shows its sandboxed frame, the frame
// is as tall as its content and within WordPress's 1,000 px, nothing in it
// scrolls, a real click on a city inside opens it, a disclosure opens, the
// frame logs no error, and the link to the full map takes the host page
// there (WordPress's sandbox has no allow-popups).
func TestWordPress(t *testing.T) {
	dir := os.Getenv(EnvSite)
	if dir == "" || testing.Short() {
		t.Skip("WordPress test, skipped: `make wordpress` runs it (it installs Debian's " + strings.Join(Packages, " ") + ", builds the map with a loopback ORIGIN and sets " + EnvSite + ")")
	}
	origin := siteOrigin(t, dir)
	u, err := url.Parse(origin)
	if err != nil || u.Port() == "" {
		t.Fatalf("the site's origin %q has no port", origin)
	}
	harness.MustStartServer(t, dir, "", "-addr", u.Host)
	port, _ := strconv.Atoi(u.Port())

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var wpLog strings.Builder
	site, err := Start(ctx, Config{Dir: t.TempDir(), FetchPorts: []int{port}, HeadHTML: hostCSS, Log: &syncWriter{w: &wpLog}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := site.Stop(); err != nil {
			t.Error(err)
		}
		if t.Failed() {
			t.Logf("WordPress's servers said:\n%s", wpLog.String())
		}
	})
	urls := make([]string, len(posts))
	for i, p := range posts {
		if urls[i], err = site.Post(ctx, p.name, p.content(origin)); err != nil {
			t.Fatal(err)
		}
	}

	bctx, stop, err := harness.NewBrowser(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	shots := os.Getenv(EnvShots)
	for _, width := range []int{1280, 390} {
		for i, p := range posts {
			t.Run(fmt.Sprintf("%d/%s", width, p.name), func(t *testing.T) {
				r := newReader(t, bctx, width, origin)
				r.read(urls[i], p)
				if shots != "" && p.way == "shortcode" && p.page == "/en/city/xuzhou" {
					r.screenshot(filepath.Join(shots, fmt.Sprintf("wordpress-post-%d.png", width)))
				}
				if width == 1280 {
					r.interact(p)
				} else {
					r.narrower()
				}
			})
		}
	}
}

// siteOrigin reads the origin the site was built for from its static
// oEmbed response (cmd/static writes its provider_url).
func siteOrigin(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(oembed.File("/"))))
	if err != nil {
		t.Fatalf("%s: %v (build it with `make wordpress`)", EnvSite, err)
	}
	var o oembed.Response
	if err := json.Unmarshal(b, &o); err != nil || !strings.HasPrefix(o.ProviderURL, "http://127.0.0.1:") {
		t.Fatalf("%s was not built for a loopback origin: provider_url %q (%v)", dir, o.ProviderURL, err)
	}
	return strings.TrimSuffix(o.ProviderURL, "/")
}

// reader is one reader of a post: a tab of its own, and the frame inside.
type reader struct {
	t      *testing.T
	ctx    context.Context // the host page
	width  int
	origin string
	// frameID is the map's frame's target (Chromium runs a sandboxed
	// frame in a process of its own), once found; frame a session on it
	// that knows its current document.
	frameID target.ID
	frame   context.Context

	mu       sync.Mutex
	problems []string // the frame's errors
}

func newReader(t *testing.T, bctx context.Context, width int, origin string) *reader {
	t.Helper()
	ctx, cancel := chromedp.NewContext(bctx)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: int64(width), Height: 900, DeviceScaleFactor: 1, Mobile: width < 600,
	}); err != nil {
		t.Fatal(err)
	}
	// A headless page never has the system's focus; emulate it, as a
	// reader's tab in front has it: wp-embed.js follows a frame's link
	// only when the frame has the focus.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return &reader{t: t, ctx: ctx, width: width, origin: origin}
}

const frameSel = `document.querySelector('iframe.wp-embedded-content')`

// read opens the post and checks the embed as it first shows.
func (r *reader) read(postURL string, p post) {
	t := r.t
	t.Helper()
	if _, err := chromedp.Run(r.ctx, chromedp.Navigate(postURL)); err != nil {
		t.Fatal(err)
	}
	// WordPress keeps the frame hidden (clipped) until the frame's first
	// height message with the secret.
	r.poll(r.ctx, "the frame revealed", `(() => { const f = `+frameSel+`; return !!f && f.dataset.secret && !(f.getAttribute('style') || '').includes('clip'); })()`)
	src := r.eval(r.ctx, frameSel+`.src`).(string)
	s := route.ParseURL(mustURL(t, strings.TrimPrefix(strings.Split(src, "#")[0], r.origin)))
	want := route.ParseURL(mustURL(t, p.page))
	want.Embed = true
	if !strings.HasPrefix(src, r.origin+"/") || s != want {
		t.Fatalf("the frame shows %s, want %s", src, r.origin+want.URL())
	}
	r.attach(src)
	r.poll(r.ctx, "the frame revealed again", `(() => { const f = `+frameSel+`; return !(f.getAttribute('style') || '').includes('clip'); })()`)
	r.checkFits("as loaded")
	h := r.evalFrame(`innerHeight`).(float64)
	t.Logf("frame %.0f px high, %s, %d px wide page, app %v", h, p.page, r.width, r.evalFrame(`document.documentElement.getAttribute('data-app')`))
}

// attach finds the frame's target, listens for its errors, and loads the
// frame again so that none is missed.
func (r *reader) attach(src string) {
	t := r.t
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); r.frameID == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		infos, err := chromedp.Targets(r.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && info.URL == src {
				r.frameID = info.TargetID
			}
		}
	}
	if r.frameID == "" {
		t.Fatalf("no frame target at %s", src)
	}
	// The listener keeps hearing the frame across its navigations.
	listen, cancel := chromedp.NewContext(r.ctx, chromedp.WithTargetID(r.frameID), chromedp.WithDetachOnCancel())
	t.Cleanup(cancel)
	if err := chromedp.Listen(listen, r.onEvent); err != nil {
		t.Fatal(err)
	}
	// It hears the frame's console.
	r.eval(listen, `console.error('jsmap-probe'), true`)
	r.waitProblem("jsmap-probe")
	r.mu.Lock()
	r.problems = nil
	r.mu.Unlock()
	r.eval(listen, `setTimeout(() => location.reload(), 0), true`)
	r.pollFrame("the frame loaded again", `performance.getEntriesByType('navigation')[0].type === 'reload' && document.readyState === 'complete' && !!document.getElementById('page')`)
}

// session returns a session on the frame that knows its current document
// (a session's contexts go with the document it started on).
func (r *reader) session(fresh bool) context.Context {
	if r.frame == nil || fresh {
		ctx, cancel := chromedp.NewContext(r.ctx, chromedp.WithTargetID(r.frameID), chromedp.WithDetachOnCancel())
		r.t.Cleanup(cancel)
		r.frame = ctx
	}
	return r.frame
}

// evalFrame evaluates js in the frame's current document.
func (r *reader) evalFrame(js string) any {
	r.t.Helper()
	v, err := chromedp.Run(r.session(false), chromedp.Evaluate[any](js))
	if err != nil {
		// The frame went to another document (a static page's link).
		v, err = chromedp.Run(r.session(true), chromedp.Evaluate[any](js))
	}
	if err != nil {
		r.t.Fatalf("evaluating in the frame %s: %v", js, err)
	}
	return v
}

// pollFrame waits until js holds in the frame, across its navigations.
func (r *reader) pollFrame(what, js string) {
	r.t.Helper()
	if !r.tryFrame(js) {
		r.t.Fatalf("waiting for %s in the frame", what)
	}
}

// tryFrame waits up to 15 s for js to hold in the frame, across its
// navigations, and tells whether it did.
func (r *reader) tryFrame(js string) bool {
	var err error
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var v bool
		if v, err = chromedp.Run(r.session(err != nil), chromedp.Evaluate[bool](js)); err == nil && v {
			return true
		}
	}
	return false
}

func (r *reader) onEvent(ev any) {
	var s string
	switch ev := ev.(type) {
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			s = "log." + string(ev.Entry.Source) + ": " + ev.Entry.Text + " " + ev.Entry.URL
		}
	case *runtime.EventExceptionThrown:
		s = "exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			s += " " + ev.ExceptionDetails.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			s = "console.error:"
			for _, a := range ev.Args {
				s += " " + string(a.Value) + a.Description
			}
		}
	}
	if s != "" {
		r.mu.Lock()
		r.problems = append(r.problems, s)
		r.mu.Unlock()
	}
}

func (r *reader) waitProblem(sub string) {
	r.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		r.mu.Lock()
		got := strings.Join(r.problems, "\n")
		r.mu.Unlock()
		if strings.Contains(got, sub) {
			return
		}
	}
	r.t.Fatalf("the frame's console is not heard: no %q", sub)
}

// checkClean fails on any error the frame logged.
func (r *reader) checkClean(when string) {
	r.t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.problems {
		r.t.Errorf("%s: the frame logged %s", when, p)
	}
	r.problems = nil
}

// checkFits waits until the frame is as high as its content (WordPress
// sets the height from the frame's messages) and checks that it is within
// WordPress's clamp, as wide as its column at most, and that nothing in
// it scrolls or sticks out.
func (r *reader) checkFits(when string) {
	t := r.t
	t.Helper()
	const content = `Math.ceil(document.body.getBoundingClientRect().height)`
	if !r.tryFrame(`Math.abs(innerHeight - ` + content + `) <= 1`) {
		t.Errorf("%s: the frame is not as high as its content (frame, content: %v)", when, r.evalFrame(`[innerHeight, `+content+`]`))
		return
	}
	if h := r.evalFrame(content).(float64); h > maxFrame {
		t.Errorf("%s: the content is %.0f px high; WordPress cuts its frames at %d", when, h, maxFrame)
	}
	if got := r.eval(r.ctx, frameSel+`.getBoundingClientRect().right`).(float64); got > float64(r.width) {
		t.Errorf("%s: the frame reaches %.0f px on a %d px page", when, got, r.width)
	}
	scrollers := r.evalFrame(`(() => {
		const out = [];
		const d = document.documentElement;
		if (d.scrollHeight > innerHeight + 1 || d.scrollWidth > innerWidth + 1) out.push('the document: ' + d.scrollWidth + '×' + d.scrollHeight + ' in ' + innerWidth + '×' + innerHeight);
		for (const e of document.querySelectorAll('body *')) {
			const s = getComputedStyle(e);
			if (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1 || /(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
				out.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + e.scrollWidth + '×' + e.scrollHeight + ' in ' + e.clientWidth + '×' + e.clientHeight);
			}
		}
		return out;
	})()`).([]any)
	for _, s := range scrollers {
		t.Errorf("%s: scrolls inside the frame: %s", when, s)
	}
}

// interact clicks a city inside the frame, opens a disclosure, opens each
// of them in turn, and follows the link to the full map.
func (r *reader) interact(p post) {
	t := r.t
	t.Helper()
	r.clickIn(`a[data-class~=region][data-id="` + p.click + `"]`)
	r.pollFrame("the clicked city's panel", `!!document.querySelector('#panel[data-city="`+p.click+`"]')`)
	r.checkFits("after clicking " + p.click)
	if p.disclose {
		r.clickIn(`details.initiative-more:not(#initiative-target) > summary`)
		r.pollFrame("a disclosure open", `!!document.querySelector('details.initiative-more[open]')`)
		r.checkFits("with a disclosure open")
		n := int(r.evalFrame(`document.querySelectorAll('details.initiative-more').length`).(float64))
		for i := 0; i < n; i++ {
			r.openDisclosure(i, fmt.Sprintf("disclosure %d of %s", i+1, p.click))
		}
	}
	if !strings.Contains(p.page, "static=1") {
		r.pollFrame("the app started", `document.documentElement.getAttribute('data-app') === 'ready'`)
		r.checkFits("once the app runs")
	}
	r.checkClean("before the link")
	href := r.evalFrame(`document.querySelector('.embed-open-link').href`).(string)
	s := route.Parse(strings.TrimPrefix(href, r.origin))
	if !strings.HasPrefix(href, r.origin+"/") || s.Embed || s.City != p.click {
		t.Errorf("the full map link is %s, want the full site's page of %s", href, p.click)
	}
	r.clickIn(`.embed-open-link`)
	r.poll(r.ctx, "the host page at the full map", `location.href === `+strconv.Quote(href))
	r.checkClean("after the link")
}

// narrower checks the frame still fits, each disclosure open in turn,
// in its column and in narrower ones (a phone 320 px wide has a column
// of about 290).
func (r *reader) narrower() {
	for _, w := range []int{0, 320, 290} {
		when := "in the phone's column"
		if w > 0 {
			when = fmt.Sprintf("%d px wide", w)
			// A stylesheet: wp-embed.js removes the frame's style
			// attribute at every message from it.
			r.eval(r.ctx, fmt.Sprintf(`(() => { const s = document.getElementById('narrower') || document.head.appendChild(Object.assign(document.createElement('style'), {id: 'narrower'}));
				s.textContent = 'iframe.wp-embedded-content { width: %dpx !important; }'; return true; })()`, w))
			r.pollFrame(when, fmt.Sprintf(`innerWidth === %d`, w))
		}
		r.checkFits(when)
		n := int(r.evalFrame(`document.querySelectorAll('details.initiative-more').length`).(float64))
		for i := 0; i < n; i++ {
			r.openDisclosure(i, fmt.Sprintf("%s, disclosure %d", when, i+1))
		}
		r.evalFrame(`document.querySelectorAll('details.initiative-more[open]').forEach(d => d.open = false), true`)
	}
	r.checkClean("on a phone")
}

// openDisclosure opens the i-th disclosure of the panel, then its original
// text if it has one (components/city_panel.go), and checks the frame
// still fits.
func (r *reader) openDisclosure(i int, what string) {
	r.t.Helper()
	r.evalFrame(fmt.Sprintf(`document.querySelectorAll('details.initiative-more')[%d].open = true`, i))
	r.checkFits(what + " open")
	if r.evalFrame(`(() => { const q = document.querySelector('details.initiative-more[open] details.quotes'); if (q) q.open = true; return !!q; })()`).(bool) {
		r.checkFits(what + " open with its original text")
	}
}

// clickIn clicks the element sel inside the frame, as a reader does: the
// host page scrolled to it, the mouse on a point of it that nothing
// covers (a city's label, say, may overlap its neighbour).
func (r *reader) clickIn(sel string) {
	t := r.t
	t.Helper()
	find := `(() => { const e = document.querySelector(` + strconv.Quote(sel) + `); if (!e) return null;
		const b = e.getBoundingClientRect(), hits = (x, y) => { const h = document.elementFromPoint(x, y); return !!h && (h === e || e.contains(h)); };
		for (const [fx, fy] of [[0.5, 0.5], [0.3, 0.5], [0.7, 0.5], [0.5, 0.3], [0.5, 0.7], [0.3, 0.3], [0.7, 0.7], [0.3, 0.7], [0.7, 0.3]]) {
			const x = b.left + b.width * fx, y = b.top + b.height * fy;
			if (hits(x, y)) return {X: x, Y: y};
		}
		return null; })()`
	in := r.point(r.evalFrame(find), sel)
	// (Instantly: the theme scrolls smoothly.)
	r.eval(r.ctx, fmt.Sprintf(`window.scrollTo({top: %s.getBoundingClientRect().top + scrollY + %f - innerHeight / 2, behavior: 'instant'}), true`, frameSel, in.Y))
	// The frame where it stays (a smooth scroll may still be moving).
	frameAt := `(() => { const b = ` + frameSel + `.getBoundingClientRect(); return {X: b.left, Y: b.top}; })()`
	at := r.point(r.eval(r.ctx, frameAt), "the frame")
	for i := 0; i < 50; i++ {
		time.Sleep(100 * time.Millisecond)
		now := r.point(r.eval(r.ctx, frameAt), "the frame")
		if now == at {
			break
		}
		at = now
	}
	in = r.point(r.evalFrame(find), sel)
	if _, err := chromedp.Run(r.ctx, chromedp.MouseClickXY(at.X+in.X, at.Y+in.Y)); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

// point reads {X, Y} from an evaluation's result.
func (r *reader) point(v any, what string) struct{ X, Y float64 } {
	r.t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		r.t.Fatalf("no point of %s to click", what)
	}
	x, _ := m["X"].(float64)
	y, _ := m["Y"].(float64)
	return struct{ X, Y float64 }{x, y}
}

func (r *reader) eval(ctx context.Context, js string) any {
	r.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
	if err != nil {
		r.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func (r *reader) poll(ctx context.Context, what, js string) {
	r.t.Helper()
	var err error
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var v bool
		// (An error while the page navigates is no answer yet.)
		if v, err = chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && v {
			return
		}
	}
	r.t.Fatalf("waiting for %s (%v)", what, err)
}

// screenshot saves the whole host page, the frame included.
func (r *reader) screenshot(file string) {
	t := r.t
	t.Helper()
	r.eval(r.ctx, `window.scrollTo({top: 0, behavior: 'instant'}), true`)
	h := r.eval(r.ctx, `document.documentElement.scrollHeight`).(float64)
	// A capture beyond the viewport leaves the frame's process out: the
	// viewport is made as high as the page instead.
	if _, err := chromedp.Call(r.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: int64(r.width), Height: int64(h), DeviceScaleFactor: 1, Mobile: r.width < 600}); err != nil {
		t.Fatal(err)
	}
	r.checkFits("a page high")
	b, err := chromedp.Run(r.ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.MkdirAll(filepath.Dir(file), 0o755)
	}
	if err == nil {
		err = os.WriteFile(file, b, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", file)
	if _, err := chromedp.Call(r.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: int64(r.width), Height: 900, DeviceScaleFactor: 1, Mobile: r.width < 600}); err != nil {
		t.Fatal(err)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// syncWriter serialises writes from the servers' output copiers.
type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}
