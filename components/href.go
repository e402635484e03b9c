package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// Href returns the link to a page (city "" for the overview) under the
// site's base path, which go-app publishes as GOAPP_ROOT_PREFIX on both the
// server and the client.
func Href(l data.Lang, city string) string {
	return goapp.Getenv("GOAPP_ROOT_PREFIX") + route.Path(l, city)
}
