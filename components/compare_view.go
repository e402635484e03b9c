package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

var (
	txtCompare      = data.Text{Zh: "万亿之城与冲刺者对比", En: "Trillion-yuan cities and the aspirants, side by side"}
	txtCompareIntro = data.Text{Zh: "左边是报道列出的五座万亿之城，右边是三座提出万亿目标的城市。每座城市列出报道里的举措标题、目标和关键数字与提法。", En: "On the left, the five trillion-yuan cities the report lists; on the right, the three cities that have set a trillion target. For each: the report's initiatives, targets, key figures and names."}
	txtOpenCity     = data.Text{Zh: "在地图上查看", En: "See on the map"}
)

// CompareView sets the five trillion-yuan cities beside the three
// aspirants: each city's initiatives, target and figures as the report
// states them, with a link to the city.
type CompareView struct {
	goapp.Compo

	Lang data.Lang
	Nav  route.State
}

// Render draws the comparison.
func (cv *CompareView) Render() goapp.UI {
	l := cv.Lang
	nav := navFor(cv.Nav, l)
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
		el("h2").ID(PanelHeadingID).TabIndex(-1).Class("compare-title").Text(txtCompare.In(l)),
		el("p").Class("lead").Text(txtCompareIntro.In(l)),
		el("div").Class("compare-grid").Body(column(data.Trillion), column(data.Aspiring)),
		&SourceCredit{Lang: l},
	)
}

func (cv *CompareView) card(nav route.State, c data.City) goapp.UI {
	l := cv.Lang
	var titles, figures []goapp.UI
	for _, in := range c.Initiatives {
		titles = append(titles, el("li").Body(langText(l, in.Title.In(l))...))
		for _, f := range in.Figures {
			figures = append(figures, el("div").Class("figure").Body(
				el("dt").Text(f.Label.In(l)),
				el("dd").Lang("zh-Hans").Text(f.Value),
			))
		}
	}
	return el("article").Class("compare-card").DataSet("compare-city", c.ID).Body(
		el("h3").Class("compare-city").Body(
			el("a").Attr("href", link(nav.With(c.ID))).Text(c.Name.In(l)),
		),
		goapp.If(c.Target.In(l) != "",
			el("p").Class("target").Body(append([]goapp.UI{
				el("strong").Text(txtTarget.In(l) + (map[data.Lang]string{data.Zh: "：", data.En: ": "})[l]),
			}, langText(l, c.Target.In(l))...)...),
		),
		el("ul").Class("compare-initiatives").Body(titles...),
		el("dl").Class("figures").Aria("label", txtFigures.In(l)).Body(figures...),
		el("p").Class("compare-more").Body(
			el("a").Attr("href", link(nav.With(c.ID))).Text(txtOpenCity.In(l)+" →"),
		),
	)
}
