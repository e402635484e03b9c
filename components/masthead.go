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
				static(m.storyLink()),
				static(el("a").Class("compare-link").Attr("href", link(compareOf(m.Nav))).Text(txtCompareShort.In(l))),
				&LangSwitch{Nav: m.Nav},
			),
		),
		staticByKey("headline:"+string(l), func() goapp.UI {
			return el("h1").Body(el("a").Class("home-link").Attr("href", Href(l, "")).Text(SiteTitle.In(l)))
		}),
		// The dek invites the reader to choose a city on the map: not on
		// the story page, whose maps are pictures.
		goapp.If(!m.Nav.Story, staticByKey("dek:"+string(l), func() goapp.UI { return el("p").Class("dek").Text(txtSiteDek.In(l)) })),
	)
}

// storyLink links the story page. The story is a page of its own that the
// app does not render: data-reload has web/page.js let the browser load it.
func (m *Masthead) storyLink() goapp.UI {
	a := el("a").Class("story-link").Attr("href", link(storyOf(m.Nav))).Attr("data-reload", "")
	if m.Nav.Story {
		a = a.Aria("current", "page")
	}
	return a.Text(txtStoryShort.In(m.Nav.Lang))
}
