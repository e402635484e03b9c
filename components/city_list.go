package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// CityList lists all 13 cities as links, grouped by status: the way to
// choose a city without the map (screen readers, tiny regions on phones).
type CityList struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language and the
	// open city.
	Nav route.State
}

// Render draws the list.
func (cl *CityList) Render() goapp.UI {
	l := cl.Nav.Lang
	groups := []data.Status{data.Trillion, data.Aspiring, data.NotCovered}
	sections := make([]goapp.UI, 0, len(groups))
	for _, st := range groups {
		var items []goapp.UI
		for _, c := range allCities {
			if c.Status != st {
				continue
			}
			a := el("a").
				Class("city-link city-link--"+statusClass(st)).
				Attr("href", link(cl.Nav.With(c.ID))).
				Aria("label", RegionLabel(c, l)).
				Text(c.Name.In(l))
			if c.ID == cl.Nav.City {
				a.Aria("current", "page")
			}
			items = append(items, el("li").Body(a))
		}
		sections = append(sections, el("div").Class("city-group city-group--"+statusClass(st)).Body(
			el("h3").Class("city-group-title").Body(
				el("span").Class("swatch swatch--"+statusClass(st)).Aria("hidden", "true"),
				goapp.Text(statusText(st).In(l)),
			),
			el("ul").Class("city-list").Body(items...),
		))
	}
	// Element by element, not static: a click changes two links'
	// aria-current, which go-app then updates in place.
	return el("nav").
		Class("cities").
		Aria("labelledby", "cities-title").
		Body(append([]goapp.UI{
			el("h2").ID("cities-title").Class("cities-title").Text(txtAllCities.In(l)),
		}, sections...)...)
}
