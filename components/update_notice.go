package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// UpdateNotice tells the reader that a new deployment has been downloaded
// and offers to reload into it. It floats over the page's corner, so its
// arrival moves nothing.
type UpdateNotice struct {
	goapp.Compo

	Lang data.Lang

	available bool
}

var (
	_ goapp.Mounter    = (*UpdateNotice)(nil)
	_ goapp.AppUpdater = (*UpdateNotice)(nil)
)

// OnMount picks up an update that arrived before the component mounted.
func (n *UpdateNotice) OnMount(ctx goapp.Context) {
	n.available = ctx.AppUpdateAvailable()
}

// OnAppUpdate is called by go-app when the new service worker is installed.
func (n *UpdateNotice) OnAppUpdate(ctx goapp.Context) {
	n.available = ctx.AppUpdateAvailable()
}

// Render draws the notice, or an empty live region waiting for it.
func (n *UpdateNotice) Render() goapp.UI {
	region := el("div").Class("update-notice").Attr("role", "status")
	if !n.available {
		return region
	}
	return region.Class("update-notice is-visible").Body(
		el("span").Text(txtUpdate.In(n.Lang)+wordSpace(n.Lang)),
		el("button").
			Class("button update-reload").
			Attr("type", "button").
			OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.Reload() }).
			Text(txtUpdateReload.In(n.Lang)),
	)
}
