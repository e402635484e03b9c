package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// Legend explains the three ways a city is drawn, with the same fills and
// outlines as the map.
type Legend struct {
	goapp.Compo

	Lang data.Lang
}

// Render draws the legend.
func (lg *Legend) Render() goapp.UI {
	l := lg.Lang
	items := make([]goapp.UI, 0, 3)
	for _, st := range []data.Status{data.Trillion, data.Aspiring, data.NotCovered} {
		items = append(items, el("li").Class("legend-item").Body(
			svg("svg").
				Attr(svgClass, "legend-swatch").
				Attr("viewBox", "0 0 24 16").
				Attr("aria-hidden", "true").
				Body(svg("rect").
					Attr(svgClass, "region-shape legend-shape legend-shape--"+statusClass(st)).
					Attr("x", "1").Attr("y", "1").Attr("width", "22").Attr("height", "14")),
			el("span").Text(statusText(st).In(l)),
		))
	}
	return static(el("div").Class("legend").Body(
		el("h2").Class("visually-hidden").Text(txtLegend.In(l)),
		el("ul").Class("legend-list").Body(items...),
	))
}
