package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// Overview is the panel shown when no city is open: how to use the map and
// the story at a glance, one line per city the report covers.
type Overview struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language and the
	// options its links keep.
	Nav route.State
}

// Render draws the overview.
func (o *Overview) Render() goapp.UI {
	l := o.Nav.Lang
	var groups []goapp.UI
	for _, st := range []data.Status{data.Trillion, data.Aspiring} {
		var items []goapp.UI
		for _, c := range allCities {
			if c.Status != st {
				continue
			}
			items = append(items, el("li").Class("glance-item").Body(
				el("a").Class("glance-city").Attr("href", link(o.Nav.With(c.ID))).Text(c.Name.In(l)),
				el("p").Class("glance-lead").Body(langText(l, c.Lead.In(l))...),
			))
		}
		groups = append(groups,
			el("h4").Class("glance-group").Body(
				el("span").Class("swatch swatch--"+statusClass(st)).Aria("hidden", "true"),
				goapp.Text(statusText(st).In(l)),
			),
			el("ul").Class("glance-list").Body(items...),
		)
	}
	return el("section").
		ID("panel").
		Class("panel panel--overview").
		Aria("labelledby", PanelHeadingID).
		Body(
			static(el("h2").ID(PanelHeadingID).TabIndex(-1).Text(txtChooseCity.In(l))),
			static(el("p").Class("lead").Text(txtOverviewHint.In(l))),
			static(el("h3").Class("glance-title").Text(txtAtAGlance.In(l))),
			static(el("div").Class("glance").Body(groups...)),
			&Timeline{Nav: o.Nav},
			static(el("p").Class("compare-cta").Body(
				el("a").Attr("href", link(compareOf(o.Nav))).Text(CompareTitle.In(l)+" →"),
			)),
			&SourceCredit{Lang: l},
		)
}
