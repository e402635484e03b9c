package xbrowser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

// Sharing and embedding, in Chromium: pages of other origins that frame
// the map, and the clipboard.

// hostPage serves a news article on another origin than the map, with the
// given markup in its body; /pym.js serves the real pym.js from npm. The
// page records every message it receives in window.__msgs.
func hostPage(t *testing.T, body string) *httptest.Server {
	t.Helper()
	root, err := harness.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/pym.js" {
			w.Header().Set("Content-Type", "text/javascript")
			http.ServeFile(w, r, filepath.Join(root, "node_modules", "pym.js", "dist", "pym.v1.min.js"))
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>window.__msgs = []; addEventListener('message', e => window.__msgs.push({origin: e.origin, data: e.data}));</script>
</head><body style="margin:0 auto;max-width:760px;font-family:sans-serif">
<h1>An article</h1><p>Text before the map.</p>
%s
<p id="after">Text after the map.</p><div style="height:2000px"></div></body></html>`, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// inFrame finds elements inside the first iframe of the page (same site,
// so in the page's process).
func (tb *tab) inFrame(sel string) []*chromedp.Node {
	t := tb.t
	t.Helper()
	frames, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSS("iframe"), chromedp.NodeReady))
	if err != nil || len(frames) == 0 {
		t.Fatalf("no iframe: %v", err)
	}
	nodes, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSS(sel), chromedp.FromNode(frames[0]), chromedp.NodeReady))
	if err != nil {
		t.Fatalf("in the iframe, %s: %v", sel, err)
	}
	return nodes
}

// frameTarget attaches to the out-of-process iframe whose URL starts with
// prefix and returns a context that runs actions inside it.
func (tb *tab) frameTarget(prefix string) context.Context {
	t := tb.t
	t.Helper()
	infos, err := chromedp.Targets(tb.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range infos {
		if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
			ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(info.TargetID))
			t.Cleanup(cancel)
			return ctx
		}
	}
	t.Fatalf("no iframe target at %s", prefix)
	return nil
}

// lastHeight is the last height our page reported (jsmap:height).
const lastHeight = `(() => { const m = window.__msgs.filter(m => m.data && m.data.type === 'jsmap:height'); return m.length ? m[m.length - 1].data : null; })()`

type heightMsg struct {
	Height float64
	Ready  bool
	Path   string
}

// waitSized waits until the app in the frame is ready and the iframe's
// height equals the last height it reported, and returns that message.
func (tb *tab) waitSized(what string, timeout time.Duration) heightMsg {
	t := tb.t
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	js := `(() => { const m = ` + lastHeight + `; const f = document.querySelector('iframe');
		return m && m.ready && Math.abs(f.getBoundingClientRect().height - m.height) < 1; })()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js)); err != nil {
		got := eval[any](tb.run, `[document.querySelector('iframe').getBoundingClientRect().height, `+lastHeight+`]`)
		t.Fatalf("%s: the iframe did not take its content's height within %s (iframe, last message: %v)", what, timeout, got)
	}
	return eval[heightMsg](tb.run, lastHeight)
}

func TestChromiumEmbedSnippetSizesTheFrame(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	host := hostPage(t, components.Snippet(base, "", data.Zh, ""))
	tb := newTabFor(t, base, "", Options{}) // two origins: checked below instead
	tb.do(chromedp.Navigate(host.URL))
	first := tb.waitSized("after loading", 20*time.Second)
	if first.Path != "/embed/" {
		t.Errorf("embedded path %q, want /embed/", first.Path)
	}

	// Select a city inside the frame with a real click: the frame follows
	// its new height within a second, and the article stays where it is.
	labels := tb.inFrame(`[data-class~=region-label][data-id="xuzhou"]`)
	tb.do(chromedp.MouseClickNode(labels[0]))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](lastHeight+`.path === '/embed/city/xuzhou'`)); err != nil {
		t.Fatalf("clicking Xuzhou in the frame: %v", err)
	}
	city := tb.waitSized("after selecting a city", time.Second)
	if city.Height == first.Height {
		t.Errorf("height stayed %.0f after opening a city panel", city.Height)
	}
	if got := eval[string](tb.run, `location.href`); got != host.URL+"/" {
		t.Errorf("the top page navigated to %s", got)
	}

	// Resize the host window: the frame follows.
	tb.do(chromedp.EmulateViewport(420, 900))
	// Wait for the page's new height, then for the frame to take it.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(lastHeight+`.height !== %v`, city.Height))); err != nil {
		t.Fatalf("no new height after the host narrowed: %v", err)
	}
	narrow := tb.waitSized("after resizing the host", time.Second)
	if narrow.Height == city.Height {
		t.Errorf("height stayed %.0f after the host narrowed", narrow.Height)
	}

	// The page scrolls over the frame (it never captures the wheel).
	before := eval[float64](tb.run, `scrollY`)
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('iframe').scrollIntoView({block: 'center'})`))
	before = eval[float64](tb.run, `scrollY`)
	rect := eval[struct{ X, Y float64 }](tb.run, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return {X: r.left + r.width / 2, Y: Math.max(r.top, 0) + 100}; })()`)
	tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, rect.X, rect.Y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 1, 400 }))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`scrollY > %f`, before))); err != nil {
		t.Error("wheel over the map did not scroll the article")
	}

	// The credit opens the full app in a new tab.
	credit := tb.inFrame(`a.embed-open-link`)
	if got := credit[0].AttributeValue("target"); got != "_blank" {
		t.Errorf("credit link target %q, want _blank", got)
	}
	if got := credit[0].AttributeValue("rel"); !strings.Contains(got, "noopener") {
		t.Errorf("credit link rel %q, want noopener", got)
	}
	if n := len(tb.inFrame(`#page.page--embed`)); n != 1 {
		t.Error("the frame does not show the embed page")
	}
	tb.checkOrigins(host.URL, base)
}

func TestChromiumEmbedWithPym(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	host := hostPage(t, `<div id="map"></div><script src="/pym.js"></script>
<script>window.__pym = new pym.Parent('map', '`+base+`/en/embed/city/suzhou', {title: 'Jiangsu map'});</script>`)
	tb := newTabFor(t, base, "", Options{})
	tb.do(chromedp.Navigate(host.URL))
	// pym.js passes childId in the URL; our page answers in pym's dialect
	// and pym sets the iframe's height.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__msgs.some(m => typeof m.data === 'string' && m.data.startsWith('pymxPYMxmapxPYMxheightxPYMx'))`)); err != nil {
		t.Fatalf("no pym height message: %v", err)
	}
	tb.waitSized("pym", 20*time.Second)
	src := eval[string](tb.run, `document.querySelector('#map iframe').src`)
	if !strings.Contains(src, "childId=map") {
		t.Errorf("pym iframe src %q has no childId", src)
	}
	tb.checkOrigins(host.URL, base)
}

// wordPressMarkup is the oEmbed html of the page at path, as WordPress
// inserts it into a post: its iframe gets sandbox="allow-scripts" (an
// opaque origin) and the secret abc123.
func wordPressMarkup(t *testing.T, base, path string) string {
	t.Helper()
	var o struct{ HTML string }
	getJSON(t, base+"/oembed"+path+".json", &o)
	markup := strings.ReplaceAll(o.HTML, `src="/`, `src="`+base+`/`)
	embed := route.Parse(path)
	embed.Embed = true
	return strings.Replace(markup, embed.Path()+`"`, embed.Path()+`#?secret=abc123" data-secret="abc123"`, 1)
}

func TestChromiumEmbedInWordPressSandbox(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	host := hostPage(t, wordPressMarkup(t, base, "/en/city/yancheng"))
	tb := newTabFor(t, base, "", Options{})
	tb.do(chromedp.Navigate(host.URL))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__msgs.some(m => m.data && m.data.message === 'height' && m.data.secret === 'abc123' && m.data.value > 200)`)); err != nil {
		t.Fatalf("no WordPress height message with the secret: %v", err)
	}
	// (No WordPress script on this page resizes the frame: the messages
	// are what wp-embed.js needs.)
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](lastHeight+`.ready`)); err != nil {
		t.Fatal("the app did not become ready in the sandbox")
	}
	// WordPress clamps embeds to 1000 px: the page fits within it.
	if h := eval[heightMsg](tb.run, lastHeight).Height; h > 1000 {
		t.Errorf("in WordPress the embed is %.0f px tall; WordPress cuts it at 1000", h)
	}
	if got := eval[string](tb.run, `window.__msgs.find(m => m.data && m.data.type === 'jsmap:height').origin`); got != "null" {
		t.Errorf("message origin %q, want null (an opaque, sandboxed origin)", got)
	}
	// The map works in the sandbox. Chromium runs sandboxed frames in a
	// process of their own: attach to the frame's target and click there.
	frame := tb.frameTarget(base + "/en/embed/city/yancheng")
	type point struct{ X, Y float64 }
	// Nantong's name is placed on Nantong (TestChromiumMapLabels); its
	// anchor, not its box: on WordPress's small map the names are hidden.
	in := evalIn[point](t, frame, `(() => {
		const l = document.querySelector('[data-class~=region-label][data-id="nantong"]');
		const r = l.ownerSVGElement.getBoundingClientRect();
		return {X: r.left + parseFloat(l.getAttribute('x')) / 100 * r.width, Y: r.top + parseFloat(l.getAttribute('y')) / 100 * r.height};
	})()`)
	at := eval[point](tb.run, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return {X: r.left, Y: r.top}; })()`)
	tb.do(chromedp.MouseClickXY(at.X+in.X, at.Y+in.Y))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](lastHeight+`.path === '/en/embed/city/nantong'`)); err != nil {
		t.Fatalf("clicking Nantong in the sandbox: %v", err)
	}
	tb.checkOrigins(host.URL, base)
}

// TestChromiumEmbedWordPressLateSecret: wp-embed.js gives a frame without
// data-secret its secret only after the frame loaded (the host's load
// event), by a change of the fragment, which loads no page, and in a
// {message: "ready"}, either of which can be lost (the ready when it
// comes before the frame's scripts). The host page here mimics
// wp-embed.js, which shows a frame on its first message with the secret,
// and hands the secret over after page.js has sent its first height: to
// one frame only by the fragment, to the other only by the ready. Each
// frame adopts it without a reload, takes WordPress's layout and sends
// its height with it.
func TestChromiumEmbedWordPressLateSecret(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	clipped := `class="wp-embedded-content" sandbox="allow-scripts" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" width="600" height="400"`
	host := hostPage(t, `<iframe id="byhash" `+clipped+` src="`+base+`/en/embed/city/yancheng"></iframe>
<iframe id="byready" `+clipped+` src="`+base+`/en/embed/city/wuxi"></iframe>
<script>window.__shown = {}; addEventListener('message', e => {
  for (const f of document.querySelectorAll('iframe.wp-embedded-content')) {
    if (e.source === f.contentWindow && f.dataset.secret && e.data && e.data.secret === f.dataset.secret) { f.removeAttribute('style'); window.__shown[f.id] = e.data; }
  }
});</script>`)
	tb := newTabFor(t, base, "", Options{})
	tb.do(chromedp.Navigate(host.URL))
	tb.poll("both frames sent a height", `['yancheng', 'wuxi'].every(c => window.__msgs.some(m => m.data && m.data.type === 'jsmap:height' && m.data.path === '/en/embed/city/' + c))`)
	frames := map[string]context.Context{
		"byhash":  tb.frameTarget(base + "/en/embed/city/yancheng"),
		"byready": tb.frameTarget(base + "/en/embed/city/wuxi"),
	}
	for id, frame := range frames {
		if evalIn[bool](t, frame, `document.documentElement.hasAttribute('data-wp')`) {
			t.Errorf("%s: WordPress's layout before any secret", id)
		}
		evalIn[bool](t, frame, `window.__before = true`)
	}
	if got := eval[int](tb.run, `document.querySelectorAll('iframe[style]').length`); got != 2 {
		t.Fatalf("%d frames clipped before the secret, want 2", got)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const h = document.getElementById('byhash');
		h.dataset.secret = 'late1';
		h.src += '#?secret=late1';
		const r = document.getElementById('byready');
		r.dataset.secret = 'late2';
		r.contentWindow.postMessage({message: 'ready', secret: 'late2'}, '*');
	})()`))
	tb.poll("both frames shown", `!!(window.__shown.byhash && window.__shown.byready)`)
	for id, frame := range frames {
		if m := eval[map[string]any](tb.run, `window.__shown.`+id); m["message"] != "height" || m["value"].(float64) < 200 {
			t.Errorf("%s: wp-embed.js first heard %v, want a height message", id, m)
		}
		if !evalIn[bool](t, frame, `window.__before === true`) {
			t.Errorf("%s: the frame loaded again", id)
		}
		if !evalIn[bool](t, frame, `document.documentElement.hasAttribute('data-wp')`) {
			t.Errorf("%s: no WordPress layout after the secret came", id)
		}
	}
	tb.checkOrigins(host.URL, base)
}

// TestChromiumEmbedOptions: dark=true forces the dark theme, static=1 keeps the
// prerendered page (no WebAssembly) with links that stay static, and bad
// values are ignored.
func TestChromiumEmbedOptions(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	tb.open("/embed/city/suzhou?dark=true&childId=x")
	if bg := eval[string](tb.run, `getComputedStyle(document.body).backgroundColor`); luminance(t, bg) > 0.1 {
		t.Errorf("dark=true: background %s is not dark", bg)
	}
	tb.open("/embed/city/suzhou?dark=purple&static=maybe")
	if bg := eval[string](tb.run, `getComputedStyle(document.body).backgroundColor`); luminance(t, bg) < 0.5 {
		t.Errorf("dark=purple: background %s, want the default light theme", bg)
	}
	from := len(tb.c.Requests())
	tb.do(chromedp.Navigate(tb.site + "/en/embed/?static=1&dark=false"))
	tb.do(chromedp.WaitReady(chromedp.CSS(`#page.page--embed`)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.readyState === 'complete' && !document.getElementById('app-wasm-loader')`)); err != nil {
		t.Fatal(err)
	}
	href := eval[string](tb.run, `document.querySelector('a[data-class~=region][data-id="wuxi"]').getAttribute('href')`)
	if !strings.Contains(href, "static=1") {
		t.Errorf("static=1: region link %q does not stay static", href)
	}
	tb.clickCity("wuxi")
	tb.waitPanel("wuxi")
	if eval[bool](tb.run, `document.documentElement.getAttribute('data-app') === 'ready'`) {
		t.Error("static=1: the WebAssembly started")
	}
	for _, r := range tb.c.Requests()[from:] {
		if strings.HasSuffix(r, ".wasm") {
			t.Errorf("static=1 fetched %s", r)
		}
	}
}

// TestChromiumEmbedControl: the full app shows the embed code for the current city
// and language and copies it.
func TestChromiumEmbedControl(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	tb.open("/en/city/wuxi")
	tb.grantClipboard()
	tb.do(chromedp.Click(chromedp.CSS(`.embed-control summary`)))
	code := eval[string](tb.run, `document.getElementById('embed-snippet').value`)
	want := components.Snippet(tb.site, "", data.En, "wuxi")
	if code != want {
		t.Errorf("embed code:\n got %s\nwant %s", code, want)
	}
	tb.do(chromedp.Click(chromedp.CSS(`.embed-copy`)))
	// Wait for any answer, so that a failure says which.
	status, err := chromedp.Run(tb.ctx, chromedp.Poll[string](`document.querySelector('.embed-status').textContent || false`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("no status after the copy button: %v", err)
	}
	if !strings.Contains(status, "Copied") {
		t.Fatalf("status %q, want the copy confirmation", status)
	}
	if got := eval[string](tb.run, `navigator.clipboard.readText()`); got != want {
		t.Errorf("clipboard holds %q, want the embed code", got)
	}
	// Selecting another city updates the code.
	tb.clickCity("nanjing")
	tb.waitPanel("nanjing")
	if code := eval[string](tb.run, `document.getElementById('embed-snippet').value`); !strings.Contains(code, "/en/embed/city/nanjing") {
		t.Errorf("after selecting Nanjing the code is %s", code)
	}
}

// TestChromiumShareButton: where the browser has no Web Share API, the
// share button copies the page's address.
func TestChromiumShareButton(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	tb.open("/en/city/nantong")
	tb.grantClipboard()
	if eval[bool](tb.run, `!!navigator.share`) {
		t.Skip("this Chromium has the Web Share API; the copy fallback is not reachable")
	}
	tb.do(chromedp.Click(chromedp.CSS(`.share-button`)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelector('.share-status').textContent === 'Link copied.'`)); err != nil {
		t.Fatalf("no confirmation: %q", eval[string](tb.run, `document.querySelector('.share-status').textContent`))
	}
	if got := eval[string](tb.run, `navigator.clipboard.readText()`); got != tb.site+"/en/city/nantong" {
		t.Errorf("clipboard holds %q, want the page URL", got)
	}
}

// grantClipboard lets the site's pages read and write the clipboard, so
// that a test can check what they copied.
func (tb *tab) grantClipboard() {
	tb.t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: "granted", Origin: tb.site,
		}); err != nil {
			tb.t.Fatal(err)
		}
	}
}
