package app

import (
	"fmt"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

var (
	siteName = data.Text{Zh: "江苏新质生产力地图", En: "Jiangsu new quality productive forces map"}
	siteDesc = data.Text{
		Zh: "互动地图：江苏五座万亿之城和三座冲刺万亿的城市如何发展新质生产力。",
		En: "Interactive map: how Jiangsu's five trillion-yuan cities and three aspiring cities develop new quality productive forces.",
	}
	notFoundTitle = data.Text{Zh: "找不到这座城市", En: "City not found"}
	embedTitle    = data.Text{Zh: "江苏万亿之城的“新”动作 · 新质生产力地图", En: "Jiangsu's trillion-yuan cities and their “new” moves"}
)

var (
	compareTitle = data.Text{Zh: "万亿之城与冲刺者对比", En: "Trillion-yuan cities and aspirants compared"}
	compareDesc  = data.Text{Zh: "江苏五座万亿之城与三座冲刺万亿城市的新动作、目标与关键数字对比。", En: "Jiangsu's five trillion-yuan cities and three aspiring cities side by side: their initiatives, targets and key figures."}
	shareAlt     = data.Text{Zh: "江苏省13个设区市地图", En: "Map of Jiangsu's 13 prefecture-level cities"}
	shareAltCity = data.Text{Zh: "江苏省地图，突出显示%s", En: "Map of Jiangsu with %s highlighted"}
)

// ShareImage is the path (under the base) of a page's share image, drawn
// at build time by app/shareimg: the map with the city highlighted, or the
// whole map for pages without a city.
func ShareImage(city string) string {
	if _, ok := data.CityByID(city); !ok {
		city = "jiangsu"
	}
	return "/web/share/" + city + ".png"
}

// ShareImageAlt describes the share image of a state.
func ShareImageAlt(s route.State) string {
	if c, ok := data.CityByID(s.City); ok {
		return fmt.Sprintf(shareAltCity.In(s.Lang), c.Name.In(s.Lang))
	}
	return shareAlt.In(s.Lang)
}

// Title is the document title of a state.
func Title(s route.State) string {
	l := s.Lang
	switch c, ok := data.CityByID(s.City); {
	case ok:
		return c.Name.In(l) + " · " + siteName.In(l)
	case s.NotFound:
		return notFoundTitle.In(l) + " · " + siteName.In(l)
	case s.Compare:
		return compareTitle.In(l) + " · " + siteName.In(l)
	default:
		return siteName.In(l)
	}
}

// Description is the meta description of a state.
func Description(s route.State) string {
	if c, ok := data.CityByID(s.City); ok && c.Lead.In(s.Lang) != "" {
		return c.Lead.In(s.Lang)
	}
	if s.Compare {
		return compareDesc.In(s.Lang)
	}
	return siteDesc.In(s.Lang)
}
