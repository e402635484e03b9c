package xbrowser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// labelFixes is what a failure of TestChromiumMapLabels suggests.
const labelFixes = `How to fix: texts on the map are sized in web/app.css (clamp(12px, …cqi, …px): keep the 12 px floor); on a narrow map, move overlapping names apart with --label-dx/--label-dy in app.css's @container block, keeping each on its city (the city must be under the name's centre: clicks on a name open the city under it); the study tour's labels are placed in components/jiangsu_map.go (renderTour).`

// mapText is one text on the map as laid out: its rendered font size in
// CSS px (the computed size times the SVG's scale), its box, and whether
// its centre lies on the city it names.
type mapText struct {
	Text, ID, Kind   string
	Size             float64
	X, Y, W, H       float64
	OnCity, IsRegion bool
}

// TestChromiumMapLabels lays the map out at phone, tablet and desktop
// widths, on the site and in the embed, in both languages and with
// Yangzhou's study tour drawn: every text on the map renders at least
// 12 CSS px tall (WCAG's readable minimum on a phone; the city list under
// the map is the large-target way in), no two texts overlap, and each
// city's name sits on its city; also in WordPress's compact layout, where
// a map too small for its names shows none.
func TestChromiumMapLabels(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	sizes := []struct{ w, h int64 }{{320, 640}, {390, 844}, {480, 900}, {600, 900}, {768, 1024}, {1024, 768}, {1280, 800}}
	// A "wp:" page is laid out as in a WordPress post (html[data-wp],
	// which web/page.js sets there): a small map beside or above the
	// panel, whose names must fit too, or give way all together.
	pages := []string{"/", "/en/", "/city/yangzhou", "/en/city/yangzhou", "/embed/", "/en/embed/city/yangzhou",
		"wp:/en/embed/", "wp:/embed/city/yangzhou", "wp:/en/embed/city/xuzhou"}
	const minSize = 12
	hinted := false
	for _, sz := range sizes {
		if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: sz.w, Height: sz.h, DeviceScaleFactor: 1, Mobile: sz.w < 700}); err != nil {
			t.Fatal(err)
		}
		smallest := map[string]float64{}
		for _, page := range pages {
			path, wp := strings.CutPrefix(page, "wp:")
			tb.navigate(path)
			if wp {
				eval[any](tb.run, `document.documentElement.dataset.wp = "", 0`)
			}
			texts := eval[[]mapText](tb.run, `(() => {
				const out = [];
				for (const el of document.querySelectorAll('svg[data-class~="map"] text')) {
					const cs = getComputedStyle(el);
					if (cs.display === 'none' || cs.visibility === 'hidden' || !el.textContent.trim() || el.closest('[data-class~="labels"], [data-class~="tour-labels"]')?.getBoundingClientRect().width === 0) continue;
					el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
					const r = el.getBoundingClientRect();
					const m = el.getScreenCTM();
					const id = el.getAttribute('data-id') || '';
					let onCity = false;
					if (id) {
						const at = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
						onCity = at.some(e => e.closest && e.closest('a[data-id="' + id + '"]'));
					}
					const kind = !id ? 'tour' : (el.getAttribute('data-class').includes('uncovered') ? 'uncovered city' : 'covered city');
					out.push({Text: el.textContent, ID: id, IsRegion: !!id, Kind: kind,
						Size: parseFloat(cs.fontSize) * Math.hypot(m.a, m.b),
						X: r.left + scrollX, Y: r.top + scrollY, W: r.width, H: r.height, OnCity: onCity});
				}
				return out;
			})()`)
			where := fmt.Sprintf("%s at %d×%d", page, sz.w, sz.h)
			regions := 0
			for i, a := range texts {
				if a.IsRegion {
					regions++
				}
				if s, ok := smallest[a.Kind]; !ok || a.Size < s {
					smallest[a.Kind] = a.Size
				}
				if a.Size < minSize {
					t.Errorf("%s: %q renders %.1f px, want at least %d px", where, a.Text, a.Size, minSize)
				}
				if a.IsRegion && !a.OnCity {
					t.Errorf("%s: the label %q is not on its city (%s)", where, a.Text, a.ID)
				}
				for _, b := range texts[i+1:] {
					if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
						t.Errorf("%s: %q (%.0f,%.0f %.0f×%.0f) overlaps %q (%.0f,%.0f %.0f×%.0f)", where, a.Text, a.X, a.Y, a.W, a.H, b.Text, b.X, b.Y, b.W, b.H)
					}
				}
			}
			if t.Failed() && !hinted {
				hinted = true
				t.Log(labelFixes)
			}
			// Every city named, or, on a map too small for its names
			// (WordPress's locator beside an open city), none.
			if regions != 13 && !(wp && regions == 0) {
				t.Errorf("%s: %d city labels on the map, want 13", where, regions)
			}
		}
		t.Logf("%d px wide: smallest text %.1f px on a covered city, %.1f px on an uncovered one, %.1f px on the study tour", sz.w, smallest["covered city"], smallest["uncovered city"], smallest["tour"])
	}
}
