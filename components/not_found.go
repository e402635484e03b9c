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
	return el("section").
		ID("panel").
		Class("panel panel--notfound").
		DataSet("notfound", "true").
		Aria("labelledby", PanelHeadingID).
		Body(
			el("h2").ID(PanelHeadingID).TabIndex(-1).Text(txtNotFoundHead.In(l)),
			el("p").Class("lead").Text(txtNotFoundBody.In(l)),
			el("p").Body(el("a").Class("button").Attr("href", link(navFor(n.Nav, l).With(""))).Text(txtBackHome.In(l))),
		)
}
