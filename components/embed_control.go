package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// embedMinHeight is the embed code's starting height, in CSS pixels.
const embedMinHeight = 640

// EmbedControl shows the code that embeds the current city (or the
// overview) in the current language, and a button that copies it to the
// clipboard. web/page.js does the copying, so that the button works from
// the first moment, before and without the WebAssembly: the button names
// the code's element (data-copy) and carries the confirmations (data-done,
// data-failed) that page.js writes into the status line.
type EmbedControl struct {
	goapp.Compo

	Lang data.Lang
	City string

	// origin is the page's own origin, known once mounted in the browser;
	// the prerendered code has none (a site-relative snippet, which
	// web/page.js completes until the app runs).
	origin string
}

var _ goapp.Mounter = (*EmbedControl)(nil)

// OnMount takes the origin the page is served from.
func (e *EmbedControl) OnMount(ctx goapp.Context) {
	u := goapp.Window().URL()
	e.origin = u.Scheme + "://" + u.Host
}

// Snippet is the embed code for a city ("" for the overview) in language l
// on a site at origin with base path prefix.
func Snippet(origin, prefix string, l data.Lang, city string) string {
	title := SiteName.In(l)
	if c, ok := data.CityByID(city); ok {
		sep := "："
		if l == data.En {
			sep = ": "
		}
		title += sep + c.Name.In(l)
	}
	return route.EmbedSnippet(origin+prefix, l, city, title, embedMinHeight)
}

func (e *EmbedControl) snippet() string {
	return Snippet(e.origin, RootPrefix(), e.Lang, e.City)
}

// Render draws a disclosure with the code and a copy button.
func (e *EmbedControl) Render() goapp.UI {
	l := e.Lang
	return el("details").Class("embed-control").Body(
		staticByKey("embed-summary:"+string(l), func() goapp.UI { return el("summary").Text(txtEmbed.In(l)) }),
		staticByKey("embed-help:"+string(l), func() goapp.UI { return el("p").Text(txtEmbedHelp.In(l)) }),
		el("textarea").
			ID("embed-snippet").
			Class("embed-snippet").
			Attr("readonly", true).
			Attr("rows", 4).
			Aria("label", txtEmbedLabel.In(l)).
			// Text as content, not the value attribute: go-app cannot
			// escape quotes in attributes.
			Body(goapp.Text(e.snippet())),
		staticByKey("embed-actions:"+string(l), func() goapp.UI {
			return el("p").Class("embed-actions").Body(
				el("button").
					Class("button embed-copy").
					Attr("type", "button").
					DataSet("copy", "embed-snippet").
					DataSet("done", txtCopied.In(l)).
					DataSet("failed", txtCopyFailed.In(l)).
					Text(txtCopy.In(l)),
				el("span").Class("embed-status").Attr("role", "status"),
			)
		}),
	)
}
