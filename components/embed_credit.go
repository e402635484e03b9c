package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// EmbedCredit is the embed's one line of chrome: the source, a link to the
// full app and one to the data downloads (the full site's footer says what
// they hold), both opening in a new tab.
type EmbedCredit struct {
	goapp.Compo

	Lang data.Lang
	City string
}

// Render draws the credit line.
func (c *EmbedCredit) Render() goapp.UI {
	l := c.Lang
	return el("footer").Class("embed-credit").Body(
		&SourceCredit{Lang: l},
		static(el("p").Class("embed-open").Body(
			el("a").
				Class("embed-open-link").
				Attr("href", Href(l, c.City)).
				Attr("target", "_blank").
				Attr("rel", "noopener").
				Text(txtOpenFull.In(l)+" ↗"),
			goapp.Text(" · "),
			// What the downloads hold is said in the full site's footer.
			el("a").
				Class("embed-data-link").
				Attr("href", Href(l, "")+"#"+DataLinksID).
				Attr("target", "_blank").
				Attr("rel", "noopener").
				Text(txtGetData.In(l)+" ↗"),
		)),
	)
}
