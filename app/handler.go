//go:build !wasm

package app

import (
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/palette"
	"github.com/jiangsu-map/jsmap/components"
)

// The manifest's and the browser chrome's colours, from the palette.
var (
	ThemeColor, _      = palette.Light("accent")
	BackgroundColor, _ = palette.Light("bg")
)

// Handler returns the go-app Handler settings for the site published under
// base ("" for the root, or a sub-path like "/news/jiangsu-map"), with the
// service-worker version derived from the build's content. The static-site
// generator renders every page through it; it is not built into the wasm.
func Handler(base, version string) *goapp.Handler {
	base = strings.Trim(base, "/")
	resources := goapp.LocalDir("")
	prefix := ""
	if base != "" {
		resources = goapp.CustomProvider("", base)
		prefix = "/" + base
	}
	return &goapp.Handler{
		Name:            components.SiteName.Zh,
		ShortName:       "江苏新质地图",
		Title:           components.SiteName.Zh,
		Description:     components.SiteDesc.Zh,
		Lang:            "zh-Hans",
		BackgroundColor: BackgroundColor,
		ThemeColor:      ThemeColor,
		Icon: goapp.Icon{
			Default:    "/web/icons/icon-192.png",
			Large:      "/web/icons/icon-512.png",
			SVG:        "/web/icons/icon.svg",
			AppleTouch: "/web/icons/apple-touch-icon.png",
		},
		Styles: []string{"/web/app.css"},
		// Plain JS for what must work before and without the WebAssembly:
		// opening cities in place, the share and copy buttons, the query
		// options, embedding (heights for host pages), and deciding when
		// the WebAssembly starts (see the file's comments).
		Scripts: []string{"/web/page.js"},
		// Hidden (web/app.css): the loader badge is a spinner. A short
		// label without quotes: go-app pastes it into app.js unescaped.
		LoadingLabel:            "{progress}%",
		WasmContentLengthHeader: "Wasm-Content-Length",
		Resources:               resources,
		Version:                 version,
		ServiceWorkerTemplate:   workerTemplate(prefix),
		CacheableResources:      offlineResources(prefix),
		// Look for a new deployment every 10 minutes while the app is open
		// (and at every navigation, as browsers do).
		AutoUpdateInterval: 10 * time.Minute,
	}
}
