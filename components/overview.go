package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

var (
	txtOverviewHint = data.Text{
		Zh: "点选地图上的城市，或从地图下方的城市列表中选择，查看报道写到的新动作。",
		En: "Choose a city on the map, or from the list of cities below it, to read the initiatives the report describes.",
	}
	txtAtAGlance = data.Text{Zh: "报道一览", En: "The report at a glance"}
)

// Overview is the panel shown when no city is open: how to use the map and
// the story at a glance, one line per city the report covers.
type Overview struct {
	goapp.Compo

	Lang data.Lang
	// Nav is the page's navigation state: links keep its kind of page
	// (embed or not) and its options. Zero means the plain full site.
	Nav route.State
}

// Render draws the overview.
func (o *Overview) Render() goapp.UI {
	l := o.Lang
	var groups []goapp.UI
	for _, st := range []data.Status{data.Trillion, data.Aspiring} {
		var items []goapp.UI
		for _, c := range allCities {
			if c.Status != st {
				continue
			}
			items = append(items, el("li").Class("glance-item").Body(
				el("a").Class("glance-city").Attr("href", link(navFor(o.Nav, l).With(c.ID))).Text(c.Name.In(l)),
				el("span").Class("glance-lead").Body(langText(l, c.Lead.In(l))...),
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
			el("h2").ID(PanelHeadingID).TabIndex(-1).Text(txtChooseCity.In(l)),
			el("p").Class("lead").Text(txtOverviewHint.In(l)),
			el("h3").Class("glance-title").Text(txtAtAGlance.In(l)),
			el("div").Class("glance").Body(groups...),
			&Timeline{Lang: l, Nav: o.Nav},
			el("p").Class("compare-cta").Body(
				el("a").Attr("href", link(compareOf(navFor(o.Nav, l)))).Text(txtCompare.In(l)+" →"),
			),
			&SourceCredit{Lang: l},
		)
}
