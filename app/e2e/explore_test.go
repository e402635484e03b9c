package e2e

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/jiangsu-map/jsmap/data"
)

// matchedCities lists the region ids the map marks as matching the theme.
func (tb *tab) matchedCities(t *testing.T) []string {
	t.Helper()
	ids := eval[[]string](t, tb, `[...document.querySelectorAll('a[data-class~=region][data-class~=is-match]')].map(a => a.getAttribute('data-id'))`)
	sort.Strings(ids)
	return ids
}

func citiesWithTheme(id data.ThemeID) []string {
	var out []string
	for _, c := range data.Cities() {
		if c.HasTheme(id) {
			out = append(out, c.ID)
		}
	}
	sort.Strings(out)
	return out
}

func TestThemes(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	for _, th := range []data.ThemeID{data.ThemeGreen, data.ThemeComputing, data.ThemeClusters} {
		tb.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`.chip[data-theme="%s"]`, th))))
		// The URL changes first; the page follows when it has re-rendered.
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`location.search === '?theme=%s' && !!document.querySelector('.chip[data-theme="%s"][aria-current="true"]')`, th, th))); err != nil {
			t.Fatalf("theme %s: URL %q", th, eval[string](t, tb, `location.search`))
		}
		want := citiesWithTheme(th)
		if got := tb.matchedCities(t); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("theme %s highlights %v, want %v", th, got, want)
		}
		dimmed := eval[int](t, tb, `document.querySelectorAll('a[data-class~=region][data-class~=is-dim]').length`)
		if dimmed != 13-len(want) {
			t.Errorf("theme %s dims %d cities, want %d", th, dimmed, 13-len(want))
		}
	}
	// Opening a city keeps the theme and marks the matching initiatives.
	tb.clickCity(t, "yancheng")
	tb.waitPanel(t, "yancheng")
	if got := eval[string](t, tb, `location.pathname + location.search`); got != "/city/yancheng?theme=clusters" {
		t.Errorf("after opening Yancheng: %s, want the theme kept", got)
	}
	c, _ := data.CityByID("yancheng")
	var want int
	for _, in := range c.Initiatives {
		if in.HasTheme(data.ThemeClusters) {
			want++
		}
	}
	if got := eval[int](t, tb, `document.querySelectorAll('#panel .initiative.is-match').length`); got != want {
		t.Errorf("panel marks %d initiatives, want %d", got, want)
	}
}

func TestThemeDeepLink(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/en/?theme=low-altitude")
	if got, want := tb.matchedCities(t), citiesWithTheme(data.ThemeLowAltitude); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("deep link highlights %v, want %v", got, want)
	}
	if !eval[bool](t, tb, `document.querySelector('.chip[data-theme="low-altitude"]').getAttribute('aria-current') === 'true'`) {
		t.Error("the chosen chip is not marked current")
	}
	// An unknown theme is ignored.
	tb.open(t, "/en/?theme=teleportation")
	if got := tb.matchedCities(t); len(got) != 0 {
		t.Errorf("unknown theme highlights %v", got)
	}
}

func TestTimeline(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	events := data.Timeline()
	got := eval[[]string](t, tb, `[...document.querySelectorAll('.timeline .event')].map(e => e.getAttribute('data-event-city'))`)
	if len(got) != len(events) {
		t.Fatalf("timeline has %d events, want %d", len(got), len(events))
	}
	for i, ev := range events {
		if got[i] != ev.City.ID {
			t.Errorf("event %d is %s, want %s", i, got[i], ev.City.ID)
		}
	}
	// Choosing an event opens its city: the last one, Yancheng on 14 March.
	last := events[len(events)-1]
	tb.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`.timeline .event:nth-child(%d) a`, len(events)))))
	tb.waitPanel(t, last.City.ID)
}

func TestStudyTourOnMap(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/city/yangzhou")
	if n := eval[int](t, tb, `document.querySelectorAll('[data-tour="yangzhou"] [data-class~=tour-line]').length`); n != 5 {
		t.Errorf("Yangzhou's tour draws %d lines, want 5", n)
	}
	labels := eval[string](t, tb, `document.querySelector('[data-tour="yangzhou"]').textContent`)
	for _, name := range []string{"合肥", "杭州", "湖州"} {
		if !strings.Contains(labels, name) {
			t.Errorf("tour labels %q lack %s", labels, name)
		}
	}
	tb.clickCity(t, "suzhou")
	tb.waitPanel(t, "suzhou")
	if eval[bool](t, tb, `!!document.querySelector('[data-tour]')`) {
		t.Error("a tour is drawn for Suzhou")
	}
}

func TestComparePage(t *testing.T) {
	for _, path := range []string{"/compare", "/en/compare"} {
		t.Run(path, func(t *testing.T) {
			tb := newTab(t)
			tb.open(t, path)
			type card struct{ City, Href string }
			cards := eval[[]card](t, tb, `[...document.querySelectorAll('.compare-card')].map(c => ({City: c.getAttribute('data-compare-city'), Href: c.querySelector('h3 a').getAttribute('href')}))`)
			var covered []string
			for _, c := range data.Cities() {
				if c.Covered() {
					covered = append(covered, c.ID)
				}
			}
			if len(cards) != len(covered) {
				t.Fatalf("compare page shows %d cities, want %d", len(cards), len(covered))
			}
			prefix := "/city/"
			if strings.HasPrefix(path, "/en/") {
				prefix = "/en/city/"
			}
			for i, c := range cards {
				if c.City != covered[i] || c.Href != prefix+covered[i] {
					t.Errorf("card %d: %s linking %s, want %s linking %s", i, c.City, c.Href, covered[i], prefix+covered[i])
				}
			}
			tb.do(t, chromedp.Click(chromedp.CSS(`.compare-card[data-compare-city="xuzhou"] h3 a`)))
			tb.waitPanel(t, "xuzhou")
		})
	}
}

var ogImageRe = regexp.MustCompile(`<meta [^>]*property="og:image"[^>]*>`)
var contentRe = regexp.MustCompile(`content="([^"]*)"`)

func TestShareImages(t *testing.T) {
	seen := map[string]string{}
	for _, id := range data.IDs() {
		res, err := http.Get(site.URL + "/city/" + id)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		tag := ogImageRe.FindString(string(b))
		m := contentRe.FindStringSubmatch(tag)
		if m == nil {
			t.Errorf("%s: no og:image", id)
			continue
		}
		img, err := http.Get(site.URL + m[1])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(img.Body)
		img.Body.Close()
		if img.StatusCode != 200 || img.Header.Get("Content-Type") != "image/png" {
			t.Errorf("%s: %s answers %d %s", id, m[1], img.StatusCode, img.Header.Get("Content-Type"))
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(body))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: %s is %dx%d (%v), want a 1200x630 PNG", id, m[1], cfg.Width, cfg.Height, err)
		}
		if len(body) >= 100*1024 {
			t.Errorf("%s: share image is %d bytes, want under 100 KB", id, len(body))
		}
		if prev, dup := seen[string(body)]; dup {
			t.Errorf("%s and %s share the same image", id, prev)
		}
		seen[string(body)] = id
		for _, want := range []string{`name="twitter:card" content="summary_large_image"`, `property="og:locale" content="zh_CN"`} {
			if !strings.Contains(string(b), want) && !strings.Contains(string(b), reorder(want)) {
				t.Errorf("%s: lacks %s", id, want)
			}
		}
	}
}

// reorder swaps the two attributes of a meta fragment: go-app prints
// attributes in any order.
func reorder(frag string) string {
	parts := strings.SplitN(frag, " ", 2)
	if len(parts) != 2 {
		return frag
	}
	return parts[1] + " " + parts[0]
}

func TestShareButton(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/en/city/nantong")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: "granted", Origin: site.URL,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if eval[bool](t, tb, `!!navigator.share`) {
		t.Skip("this Chromium has the Web Share API; the copy fallback is not reachable")
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`.share-button`)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelector('.share-status').textContent === 'Link copied.'`)); err != nil {
		t.Fatalf("no confirmation: %q", eval[string](t, tb, `document.querySelector('.share-status').textContent`))
	}
	if got := eval[string](t, tb, `navigator.clipboard.readText()`, chromedp.EvalAwaitPromise); got != site.URL+"/en/city/nantong" {
		t.Errorf("clipboard holds %q, want the page URL", got)
	}
}
