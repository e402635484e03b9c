package xbrowser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/app/story"
)

// The Progressive Web App in Chromium, which can inspect its manifest,
// installability, service worker and caches, and stop its server.

// waitOffline waits until the service worker controls the page and its
// cache holds every resource it was told to cache; it returns the number
// of cached files and their total size in bytes.
func (tb *tab) waitOffline() (files int, bytes int) {
	t := tb.t
	t.Helper()
	type stats struct{ Files, Bytes, Want int }
	js := `(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise(r => navigator.serviceWorker.addEventListener('controllerchange', r, {once: true}));
		}
		const src = await (await fetch(reg.active.scriptURL)).text();
		const want = JSON.parse(src.match(/const resourcesToCache = (\[.*?\]);/)[1]).length;
		const keys = await caches.keys();
		const cache = await caches.open(keys[0]);
		const reqs = await cache.keys();
		let bytes = 0;
		for (const r of reqs) bytes += (await (await cache.match(r)).arrayBuffer()).byteLength;
		return {Files: reqs.length, Bytes: bytes, Want: want};
	})()`
	s := eval[stats](tb.run, js)
	if s.Files != s.Want || s.Want == 0 {
		t.Fatalf("service worker cached %d files, want %d", s.Files, s.Want)
	}
	return s.Files, s.Bytes
}

func TestChromiumInstallable(t *testing.T) {
	t.Parallel()
	for _, path := range []string{"/", "/en/city/suzhou"} {
		t.Run(path, func(t *testing.T) {
			tb := newTab(t)
			tb.open(path)
			tb.waitOffline()
			res, err := chromedp.Call(tb.ctx, page.GetInstallabilityErrors, cdp.Empty{})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.InstallabilityErrors {
				t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
			}
			m, err := chromedp.Call(tb.ctx, page.GetAppManifest, page.GetAppManifestParams{})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range m.Errors {
				t.Errorf("manifest error: %s", e.Message)
			}
			wantLang := `"lang": "zh-Hans"`
			if strings.HasPrefix(path, "/en/") {
				wantLang = `"lang": "en"`
			}
			if !strings.Contains(m.Data, wantLang) {
				t.Errorf("manifest of %s lacks %s:\n%s", path, wantLang, m.Data)
			}
			// The install control shows exactly when the browser has offered
			// installation (go-app keeps the beforeinstallprompt event).
			if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`deferredPrompt !== null`)); err != nil {
				t.Fatalf("Chromium never offered installation: %v", err)
			}
			tb.do(chromedp.WaitVisible(chromedp.CSS(`.install-button`)))
		})
	}
}

// TestChromiumInstallButtonHiddenWithoutOffer checks the other half: where the
// browser offers no installation, no install control appears.
func TestChromiumInstallButtonHiddenWithoutOffer(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	// Swallow the browser's offer before go-app sees it.
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.addEventListener('beforeinstallprompt', e => { e.stopImmediatePropagation(); window.__offered = true; }, true);`,
	}); err != nil {
		t.Fatal(err)
	}
	tb.open("/")
	tb.waitOffline()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__offered === true`)); err != nil {
		t.Fatalf("the offer never came, so the check would be blind: %v", err)
	}
	if eval[bool](tb.run, `(() => { const b = document.querySelector('.install-button'); return !!b && b.checkVisibility({visibilityProperty: true}); })()`) {
		t.Error("install button shown although go-app saw no installation offer")
	}
}

// TestChromiumOffline visits the site once, stops the server, and then opens pages
// the reader never visited, in both languages, and uses them. The worker
// holds only the two home pages; it answers the others with the home page
// of their language, which the app renders as the page asked for.
func TestChromiumOffline(t *testing.T) {
	t.Parallel()
	dist := harness.RequireSite(t)
	srv := harness.MustStartServer(t, dist, "")
	tb := newTabFor(t, srv.URL, srv.URL, Options{})
	tb.do(chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
	files, bytes := tb.waitOffline()
	t.Logf("service worker cache: %d files, %d bytes", files, bytes)
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	if up := eval[bool](tb.run, `fetch('/index.html', {cache: 'no-store'}).then(() => true, () => false)`); up {
		t.Fatal("the server still answers; the offline check would be blind")
	}
	tests := []struct{ path, city, heading string }{
		{"/city/yancheng", "yancheng", "盐城"},
		{"/en/city/suzhou", "suzhou", "Suzhou"},
		{"/en/city/suzhou/?childId=x", "suzhou", "Suzhou"},
		{"/compare", "", ""},
		{"/", "", ""},
	}
	for _, tc := range tests {
		tb.do(chromedp.Navigate(srv.URL+tc.path), chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
		if got := eval[float64](tb.run, `performance.getEntriesByType('navigation')[0].responseStatus`); got != 200 {
			t.Errorf("offline %s: status %v, want 200", tc.path, got)
		}
		if tc.path == "/compare" && eval[int](tb.run, `document.querySelectorAll('#compare .compare-card[data-compare-city]').length`) != 8 {
			t.Errorf("offline /compare: want the 8 city cards; body: %.200s", eval[string](tb.run, `document.body.innerText`))
		}
		if tc.city == "" {
			continue
		}
		tb.waitPanel(tc.city)
		if got := eval[string](tb.run, `document.querySelector('#panel h2').textContent`); got != tc.heading {
			t.Errorf("offline %s: heading %q, want %q", tc.path, got, tc.heading)
		}
		if got := eval[string](tb.run, `document.title`); !strings.Contains(got, tc.heading) {
			t.Errorf("offline %s: title %q does not name %s", tc.path, got, tc.heading)
		}
	}
	// The story pages, documents the app cannot render, are held whole
	// (with a query or a trailing slash too).
	for _, p := range []string{"/story", "/en/story/?dark=true"} {
		tb.do(chromedp.Navigate(srv.URL+p), chromedp.WaitReady(chromedp.CSS(`[data-story] #s-yancheng`)))
		if got := eval[float64](tb.run, `performance.getEntriesByType('navigation')[0].responseStatus`); got != 200 {
			t.Errorf("offline %s: status %v, want 200", p, got)
		}
		if n := eval[int](tb.run, `document.querySelectorAll('[data-story] .story-step svg[role=img]').length`); n != len(story.Sections) {
			t.Errorf("offline %s: %d section maps, want %d", p, n, len(story.Sections))
		}
	}
	// Until the app has rendered the page asked for, the stand-in home
	// page is hidden (here the app is held back with wasm=false), and shown
	// after all when the app does not start.
	tb.do(chromedp.Navigate(srv.URL+"/city/nanjing?wasm=false"), chromedp.WaitReady(chromedp.CSS(`#page`)))
	if got := eval[string](tb.run, `document.documentElement.hasAttribute('data-shell') + ' ' + getComputedStyle(document.getElementById('page')).visibility`); got != "true hidden" {
		t.Errorf("offline stand-in page without the app: data-shell and visibility %q, want \"true hidden\"", got)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!document.documentElement.hasAttribute('data-shell') && getComputedStyle(document.getElementById('page')).visibility === 'visible'`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("the stand-in page stayed hidden although the app did not start: %v", err)
	}
	// And use it: select a city offline.
	tb.clickCity("wuxi")
	tb.waitPanel("wuxi")
	// An unknown page offline gets the not-found page, not a browser error.
	tb.do(chromedp.Navigate(srv.URL+"/en/city/atlantis"), chromedp.WaitReady(chromedp.CSS(`#panel[data-notfound]`)))
	if got := eval[float64](tb.run, `performance.getEntriesByType('navigation')[0].responseStatus`); got != 404 {
		t.Errorf("offline unknown page: status %v, want 404", got)
	}
	if got := eval[string](tb.run, `document.documentElement.lang`); got != "en" {
		t.Errorf("offline unknown English page: lang %q, want en", got)
	}
	// Failed network requests are expected with the server gone.
	tb.allow("ERR_CONNECTION_REFUSED", "ERR_FAILED", "Failed to fetch", "404")
}

// TestChromiumUpdate serves one build, then a newer one: the open app notices,
// offers a reload, and after reloading runs entirely on the new build.
func TestChromiumUpdate(t *testing.T) {
	t.Parallel()
	dist := harness.RequireSite(t)
	// Build B: the same app with another build id, so another version.
	buildB := buildVariant(t, dist, "-build-id", "update-test")
	site := filepath.Join(t.TempDir(), "site")
	copyTree(t, dist, site)
	versionA, versionB := metaVersion(t, dist), metaVersion(t, buildB)
	if versionA == versionB {
		t.Fatalf("builds A and B share version %s", versionA)
	}

	srv := harness.MustStartServer(t, site, "")
	tb := newTabFor(t, srv.URL, srv.URL, Options{})
	tb.do(chromedp.Navigate(srv.URL+"/city/nanjing"), chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
	tb.waitOffline()
	if got := eval[string](tb.run, `goappEnv.GOAPP_VERSION`); got != versionA {
		t.Fatalf("running version %s, want A %s", got, versionA)
	}
	if eval[bool](tb.run, `document.querySelector('.update-notice').classList.contains('is-visible')`) {
		t.Fatal("update notice shown before any update")
	}

	// Deploy B in place, and let the app look for it (as its timer does).
	replaceTree(t, buildB, site)
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`navigator.serviceWorker.getRegistration().then(r => r.update())`))
	tb.do(chromedp.WaitVisible(chromedp.CSS(`.update-notice.is-visible .update-reload`)))
	tb.do(chromedp.Click(chromedp.CSS(`.update-reload`)))
	tb.do(chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`html[data-app="ready"] meta[name="jsmap-version"][content="%s"]`, versionB))))
	tb.waitPanel("nanjing")
	if got := eval[string](tb.run, `goappEnv.GOAPP_VERSION`); got != versionB {
		t.Errorf("after reload app.js is version %s, want B %s", got, versionB)
	}
	keys := eval[[]string](tb.run, `caches.keys()`)
	if len(keys) != 1 || keys[0] != "app-"+versionB {
		t.Errorf("caches after update: %v, want only app-%s", keys, versionB)
	}
	// Every cached page is B's.
	stale := eval[[]string](tb.run, `(async () => {
		const c = await caches.open(await caches.keys().then(k => k[0]));
		const out = [];
		for (const r of await c.keys()) {
			const res = await c.match(r);
			if ((res.headers.get('content-type') || '').startsWith('text/html')) {
				const m = (await res.text()).match(/name="jsmap-version" content="([^"]+)"/);
				if (!m || m[1] !== '`+versionB+`') out.push(r.url);
			}
		}
		return out;
	})()`)
	if len(stale) > 0 {
		t.Errorf("pages from the old build still cached: %v", stale)
	}
}

// buildVariant builds another static site from dist's wasm with extra
// cmd/static flags (uncompressed, for speed) and returns its directory.
func buildVariant(t *testing.T, dist string, flags ...string) string {
	t.Helper()
	root, err := harness.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	args := append([]string{"run", "./cmd/static", "-out", out, "-wasm", filepath.Join(dist, "web", "app.wasm"), "-no-compress"}, flags...)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building with %v: %v\n%s", flags, err, b)
	}
	return out
}

func metaVersion(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	const key = `name="jsmap-version" content="`
	s := string(b)
	i := strings.Index(s, key)
	if i < 0 {
		t.Fatalf("%s/index.html has no version meta", dir)
	}
	s = s[i+len(key):]
	return s[:strings.IndexByte(s, '"')]
}

// copyTree copies directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// replaceTree replaces the contents of dst with those of src, keeping dst
// itself (the running server holds it open).
func replaceTree(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dst, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	copyTree(t, src, dst)
}

// TestChromiumBasePath builds the site for publishing under a sub-path and serves
// it there: every link, asset, manifest field and the service worker stay
// under the prefix.
func TestChromiumBasePath(t *testing.T) {
	t.Parallel()
	const prefix = "/news/jiangsu-map"
	dist := harness.RequireSite(t)
	out := buildVariant(t, dist, "-base", prefix+"/")
	srv := harness.MustStartServer(t, out, "")
	target, _ := url.Parse(srv.URL)
	front := httptest.NewServer(http.StripPrefix(prefix, httputil.NewSingleHostReverseProxy(target)))
	t.Cleanup(front.Close)

	tb := newTabFor(t, front.URL+prefix, front.URL, Options{})
	tb.do(chromedp.Navigate(front.URL+prefix+"/"), chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
	tb.waitOffline()
	// Every link and asset reference of ours carries the prefix.
	refs := eval[[]string](tb.run, `[...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src')).filter(u => u.startsWith('/'))`)
	if len(refs) < 13 {
		t.Fatalf("only %d site-relative references found: %v", len(refs), refs)
	}
	for _, r := range refs {
		if !strings.HasPrefix(r, prefix+"/") {
			t.Errorf("reference %q is outside %s/", r, prefix)
		}
	}
	// Navigating works under the prefix, in-app and by deep link.
	tb.clickCity("yangzhou")
	tb.waitPanel("yangzhou")
	if got, want := tb.path(), prefix+"/city/yangzhou"; got != want {
		t.Errorf("path after click %q, want %q", got, want)
	}
	tb.do(chromedp.Navigate(front.URL+prefix+"/en/city/suzhou"), chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
	tb.waitPanel("suzhou")
	scope := eval[string](tb.run, `navigator.serviceWorker.getRegistration().then(r => r.scope)`)
	if want := front.URL + prefix + "/"; scope != want {
		t.Errorf("service worker scope %q, want %q", scope, want)
	}
	m, err := chromedp.Call(tb.ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"start_url": "` + prefix + `/en/"`, `"scope": "` + prefix + `/"`, `"src": "` + prefix + `/web/icons/icon-512.png"`} {
		if !strings.Contains(m.Data, want) {
			t.Errorf("manifest lacks %s:\n%s", want, m.Data)
		}
	}
	res, err := chromedp.Call(tb.ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.InstallabilityErrors {
		t.Errorf("installability error under %s: %s", prefix, e.ErrorID)
	}
	for _, r := range tb.c.Requests() {
		if u, err := url.Parse(r); err == nil && u.Scheme == "http" && !strings.HasPrefix(u.Path, prefix+"/") {
			t.Errorf("request outside the prefix: %s", r)
		}
	}
}

// TestChromiumFailedUpdateKeepsWorkingVersion deploys a broken build (a file the
// service worker must cache is missing, so the server answers 404): the
// new worker's install fails, no error response is cached, and the app
// keeps running on the working version, offline too.
func TestChromiumFailedUpdateKeepsWorkingVersion(t *testing.T) {
	t.Parallel()
	dist := harness.RequireSite(t)
	broken := buildVariant(t, dist, "-build-id", "broken-update")
	if err := os.Remove(filepath.Join(broken, "web", "icons", "icon-512.png")); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(t.TempDir(), "site")
	copyTree(t, dist, site)
	versionA := metaVersion(t, dist)

	srv := harness.MustStartServer(t, site, "")
	tb := newTabFor(t, srv.URL, srv.URL, Options{})
	tb.do(chromedp.Navigate(srv.URL+"/city/wuxi"), chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
	tb.waitOffline()

	replaceTree(t, broken, site)
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	// The update check runs the new worker's install, which must fail.
	failed := eval[bool](tb.run, `navigator.serviceWorker.getRegistration().then(async r => {
		await r.update();
		const w = r.installing || r.waiting;
		if (!w) return false;
		if (w.state === 'redundant') return true;
		return new Promise(res => w.addEventListener('statechange', () => { if (w.state === 'redundant') res(true); else if (w.state === 'activated') res(false); }));
	})`)
	if !failed {
		t.Fatal("the broken build's worker installed")
	}
	keys := eval[[]string](tb.run, `caches.keys()`)
	if len(keys) != 1 || keys[0] != "app-"+versionA {
		t.Errorf("caches after the failed update: %v, want only app-%s", keys, versionA)
	}
	if eval[bool](tb.run, `document.querySelector('.update-notice').classList.contains('is-visible')`) {
		t.Error("a failed update was offered as a new version")
	}
	// No error response in the cache, and the working version still serves
	// every page offline.
	bad := eval[[]string](tb.run, `(async () => {
		const c = await caches.open((await caches.keys())[0]);
		const out = [];
		for (const r of await c.keys()) { const res = await c.match(r); if (!res.ok) out.push(r.url + ' ' + res.status); }
		return out;
	})()`)
	if len(bad) > 0 {
		t.Errorf("error responses cached: %v", bad)
	}
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Navigate(srv.URL+"/en/city/yangzhou"), chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`)))
	tb.waitPanel("yangzhou")
	if got := eval[string](tb.run, `goappEnv.GOAPP_VERSION`); got != versionA {
		t.Errorf("offline after the failed update: version %s, want the working %s", got, versionA)
	}
	tb.allow("404", "ERR_", "Failed to fetch")
}
