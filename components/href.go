package components

import (
	"sync"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// Href returns the link to a full-site page (city "" for the overview)
// under the site's base path, which go-app publishes as GOAPP_ROOT_PREFIX
// on both the server and the client.
func Href(l data.Lang, city string) string {
	return link(route.State{Lang: l, City: city})
}

// link returns the URL of state s under the site's base path, with its
// options (theme, dark, childId…) in the query.
func link(s route.State) string {
	return RootPrefix() + s.URL()
}

// clientPrefix reads the base path once in the browser, where it cannot
// change and every read of go-app's environment is a call into JavaScript
// (a render writes dozens of links).
var clientPrefix = sync.OnceValue(func() string { return goapp.Getenv("GOAPP_ROOT_PREFIX") })

// RootPrefix returns the site's base path ("" at the root, else "/sub/path"),
// which go-app publishes as GOAPP_ROOT_PREFIX on the server and the client.
func RootPrefix() string {
	if goapp.IsClient {
		return clientPrefix()
	}
	return goapp.Getenv("GOAPP_ROOT_PREFIX")
}

// compareOf returns the comparison page in the language and with the
// options of nav (the full site: the comparison has no embed version).
func compareOf(nav route.State) route.State {
	nav = nav.With("")
	nav.Embed = false
	nav.Compare = true
	return nav
}

// StoryMainID is the id of the story page's main element, which cmd/static
// fills with the story (app/story).
const StoryMainID = "story"

// storyOf returns the story page in the language and with the options of
// nav.
func storyOf(nav route.State) route.State {
	nav = nav.With("")
	nav.Embed = false
	nav.Story = true
	return nav
}

// The content, read once: data hands out copies, and the render path only
// reads them, so there is no need for a fresh copy on every render.
var (
	allCities = data.Cities()
	mapOrder  = geoOrder(data.Cities())
	timeline  = data.Timeline()
)
