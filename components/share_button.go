package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// ShareButton shares the current page: with the Web Share API where the
// browser has it, otherwise by copying the link, with a visible
// confirmation. web/page.js does the sharing, so that the button works
// from the first moment, before and without the WebAssembly: the button
// carries the title to share (data-share) and the confirmations
// (data-done, data-failed) that page.js writes into the status line.
type ShareButton struct {
	goapp.Compo

	Lang  data.Lang
	Title string
}

// Render draws the button and its status line.
func (b *ShareButton) Render() goapp.UI {
	return static(el("div").Class("share").Body(
		el("button").
			Class("share-button").
			Attr("type", "button").
			DataSet("share", b.Title).
			DataSet("done", txtLinkCopied.In(b.Lang)).
			DataSet("failed", txtShareFailed.In(b.Lang)).
			Text(txtShare.In(b.Lang)),
		el("span").Class("share-status").Attr("role", "status"),
	))
}
