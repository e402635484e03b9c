package components

import (
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

func TestCompareView(t *testing.T) {
	tests := []struct {
		nav     route.State
		heading string
		link    string // the first Suzhou link
	}{
		{route.State{Lang: data.Zh, Compare: true}, "万亿之城与冲刺者对比", "/city/suzhou"},
		{route.State{Lang: data.En, Compare: true, Dark: route.DarkOn}, "Trillion-yuan cities and the aspirants, side by side", "/en/city/suzhou?dark=true"},
	}
	for _, tc := range tests {
		t.Run(string(tc.nav.Lang), func(t *testing.T) {
			root := render(t, &CompareView{Nav: tc.nav})
			if got := one(t, root, "heading", byAttr("id", PanelHeadingID)).text(); got != tc.heading {
				t.Errorf("heading = %q, want %q", got, tc.heading)
			}
			cards := root.findAll(byClass("compare-card"))
			var trillion, aspiring []string
			for _, c := range data.Cities() {
				switch c.Status {
				case data.Trillion:
					trillion = append(trillion, c.ID)
				case data.Aspiring:
					aspiring = append(aspiring, c.ID)
				}
			}
			if len(cards) != len(trillion)+len(aspiring) {
				t.Fatalf("%d city cards, want %d", len(cards), len(trillion)+len(aspiring))
			}
			for col, want := range map[string][]string{"compare-col--trillion": trillion, "compare-col--aspiring": aspiring} {
				var got []string
				for _, c := range one(t, root, col, byClass(col)).findAll(byClass("compare-card")) {
					got = append(got, c.Attrs["data-compare-city"])
				}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("%s holds %v, want %v", col, got, want)
				}
			}
			// Each card is an article named by its own heading, the city.
			names := map[string]bool{}
			for _, card := range cards {
				id := card.Attrs["aria-labelledby"]
				c, _ := data.CityByID(card.Attrs["data-compare-city"])
				h := one(t, root, "the heading of "+c.ID+"'s card", byAttr("id", id))
				if card.Tag != "article" || h.text() != c.Name.In(tc.nav.Lang) || len(card.findAll(byAttr("id", id))) != 1 {
					t.Errorf("card %s: <%s aria-labelledby=%q> names it %q, want an article named by its own heading %q", c.ID, card.Tag, id, h.text(), c.Name.In(tc.nav.Lang))
				}
				names[h.text()] = true
			}
			if len(names) != len(cards) {
				t.Errorf("%d distinct card names for %d cards", len(names), len(cards))
			}
			suzhou := one(t, root, "Suzhou's card", byAttr("data-compare-city", "suzhou"))
			if got := suzhou.findAll(byTag("a"))[0].Attrs["href"]; got != tc.link {
				t.Errorf("Suzhou's link = %q, want %q (the page's options kept)", got, tc.link)
			}
			c, _ := data.CityByID("suzhou")
			if got, want := len(one(t, suzhou, "initiatives", byClass("compare-initiatives")).findAll(byTag("li"))), len(c.Initiatives); got != want {
				t.Errorf("Suzhou's card lists %d initiatives, want %d", got, want)
			}
		})
	}
}

func TestThemeChips(t *testing.T) {
	tests := []struct {
		name    string
		nav     route.State
		current string // the chip marked current
		hrefs   map[string]string
	}{
		{
			name:    "no theme, a city open",
			nav:     route.State{Lang: data.Zh, City: "wuxi"},
			current: "",
			hrefs:   map[string]string{"": "/city/wuxi", "green": "/city/wuxi?theme=green"},
		},
		{
			name:    "a theme chosen, English overview",
			nav:     route.State{Lang: data.En, Theme: "green"},
			current: "green",
			hrefs:   map[string]string{"": "/en/", "green": "/en/?theme=green", "computing": "/en/?theme=computing"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := render(t, &ThemeChips{Nav: tc.nav})
			chips := root.findAll(byClass("chip"))
			if want := len(data.Themes()) + 1; len(chips) != want {
				t.Fatalf("%d chips, want %d (all, and one per theme)", len(chips), want)
			}
			for _, c := range chips {
				id := c.Attrs["data-theme"]
				if id == "true" {
					id = "" // the "all" chip: go-app prints data-theme="" bare
				}
				cur, marked := c.attr("aria-current")
				if id == tc.current && (!marked || cur != "true") {
					t.Errorf("chip %q: aria-current %q (present %v), want \"true\"", id, cur, marked)
				}
				if id != tc.current && marked {
					t.Errorf("chip %q is marked current, want only %q", id, tc.current)
				}
				if want, ok := tc.hrefs[id]; ok && c.Attrs["href"] != want {
					t.Errorf("chip %q links to %q, want %q", id, c.Attrs["href"], want)
				}
			}
		})
	}
}

func TestUpdateNotice(t *testing.T) {
	tests := []struct {
		available bool
		lang      data.Lang
		text      string
	}{
		{false, data.Zh, ""},
		{true, data.Zh, "地图有新版本。刷新"},
		{true, data.En, "A new version of the map is available. Reload"},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang)+map[bool]string{true: "-available", false: "-none"}[tc.available], func(t *testing.T) {
			root := render(t, &UpdateNotice{Lang: tc.lang, available: tc.available})
			if got := root.Attrs["role"]; got != "status" {
				t.Errorf("role = %q, want status (a live region from the start, so the notice is announced)", got)
			}
			visible := strings.Contains(root.Attrs["class"], "is-visible")
			if visible != tc.available {
				t.Errorf("class %q: visible %v, want %v", root.Attrs["class"], visible, tc.available)
			}
			if got := strings.Join(strings.Fields(root.text()), " "); got != tc.text {
				t.Errorf("text = %q, want %q", got, tc.text)
			}
			if buttons := root.findAll(byTag("button")); len(buttons) != map[bool]int{true: 1, false: 0}[tc.available] {
				t.Errorf("%d reload buttons, want one only when an update is available", len(buttons))
			}
		})
	}
}

func TestEmbedCredit(t *testing.T) {
	tests := []struct {
		lang data.Lang
		city string
		href string
		text string
	}{
		{data.Zh, "", "/", "在新标签页打开完整地图 ↗"},
		{data.Zh, "nantong", "/city/nantong", "在新标签页打开完整地图 ↗"},
		{data.En, "yancheng", "/en/city/yancheng", "Open the full map in a new tab ↗"},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang)+"/"+tc.city, func(t *testing.T) {
			root := render(t, &EmbedCredit{Lang: tc.lang, City: tc.city})
			a := one(t, root, "the full map's link", byClass("embed-open-link"))
			if got := a.Attrs["href"]; got != tc.href {
				t.Errorf("href = %q, want %q (the full site's page of the same city)", got, tc.href)
			}
			if a.Attrs["target"] != "_blank" || a.Attrs["rel"] != "noopener" {
				t.Errorf("target %q rel %q, want a new tab with noopener", a.Attrs["target"], a.Attrs["rel"])
			}
			if got := a.text(); got != tc.text {
				t.Errorf("text = %q, want %q", got, tc.text)
			}
			one(t, root, "source credit", byClass("source"))
			d := one(t, root, "the data link", byClass("embed-data-link"))
			if want := Href(tc.lang, "") + "#" + DataLinksID; d.Attrs["href"] != want || d.Attrs["target"] != "_blank" {
				t.Errorf("data link: href %q target %q, want %q in a new tab (the full site's footer says what the files hold)", d.Attrs["href"], d.Attrs["target"], want)
			}
		})
	}
}

func TestDataLinksLine(t *testing.T) {
	tests := []struct {
		lang       data.Lang
		lead, what string
	}{
		{data.Zh, "下载数据", "全部 18 项举措"},
		{data.En, "Get the data", "all 18 initiatives"},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			root := render(t, dataLinks(tc.lang))
			p := one(t, root, "the data line", byClass("data-links"))
			if p.Attrs["id"] != DataLinksID {
				t.Errorf("id %q, want %q (the embed's credit links to it)", p.Attrs["id"], DataLinksID)
			}
			if got := one(t, p, "lead", byTag("strong")).text(); got != tc.lead {
				t.Errorf("lead %q, want %q", got, tc.lead)
			}
			if !strings.Contains(p.text(), tc.what) {
				t.Errorf("text %q does not say what the rows are (%q)", p.text(), tc.what)
			}
			links := p.findAll(byTag("a"))
			want := []string{"/data/initiatives.csv", "/data/initiatives.json", "/data/jiangsu.geojson"}
			if len(links) != len(want) {
				t.Fatalf("got %d links, want %d", len(links), len(want))
			}
			for i, a := range links {
				if a.Attrs["href"] != want[i] {
					t.Errorf("link %d: href %q, want %q", i+1, a.Attrs["href"], want[i])
				}
				if _, ok := a.attr("download"); !ok {
					t.Errorf("link %d: no download attribute (go-app would open it as a page of the app)", i+1)
				}
			}
		})
	}
}
