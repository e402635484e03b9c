package xbrowser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// Accessibility in Chromium, which can emulate screens, zoom, colour
// schemes, reduced motion, print and touch.

// axeSource is axe-core's script, from the npm package installed with
// `npm ci` (package.json pins the version).
func axeSource(t *testing.T) string {
	t.Helper()
	harness.RequireEngine(t, "chromium")
	root, err := harness.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (run `npm ci`): %v", err)
	}
	return string(b)
}

func (tb *tab) emulateMedia(media string, features map[string]string) {
	tb.t.Helper()
	p := emulation.SetEmulatedMediaParams{Media: media}
	for k, v := range features {
		p.Features = append(p.Features, &emulation.MediaFeature{Name: k, Value: v})
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, p); err != nil {
		tb.t.Fatal(err)
	}
}

func (tb *tab) viewport(w, h int64) {
	tb.t.Helper()
	tb.do(chromedp.EmulateViewport(w, h))
}

// TestChromiumAxe runs axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules on
// every kind of page, in both languages, in the light and the dark theme,
// on a desktop and a phone screen.
func TestChromiumAxe(t *testing.T) {
	t.Parallel()
	axe := axeSource(t)
	pages := []string{"/", "/city/suzhou", "/city/xuzhou", "/city/lianyungang", "/city/atlantis", "/en/", "/en/city/yangzhou", "/en/city/huaian", "/en/city/atlantis", "/embed/", "/embed/city/suzhou", "/en/embed/city/yancheng", route.DemoPath(data.Zh), route.DemoPath(data.En), "/story", "/en/story"}
	type violation struct {
		ID, Help string
		Nodes    []string
	}
	type result struct {
		Passes     int
		Violations []violation
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, size := range []struct{ w, h int64 }{{1280, 900}, {390, 844}} {
			t.Run(fmt.Sprintf("%s-%d", scheme, size.w), func(t *testing.T) {
				tb := newTab(t)
				tb.emulateMedia("", map[string]string{"prefers-color-scheme": scheme})
				tb.viewport(size.w, size.h)
				for _, path := range pages {
					if strings.HasSuffix(path, "/demo") {
						tb.openHost(path) // a host page: no app of its own
					} else {
						tb.open(path)
					}
					tb.do(chromedp.Evaluate[chromedp.Void](axe))
					res := eval[result](tb.run, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
						.then(r => ({Passes: r.passes.length, Violations: r.violations.map(v => ({ID: v.id, Help: v.help, Nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary)}))}))`)
					if res.Passes < 10 {
						t.Errorf("%s: axe passed only %d rules; is it running?", path, res.Passes)
					}
					for _, v := range res.Violations {
						t.Errorf("%s: %s (%s): %s", path, v.ID, v.Help, strings.Join(v.Nodes, "; "))
					}
				}
				tb.allow("404") // the not-found pages answer 404
			})
		}
	}
}

// TestChromiumSmallScreensAndZoom: at 320 CSS px (a small phone) and at 200% zoom
// of a 1280 px window (640 CSS px), nothing is cut off or scrolls sideways.
func TestChromiumSmallScreensAndZoom(t *testing.T) {
	t.Parallel()
	for _, size := range []struct{ w, h int64 }{{320, 640}, {640, 450}} {
		for _, path := range []string{"/", "/city/suzhou", "/en/city/xuzhou", "/en/city/atlantis"} {
			t.Run(fmt.Sprintf("%d%s", size.w, path), func(t *testing.T) {
				tb := newTab(t)
				tb.viewport(size.w, size.h)
				tb.open(path)
				over := eval[[]string](tb.run, `(() => {
					const out = [];
					if (document.documentElement.scrollWidth > innerWidth) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + innerWidth);
					for (const el of document.querySelectorAll('body *')) {
						if (el.closest('.visually-hidden, svg, #app-wasm-loader')) continue;
						// Content inside a sideways scroller (the theme chips) is reachable.
						let inScroller = false;
						for (let p = el.parentElement; p && !inScroller; p = p.parentElement) {
							inScroller = ['auto', 'scroll'].includes(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth;
						}
						if (inScroller) continue;
						const r = el.getBoundingClientRect();
						if (r.width === 0 || r.height === 0) continue;
						if (r.right > innerWidth + 1 || r.left < -1) out.push(el.tagName + '.' + el.className + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
						if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') out.push(el.tagName + '.' + el.className + ' clips its content');
					}
					return out.slice(0, 10);
				})()`)
				for _, o := range over {
					t.Error(o)
				}
				// The sheet never covers the whole map.
				if path == "/city/suzhou" {
					covered := eval[bool](tb.run, `(() => {
						const m = document.querySelector('svg[data-class~=map]').getBoundingClientRect();
						const p = document.getElementById('panel').getBoundingClientRect();
						return p.top <= Math.max(m.top, 0) && p.bottom >= Math.min(m.bottom, innerHeight);
					})()`)
					if covered {
						t.Error("the city panel covers the whole map")
					}
				}
				tb.allow("404") // the not-found pages answer 404
			})
		}
	}
}

// TestChromiumMediaPreferences checks the dark theme, reduced motion and print.
func TestChromiumMediaPreferences(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	tb.emulateMedia("", map[string]string{"prefers-color-scheme": "dark", "prefers-reduced-motion": "reduce"})
	tb.open("/city/suzhou")
	if bg := eval[string](tb.run, `getComputedStyle(document.body).backgroundColor`); luminance(t, bg) > 0.1 {
		t.Errorf("dark theme background %s is not dark", bg)
	}
	if d := eval[string](tb.run, `getComputedStyle(document.querySelector('[data-class~=region-shape]')).transitionDuration`); d != "0s" {
		t.Errorf("with reduced motion, map transitions last %s, want 0s", d)
	}

	tb.emulateMedia("print", nil)
	type printed struct {
		Hidden    []string
		Highlight bool
		Static    bool
		Clipped   bool
	}
	p := eval[printed](tb.run, `(() => {
		const hidden = [];
		for (const sel of ['.lang-switch', '.panel-close', '.update-notice', '.cities']) {
			const el = document.querySelector(sel);
			if (el && getComputedStyle(el).display !== 'none') hidden.push(sel + ' is printed');
		}
		const panel = document.getElementById('panel');
		return {Hidden: hidden, Highlight: !!document.querySelector('[data-class~=region-highlight]'),
			Static: getComputedStyle(panel).position === 'static', Clipped: panel.scrollHeight > panel.clientHeight + 1};
	})()`)
	for _, h := range p.Hidden {
		t.Errorf("print: %s", h)
	}
	if !p.Highlight {
		t.Error("print: the city is not highlighted on the map")
	}
	if !p.Static || p.Clipped {
		t.Errorf("print: panel static %v, clipped %v; want the whole panel in the flow", p.Static, p.Clipped)
	}
}

// TestChromiumMapContrast: in both themes each region's outline has 3:1 contrast
// against its own fill (so same-status neighbours stay apart), and its
// name 4.5:1 against the halo it is drawn on.
func TestChromiumMapContrast(t *testing.T) {
	t.Parallel()
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			tb := newTab(t)
			tb.emulateMedia("", map[string]string{"prefers-color-scheme": scheme})
			tb.open("/")
			type colours struct{ Status, Stroke, Fill, Label, Halo string }
			cs := eval[[]colours](tb.run, `['trillion', 'aspiring', 'uncovered'].map(st => {
				const shape = document.querySelector('a[data-class~="region--' + st + '"] [data-class~=region-shape]');
				const bg = document.querySelector('[data-class~="pat-bg--' + st + '"]');
				const label = document.querySelector('[data-class~="region-label--' + st + '"]');
				const ls = getComputedStyle(label);
				return {Status: st, Stroke: getComputedStyle(shape).stroke,
					Fill: bg ? getComputedStyle(bg).fill : getComputedStyle(shape).fill,
					Label: ls.fill, Halo: ls.stroke};
			})`)
			for _, c := range cs {
				if r := contrast(t, c.Stroke, c.Fill); r < 3 {
					t.Errorf("%s: outline %s on fill %s is %.2f:1, want ≥ 3:1", c.Status, c.Stroke, c.Fill, r)
				}
				if r := contrast(t, c.Label, c.Halo); r < 4.5 {
					t.Errorf("%s: name %s on %s is %.2f:1, want ≥ 4.5:1", c.Status, c.Label, c.Halo, r)
				}
			}
		})
	}
}

// TestChromiumTouch: on a phone with touch and no hover, a tap opens a city and
// the sheet's close control dismisses it.
func TestChromiumTouch(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	tb.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateTouch))
	tb.open("/")
	type point struct{ X, Y float64 }
	p := eval[point](tb.run, `(() => {
		const r = document.querySelector('[data-class~=region-label][data-id="yangzhou"]').getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`)
	tb.do(chromedp.TapXY(p.X, p.Y))
	tb.waitPanel("yangzhou")
	tb.do(chromedp.Tap(chromedp.CSS(`.panel-close`)))
	tb.do(chromedp.WaitNotPresent(chromedp.CSS(`#panel[data-city]`)))
	if got := tb.path(); got != "/" {
		t.Errorf("after dismissing the sheet: path %q, want /", got)
	}
}
