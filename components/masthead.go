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
	return goapp.Header().Class("masthead").Body(
		goapp.Div().Class("masthead-top").Body(
			goapp.P().Class("kicker").Text(txtSiteKicker.In(l)),
			goapp.Div().Class("masthead-links").Body(
				goapp.A().Class("compare-link").Href(link(compareOf(navFor(m.Nav, l)))).Text(txtCompareShort.In(l)),
				&LangSwitch{Lang: l, City: m.City, Nav: m.Nav},
			),
		),
		goapp.H1().Body(
			goapp.A().Class("home-link").Href(Href(l, "")).Text(txtSiteTitle.In(l)),
		),
		goapp.P().Class("dek").Text(txtSiteDek.In(l)),
	)
}
