package components

import (
	"fmt"
	"sort"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// JiangsuMap draws the 13 prefecture-level cities as an SVG map. Every city
// is a real link to its page, labelled with its name, and its status shows
// in fill pattern and outline as well as colour.
type JiangsuMap struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language, the
	// open city and the highlighted theme.
	Nav route.State
}

// Render draws the map.
func (m *JiangsuMap) Render() goapp.UI {
	l, selected := m.Nav.Lang, m.Nav.City
	cities := mapOrder
	regions := make([]goapp.UI, 0, len(cities))
	labels := make([]goapp.UI, 0, len(cities))
	for _, c := range cities {
		shape, ok := data.ShapeOf(c.ID)
		if !ok {
			continue
		}
		href := link(m.Nav.With(c.ID))
		class := "region region--" + statusClass(c.Status)
		if c.ID == selected {
			class += " is-selected"
		}
		label := RegionLabel(c, l)
		if th, ok := data.ThemeByID(data.ThemeID(m.Nav.Theme)); ok {
			if c.HasTheme(th.ID) {
				class += " is-match"
				label += fmt.Sprintf(txtRegionTheme.In(l), lowerFirst(th.Name.In(l)))
			} else {
				class += " is-dim"
			}
		}
		a := svg("a").
			Attr(svgClass, class).
			Attr("href", href).
			Attr("data-id", c.ID).
			Aria("label", label).
			OnClick(navigateOnClick).
			OnKeyDown(openOnSpace).
			Body(
				svg("title").Text(c.Name.In(l)),
				svg("path").Attr(svgClass, "region-shape").Attr("d", shape.D),
			)
		if c.ID == selected {
			a.Aria("current", "page")
		}
		regions = append(regions, a)
		labels = append(labels, svg("text").Attr(svgClass, "region-label region-label--"+statusClass(c.Status)).
			DataSet("id", c.ID).
			Attr("x", num(shape.LabelX)).
			Attr("y", num(shape.LabelY)).
			Attr("aria-hidden", "true").
			Text(c.Name.In(l)))
	}

	var highlight goapp.UI
	if shape, ok := data.ShapeOf(selected); ok {
		highlight = svg("path").Attr(svgClass, "region-highlight").
			Attr("d", shape.D).
			Attr("aria-hidden", "true")
	}

	return svg("svg").Attr(svgClass, "map").
		Attr("viewBox", data.ViewBox()).
		Attr("role", "group").
		Aria("labelledby", "map-title map-desc").
		Body(
			svg("title").ID("map-title").Text(MapTitle.In(l)),
			svg("desc").ID("map-desc").Text(txtMapDesc.In(l)),
			svgPatterns(),
			svg("g").Attr(svgClass, "regions").Body(regions...),
			goapp.If(highlight != nil, highlight),
			svg("g").Attr(svgClass, "labels").Body(labels...),
			m.renderTour(),
		)
}

// renderTour draws the study tour that starts from the selected city, if
// the report has one: numbered lines to the Jiangsu cities visited and
// arrows off the map's edge towards those outside it. The panel's text
// says the same, so the drawing is hidden from screen readers.
func (m *JiangsuMap) renderTour() goapp.UI {
	l := m.Nav.Lang
	tour, ok := data.TourFrom(m.Nav.City)
	from, ok2 := data.ShapeOf(tour.From)
	if !ok || !ok2 {
		return nil
	}
	items := []goapp.UI{
		svg("defs").Body(
			svg("marker").ID("tour-arrow").
				Attr("viewBox", "0 0 10 10").Attr("refX", "8").Attr("refY", "5").
				Attr("markerWidth", "7").Attr("markerHeight", "7").Attr("orient", "auto-start-reverse").
				Body(svg("path").Attr(svgClass, "tour-arrowhead").Attr("d", "M0 0L10 5L0 10z")),
		),
	}
	for i, st := range tour.Stops {
		var x, y float64
		var name string
		if st.Outside != nil {
			x, y, name = st.Outside.EdgeX, st.Outside.EdgeY, st.Outside.Name.In(l)
		} else {
			to, _ := data.ShapeOf(st.City)
			c, _ := data.CityByID(st.City)
			// Stop short of the city's own label.
			x, y, name = to.LabelX, to.LabelY-18, c.Name.In(l)
		}
		lx, ly := x, y+28
		if st.Outside != nil && st.Outside.EdgeY < 900 {
			lx, ly = x+8, y-12
		}
		items = append(items,
			svg("line").Attr(svgClass, "tour-line").
				Attr("x1", num(from.LabelX)).Attr("y1", num(from.LabelY+14)).
				Attr("x2", num(x)).Attr("y2", num(y)).
				Attr("marker-end", "url(#tour-arrow)"),
		)
		if st.Outside != nil {
			anchor := "middle"
			if st.Outside.EdgeY < 900 {
				anchor = "start"
			}
			items = append(items, svg("text").Attr(svgClass, "tour-label").
				Attr("x", num(lx)).Attr("y", num(ly-(map[bool]float64{true: 44, false: 0})[st.Outside.EdgeY >= 900])).
				Attr("text-anchor", anchor).
				Text(fmt.Sprintf("%d %s", i+1, name)))
		} else {
			items = append(items, svg("text").Attr(svgClass, "tour-label tour-label--stop").
				Attr("x", num(x+22)).Attr("y", num(y-4)).
				Text(fmt.Sprintf("%d", i+1)))
		}
	}
	return svg("g").Attr(svgClass, "tour").DataSet("tour", tour.From).Attr("aria-hidden", "true").Body(items...)
}

// svgPatterns defines the fills that tell statuses apart without colour:
// trillion-yuan cities are dotted, aspiring cities hatched.
func svgPatterns() goapp.UI {
	return svg("defs").Body(
		svg("pattern").
			ID("pat-aspiring").
			Attr("width", "8").Attr("height", "8").
			Attr("patternUnits", "userSpaceOnUse").
			Attr("patternTransform", "rotate(45)").
			Body(
				svg("rect").Attr(svgClass, "pat-bg pat-bg--aspiring").Attr("width", "8").Attr("height", "8"),
				svg("line").Attr(svgClass, "pat-line").Attr("x1", "0").Attr("y1", "0").Attr("x2", "0").Attr("y2", "8"),
			),
		svg("pattern").
			ID("pat-trillion").
			Attr("width", "10").Attr("height", "10").
			Attr("patternUnits", "userSpaceOnUse").
			Body(
				svg("rect").Attr(svgClass, "pat-bg pat-bg--trillion").Attr("width", "10").Attr("height", "10"),
				svg("circle").Attr(svgClass, "pat-dot").Attr("cx", "5").Attr("cy", "5").Attr("r", "1.6"),
			),
	)
}

// geoOrder sorts cities in reading order over the map, so Tab walks it
// geographically rather than in the article's order: in bands from north
// to south (by label, 150 map units high), west to east within a band.
// Jiangsu reads as Xuzhou, Lianyungang; Suqian, Huai'an, Yancheng;
// Yangzhou; Nanjing, Zhenjiang, Taizhou, Nantong; Changzhou, Wuxi, Suzhou.
func geoOrder(cities []data.City) []data.City {
	const band = 150
	key := func(c data.City) (int, float64) {
		s, _ := data.ShapeOf(c.ID)
		return int(s.LabelY / band), s.LabelX
	}
	sort.SliceStable(cities, func(i, j int) bool {
		bi, xi := key(cities[i])
		bj, xj := key(cities[j])
		if bi != bj {
			return bi < bj
		}
		return xi < xj
	})
	return cities
}

// num formats a map coordinate compactly.
func num(f float64) string {
	return fmt.Sprintf("%.1f", f)
}
