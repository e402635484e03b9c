package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
)

// Masthead is the page header: kicker, headline, standfirst and the
// language switch.
type Masthead struct {
	goapp.Compo

	// Nav is the page's state (see the package doc), for the language
	// switch and the comparison link.
	Nav route.State
}

// Render draws the header.
func (m *Masthead) Render() goapp.UI {
	l := m.Nav.Lang
	return el("header").Class("masthead").Body(
		el("div").Class("masthead-top").Body(
			staticByKey("kicker:"+string(l), func() goapp.UI { return el("p").Class("kicker").Text(txtSiteKicker.In(l)) }),
			el("div").Class("masthead-links").Body(
				static(el("a").Class("compare-link").Attr("href", link(compareOf(m.Nav))).Text(txtCompareShort.In(l))),
				&LangSwitch{Nav: m.Nav},
			),
		),
		staticByKey("headline:"+string(l), func() goapp.UI {
			return el("h1").Body(el("a").Class("home-link").Attr("href", Href(l, "")).Text(SiteTitle.In(l)))
		}),
		staticByKey("dek:"+string(l), func() goapp.UI { return el("p").Class("dek").Text(txtSiteDek.In(l)) }),
	)
}
