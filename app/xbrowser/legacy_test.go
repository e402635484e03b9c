package xbrowser

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/data"
)

// TestChromiumWithoutWebAssembly loads the site in Chromium made to look like a
// browser that cannot run Go 1.26's WebAssembly (those from before about
// 2019): the prerendered page must stay whole, with no loader or error
// badge, and its city links must work as plain links.
func TestChromiumWithoutWebAssembly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts Options
		// simulated is true in the page when the simulation took effect.
		simulated string
		// wasmFetched tells whether app.wasm may be requested.
		wasmFetched bool
		// allowed are substrings of console errors the case expects.
		allowed []string
	}{
		{
			// Chromium 156's V8 no longer knows --noexpose_wasm (WebAssembly
			// stays defined); in jitless mode it does not define it.
			name:      "no WebAssembly at all",
			opts:      Options{ChromiumFlags: map[string]any{"js-flags": "--jitless"}},
			simulated: `typeof WebAssembly === 'undefined'`,
		},
		{
			// As a pre-2019 engine: no sign-extension or saturating
			// float-to-int instructions, which Go 1.26 always emits.
			name:      "WebAssembly without Go 1.26's instructions",
			opts:      Options{InitScript: `WebAssembly.validate = () => false;`},
			simulated: `!WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))`,
		},
		{
			name: "WebAssembly that fails to compile",
			opts: Options{InitScript: `
				WebAssembly.instantiateStreaming = WebAssembly.instantiate =
					() => Promise.reject(new WebAssembly.CompileError("simulated: unknown opcode 0xc0"));`},
			simulated:   `WebAssembly.instantiate.toString().includes('simulated')`,
			wasmFetched: true,
			allowed:     []string{"loading wasm failed"},
		},
	}
	base := siteURL(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := startFor(t, "chromium", tc.opts)
			ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
			defer cancel()
			r := &run{t: t, ctx: ctx, b: b, site: base}
			defer checkErrors(t, b, tc.allowed)

			if err := b.Navigate(ctx, base+"/"); err != nil {
				t.Fatal(err)
			}
			if !eval[bool](r, tc.simulated) {
				t.Fatalf("the browser does not simulate the case: %s is false", tc.simulated)
			}
			r.checkPrerenderedOnly("/", tc.wasmFetched)
			hrefs := eval[[]string](r, `[...document.querySelectorAll('svg[data-class~=map] a[data-class~=region]')].map(a => a.getAttribute('href'))`)
			if len(hrefs) != 13 {
				t.Errorf("%d region links on the map, want 13", len(hrefs))
			}
			for _, id := range data.IDs() {
				if !slices.Contains(hrefs, "/city/"+id) {
					t.Errorf("no region links to /city/%s (links: %v)", id, hrefs)
				}
			}

			// A real click on a city's name opens it: web/page.js swaps the
			// prerendered city page in (or, without script, the browser
			// follows the region's link).
			r.clickCity("nanjing")
			r.wait(`location.pathname === '/city/nanjing' && document.readyState === 'complete'`)
			r.waitPanel("nanjing")
			r.checkCity("after clicking Nanjing", "nanjing", false)
			r.checkPrerenderedOnly("/city/nanjing", tc.wasmFetched)
		})
	}
}

// checkPrerenderedOnly checks that the page at path shows no loader and no
// error, that the app did not start, and whether app.wasm was requested.
func (r *run) checkPrerenderedOnly(path string, wasmFetched bool) {
	r.t.Helper()
	// As a reader's first click would: a WebAssembly that only fails to
	// compile is fetched then.
	r.startApp()
	// app.js removes the loader as soon as it knows the wasm cannot run.
	ctx, cancel := context.WithTimeout(r.ctx, 10*time.Second)
	defer cancel()
	if err := WaitFor(ctx, r.b, `document.readyState === 'complete' && !document.getElementById('app-wasm-loader')`); err != nil {
		text := eval[string](r, `document.getElementById('app-wasm-loader')?.innerText || ''`)
		r.t.Errorf("%s: go-app's loader stays on the page (showing %q): %v", path, text, err)
	}
	text := eval[string](r, `document.body.innerText`)
	for _, bad := range []string{"Error", "error:", "WebAssembly"} {
		if strings.Contains(text, bad) {
			r.t.Errorf("%s: the page shows %q", path, bad)
		}
	}
	if eval[bool](r, `document.documentElement.hasAttribute('data-app')`) {
		r.t.Errorf("%s: data-app is set, but the app cannot have started", path)
	}
	fetched := eval[bool](r, `performance.getEntriesByType('resource').some(e => e.name.endsWith('/app.wasm'))`)
	if fetched && !wasmFetched {
		r.t.Errorf("%s: app.wasm was downloaded although it cannot run", path)
	}
}
