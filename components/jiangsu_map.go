package components

import (
	"fmt"
	"math"
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
			Attr("x", pctX(shape.LabelX)).
			Attr("y", pctY(shape.LabelY)).
			Attr("aria-hidden", "true").
			Text(c.Name.In(l)))
	}
	lines, tourLabels := m.renderTour()

	var highlight goapp.UI
	if shape, ok := data.ShapeOf(selected); ok {
		highlight = svg("path").Attr(svgClass, "region-highlight").
			Attr("d", shape.D).
			Attr("aria-hidden", "true")
	}

	// The shapes are drawn in map units, scaled to the map's width by the
	// inner svg's viewBox. The texts are not: they sit in the outer svg,
	// whose units are CSS pixels, at percentages of its size, which keeps
	// the map's aspect ratio (width and height, web/app.css), so their
	// size is the stylesheet's at every width (a scaled 26-unit label was
	// 8 px on a phone).
	return svg("svg").Attr(svgClass, "map").
		Attr("width", formatUnits(data.MapWidth)).
		Attr("height", formatUnits(data.MapHeight)).
		Attr("role", "group").
		Aria("labelledby", "map-title map-desc").
		Body(
			svg("title").ID("map-title").Text(MapTitle.In(l)),
			svg("desc").ID("map-desc").Text(txtMapDesc.In(l)),
			svg("svg").Attr(svgClass, "map-shapes").
				Attr("viewBox", data.ViewBox()).
				Attr("width", "100%").Attr("height", "100%").
				Body(
					svgPatterns(),
					svg("g").Attr(svgClass, "regions").Body(regions...),
					goapp.If(highlight != nil, highlight),
					lines,
				),
			svg("g").Attr(svgClass, "labels").Body(labels...),
			tourLabels,
		)
}

// pctX and pctY place a point of the map (map units) in the outer svg, as
// percentages of its width and height.
func pctX(x float64) string { return num(x*100/data.MapWidth) + "%" }
func pctY(y float64) string { return num(y*100/data.MapHeight) + "%" }

func formatUnits(v float64) string { return fmt.Sprint(v) }

// renderTour draws the study tour that starts from the selected city, if
// the report has one: numbered lines to the Jiangsu cities visited and
// arrows off the map's edge towards those outside it (in map units, for
// the inner svg), and their numbers and names (for the outer svg, see
// Render). The panel's text says the same, so the drawing is hidden from
// screen readers.
func (m *JiangsuMap) renderTour() (lines, labels goapp.UI) {
	l := m.Nav.Lang
	tour, ok := data.TourFrom(m.Nav.City)
	from, ok2 := data.ShapeOf(tour.From)
	if !ok || !ok2 {
		return nil, nil
	}
	shapes := []goapp.UI{
		svg("defs").Body(
			svg("marker").ID("tour-arrow").
				Attr("viewBox", "0 0 10 10").Attr("refX", "8").Attr("refY", "5").
				Attr("markerWidth", "7").Attr("markerHeight", "7").Attr("orient", "auto-start-reverse").
				Body(svg("path").Attr(svgClass, "tour-arrowhead").Attr("d", "M0 0L10 5L0 10z")),
		),
	}
	var texts []goapp.UI
	for i, st := range tour.Stops {
		var x, y float64
		if st.Outside != nil {
			x, y = st.Outside.EdgeX, st.Outside.EdgeY
		} else {
			to, _ := data.ShapeOf(st.City)
			// Stop short of the city's own label.
			x, y = to.LabelX, to.LabelY-18
		}
		shapes = append(shapes,
			svg("line").Attr(svgClass, "tour-line").
				Attr("x1", num(from.LabelX)).Attr("y1", num(from.LabelY+14)).
				Attr("x2", num(x)).Attr("y2", num(y)).
				Attr("marker-end", "url(#tour-arrow)"),
		)
		var label goapp.HTMLElem
		if st.Outside == nil {
			// The stop's number, over the city's name where the line
			// arrives, or under it when another name sits close above
			// (em offsets: the names are as large as the stylesheet
			// makes them).
			to, _ := data.ShapeOf(st.City)
			dy := "-1.5em"
			if nameAbove(st.City, to) {
				dy = "1.5em"
			}
			label = svg("text").Attr(svgClass, "tour-label tour-label--stop").
				DataSet("for", st.City).
				Attr("x", pctX(to.LabelX)).Attr("y", pctY(to.LabelY)).
				Attr("text-anchor", "middle").Attr("dy", dy).
				Text(fmt.Sprintf("%d", i+1))
		} else {
			// A city outside the map: its number and name beside the
			// arrow's tip, inside the map's edge: after the tip on the
			// western edge; on the southern one, after the easternmost
			// tip and before the others, one line higher for each tip
			// further east but the easternmost, so that none meet.
			label = svg("text").Attr(svgClass, "tour-label").
				Attr("x", pctX(x)).Attr("y", pctY(y)).
				Text(fmt.Sprintf("%d %s", i+1, st.Outside.Name.In(l)))
			east := 0
			for _, o := range tour.Stops {
				if o.Outside != nil && o.Outside.EdgeX >= data.MapWidth/4 && o.Outside.EdgeX > x {
					east++
				}
			}
			switch {
			case x < data.MapWidth/4:
				label.Attr("text-anchor", "start").Attr("dy", "-0.9em")
			case east == 0:
				label.Attr("text-anchor", "start").Attr("dx", "0.3em").Attr("dy", "-0.4em")
			default:
				label.Attr("text-anchor", "end").Attr("dx", "-0.3em").Attr("dy", fmt.Sprintf("%.1fem", -0.4-1.2*float64(east-1)))
			}
		}
		texts = append(texts, label)
	}
	return svg("g").Attr(svgClass, "tour").DataSet("tour", tour.From).Attr("aria-hidden", "true").Body(shapes...),
		svg("g").Attr(svgClass, "tour tour-labels").DataSet("tour", tour.From).Attr("aria-hidden", "true").Body(texts...)
}

// nameAbove tells whether another city's name sits close above the label
// of city id at shape s (within 100 map units across and 60 above), where
// a tour stop's number would meet it.
func nameAbove(id string, s data.Shape) bool {
	for _, c := range data.Cities() {
		o, ok := data.ShapeOf(c.ID)
		if ok && c.ID != id && math.Abs(o.LabelX-s.LabelX) < 100 && s.LabelY-o.LabelY > 0 && s.LabelY-o.LabelY < 60 {
			return true
		}
	}
	return false
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
