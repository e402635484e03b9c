package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// NotFound is the friendly notice for an address that names no city. The
// map and the city list stay, so the reader can go on from here.
type NotFound struct {
	goapp.Compo

	Lang data.Lang
	// Nav is the page's navigation state: links keep its kind of page
	// (embed or not) and its options. Zero means the plain full site.
	Nav route.State
}

// Render draws the notice.
func (n *NotFound) Render() goapp.UI {
	l := n.Lang
	return goapp.Section().
		ID("panel").
		Class("panel panel--notfound").
		DataSet("notfound", "true").
		Aria("labelledby", PanelHeadingID).
		Body(
			goapp.H2().ID(PanelHeadingID).TabIndex(-1).Text(txtNotFoundHead.In(l)),
			goapp.P().Class("lead").Text(txtNotFoundBody.In(l)),
			goapp.P().Body(goapp.A().Class("button").Href(link(navFor(n.Nav, l).With(""))).Text(txtBackHome.In(l))),
		)
}
