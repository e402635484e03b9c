// Command wasm is the WebAssembly entry point of the map. It registers the
// routes and starts the app in the browser. It must never reference the
// HTTP server or go-app's Handler: the linker would then keep net/http's
// server and the wasm would grow from about 7 MB to about 19 MB.
package main

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app"
)

func main() {
	app.Routes()
	app.YieldToBrowser()
	// From here on go-app owns the page: web/page.js stops opening cities
	// in place and hands a pending one to the app (data-app becomes
	// "ready" once the app has rendered).
	goapp.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "starting")
	goapp.RunWhenOnBrowser()
}
