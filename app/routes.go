package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Routes registers the single page component for every path. The page reads
// its state from the URL (see package route), so one catch-all route serves
// the overviews, every city and the not-found state alike.
func Routes() {
	goapp.RouteWithRegexp("^/.*$", &Page{})
}
