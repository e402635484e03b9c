package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

var txtOpenFull = data.Text{Zh: "在新标签页打开完整地图", En: "Open the full map in a new tab"}

// EmbedCredit is the embed's one line of chrome: the source and a link to
// the full app, which opens in a new tab.
type EmbedCredit struct {
	goapp.Compo

	Lang data.Lang
	City string
}

// Render draws the credit line.
func (c *EmbedCredit) Render() goapp.UI {
	l := c.Lang
	return goapp.Footer().Class("embed-credit").Body(
		&SourceCredit{Lang: l},
		goapp.P().Class("embed-open").Body(
			goapp.A().
				Class("embed-open-link").
				Href(Href(l, c.City)).
				Target("_blank").
				Rel("noopener").
				Text(txtOpenFull.In(l)+" ↗"),
		),
	)
}
