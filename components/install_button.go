package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// InstallButton offers to install the map as an app. It renders only where
// the browser has offered installation (go-app's beforeinstallprompt
// support), so it never shows in browsers that cannot install it.
type InstallButton struct {
	goapp.Compo

	Lang data.Lang

	installable bool
}

var (
	_ goapp.Mounter      = (*InstallButton)(nil)
	_ goapp.AppInstaller = (*InstallButton)(nil)
)

// OnMount reads whether the browser already offered installation.
func (b *InstallButton) OnMount(ctx goapp.Context) {
	b.installable = ctx.IsAppInstallable()
}

// OnAppInstallChange follows the browser's offer.
func (b *InstallButton) OnAppInstallChange(ctx goapp.Context) {
	b.installable = ctx.IsAppInstallable()
}

// Render draws the control. Before the browser offers installation it is
// laid out but invisible (visibility: hidden: not focusable, not read
// out), so that its arrival moves nothing on the page.
func (b *InstallButton) Render() goapp.UI {
	p := el("p").Class("install")
	if !b.installable {
		p.Class("install is-unoffered").Aria("hidden", "true")
	}
	return p.Body(
		el("button").
			Class("button install-button").
			Attr("type", "button").
			OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.ShowAppInstallPrompt() }).
			Text(txtInstall.In(b.Lang)),
		goapp.Text(wordSpace(b.Lang)+txtInstallHint.In(b.Lang)),
	)
}
