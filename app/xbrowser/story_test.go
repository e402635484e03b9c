package xbrowser

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/app/story"
	"github.com/jiangsu-map/jsmap/data"
)

// The story page (/story, /en/story, app/story): prerendered whole, with a
// map per section; web/page.js makes the map beside the text follow the
// section being read; the WebAssembly never starts there.

// storyStep is TestSuite's step for the story page, in every engine: the
// running app's masthead link loads it as a page of its own; it starts no
// WebAssembly, even after the reader's input, yet registers the service
// worker; the map beside the text follows the section crossing the middle
// of the window, forward and back, without moving the page or the focus;
// a section's link opens its city.
var storyStep = step{name: "story", run: func(r *run) {
	r.open("/en/city/suzhou")
	r.markPage()
	r.click(".story-link")
	r.wait(`location.pathname === '/en/story' && !!document.querySelector('[data-story] #s-yancheng')`)
	if eval[bool](r, `window.__noReload === true`) {
		r.t.Error("the story opened inside the running app, want a page of its own")
	}
	if got := eval[string](r, `performance.getEntriesByType('navigation')[0].name`); !strings.HasSuffix(got, "/en/story") {
		r.t.Errorf("document loaded from %q, want /en/story", got)
	}
	if n := eval[int](r, `document.querySelectorAll('[data-story] .story-step').length`); n != len(story.Sections) {
		r.t.Errorf("%d sections, want %d", n, len(story.Sections))
	}
	// A reader's input starts the app elsewhere; here it registers only
	// the service worker (the page is complete without the app).
	r.startApp()
	if !eval[bool](r, `navigator.serviceWorker.ready.then(reg => !!reg.active)`) {
		r.t.Error("no active service worker: the story would not open offline")
	}
	// go-app's app.js removes its loader once it has decided not to load
	// the WebAssembly.
	r.wait(`!document.getElementById('app-wasm-loader')`)
	if got := eval[string](r, `performance.getEntriesByType('resource').filter(e => e.name.includes('app.wasm')).map(e => e.name).join() + (document.documentElement.getAttribute('data-app') || '')`); got != "" {
		r.t.Errorf("the story page loaded the WebAssembly: %q", got)
	}
	eval[any](r, `document.body.focus(), 0`)
	wide := eval[bool](r, `innerWidth >= 860`)
	for _, s := range []story.Section{section(r, "yangzhou"), section(r, "nanjing"), section(r, "aspirants"), section(r, "yancheng")} {
		eval[any](r, `document.getElementById('s-`+s.ID+`').scrollIntoView({block: 'center', behavior: 'instant'}), 0`)
		y := eval[float64](r, `scrollY`)
		r.wait(`document.getElementById('story-follow-map').getAttribute('data-step') === 's-` + s.ID + `'`)
		on := eval[[]string](r, `[...document.querySelectorAll('#story-follow-map use.sm.is-on')].map(e => e.dataset.id)`)
		if !slices.Equal(on, cityOrder(s.Cities)) {
			r.t.Errorf("section %s: the map highlights %v, want %v", s.ID, on, s.Cities)
		}
		if tour := eval[string](r, `[...document.querySelectorAll('#story-follow-map .story-tour.is-on')].map(g => g.dataset.tour).join()`); tour != s.Tour {
			r.t.Errorf("section %s: the map draws the tour of %q, want %q", s.ID, tour, s.Tour)
		}
		if got := eval[float64](r, `scrollY`); got != y {
			r.t.Errorf("section %s: the page scrolled by itself from %v to %v", s.ID, y, got)
		}
		if wide {
			var box struct{ Top, Bottom, FigureW float64 }
			if err := r.b.Eval(r.ctx, `(() => {
				const m = document.getElementById('story-follow-map').getBoundingClientRect();
				return {Top: m.top, Bottom: m.bottom, FigureW: document.querySelector('#s-`+s.ID+` .story-figure').getBoundingClientRect().width};
			})()`, &box); err != nil {
				r.t.Fatal(err)
			}
			if box.Top < 0 || box.Bottom > eval[float64](r, `innerHeight`)+1 || box.Bottom-box.Top < 200 {
				r.t.Errorf("section %s: the map beside the text spans %v..%v px, want it in the window (sticky)", s.ID, box.Top, box.Bottom)
			}
			if box.FigureW > 1 {
				r.t.Errorf("section %s: its own map is %v px wide beside the following map, want it for screen readers only", s.ID, box.FigureW)
			}
		}
	}
	if got := eval[string](r, `document.activeElement === document.body ? '' : document.activeElement.outerHTML.slice(0, 80)`); got != "" {
		r.t.Errorf("focus moved to %s while scrolling, want it left alone", got)
	}
	r.click(`#s-yangzhou .story-links a`)
	r.wait(`location.pathname === '/en/city/yangzhou' && !!document.querySelector('#panel[data-city="yangzhou"]')`)
	// There the app starts (the service worker controls the page): let it
	// finish, so that no download of it is cut short by the next step.
	r.startApp()
	r.wait(`document.documentElement.getAttribute('data-app') === 'ready'`)
}}

// section returns the story's section id.
func section(r *run, id string) story.Section {
	r.t.Helper()
	for _, s := range story.Sections {
		if s.ID == id {
			return s
		}
	}
	r.t.Fatalf("no story section %q", id)
	return story.Section{}
}

// cityOrder sorts ids in the maps' order (data.Cities).
func cityOrder(ids []string) []string {
	var out []string
	for _, id := range data.IDs() {
		if slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	return out
}

var (
	timeRe     = regexp.MustCompile(`<time datetime="([^"]+)">`)
	cityLinkRe = regexp.MustCompile(`href="(?:/en)?/city/([^"]+)"`)
	citiesRe   = regexp.MustCompile(`data-cities="([^"]+)"`)
)

// TestSiteStoryPage reads the story pages as served: every date on them
// is a date of an initiative in data, and of a city of its section;
// every city they name or link is a city of data; one labelled map per
// section; and the page tells the app not to start.
func TestSiteStoryPage(t *testing.T) {
	base := siteURL(t)
	dates := map[string][]string{} // date → cities with an initiative that day
	for _, c := range data.Cities() {
		for _, in := range c.Initiatives {
			if in.Date != "" {
				dates[in.Date] = append(dates[in.Date], c.ID)
			}
		}
	}
	for _, path := range []string{"/story", "/en/story"} {
		t.Run(path, func(t *testing.T) {
			res, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			page := string(b)
			if res.StatusCode != 200 {
				t.Fatalf("status %d, want 200", res.StatusCode)
			}
			if !strings.Contains(page, `<meta name="jsmap-wasm" content="none">`) {
				t.Error("no jsmap-wasm meta: the app would start and replace the story")
			}
			sections := strings.Split(page, `<section id="s-`)[1:]
			if len(sections) != len(story.Sections) {
				t.Fatalf("%d sections, want %d", len(sections), len(story.Sections))
			}
			n := 0
			for i, sec := range sections {
				sec = sec[:strings.Index(sec, "</section>")]
				m := citiesRe.FindStringSubmatch(sec)
				if m == nil {
					t.Fatalf("section %d names no cities", i+1)
				}
				cities := strings.Fields(m[1])
				for _, id := range cities {
					if c, ok := data.CityByID(id); !ok || !c.Covered() {
						t.Errorf("section %d: city %q is not one the article covers", i+1, id)
					}
				}
				for _, d := range timeRe.FindAllStringSubmatch(sec, -1) {
					n++
					if !slices.ContainsFunc(dates[d[1]], func(id string) bool { return slices.Contains(cities, id) }) {
						t.Errorf("section %d (%v): date %s is no date of its cities' initiatives in data", i+1, cities, d[1])
					}
				}
				links := cityLinkRe.FindAllStringSubmatch(sec, -1)
				if len(links) != len(cities) {
					t.Errorf("section %d: %d city links, want one per city %v", i+1, len(links), cities)
				}
				for _, l := range links {
					if !slices.Contains(cities, l[1]) {
						t.Errorf("section %d: links city %q, not one of its cities %v", i+1, l[1], cities)
					}
				}
				if !strings.Contains(sec, `role="img"`) {
					t.Errorf("section %d has no map of its own", i+1)
				}
			}
			if n < 7 {
				t.Errorf("%d dates on the page, want the 7 of the dated sections", n)
			}
		})
	}
}

// TestChromiumStoryLayout checks the story page's three layouts: on a
// phone each section opens with its own small map and there is no map
// beside the text; in print the same; without JavaScript on a wide
// screen each section keeps its own map beside its text.
func TestChromiumStoryLayout(t *testing.T) {
	t.Parallel()
	type layout struct {
		Follow              bool    // the map beside the text is shown
		Figures             int     // sections whose own map is shown
		FigureW             float64 // the widest of them, in px
		FigureAboveText     bool    // each map is above its section's first paragraph (or beside it)
		Sections            int
		HorizontalOverflows bool
	}
	const measure = `(() => {
		const secs = [...document.querySelectorAll('[data-story] .story-step')];
		const figs = secs.map(s => s.querySelector('.story-figure').getBoundingClientRect());
		const shown = figs.filter(f => f.width > 20);
		return {
			Follow: getComputedStyle(document.querySelector('.story-follow')).display !== 'none',
			Figures: shown.length,
			FigureW: Math.max(0, ...shown.map(f => f.width)),
			FigureAboveText: secs.every((s, i) => figs[i].top <= s.querySelector('p:not(.story-dates)').getBoundingClientRect().top + 1),
			Sections: secs.length,
			HorizontalOverflows: document.documentElement.scrollWidth > innerWidth,
		};
	})()`
	tests := []struct {
		name  string
		w, h  int64
		media string
		want  layout
	}{
		{"phone", 390, 844, "", layout{Follow: false, Figures: len(story.Sections), FigureAboveText: true}},
		{"desktop", 1280, 900, "", layout{Follow: true, Figures: 0, FigureAboveText: true}},
		{"print", 1280, 900, "print", layout{Follow: false, Figures: len(story.Sections), FigureAboveText: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t)
			tb.viewport(tc.w, tc.h)
			if tc.media != "" {
				tb.emulateMedia(tc.media, nil)
			}
			tb.open("/story")
			got := eval[layout](tb.run, measure)
			if got.Sections != len(story.Sections) || got.Follow != tc.want.Follow || got.Figures != tc.want.Figures || got.FigureAboveText != tc.want.FigureAboveText || got.HorizontalOverflows {
				t.Errorf("got %+v, want %+v and no sideways scrolling", got, tc.want)
			}
			if tc.name == "phone" && (got.FigureW > 260 || got.FigureW < 150) {
				t.Errorf("a section's map on a phone is %v px wide, want a small one (150..260)", got.FigureW)
			}
		})
	}
	t.Run("no-javascript", func(t *testing.T) {
		tb := newTab(t)
		tb.viewport(1280, 900)
		if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		tb.do(chromedp.Navigate(tb.site+"/en/story"), chromedp.WaitReady(chromedp.CSS(`#s-yancheng`)))
		// With JavaScript off only the DOM protocol answers: every
		// section's map has a box, the map beside the text has none.
		for _, s := range story.Sections {
			if _, err := chromedp.Run(tb.ctx, chromedp.Dimensions(chromedp.CSS(fmt.Sprintf(`#map-%s`, s.ID)))); err != nil {
				t.Errorf("section %s: its map is not laid out without JavaScript: %v", s.ID, err)
			}
		}
		if _, err := chromedp.Run(tb.ctx, chromedp.Dimensions(chromedp.CSS(`#story-follow-map`), chromedp.AtLeast(0))); err == nil {
			t.Error("the map beside the text is laid out without JavaScript, which it cannot follow")
		}
	})
}

// TestChromiumStoryInAppFallback: an in-app navigation to the story that
// web/page.js does not see (go-app's own goappNav) loads the story too
// (app/page.go reloads), and going back leaves it (the reload keeps
// go-app's history entries as the story document's own; web/page.js loads
// the page of such an entry). Chromium only: no link of the site takes
// this path, and WebKit keeps the reader on the story's document.
func TestChromiumStoryInAppFallback(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	tb.open("/city/nanjing")
	eval[any](tb.run, `goappNav('/story'), 0`)
	tb.wait(`location.pathname === '/story' && !!document.querySelector('[data-story] #s-yancheng') && !document.documentElement.hasAttribute('data-app')`)
	if err := tb.b.Back(tb.ctx); err != nil {
		t.Fatal(err)
	}
	tb.wait(`location.pathname === '/city/nanjing' && !!document.querySelector('#panel[data-city="nanjing"]')`)
}
