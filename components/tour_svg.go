package components

import (
	"regexp"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// TourSVG is the markup of the map's drawing of the study tour from city
// (JiangsuMap.renderTour: its lines in map units, its labels placed in
// percentages of the map), for pages drawn without the app (the story
// page, app/story) in one svg whose viewBox is the map's. Its arrowhead
// marker is named markerID, so that a page can hold several drawings.
func TourSVG(l data.Lang, city, markerID string) string {
	lines, labels := (&JiangsuMap{Nav: route.State{Lang: l, City: city}}).renderTour()
	if lines == nil {
		return ""
	}
	m := canonicalHTML(goapp.HTMLString(lines)) + canonicalHTML(goapp.HTMLString(labels))
	return markerRe.ReplaceAllString(m, markerID+"${1}")
}

// markerRe finds the arrowhead marker's id and its references (not the
// class tour-arrowhead).
var markerRe = regexp.MustCompile("tour-arrow([^a-z])")
