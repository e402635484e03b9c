package xbrowser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
)

// The server's Content-Security-Policy (app/server) in Chromium. Every suite step
// already fails on a policy violation there (the DevTools log reports
// them as errors); this test covers what the suite cannot: the app framed
// by another origin, and -frame-ancestors.

// frameWatch runs in every frame before the page's own scripts. It turns
// policy violations into console errors, and tells the framing page when
// the WebAssembly module is instantiated and when the app has mounted
// (html[data-app="ready"]).
const frameWatch = `(() => {
	const tell = m => { if (parent !== window) parent.postMessage(m + ' <' + location.href + '>', '*'); };
	const instantiate = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = async (...args) => {
		const result = await instantiate.apply(WebAssembly, args);
		tell('jsmap-wasm-instantiated');
		return result;
	};
	document.addEventListener('securitypolicyviolation', e => {
		console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') +
			' in ' + e.sourceFile + ':' + e.lineNumber + ' (' + e.sample + ') on ' + location.href);
	});
	new MutationObserver((_, obs) => {
		if (document.documentElement && document.documentElement.getAttribute('data-app') === 'ready') {
			tell('jsmap-ready');
			obs.disconnect();
		}
	}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-app']});
})();`

// parentPage serves a page of another origin that embeds src the way
// WordPress does: in an iframe sandboxed to scripts only (an opaque
// origin). It keeps the text messages it receives in window.__msgs.
func parentPage(t *testing.T, src string) string {
	t.Helper()
	parent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>News story</title>
<script>window.__msgs = []; addEventListener('message', e => { if (typeof e.data === 'string') window.__msgs.push(e.data); });</script>
<h1>Story</h1>
<iframe sandbox="allow-scripts" src="%s" width="900" height="700" title="Jiangsu map"></iframe>`, src)
	}))
	t.Cleanup(parent.Close)
	return parent.URL
}

// TestChromiumEmbeddedInSandboxedIframe loads the app in a sandboxed iframe
// of another origin, as WordPress embeds it: with the default
// -frame-ancestors the page loads, fetches and instantiates the wasm from
// its opaque origin (which needs Access-Control-Allow-Origin) and mounts
// without violations; with 'none' the browser refuses to frame it.
func TestChromiumEmbeddedInSandboxedIframe(t *testing.T) {
	t.Parallel()
	dist := harness.RequireSite(t)
	tests := []struct {
		name     string
		flags    []string
		embedded bool
	}{
		{"any site may embed by default", nil, true},
		{"frame-ancestors 'none'", []string{"-frame-ancestors", "'none'"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := harness.MustStartServer(t, dist, "", tt.flags...)
			src := srv.URL + "/city/suzhou"
			tb := newTabFor(t, srv.URL, "", Options{
				// Keep the sandboxed frame in the page's process, so that
				// its console and the browser's log about it reach the tab.
				ChromiumFlags: map[string]any{"disable-features": "Translate,MediaRouter,OptimizationHints,IsolateSandboxedIframes"},
				InitScript:    frameWatch,
			})
			tb.do(chromedp.Navigate(parentPage(t, src)))
			if !tt.embedded {
				tb.allow("frame-ancestors 'none'")
				tb.waitProblem("frame-ancestors 'none'", 30*time.Second)
				if msgs := eval[[]string](tb.run, `window.__msgs`); len(msgs) > 0 {
					t.Errorf("the framed page ran: %q, want it blocked", msgs)
				}
				return
			}
			tb.poll("the framed app did not instantiate the wasm", `window.__msgs.includes('jsmap-wasm-instantiated <`+src+`>')`)
			tb.poll("the framed app did not mount", `window.__msgs.includes('jsmap-ready <`+src+`>')`)
		})
	}
}

// waitProblem waits until the page reports a problem containing sub.
func (tb *tab) waitProblem(sub string, limit time.Duration) {
	tb.t.Helper()
	for deadline := time.Now().Add(limit); ; {
		tb.problems = append(tb.problems, tb.c.Errors()...)
		for _, p := range tb.problems {
			if strings.Contains(p, sub) {
				return
			}
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("no page problem containing %q within %s; got %q", sub, limit, tb.problems)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
