package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// Masthead is the page header: kicker, headline, standfirst and the
// language switch.
type Masthead struct {
	goapp.Compo

	Lang data.Lang
	// City is kept by the language switch.
	City string
}

// Render draws the header.
func (m *Masthead) Render() goapp.UI {
	l := m.Lang
	return goapp.Header().Class("masthead").Body(
		goapp.Div().Class("masthead-top").Body(
			goapp.P().Class("kicker").Text(txtSiteKicker.In(l)),
			&LangSwitch{Lang: l, City: m.City},
		),
		goapp.H1().Body(
			goapp.A().Class("home-link").Href(Href(l, "")).Text(txtSiteTitle.In(l)),
		),
		goapp.P().Class("dek").Text(txtSiteDek.In(l)),
	)
}
