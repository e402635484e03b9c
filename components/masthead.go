package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

var txtCompareShort = data.Text{Zh: "八城对比", En: "Compare the cities"}

// Masthead is the page header: kicker, headline, standfirst and the
// language switch.
type Masthead struct {
	goapp.Compo

	Lang data.Lang
	// City is kept by the language switch.
	City string
	// Nav is the page's navigation state (see JiangsuMap.Nav).
	Nav route.State
}

// Render draws the header.
func (m *Masthead) Render() goapp.UI {
	l := m.Lang
	return el("header").Class("masthead").Body(
		el("div").Class("masthead-top").Body(
			el("p").Class("kicker").Text(txtSiteKicker.In(l)),
			el("div").Class("masthead-links").Body(
				el("a").Class("compare-link").Attr("href", link(compareOf(navFor(m.Nav, l)))).Text(txtCompareShort.In(l)),
				&LangSwitch{Lang: l, City: m.City, Nav: m.Nav},
			),
		),
		el("h1").Body(
			el("a").Class("home-link").Attr("href", Href(l, "")).Text(txtSiteTitle.In(l)),
		),
		el("p").Class("dek").Text(txtSiteDek.In(l)),
	)
}
