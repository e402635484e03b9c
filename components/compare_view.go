package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// CompareView sets the five trillion-yuan cities beside the three
// aspirants: each city's initiatives, target and figures as the report
// states them, with a link to the city.
type CompareView struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language and the
	// options its links keep.
	Nav route.State
}

// Render draws the comparison.
func (cv *CompareView) Render() goapp.UI {
	nav := cv.Nav
	l := nav.Lang
	column := func(st data.Status) goapp.UI {
		var cards []goapp.UI
		for _, c := range allCities {
			if c.Status != st {
				continue
			}
			cards = append(cards, cv.card(nav, c))
		}
		return el("section").Class("compare-col compare-col--"+statusClass(st)).Aria("labelledby", "compare-"+statusClass(st)).Body(
			el("h2").ID("compare-"+statusClass(st)).Class("compare-col-title").Body(
				el("span").Class("swatch swatch--"+statusClass(st)).Aria("hidden", "true"),
				goapp.Text(statusText(st).In(l)),
			),
			el("div").Class("compare-cards").Body(cards...),
		)
	}
	return el("div").ID("compare").Class("compare").Body(
		static(el("h2").ID(PanelHeadingID).TabIndex(-1).Class("compare-title").Text(CompareTitle.In(l))),
		static(el("p").Class("lead").Text(txtCompareIntro.In(l))),
		static(el("div").Class("compare-grid").Body(column(data.Trillion), column(data.Aspiring))),
		&SourceCredit{Lang: l},
	)
}

func (cv *CompareView) card(nav route.State, c data.City) goapp.UI {
	l := nav.Lang
	var titles []goapp.UI
	var figures []data.Figure
	for _, in := range c.Initiatives {
		titles = append(titles, el("li").Body(langText(l, in.Title.In(l))...))
		figures = append(figures, in.Figures...)
	}
	// Each card is named by its city's heading, so that a list of the
	// page's articles tells the eight apart.
	heading := "compare-city-" + c.ID
	return el("article").Class("compare-card").DataSet("compare-city", c.ID).Aria("labelledby", heading).Body(
		el("h3").ID(heading).Class("compare-city").Body(
			el("a").Attr("href", link(nav.With(c.ID))).Text(c.Name.In(l)),
		),
		goapp.If(c.Target.In(l) != "",
			el("p").Class("target").Body(append([]goapp.UI{
				el("strong").Text(txtTarget.In(l) + (map[data.Lang]string{data.Zh: "：", data.En: ": "})[l]),
			}, langText(l, c.Target.In(l))...)...),
		),
		el("ul").Class("compare-initiatives").Body(titles...),
		goapp.If(len(figures) > 0, figureList(l, figures)),
		el("p").Class("compare-more").Body(
			el("a").Attr("href", link(nav.With(c.ID))).Text(txtOpenCity.In(l)+" →"),
		),
	)
}
