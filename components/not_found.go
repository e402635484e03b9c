package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// NotFound is the friendly notice for an address that names no city. The
// map and the city list stay, so the reader can go on from here.
type NotFound struct {
	goapp.Compo

	Lang data.Lang
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
			goapp.P().Body(goapp.A().Class("button").Href(Href(l, "")).Text(txtBackHome.In(l))),
		)
}
