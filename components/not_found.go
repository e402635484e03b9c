package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
)

// NotFound is the friendly notice for an address that names no city. The
// map and the city list stay, so the reader can go on from here.
type NotFound struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language and the
	// options its link keeps.
	Nav route.State
}

// Render draws the notice.
func (n *NotFound) Render() goapp.UI {
	l := n.Nav.Lang
	return static(el("section").
		ID("panel").
		Class("panel panel--notfound").
		DataSet("notfound", "true").
		Aria("labelledby", PanelHeadingID).
		Body(
			el("h2").ID(PanelHeadingID).TabIndex(-1).Text(NotFoundTitle.In(l)),
			el("p").Class("lead").Text(txtNotFoundBody.In(l)),
			el("p").Body(el("a").Class("button").Attr("href", link(n.Nav.With(""))).Text(txtBackHome.In(l))),
		))
}
