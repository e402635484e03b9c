package xbrowser

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jiangsu-map/jsmap/app/harness"
	"github.com/jiangsu-map/jsmap/data"
)

// step is one step of the suite: one behaviour, checked in each engine.
// Steps run one after another in one browser per engine, but each starts
// from a page it opens itself, so any one of them can run alone
// (go test -run 'TestSuite/webkit/back').
type step struct {
	name string
	run  func(r *run)
	// allowed are substrings of console errors that this step expects.
	allowed []string
}

var suite = []step{
	{name: "ready", run: func(r *run) {
		r.open("/")
		ms := eval[float64](r, `performance.getEntriesByName('app-ready')[0].startTime`)
		r.t.Logf("%s %s: data-app=ready %.0f ms after navigation start (/)", r.b.Engine(), r.b.Version(), ms)
		if eval[bool](r, `!!document.getElementById('app-wasm-loader')`) {
			r.t.Error("go-app's loader is still there after the app is ready")
		}
		hrefs := eval[[]string](r, `[...document.querySelectorAll('svg[data-class~=map] a[data-class~=region]')].map(a => a.getAttribute('href'))`)
		if len(hrefs) != 13 {
			r.t.Errorf("%d region links on the map, want 13", len(hrefs))
		}
		for _, id := range data.IDs() {
			if !slices.Contains(hrefs, "/city/"+id) {
				r.t.Errorf("no region links to /city/%s (links: %v)", id, hrefs)
			}
		}
		if n := eval[int](r, `document.querySelectorAll('svg[data-class~=map] [data-class~=region-label]').length`); n != 13 {
			r.t.Errorf("%d city names on the map, want 13", n)
		}
	}},
	{name: "service-worker", run: func(r *run) {
		r.open("/")
		r.wait(`navigator.serviceWorker && navigator.serviceWorker.ready.then(reg => reg.active && reg.active.state === 'activated')`)
		if got := eval[string](r, `navigator.serviceWorker.ready.then(reg => reg.scope)`); got != r.site+"/" {
			r.t.Errorf("service worker scope %q, want %q", got, r.site+"/")
		}
	}},
	{name: "no-jump-when-app-takes-over", run: func(r *run) {
		// The prerendered page as it is before the WebAssembly starts
		// (go-app's ?wasm=false), then the same page once the app has
		// replaced it: every part must be where it was. (Chromium also
		// measures layout shifts: TestChromiumLayoutShift.)
		const boxes = `[...document.querySelectorAll('.masthead, .layout, svg[data-class~=map], .legend, #panel, #panel h2, .site-footer')].map(el => {
			const r = el.getBoundingClientRect();
			return {Sel: el.id || el.getAttribute('class') || el.getAttribute('data-class'), X: r.x, Y: r.y + scrollY, W: r.width, H: r.height};
		})`
		type box struct {
			Sel        string
			X, Y, W, H float64
		}
		if err := r.b.Navigate(r.ctx, r.site+"/city/suzhou?wasm=false"); err != nil {
			r.t.Fatal(err)
		}
		r.wait(`document.readyState === 'complete' && !document.getElementById('app-wasm-loader')`)
		before := eval[[]box](r, boxes)
		r.open("/city/suzhou")
		after := eval[[]box](r, boxes)
		if len(before) != 7 || len(after) != len(before) {
			r.t.Fatalf("measured %d parts before the app and %d after, want 7 each", len(before), len(after))
		}
		for i, b := range before {
			a := after[i]
			if a.Sel != b.Sel || math.Abs(a.X-b.X) > 1 || math.Abs(a.Y-b.Y) > 1 || math.Abs(a.W-b.W) > 1 || math.Abs(a.H-b.H) > 1 {
				r.t.Errorf("%s moved when the app took over: %+v, then %+v", b.Sel, b, a)
			}
		}
	}},
	{name: "click-three-cities", run: func(r *run) {
		r.open("/")
		r.markPage()
		for _, id := range []string{"suzhou", "xuzhou", "yancheng"} {
			when := "after clicking " + id
			r.clickCity(id)
			r.waitPanel(id)
			r.checkPath(when, "/city/"+id)
			r.checkCity(when, id, false)
			// A pointer keeps the focus where it was (no forced layout):
			// the status line announces the city instead.
			if got := eval[string](r, `document.activeElement.id`); got == "panel-title" {
				r.t.Errorf("%s: focus moved to #panel-title, want it left where the pointer put it", when)
			}
			if got := eval[[]string](r, `[document.querySelector('#page > p[role=status]').textContent, document.title]`); got[0] != got[1] {
				r.t.Errorf("%s: status line %q, want the page's title %q", when, got[0], got[1])
			}
			c, _ := data.CityByID(id)
			if first := c.Initiatives[0].Title.Zh; !strings.Contains(eval[string](r, `document.querySelector('#panel').textContent`), first) {
				r.t.Errorf("%s: the panel lacks the initiative %q", when, first)
			}
			if title := eval[string](r, `document.title`); !strings.Contains(title, c.Name.Zh) {
				r.t.Errorf("%s: title %q lacks the city's name", when, title)
			}
			if desc := eval[string](r, `document.querySelector('meta[name=description]').content`); desc != c.Lead.Zh {
				r.t.Errorf("%s: description %q, want the city's lead %q", when, desc, c.Lead.Zh)
			}
		}
		r.checkSamePage("selecting cities")
	}},
	{name: "back-and-forward", run: func(r *run) {
		r.open("/")
		r.markPage()
		for _, id := range []string{"suzhou", "xuzhou"} {
			r.clickCity(id)
			r.waitPanel(id)
		}
		if err := r.b.Back(r.ctx); err != nil {
			r.t.Fatal(err)
		}
		r.waitPanel("suzhou")
		r.checkPath("after back", "/city/suzhou")
		r.checkCity("after back", "suzhou", false)
		if err := r.b.Forward(r.ctx); err != nil {
			r.t.Fatal(err)
		}
		r.waitPanel("xuzhou")
		r.checkPath("after forward", "/city/xuzhou")
		r.checkSamePage("back and forward")
	}},
	{name: "english-deep-link", run: func(r *run) {
		r.open("/en/city/suzhou")
		r.waitPanel("suzhou")
		r.checkCity("English deep link", "suzhou", true)
		if got := eval[string](r, `document.documentElement.lang`); got != "en" {
			r.t.Errorf("html lang %q, want en", got)
		}
		r.checkPath("English deep link", "/en/city/suzhou")
		c, _ := data.CityByID("suzhou")
		text := eval[string](r, `document.querySelector('#panel').textContent`)
		for _, in := range c.Initiatives {
			if !strings.Contains(text, in.Summary.En) {
				r.t.Errorf("the panel lacks the English summary %q", in.Summary.En)
			}
		}
		// The language switch keeps the city.
		const zh = `.lang-link[hreflang="zh-Hans"]`
		if got := eval[string](r, `document.querySelector('`+zh+`').getAttribute('href')`); got != "/city/suzhou" {
			r.t.Errorf("the language switch links to %q, want /city/suzhou", got)
		}
		r.click(zh)
		r.wait(`document.documentElement.lang === 'zh-Hans' && document.querySelector('#panel h2').textContent === '` + c.Name.Zh + `'`)
		r.checkPath("after switching to Chinese", "/city/suzhou")
	}},
	{name: "enter-on-focused-region", run: func(r *run) {
		r.open("/")
		sel := `a[data-class~=region][data-id="nanjing"]`
		if got := eval[string](r, `(() => { const a = document.querySelector('`+sel+`'); a.focus(); return document.activeElement.getAttribute('data-id') || document.activeElement.tagName; })()`); got != "nanjing" {
			r.t.Fatalf("focusing Nanjing's region: the focus is on %q", got)
		}
		r.press("Enter")
		r.waitPanel("nanjing")
		r.checkPath("after Enter", "/city/nanjing")
		r.checkCity("after Enter", "nanjing", false)
		r.checkFocus("after Enter", "panel-title", true)
		// Escape closes the city and returns focus to its region.
		r.press("Escape")
		r.wait(`!document.querySelector('#panel[data-city]') && location.pathname === '/'`)
		var f struct {
			ID   string
			Ring bool
		}
		if err := r.b.Eval(r.ctx, `({ID: document.activeElement.getAttribute('data-id') || document.activeElement.tagName, Ring: document.activeElement.matches(':focus-visible')})`, &f); err != nil {
			r.t.Fatal(err)
		}
		if f.ID != "nanjing" || !f.Ring {
			r.t.Errorf("after Escape: focus on %q with a focus ring %v, want Nanjing's region with a ring", f.ID, f.Ring)
		}
	}},
	{name: "keyboard-walk", run: func(r *run) {
		// The keyboard alone: Tab reaches all 13 cities in geographic
		// order, each with a visible focus ring, and goes on past the map
		// (no trap); Space opens a city (Enter: enter-on-focused-region)
		// and Escape returns to it; Tab goes on from the open panel.
		r.open("/")
		want := []string{"xuzhou", "lianyungang", "suqian", "huaian", "yancheng", "yangzhou", "nanjing", "zhenjiang", "taizhou", "nantong", "changzhou", "wuxi", "suzhou"}
		var got []string
		leftMap := false
		for i := 0; i < 80 && !leftMap; i++ {
			r.press("Tab")
			id := eval[string](r, `(document.activeElement.closest('svg') && document.activeElement.getAttribute('data-id')) || ''`)
			switch {
			case id != "":
				got = append(got, id)
				r.checkFocusRing(id)
			case len(got) > 0:
				leftMap = true
			}
		}
		if !slices.Equal(got, want) {
			r.t.Fatalf("Tab order over the map:\n got %v\nwant %v", got, want)
		}
		if !leftMap {
			r.t.Fatal("Tab never left the map: a keyboard trap")
		}
		focus := func(id string) {
			r.t.Helper()
			eval[any](r, `document.querySelector('a[data-class~=region][data-id="`+id+`"]').focus()`)
		}
		focus("nantong")
		r.press(" ")
		r.waitPanel("nantong")
		r.wait(`document.activeElement && document.activeElement.id === 'panel-title'`)
		r.press("Escape")
		r.wait(`!document.querySelector('#panel[data-city]') && document.activeElement && document.activeElement.getAttribute('data-id') === 'nantong'`)
		// From the open panel, Tab moves on: the close control, then onwards.
		focus("wuxi")
		r.press("Enter")
		r.waitPanel("wuxi")
		seen := map[string]bool{}
		for i := 0; i < 40; i++ {
			r.press("Tab")
			seen[eval[string](r, `document.activeElement.getAttribute('class') || document.activeElement.getAttribute('data-class') || document.activeElement.tagName`)] = true
		}
		if !seen["panel-close"] {
			r.t.Errorf("Tab from the panel heading never reached the close control (saw %v)", seen)
		}
		if len(seen) < 3 {
			r.t.Errorf("Tab from the panel visited only %v: a keyboard trap?", seen)
		}
	}},
	{name: "unknown-city", allowed: []string{"404"}, run: func(r *run) {
		for _, tc := range []struct{ path, lang string }{{"/city/atlantis", "zh-Hans"}, {"/en/city/atlantis", "en"}} {
			r.checkStatus(tc.path, http.StatusNotFound)
			r.open(tc.path)
			if err := WaitVisible(r.ctx, r.b, `#panel[data-notfound]`); err != nil {
				r.t.Fatalf("%s: %v", tc.path, err)
			}
			if n := eval[int](r, `document.querySelectorAll('svg[data-class~=map] a[data-class~=region]').length`); n != 13 {
				r.t.Errorf("%s: the not-found page shows %d regions, want the map with 13", tc.path, n)
			}
			if got := eval[string](r, `document.documentElement.lang`); got != tc.lang {
				r.t.Errorf("%s: html lang %q, want %s", tc.path, got, tc.lang)
			}
		}
	}},
	{name: "themes", run: func(r *run) {
		r.open("/")
		for _, th := range []data.ThemeID{data.ThemeGreen, data.ThemeComputing, data.ThemeClusters} {
			r.click(fmt.Sprintf(`.chip[data-theme="%s"]`, th))
			// The URL changes first; the page follows when it has re-rendered.
			r.wait(fmt.Sprintf(`location.search === '?theme=%s' && !!document.querySelector('.chip[data-theme="%s"][aria-current="true"]')`, th, th))
			want := citiesWithTheme(th)
			if got := r.matchedCities(); !slices.Equal(got, want) {
				r.t.Errorf("theme %s highlights %v, want %v", th, got, want)
			}
			if n := eval[int](r, `document.querySelectorAll('a[data-class~=region][data-class~=is-dim]').length`); n != 13-len(want) {
				r.t.Errorf("theme %s dims %d cities, want %d", th, n, 13-len(want))
			}
		}
		// Opening a city keeps the theme and marks the matching initiatives.
		r.clickCity("yancheng")
		r.waitPanel("yancheng")
		if got := eval[string](r, `location.pathname + location.search`); got != "/city/yancheng?theme=clusters" {
			r.t.Errorf("after opening Yancheng: %s, want the theme kept", got)
		}
		c, _ := data.CityByID("yancheng")
		want := 0
		for _, in := range c.Initiatives {
			if in.HasTheme(data.ThemeClusters) {
				want++
			}
		}
		if got := eval[int](r, `document.querySelectorAll('#panel .initiative.is-match').length`); got != want {
			r.t.Errorf("the panel marks %d initiatives, want %d", got, want)
		}
	}},
	{name: "theme-deep-link", run: func(r *run) {
		r.open("/en/?theme=low-altitude")
		if got, want := r.matchedCities(), citiesWithTheme(data.ThemeLowAltitude); !slices.Equal(got, want) {
			r.t.Errorf("the deep link highlights %v, want %v", got, want)
		}
		if !eval[bool](r, `document.querySelector('.chip[data-theme="low-altitude"]').getAttribute('aria-current') === 'true'`) {
			r.t.Error("the chosen chip is not marked current")
		}
		// An unknown theme is ignored.
		r.open("/en/?theme=teleportation")
		if got := r.matchedCities(); len(got) != 0 {
			r.t.Errorf("an unknown theme highlights %v", got)
		}
	}},
	{name: "timeline", run: func(r *run) {
		r.open("/")
		events := data.Timeline()
		got := eval[[]string](r, `[...document.querySelectorAll('.timeline .event')].map(e => e.getAttribute('data-event-city'))`)
		if len(got) != len(events) {
			r.t.Fatalf("the timeline has %d events, want %d", len(got), len(events))
		}
		for i, ev := range events {
			if got[i] != ev.City.ID {
				r.t.Errorf("event %d is %s, want %s", i, got[i], ev.City.ID)
			}
		}
		// Choosing an event opens its city: the last one.
		r.click(fmt.Sprintf(`.timeline .event:nth-child(%d) a`, len(events)))
		r.waitPanel(events[len(events)-1].City.ID)
	}},
	{name: "study-tour", run: func(r *run) {
		r.open("/city/yangzhou")
		if n := eval[int](r, `document.querySelectorAll('[data-tour="yangzhou"] [data-class~=tour-line]').length`); n != 5 {
			r.t.Errorf("Yangzhou's tour draws %d lines, want 5", n)
		}
		labels := eval[string](r, `[...document.querySelectorAll('[data-tour="yangzhou"]')].map(g => g.textContent).join(' ')`)
		for _, name := range []string{"合肥", "杭州", "湖州"} {
			if !strings.Contains(labels, name) {
				r.t.Errorf("the tour's labels %q lack %s", labels, name)
			}
		}
		r.clickCity("suzhou")
		r.waitPanel("suzhou")
		if eval[bool](r, `!!document.querySelector('[data-tour]')`) {
			r.t.Error("a tour is drawn for Suzhou")
		}
	}},
	{name: "compare", run: func(r *run) {
		var covered []string
		for _, c := range data.Cities() {
			if c.Covered() {
				covered = append(covered, c.ID)
			}
		}
		for _, tc := range []struct{ path, cityPrefix string }{{"/compare", "/city/"}, {"/en/compare", "/en/city/"}} {
			r.open(tc.path)
			type card struct{ City, Href string }
			cards := eval[[]card](r, `[...document.querySelectorAll('.compare-card')].map(c => ({City: c.getAttribute('data-compare-city'), Href: c.querySelector('h3 a').getAttribute('href')}))`)
			if len(cards) != len(covered) {
				r.t.Fatalf("%s shows %d cities, want %d", tc.path, len(cards), len(covered))
			}
			for i, c := range cards {
				if c.City != covered[i] || c.Href != tc.cityPrefix+covered[i] {
					r.t.Errorf("%s: card %d is %s linking %s, want %s linking %s", tc.path, i, c.City, c.Href, covered[i], tc.cityPrefix+covered[i])
				}
			}
			r.click(`.compare-card[data-compare-city="xuzhou"] h3 a`)
			r.waitPanel("xuzhou")
			r.checkPath("after choosing Xuzhou on "+tc.path, tc.cityPrefix+"xuzhou")
		}
	}},
	{name: "chinese-in-english", run: func(r *run) {
		// Chinese names and quotations inside English text carry
		// lang="zh-Hans", so that they are read and drawn as Chinese.
		r.open("/en/city/xuzhou")
		bad := eval[[]string](r, `(() => {
			const out = [];
			const walk = document.createTreeWalker(document.getElementById('panel'), NodeFilter.SHOW_TEXT);
			for (let n = walk.nextNode(); n; n = walk.nextNode()) {
				if (/\p{Script=Han}/u.test(n.data) && !n.parentElement.closest('[lang="zh-Hans"]')) out.push(n.data.slice(0, 40));
			}
			return out;
		})()`)
		for _, b := range bad {
			r.t.Errorf("Chinese text without lang=zh-Hans on an English page: %q", b)
		}
		if n := eval[int](r, `document.querySelectorAll('#panel [lang="zh-Hans"]').length`); n == 0 {
			r.t.Error("no Chinese spans found: the check is blind")
		}
	}},
	{name: "source-sentences", run: func(r *run) {
		// Each initiative offers the article's own sentences behind it in
		// a native disclosure, closed at first, that opens and closes from
		// the keyboard with and without the WebAssembly; on English pages
		// a note says they are the original Chinese, and each figure reads
		// in English with the article's exact value visible beside it.
		c, _ := data.CityByID("yancheng")
		in := c.Initiatives[0]
		for _, tc := range []struct {
			path        string
			app         bool
			label, note string
		}{
			{"/en/city/yancheng", true, "Original text", "the original Chinese"},
			{"/city/yancheng", true, "原文", ""},
			{"/en/city/yancheng?static=1", false, "Original text", "the original Chinese"},
		} {
			if tc.app {
				r.open(tc.path)
			} else {
				if err := r.b.Navigate(r.ctx, r.site+tc.path); err != nil {
					r.t.Fatal(err)
				}
				r.wait(`document.readyState === 'complete' && !!document.querySelector('#panel[data-city="yancheng"]')`)
			}
			if got, want := eval[int](r, `document.querySelectorAll('#panel .initiative > details.quotes').length`), len(c.Initiatives); got != want {
				r.t.Errorf("%s: %d initiatives offer their sentences, want all %d", tc.path, got, want)
			}
			const d = `document.querySelector('#panel .initiative > details.quotes')`
			if eval[bool](r, d+`.open`) {
				r.t.Errorf("%s: the sentences are open before the reader asks", tc.path)
			}
			if got := eval[string](r, `(() => { const s = `+d+`.querySelector('summary'); s.focus(); return document.activeElement === s ? s.textContent : ''; })()`); got != tc.label {
				r.t.Fatalf("%s: focused disclosure %q, want the summary %q focused", tc.path, got, tc.label)
			}
			r.press("Enter")
			r.wait(d + `.open`)
			type quote struct {
				Text, Lang string
				Visible    bool
			}
			got := eval[[]quote](r, `[...`+d+`.querySelectorAll('[data-quote]')].map(p => ({Text: p.textContent, Lang: p.lang, Visible: p.getBoundingClientRect().height > 0}))`)
			if len(got) != len(in.Quotes) {
				r.t.Fatalf("%s: %d quotes shown, want %d", tc.path, len(got), len(in.Quotes))
			}
			for i, q := range got {
				if q.Text != in.Quotes[i] || q.Lang != "zh-Hans" || !q.Visible {
					r.t.Errorf("%s: quote %d = %+v, want %q, lang zh-Hans, visible", tc.path, i+1, q, in.Quotes[i])
				}
			}
			note := eval[string](r, `(`+d+`.querySelector('.quotes-note') || {}).textContent || ''`)
			if (tc.note == "") != (note == "") || !strings.Contains(note, tc.note) {
				r.t.Errorf("%s: note %q, want one saying %q", tc.path, note, tc.note)
			}
			r.press("Enter")
			r.wait(`!` + d + `.open`)
			if tc.app != eval[bool](r, `document.documentElement.getAttribute('data-app') === 'ready'`) {
				r.t.Errorf("%s: the app is running: %v, want %v", tc.path, !tc.app, tc.app)
			}
		}
		type figure struct {
			En, Verbatim, Lang string
			Visible            bool
		}
		r.open("/en/city/yancheng")
		got := eval[figure](r, `(() => {
			const dd = document.querySelector('#panel .initiative dd'), v = dd.querySelector('.figure-verbatim');
			return {En: dd.querySelector('.figure-en').textContent, Verbatim: v.textContent, Lang: v.lang, Visible: v.getBoundingClientRect().height > 0 && getComputedStyle(v).visibility === 'visible'};
		})()`)
		f := in.Figures[0]
		if want := (figure{f.En, f.Value, "zh-Hans", true}); got != want {
			r.t.Errorf("Yancheng's first figure on the English page = %+v, want %+v", got, want)
		}
	}},
	storyStep, // story_test.go
}

// TestSuite runs every step of suite in each engine $JSMAP_BROWSERS lists,
// the engines side by side (and beside the other browser tests).
func TestSuite(t *testing.T) {
	t.Parallel()
	base := siteURL(t)
	for _, engine := range harness.RequireBrowsers(t) {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			b := startFor(t, engine, Options{})
			t.Logf("%s version %s", engine, b.Version())
			for _, s := range suite {
				t.Run(s.name, func(t *testing.T) {
					ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
					defer cancel()
					defer checkErrors(t, b, s.allowed)
					defer screenshot(t, b, s.name)
					s.run(&run{t: t, ctx: ctx, b: b, site: base})
				})
			}
		})
	}
}

// matchedCities lists, sorted, the cities the map marks as matching the
// chosen theme.
func (r *run) matchedCities() []string {
	r.t.Helper()
	ids := eval[[]string](r, `[...document.querySelectorAll('a[data-class~=region][data-class~=is-match]')].map(a => a.getAttribute('data-id'))`)
	slices.Sort(ids)
	return ids
}

// citiesWithTheme lists, sorted, the cities with an initiative in theme id.
func citiesWithTheme(id data.ThemeID) []string {
	var out []string
	for _, c := range data.Cities() {
		if c.HasTheme(id) {
			out = append(out, c.ID)
		}
	}
	slices.Sort(out)
	return out
}
