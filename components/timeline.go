package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
)

// Timeline lists every dated event of the report in date order, each
// naming its city and linking to it.
type Timeline struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language and the
	// options its links keep.
	Nav route.State
}

// Render draws the timeline.
func (tl *Timeline) Render() goapp.UI {
	nav := tl.Nav
	l := nav.Lang
	var items []goapp.UI
	for _, ev := range timeline {
		in := ev.Initiative
		items = append(items, el("li").Class("event").DataSet("event-city", ev.City.ID).Body(
			el("time").Class("event-date").Attr("datetime", in.Date).Text(formatDate(l, in.Date, in.EndDate)),
			el("a").Class("event-link").Attr("href", link(nav.With(ev.City.ID))).Body(
				el("strong").Class("event-city").Text(ev.City.Name.In(l)),
				el("span").Class("event-title").Body(langText(l, in.Title.In(l))...),
			),
		))
	}
	return static(el("section").Class("timeline").Aria("labelledby", "timeline-title").Body(
		el("h3").ID("timeline-title").Class("timeline-title").Text(txtTimeline.In(l)),
		el("ol").Class("events").Body(items...),
	))
}
