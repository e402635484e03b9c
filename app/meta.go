package app

import (
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

// Title is the document title of a state.
func Title(s route.State) string {
	l := s.Lang
	switch c, ok := data.CityByID(s.City); {
	case ok:
		return c.Name.In(l) + " · " + siteName.In(l)
	case s.NotFound:
		return notFoundTitle.In(l) + " · " + siteName.In(l)
	default:
		return siteName.In(l)
	}
}

// Description is the meta description of a state.
func Description(s route.State) string {
	if c, ok := data.CityByID(s.City); ok && c.Lead.In(s.Lang) != "" {
		return c.Lead.In(s.Lang)
	}
	return siteDesc.In(s.Lang)
}
