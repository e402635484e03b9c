package components

import (
	"slices"
	"strings"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

func TestFigureList(t *testing.T) {
	fig := func(zh, en, value string) data.Figure {
		return data.Figure{Value: value, Label: data.Text{Zh: zh, En: en}}
	}
	tests := []struct {
		name    string
		lang    data.Lang
		figures []data.Figure
		want    []string // each group: its term, then its values
	}{
		{"one term each", data.Zh, []data.Figure{fig("排名", "Rank", "第六"), fig("销售", "Sales", "10074.1亿元")},
			[]string{"排名: 第六", "销售: 10074.1亿元"}},
		{"a repeated term gets both values", data.Zh, []data.Figure{fig("目标", "Goal", "甲"), fig("目标", "Goal", "乙")},
			[]string{"目标: 甲 | 乙"}},
		{"values join the term's first place", data.En, []data.Figure{fig("格局", "Pattern", "甲"), fig("链", "Chains", "23条"), fig("格局", "Pattern", "乙")},
			[]string{"Pattern: 甲 | 乙", "Chains: 23条"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := render(t, figureList(tc.lang, tc.figures))
			var got []string
			for _, g := range root.findAll(byClass("figure")) {
				var values []string
				for _, dd := range g.findAll(byTag("dd")) {
					values = append(values, dd.text())
					if dd.Attrs["lang"] != "zh-Hans" {
						t.Errorf("value %q has lang %q, want zh-Hans (values are the article's own words)", dd.text(), dd.Attrs["lang"])
					}
				}
				got = append(got, one(t, g, "term", byTag("dt")).text()+": "+strings.Join(values, " | "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("groups = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFigureTermsUnique renders every city's panel and the comparison in
// both languages: within one description list no term repeats, and every
// figure of the content is there, under its label.
func TestFigureTermsUnique(t *testing.T) {
	for _, l := range data.Langs {
		compare := render(t, &CompareView{Nav: route.State{Lang: l, Compare: true}})
		for _, c := range data.Cities() {
			var all []data.Figure
			for _, in := range c.Initiatives {
				all = append(all, in.Figures...)
			}
			if !c.Covered() {
				continue
			}
			panel := render(t, &CityPanel{Nav: route.State{Lang: l, City: c.ID}})
			items := panel.findAll(and(byTag("li"), byClass("initiative")))
			if len(items) != len(c.Initiatives) {
				t.Fatalf("%s %s: %d initiatives in the panel, want %d", c.ID, l, len(items), len(c.Initiatives))
			}
			for i, in := range c.Initiatives {
				checkFigures(t, c.ID+" "+string(l)+" panel", items[i], l, in.Figures)
			}
			card := one(t, compare, c.ID+"'s card", byAttr("data-compare-city", c.ID))
			checkFigures(t, c.ID+" "+string(l)+" compare card", card, l, all)
		}
	}
}

// checkFigures checks the one description list under n (none when want
// is empty): no term twice, and its term-value pairs are want's.
func checkFigures(t *testing.T, where string, n *node, l data.Lang, want []data.Figure) {
	t.Helper()
	dls := n.findAll(byTag("dl"))
	if len(want) == 0 {
		if len(dls) != 0 {
			t.Errorf("%s: %d figure lists, want none", where, len(dls))
		}
		return
	}
	if len(dls) != 1 {
		t.Errorf("%s: %d figure lists, want 1", where, len(dls))
		return
	}
	var got, wantPairs []string
	byPair := map[string]data.Figure{}
	for _, f := range want {
		pair := f.Label.In(l) + "=" + f.Value
		if l == data.En && f.En != "" {
			pair = f.Label.In(l) + "=" + f.En + " " + f.Value
		}
		wantPairs = append(wantPairs, pair)
		byPair[pair] = f
	}
	seen := map[string]bool{}
	for _, g := range dls[0].findAll(byClass("figure")) {
		term := one(t, g, "term", byTag("dt")).text()
		if seen[term] {
			t.Errorf("%s: term %q twice in one list", where, term)
		}
		seen[term] = true
		for _, dd := range g.findAll(byTag("dd")) {
			pair := term + "=" + dd.text()
			got = append(got, pair)
			if f, ok := byPair[pair]; ok {
				checkFigureValue(t, where+": "+pair, dd, l, f)
			}
		}
	}
	slices.Sort(got)
	slices.Sort(wantPairs)
	if !slices.Equal(got, wantPairs) {
		t.Errorf("%s: figures %q, want %q", where, got, wantPairs)
	}
}
