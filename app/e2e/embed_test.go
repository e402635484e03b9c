package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/apptest"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

// hostPage serves a news article on another origin than the map, with the
// given markup in its body; /pym.js serves the real pym.js from npm. The
// page records every message it receives in window.__msgs.
func hostPage(t *testing.T, body string) *httptest.Server {
	t.Helper()
	root, err := apptest.ModuleRoot()
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

// frameNodes finds elements inside the first iframe of the page (same site,
// so in the page's process).
func (tb *tab) inFrame(t *testing.T, sel string) []*chromedp.Node {
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
func (tb *tab) frameTarget(t *testing.T, prefix string) context.Context {
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
func (tb *tab) waitSized(t *testing.T, what string, timeout time.Duration) heightMsg {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	js := `(() => { const m = ` + lastHeight + `; const f = document.querySelector('iframe');
		return m && m.ready && Math.abs(f.getBoundingClientRect().height - m.height) < 1; })()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js)); err != nil {
		got := eval[any](t, tb, `[document.querySelector('iframe').getBoundingClientRect().height, `+lastHeight+`]`)
		t.Fatalf("%s: the iframe did not take its content's height within %s (iframe, last message: %v)", what, timeout, got)
	}
	return eval[heightMsg](t, tb, lastHeight)
}

func TestEmbedSnippetSizesTheFrame(t *testing.T) {
	host := hostPage(t, components.Snippet(site.URL, "", data.Zh, ""))
	tb := newTabFor(t, host.URL)
	tb.own = "" // two origins: checked below instead
	tb.do(t, chromedp.Navigate(host.URL))
	first := tb.waitSized(t, "after loading", 20*time.Second)
	if first.Path != "/embed/" {
		t.Errorf("embedded path %q, want /embed/", first.Path)
	}

	// Select a city inside the frame with a real click: the frame follows
	// its new height within a second, and the article stays where it is.
	labels := tb.inFrame(t, `[data-class~=region-label][data-id="xuzhou"]`)
	tb.do(t, chromedp.MouseClickNode(labels[0]))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](lastHeight+`.path === '/embed/city/xuzhou'`)); err != nil {
		t.Fatalf("clicking Xuzhou in the frame: %v", err)
	}
	city := tb.waitSized(t, "after selecting a city", time.Second)
	if city.Height == first.Height {
		t.Errorf("height stayed %.0f after opening a city panel", city.Height)
	}
	if got := eval[string](t, tb, `location.href`); got != host.URL+"/" {
		t.Errorf("the top page navigated to %s", got)
	}

	// Resize the host window: the frame follows.
	tb.do(t, chromedp.EmulateViewport(420, 900))
	// Wait for the page's new height, then for the frame to take it.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(lastHeight+`.height !== %v`, city.Height))); err != nil {
		t.Fatalf("no new height after the host narrowed: %v", err)
	}
	narrow := tb.waitSized(t, "after resizing the host", time.Second)
	if narrow.Height == city.Height {
		t.Errorf("height stayed %.0f after the host narrowed", narrow.Height)
	}

	// The page scrolls over the frame (it never captures the wheel).
	before := eval[float64](t, tb, `scrollY`)
	tb.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('iframe').scrollIntoView({block: 'center'})`))
	before = eval[float64](t, tb, `scrollY`)
	rect := eval[struct{ X, Y float64 }](t, tb, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return {X: r.left + r.width / 2, Y: Math.max(r.top, 0) + 100}; })()`)
	tb.do(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, rect.X, rect.Y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 1, 400 }))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`scrollY > %f`, before))); err != nil {
		t.Error("wheel over the map did not scroll the article")
	}

	// The credit opens the full app in a new tab.
	credit := tb.inFrame(t, `a.embed-open-link`)
	if got := credit[0].AttributeValue("target"); got != "_blank" {
		t.Errorf("credit link target %q, want _blank", got)
	}
	if got := credit[0].AttributeValue("rel"); !strings.Contains(got, "noopener") {
		t.Errorf("credit link rel %q, want noopener", got)
	}
	if n := len(tb.inFrame(t, `#page.page--embed`)); n != 1 {
		t.Error("the frame does not show the embed page")
	}
	tb.checkOrigins(t, host.URL, site.URL)
}

// checkOrigins fails on requests to hosts other than the given origins.
func (tb *tab) checkOrigins(t *testing.T, origins ...string) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, r := range tb.requests {
		ok := strings.HasPrefix(r, "data:") || strings.HasPrefix(r, "blob:")
		for _, o := range origins {
			ok = ok || strings.HasPrefix(r, o+"/")
		}
		if !ok {
			t.Errorf("request to another host: %s", r)
		}
	}
	tb.requests = nil
}

func TestEmbedWithPym(t *testing.T) {
	host := hostPage(t, `<div id="map"></div><script src="/pym.js"></script>
<script>window.__pym = new pym.Parent('map', '`+site.URL+`/en/embed/city/suzhou', {title: 'Jiangsu map'});</script>`)
	tb := newTabFor(t, host.URL)
	tb.own = ""
	tb.do(t, chromedp.Navigate(host.URL))
	// pym.js passes childId in the URL; our page answers in pym's dialect
	// and pym sets the iframe's height.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__msgs.some(m => typeof m.data === 'string' && m.data.startsWith('pymxPYMxmapxPYMxheightxPYMx'))`)); err != nil {
		t.Fatalf("no pym height message: %v", err)
	}
	tb.waitSized(t, "pym", 20*time.Second)
	src := eval[string](t, tb, `document.querySelector('#map iframe').src`)
	if !strings.Contains(src, "childId=map") {
		t.Errorf("pym iframe src %q has no childId", src)
	}
	tb.checkOrigins(t, host.URL, site.URL)
}

func TestEmbedInWordPressSandbox(t *testing.T) {
	// The oEmbed html, as WordPress would insert it: its iframe gets
	// sandbox="allow-scripts" (an opaque origin) and a secret.
	var o struct{ HTML string }
	getJSON(t, site.URL+"/oembed/en/city/yancheng.json", &o)
	markup := strings.ReplaceAll(o.HTML, `src="/`, `src="`+site.URL+`/`)
	markup = strings.Replace(markup, `/en/embed/city/yancheng"`, `/en/embed/city/yancheng#?secret=abc123" data-secret="abc123"`, 1)
	host := hostPage(t, markup)
	tb := newTabFor(t, host.URL)
	tb.own = ""
	tb.do(t, chromedp.Navigate(host.URL))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__msgs.some(m => m.data && m.data.message === 'height' && m.data.secret === 'abc123' && m.data.value > 200)`)); err != nil {
		t.Fatalf("no WordPress height message with the secret: %v", err)
	}
	// (No WordPress script on this page resizes the frame: the messages
	// are what wp-embed.js needs.)
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](lastHeight+`.ready`)); err != nil {
		t.Fatal("the app did not become ready in the sandbox")
	}
	// WordPress clamps embeds to 1000 px: the page fits within it.
	if h := eval[heightMsg](t, tb, lastHeight).Height; h > 1000 {
		t.Errorf("in WordPress the embed is %.0f px tall; WordPress cuts it at 1000", h)
	}
	if got := eval[string](t, tb, `window.__msgs.find(m => m.data && m.data.type === 'jsmap:height').origin`); got != "null" {
		t.Errorf("message origin %q, want null (an opaque, sandboxed origin)", got)
	}
	// The map works in the sandbox. Chromium runs sandboxed frames in a
	// process of their own: attach to the frame's target and click there.
	frame := &tab{ctx: tb.frameTarget(t, site.URL+"/en/embed/city/yancheng")}
	type point struct{ X, Y float64 }
	in := eval[point](t, frame, `(() => {
		const r = document.querySelector('[data-class~=region-label][data-id="nantong"]').getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`)
	at := eval[point](t, tb, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return {X: r.left, Y: r.top}; })()`)
	tb.do(t, chromedp.MouseClickXY(at.X+in.X, at.Y+in.Y))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](lastHeight+`.path === '/en/embed/city/nantong'`)); err != nil {
		t.Fatalf("clicking Nantong in the sandbox: %v", err)
	}
	tb.checkOrigins(t, host.URL, site.URL)
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: status %d", url, res.StatusCode)
	}
	b, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestOEmbed(t *testing.T) {
	tests := []struct{ page, file, embed string }{
		{"/", "/oembed/index.json", "/embed/"},
		{"/city/suzhou", "/oembed/city/suzhou.json", "/embed/city/suzhou"},
		{"/en/", "/oembed/en/index.json", "/en/embed/"},
		{"/en/city/xuzhou", "/oembed/en/city/xuzhou.json", "/en/embed/city/xuzhou"},
	}
	for _, tc := range tests {
		t.Run(tc.page, func(t *testing.T) {
			res, err := http.Get(site.URL + tc.page)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			link := fmt.Sprintf(`<link rel="alternate" type="application/json+oembed" href="%s"`, tc.file)
			if !strings.Contains(string(b), link) {
				t.Errorf("%s has no oEmbed discovery link %s", tc.page, link)
			}
			var o map[string]any
			getJSON(t, site.URL+tc.file, &o)
			for _, k := range []string{"type", "version", "html", "width", "height", "title", "provider_name", "provider_url"} {
				if _, ok := o[k]; !ok {
					t.Errorf("%s lacks %q", tc.file, k)
				}
			}
			if o["type"] != "rich" || o["version"] != "1.0" {
				t.Errorf("type %v version %v, want rich 1.0", o["type"], o["version"])
			}
			html, _ := o["html"].(string)
			for _, want := range []string{`<blockquote class="wp-embedded-content">`, `<iframe `, `src="` + tc.embed + `"`, `sandbox="allow-scripts"`} {
				if !strings.Contains(html, want) {
					t.Errorf("html lacks %s: %s", want, html)
				}
			}
			if s := route.Parse(tc.embed); !s.Embed || s.NotFound {
				t.Errorf("%s is not an embed route", tc.embed)
			}
		})
	}
}

// TestEmbedOptions: dark=true forces the dark theme, static=1 keeps the
// prerendered page (no WebAssembly) with links that stay static, and bad
// values are ignored.
func TestEmbedOptions(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/embed/city/suzhou?dark=true&childId=x")
	if bg := eval[string](t, tb, `getComputedStyle(document.body).backgroundColor`); luminance(t, bg) > 0.1 {
		t.Errorf("dark=true: background %s is not dark", bg)
	}
	tb.open(t, "/embed/city/suzhou?dark=purple&static=maybe")
	if bg := eval[string](t, tb, `getComputedStyle(document.body).backgroundColor`); luminance(t, bg) < 0.5 {
		t.Errorf("dark=purple: background %s, want the default light theme", bg)
	}
	tb.mu.Lock()
	tb.requests = nil
	tb.mu.Unlock()
	tb.do(t, chromedp.Navigate(site.URL+"/en/embed/?static=1&dark=false"))
	tb.do(t, chromedp.WaitReady(chromedp.CSS(`#page.page--embed`)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.readyState === 'complete' && !document.getElementById('app-wasm-loader')`)); err != nil {
		t.Fatal(err)
	}
	href := eval[string](t, tb, `document.querySelector('a[data-class~=region][data-id="wuxi"]').getAttribute('href')`)
	if !strings.Contains(href, "static=1") {
		t.Errorf("static=1: region link %q does not stay static", href)
	}
	tb.clickCity(t, "wuxi")
	tb.waitPanel(t, "wuxi")
	if eval[bool](t, tb, `document.documentElement.getAttribute('data-app') === 'ready'`) {
		t.Error("static=1: the WebAssembly started")
	}
	tb.mu.Lock()
	for _, r := range tb.requests {
		if strings.HasSuffix(r, ".wasm") {
			t.Errorf("static=1 fetched %s", r)
		}
	}
	tb.mu.Unlock()
}

// TestEmbedControl: the full app shows the embed code for the current city
// and language and copies it.
func TestEmbedControl(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/en/city/wuxi")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name},
			Setting:    "granted",
			Origin:     site.URL,
		}); err != nil {
			t.Fatal(err)
		}
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`.embed-control summary`)))
	code := eval[string](t, tb, `document.getElementById('embed-snippet').value`)
	want := components.Snippet(site.URL, "", data.En, "wuxi")
	if code != want {
		t.Errorf("embed code:\n got %s\nwant %s", code, want)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`.embed-copy`)))
	// Wait for any answer, so that a failure says which.
	status, err := chromedp.Run(tb.ctx, chromedp.Poll[string](`document.querySelector('.embed-status').textContent || false`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("no status after the copy button: %v", err)
	}
	if !strings.Contains(status, "Copied") {
		t.Fatalf("status %q, want the copy confirmation", status)
	}
	if got := eval[string](t, tb, `navigator.clipboard.readText()`, chromedp.EvalAwaitPromise); got != want {
		t.Errorf("clipboard holds %q, want the embed code", got)
	}
	// Selecting another city updates the code.
	tb.clickCity(t, "nanjing")
	tb.waitPanel(t, "nanjing")
	if code := eval[string](t, tb, `document.getElementById('embed-snippet').value`); !strings.Contains(code, "/en/embed/city/nanjing") {
		t.Errorf("after selecting Nanjing the code is %s", code)
	}
}

// TestEmbedScriptSize: the host script stays under 2 KB compressed.
func TestEmbedScriptSize(t *testing.T) {
	for _, enc := range []string{"br", "gzip"} {
		req, _ := http.NewRequest("GET", site.URL+"/web/embed.js", nil)
		req.Header.Set("Accept-Encoding", enc)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.Header.Get("Content-Encoding") != enc {
			t.Errorf("%s: served with Content-Encoding %q", enc, res.Header.Get("Content-Encoding"))
		}
		if len(b) >= 2048 {
			t.Errorf("embed.js is %d bytes with %s, want under 2 KB", len(b), enc)
		}
	}
}
