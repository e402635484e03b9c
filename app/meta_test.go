package app

import (
	"strconv"
	"testing"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

func TestTitle(t *testing.T) {
	tests := []struct {
		name  string
		state route.State
		want  string
	}{
		{"overview zh", route.State{Lang: data.Zh}, "江苏新质生产力地图"},
		{"overview en", route.State{Lang: data.En}, "Map of Jiangsu's new quality productive forces"},
		{"city zh", route.State{Lang: data.Zh, City: "suzhou"}, "苏州 · 江苏新质生产力地图"},
		{"city en", route.State{Lang: data.En, City: "suzhou"}, "Suzhou · Map of Jiangsu's new quality productive forces"},
		{"not-covered city en", route.State{Lang: data.En, City: "huaian"}, "Huai'an · Map of Jiangsu's new quality productive forces"},
		{"not found zh", route.State{Lang: data.Zh, NotFound: true}, "找不到这座城市 · 江苏新质生产力地图"},
		{"not found en", route.State{Lang: data.En, NotFound: true}, "City not found · Map of Jiangsu's new quality productive forces"},
		{"unknown city id", route.State{Lang: data.En, City: "atlantis"}, "Map of Jiangsu's new quality productive forces"},
		{"story zh", route.State{Lang: data.Zh, Story: true}, "报道导读 · 江苏新质生产力地图"},
		{"story en", route.State{Lang: data.En, Story: true}, "The story · Map of Jiangsu's new quality productive forces"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Title(tc.state); got != tc.want {
				t.Errorf("Title(%+v) = %q, want %q", tc.state, got, tc.want)
			}
		})
	}
}

func TestDescription(t *testing.T) {
	suzhou, _ := data.CityByID("suzhou")
	if suzhou.Lead.Zh == "" || suzhou.Lead.En == "" {
		t.Fatal("suzhou has no lead; the city rows check nothing")
	}
	const (
		siteZh = "互动地图：江苏五座万亿之城和三座冲刺万亿的城市如何发展新质生产力。"
		siteEn = "Interactive map: how Jiangsu's five trillion-yuan cities and three aspiring cities develop new quality productive forces."
	)
	tests := []struct {
		name  string
		state route.State
		want  string
	}{
		{"overview zh", route.State{Lang: data.Zh}, siteZh},
		{"overview en", route.State{Lang: data.En}, siteEn},
		{"city zh", route.State{Lang: data.Zh, City: "suzhou"}, suzhou.Lead.Zh},
		{"city en", route.State{Lang: data.En, City: "suzhou"}, suzhou.Lead.En},
		// A city the report does not cover has no lead of its own.
		{"not-covered city en", route.State{Lang: data.En, City: "taizhou"}, siteEn},
		{"not found zh", route.State{Lang: data.Zh, NotFound: true}, siteZh},
		{"not found en", route.State{Lang: data.En, NotFound: true}, siteEn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Description(tc.state); got != tc.want {
				t.Errorf("Description(%+v) = %q, want %q", tc.state, got, tc.want)
			}
		})
	}
}

// Titles and descriptions go into attributes (og:title, description), which
// go-app prints with strconv.Quote: they must come through unescaped.
func TestMetaSurvivesAttributeQuoting(t *testing.T) {
	var states []route.State
	for _, p := range route.Pages() {
		states = append(states, route.Parse(p))
	}
	for _, l := range data.Langs {
		states = append(states, route.Parse(route.NotFoundPath(l)))
	}
	for _, s := range states {
		for _, v := range []string{Title(s), Description(s)} {
			if q := strconv.Quote(v); q != `"`+v+`"` {
				t.Errorf("%+v: %q would print as %s", s, v, q)
			}
		}
	}
}
