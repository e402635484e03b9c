package components

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// checkPanelHead asserts what every city panel has: the section, the
// heading, the status badge and the close link back to the overview.
func checkPanelHead(t *testing.T, root *node, l data.Lang, c data.City) {
	t.Helper()
	if got, want := root.Tag, "section"; got != want {
		t.Fatalf("root is <%s>, want <%s>", got, want)
	}
	if got := root.Attrs["data-city"]; got != c.ID {
		t.Errorf("data-city = %q, want %q", got, c.ID)
	}
	if got := root.Attrs["id"]; got != "panel" {
		t.Errorf("id = %q, want %q", got, "panel")
	}
	if got := root.Attrs["aria-labelledby"]; got != PanelHeadingID {
		t.Errorf("aria-labelledby = %q, want %q", got, PanelHeadingID)
	}
	h := one(t, root, "#"+PanelHeadingID, byAttr("id", PanelHeadingID))
	if h.Tag != "h2" || h.text() != c.Name.In(l) {
		t.Errorf("heading = <%s>%q, want <h2>%q", h.Tag, h.text(), c.Name.In(l))
	}
	if got := h.Attrs["tabindex"]; got != "-1" {
		t.Errorf("heading tabindex = %q, want \"-1\" (the page moves focus there)", got)
	}
	badge := one(t, root, "status badge", byClass("badge"))
	if got, want := strings.TrimSpace(badge.text()), statusText(c.Status).In(l); got != want {
		t.Errorf("badge text = %q, want %q", got, want)
	}
	if !byClass("badge--" + statusClass(c.Status))(badge) {
		t.Errorf("badge class = %q, want it to hold badge--%s", badge.Attrs["class"], statusClass(c.Status))
	}
	closeLink := one(t, root, "close link", and(byTag("a"), byClass("panel-close")))
	if got, want := closeLink.Attrs["href"], wantPrefix(l)+"/"; got != want {
		t.Errorf("close href = %q, want %q", got, want)
	}
	if got, want := closeLink.Attrs["aria-label"], txtCloseLabel.In(l); got != want {
		t.Errorf("close aria-label = %q, want %q", got, want)
	}
}

func TestCityPanelCoveredCities(t *testing.T) {
	for _, c := range data.Cities() {
		if !c.Covered() {
			continue
		}
		for _, l := range data.Langs {
			t.Run(c.ID+"/"+string(l), func(t *testing.T) {
				root := render(t, &CityPanel{Nav: route.State{Lang: l, City: c.ID}})
				checkPanelHead(t, root, l, c)

				if got, want := one(t, root, "lead", and(byTag("p"), byClass("lead"))).text(), c.Lead.In(l); got != want {
					t.Errorf("lead = %q, want %q", got, want)
				}
				targets := root.findAll(byClass("target"))
				if c.Target.In(l) == "" {
					if len(targets) != 0 {
						t.Errorf("got %d target paragraphs for a city without a target, want 0", len(targets))
					}
				} else if len(targets) != 1 || !strings.HasSuffix(targets[0].text(), c.Target.In(l)) {
					t.Errorf("target paragraph missing or not ending with %q", c.Target.In(l))
				}

				items := root.findAll(and(byTag("li"), byClass("initiative")))
				if len(items) != len(c.Initiatives) {
					t.Fatalf("got %d initiatives, want %d", len(items), len(c.Initiatives))
				}
				for i, in := range c.Initiatives {
					item := items[i]
					if got, want := one(t, item, "title", byClass("initiative-title")).text(), in.Title.In(l); got != want {
						t.Errorf("initiative %d title = %q, want %q", i, got, want)
					}
					if got, want := one(t, item, "summary", byClass("initiative-summary")).text(), in.Summary.In(l); got != want {
						t.Errorf("initiative %d summary = %q, want %q", i, got, want)
					}
					date := one(t, item, "date", byClass("initiative-date"))
					if in.Date == "" {
						if date.Tag != "p" || date.text() != txtUndated.In(l) {
							t.Errorf("initiative %d date = <%s>%q, want <p>%q", i, date.Tag, date.text(), txtUndated.In(l))
						}
					} else {
						if date.Tag != "time" || date.Attrs["datetime"] != in.Date {
							t.Errorf("initiative %d date = <%s datetime=%q>, want <time datetime=%q>", i, date.Tag, date.Attrs["datetime"], in.Date)
						}
						if got, want := date.text(), formatDate(l, in.Date, in.EndDate); got != want || got == "" {
							t.Errorf("initiative %d date text = %q, want %q", i, got, want)
						}
					}
					checkFigures(t, fmt.Sprintf("initiative %d", i), item, l, in.Figures)
					checkQuotes(t, fmt.Sprintf("initiative %d", i), item, l, in.Quotes)
					themes := item.findAll(and(byTag("li"), byClass("theme")))
					if len(themes) != len(in.Themes) {
						t.Errorf("initiative %d: got %d themes, want %d", i, len(themes), len(in.Themes))
					}
				}
				if got := len(root.findAll(byClass("source"))); got != 1 {
					t.Errorf("got %d source credits, want 1", got)
				}
			})
		}
	}
}

// checkFigureValue asserts how a figure's value reads in language l: on
// English pages its English rendering with the article's exact value
// beside it, marked as Chinese; otherwise the exact value.
func checkFigureValue(t *testing.T, where string, dd *node, l data.Lang, f data.Figure) {
	t.Helper()
	verbatim := dd.findAll(byClass("figure-verbatim"))
	if l != data.En || f.En == "" {
		if got := dd.text(); got != f.Value {
			t.Errorf("%s value = %q, want %q", where, got, f.Value)
		}
		if len(verbatim) != 0 {
			t.Errorf("%s has %d .figure-verbatim, want 0 where the value is shown as printed", where, len(verbatim))
		}
		if got := dd.Attrs["lang"]; got != "zh-Hans" {
			t.Errorf("%s dd lang = %q, want zh-Hans (the article's own words)", where, got)
		}
		return
	}
	if got, want := dd.text(), f.En+" "+f.Value; got != want {
		t.Errorf("%s value = %q, want %q", where, got, want)
	}
	if got := one(t, dd, "English value", byClass("figure-en")).text(); got != f.En {
		t.Errorf("%s English value = %q, want %q", where, got, f.En)
	}
	if len(verbatim) != 1 || verbatim[0].text() != f.Value || verbatim[0].Attrs["lang"] != "zh-Hans" {
		t.Errorf("%s: got %d .figure-verbatim, want one <span lang=zh-Hans> holding %q", where, len(verbatim), f.Value)
	}
}

// checkQuotes asserts the disclosure with the article's sentences behind an
// initiative: right after the summary, labelled in the page's language,
// one data-quote element per sentence marked as Chinese, and on English
// pages the note that they are the original Chinese.
func checkQuotes(t *testing.T, where string, item *node, l data.Lang, quotes []string) {
	t.Helper()
	details := item.findAll(byTag("details"))
	if len(quotes) == 0 {
		if len(details) != 0 {
			t.Errorf("%s: got %d details with no quotes, want none", where, len(details))
		}
		return
	}
	if len(details) != 1 || !byClass("quotes")(details[0]) {
		t.Fatalf("%s: got %d details, want one details.quotes", where, len(details))
	}
	d := details[0]
	var prev *node
	for _, c := range item.Children {
		if c == d {
			break
		}
		if c.Tag != "" {
			prev = c
		}
	}
	if prev == nil || !byClass("initiative-summary")(prev) {
		t.Errorf("%s: the quotes follow %v, want them right after the summary", where, prev)
	}
	if _, open := d.attr("open"); open {
		t.Errorf("%s: the quotes are open, want them closed until the reader opens them", where)
	}
	if got, want := one(t, d, "summary", byTag("summary")).text(), txtQuotes.In(l); got != want {
		t.Errorf("%s: disclosure label = %q, want %q", where, got, want)
	}
	notes := d.findAll(byClass("quotes-note"))
	if l == data.En && (len(notes) != 1 || notes[0].text() != txtQuotesNote.En) {
		t.Errorf("%s: got %d notes, want one saying %q", where, len(notes), txtQuotesNote.En)
	}
	if l != data.En && len(notes) != 0 {
		t.Errorf("%s: got %d notes on a Chinese page, want none", where, len(notes))
	}
	ps := d.findAll(func(n *node) bool { _, ok := n.attr("data-quote"); return ok })
	if len(ps) != len(quotes) {
		t.Fatalf("%s: got %d [data-quote], want %d", where, len(ps), len(quotes))
	}
	for i, q := range quotes {
		if got := ps[i].text(); got != q {
			t.Errorf("%s: quote %d = %q, want %q", where, i+1, got, q)
		}
		if got := ps[i].Attrs["lang"]; got != "zh-Hans" {
			t.Errorf("%s: quote %d lang = %q, want zh-Hans", where, i+1, got)
		}
	}
}

// fixtureCity exercises every branch of the panel with known values,
// independent of the real content.
func fixtureCity() data.City {
	return data.City{
		ID:     "fixture",
		Name:   data.Text{Zh: "样例", En: "Sample"},
		Status: data.Aspiring,
		Target: data.Text{Zh: "目标文字", En: "Target text"},
		Lead:   data.Text{Zh: "导语", En: "Lead text"},
		Initiatives: []data.Initiative{
			{
				Date:    "2024-03-14",
				Title:   data.Text{Zh: "一日", En: "One day"},
				Summary: data.Text{Zh: "摘要一", En: "Summary one"},
				Themes:  []data.ThemeID{data.ThemeComputing, "no-such-theme"},
				Figures: []data.Figure{
					{Value: "10074.1亿元", En: "1,007.41 billion yuan", Label: data.Text{Zh: "销售", En: "Sales"}},
					{Value: "343", Label: data.Text{Zh: "集群", En: "Clusters"}},
				},
				Quotes: []string{"原句一。", "原句二。"},
			},
			{
				Date:    "2024-03-14",
				EndDate: "2024-03-16",
				Title:   data.Text{Zh: "三日", En: "Three days"},
				Summary: data.Text{Zh: "摘要二", En: "Summary two"},
				Themes:  []data.ThemeID{data.ThemeLearning},
				Quotes:  []string{"原句三。"},
			},
			{
				Title:   data.Text{Zh: "无日期", En: "Undated"},
				Summary: data.Text{Zh: "摘要三", En: "Summary three"},
			},
		},
	}
}

// withFixtureCity makes fixtureCity findable by CityPanel for the rest of
// the test, and returns it.
func withFixtureCity(t *testing.T) data.City {
	t.Helper()
	c := fixtureCity()
	orig := cityByID
	cityByID = func(id string) (data.City, bool) {
		if id == c.ID {
			return c, true
		}
		return orig(id)
	}
	t.Cleanup(func() { cityByID = orig })
	return c
}

func TestCityPanelFixture(t *testing.T) {
	type initiative struct {
		dateTag, date, title, summary string
		themes                        []string
		figures                       []string
		quotes                        []string
	}
	tests := []struct {
		lang   data.Lang
		badge  string
		target string
		items  []initiative
	}{
		{
			lang:   data.Zh,
			badge:  "冲刺万亿",
			target: "万亿目标：目标文字",
			items: []initiative{
				{"time", "2024年3月14日", "一日", "摘要一", []string{"算力"}, []string{"销售=10074.1亿元", "集群=343"}, []string{"原句一。", "原句二。"}},
				{"time", "2024年3月14日至16日", "三日", "摘要二", []string{"学习考察"}, nil, []string{"原句三。"}},
				{"p", "报道未注明日期", "无日期", "摘要三", nil, nil, nil},
			},
		},
		{
			lang:   data.En,
			badge:  "Aiming for a trillion yuan",
			target: "Trillion-yuan goal: Target text",
			items: []initiative{
				{"time", "14 March 2024", "One day", "Summary one", []string{"Computing power"}, []string{"Sales=1,007.41 billion yuan 10074.1亿元", "Clusters=343"}, []string{"原句一。", "原句二。"}},
				{"time", "14–16 March 2024", "Three days", "Summary two", []string{"Study tours"}, nil, []string{"原句三。"}},
				{"p", "No date given in the report", "Undated", "Summary three", nil, nil, nil},
			},
		},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			c := withFixtureCity(t)
			root := render(t, &CityPanel{Nav: route.State{Lang: tc.lang, City: c.ID}})
			checkPanelHead(t, root, tc.lang, c)
			if got := strings.TrimSpace(one(t, root, "badge", byClass("badge")).text()); got != tc.badge {
				t.Errorf("badge = %q, want %q", got, tc.badge)
			}
			if got := one(t, root, "target", byClass("target")).text(); got != tc.target {
				t.Errorf("target = %q, want %q", got, tc.target)
			}
			items := root.findAll(and(byTag("li"), byClass("initiative")))
			if len(items) != len(tc.items) {
				t.Fatalf("got %d initiatives, want %d", len(items), len(tc.items))
			}
			for i, want := range tc.items {
				item := items[i]
				date := one(t, item, "date", byClass("initiative-date"))
				if date.Tag != want.dateTag || date.text() != want.date {
					t.Errorf("item %d date = <%s>%q, want <%s>%q", i, date.Tag, date.text(), want.dateTag, want.date)
				}
				if got := one(t, item, "title", byClass("initiative-title")).text(); got != want.title {
					t.Errorf("item %d title = %q, want %q", i, got, want.title)
				}
				if got := one(t, item, "summary", byClass("initiative-summary")).text(); got != want.summary {
					t.Errorf("item %d summary = %q, want %q", i, got, want.summary)
				}
				var themes []string
				for _, th := range item.findAll(byClass("theme")) {
					themes = append(themes, th.text())
				}
				if fmt.Sprint(themes) != fmt.Sprint(want.themes) {
					t.Errorf("item %d themes = %q, want %q (unknown theme ids are dropped)", i, themes, want.themes)
				}
				if got := len(item.findAll(byClass("themes"))); (got == 1) != (len(want.themes) > 0) {
					t.Errorf("item %d has %d theme lists, want one only when there are themes", i, got)
				}
				var figures []string
				for _, f := range item.findAll(byClass("figure")) {
					figures = append(figures, one(t, f, "dt", byTag("dt")).text()+"="+one(t, f, "dd", byTag("dd")).text())
				}
				if fmt.Sprint(figures) != fmt.Sprint(want.figures) {
					t.Errorf("item %d figures = %q, want %q", i, figures, want.figures)
				}
				if got := len(item.findAll(byTag("dl"))); (got == 1) != (len(want.figures) > 0) {
					t.Errorf("item %d has %d figure lists, want one only when there are figures", i, got)
				}
				for j, f := range c.Initiatives[i].Figures {
					checkFigureValue(t, fmt.Sprintf("item %d figure %d", i, j), item.findAll(byTag("dd"))[j], tc.lang, f)
				}
				checkQuotes(t, fmt.Sprintf("item %d", i), item, tc.lang, want.quotes)
			}
		})
	}
}

func TestCityPanelNotCovered(t *testing.T) {
	neutral := map[data.Lang]string{
		data.Zh: "这篇报道没有写到%s，因此这里没有该市的内容。",
		data.En: "The report does not cover %s, so there is nothing about this city here.",
	}
	badge := map[data.Lang]string{data.Zh: "本报道未涉及", data.En: "Not covered by this report"}
	n := 0
	for _, c := range data.Cities() {
		if c.Covered() {
			continue
		}
		n++
		for _, l := range data.Langs {
			t.Run(c.ID+"/"+string(l), func(t *testing.T) {
				root := render(t, &CityPanel{Nav: route.State{Lang: l, City: c.ID}})
				checkPanelHead(t, root, l, c)
				if got := strings.TrimSpace(one(t, root, "badge", byClass("badge")).text()); got != badge[l] {
					t.Errorf("badge = %q, want %q", got, badge[l])
				}
				if got, want := one(t, root, "lead", byClass("lead")).text(), fmt.Sprintf(neutral[l], c.Name.In(l)); got != want {
					t.Errorf("lead = %q, want %q", got, want)
				}
				for _, class := range []string{"initiatives", "initiative", "target", "panel-body"} {
					if got := len(root.findAll(byClass(class))); got != 0 {
						t.Errorf("got %d .%s in a not-covered panel, want 0", got, class)
					}
				}
			})
		}
	}
	if n == 0 {
		t.Fatal("data has no city the report does not cover; the test checks nothing")
	}
}

// TestCityPanelEmbedDisclosures: in an embed the target and every
// initiative are closed disclosures of one group, an initiative's summary
// its date and title (phrasing and heading content only), its body the
// rest; the full site's are not.
func TestCityPanelEmbedDisclosures(t *testing.T) {
	c, _ := data.CityByID("xuzhou")
	for _, l := range data.Langs {
		t.Run(string(l), func(t *testing.T) {
			root := render(t, &CityPanel{Nav: route.State{Lang: l, City: c.ID, Embed: true}})
			details := root.findAll(and(byTag("details"), byClass("initiative-more")))
			if len(details) != 1+len(c.Initiatives) {
				t.Fatalf("got %d disclosures, want the target's and one per initiative (1+%d)", len(details), len(c.Initiatives))
			}
			target := details[0]
			if got := target.Attrs["id"]; got != "initiative-target" || target.Attrs["name"] != "initiative" {
				t.Errorf("the first disclosure is %q of group %q, want the target's, initiative-target of group initiative", got, target.Attrs["name"])
			}
			if got, want := one(t, target, "target", byClass("target")).text(), c.Target.In(l); got != want {
				t.Errorf("target disclosure holds %q, want %q", got, want)
			}
			details = details[1:]
			for i, d := range details {
				if got, want := d.Attrs["id"], fmt.Sprintf("initiative-%d", i+1); got != want {
					t.Errorf("disclosure %d id = %q, want %q", i, got, want)
				}
				if got := d.Attrs["name"]; got != "initiative" {
					t.Errorf("disclosure %d name = %q, want \"initiative\" (one open at a time)", i, got)
				}
				if _, open := d.attr("open"); open {
					t.Errorf("disclosure %d is open, want closed", i)
				}
				if len(d.Children) == 0 || d.Children[0].Tag != "summary" {
					t.Fatalf("disclosure %d does not start with its summary", i)
				}
				summary := d.Children[0]
				for _, n := range summary.findAll(func(n *node) bool { return n.Tag != "" }) {
					switch n.Tag {
					case "summary", "time", "span", "h4", "i", "b", "cite", "abbr":
					default:
						t.Errorf("disclosure %d: <%s> in the summary, which holds phrasing and heading content", i, n.Tag)
					}
				}
				if got, want := one(t, summary, "title", byClass("initiative-title")).text(), c.Initiatives[i].Title.In(l); got != want {
					t.Errorf("disclosure %d summary title = %q, want %q", i, got, want)
				}
				one(t, d, "summary text", byClass("initiative-summary"))
			}
			if n := len(render(t, &CityPanel{Nav: route.State{Lang: l, City: c.ID}}).findAll(byClass("initiative-more"))); n != 0 {
				t.Errorf("the full site's panel has %d disclosures, want none", n)
			}
		})
	}
}
