package app

import (
	"fmt"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

// ShareImage is the path (under the base) of a page's share image, drawn
// at build time by app/shareimg: the map with the city highlighted, or the
// whole map for pages without a city.
func ShareImage(city string) string {
	if _, ok := data.CityByID(city); !ok {
		city = "jiangsu"
	}
	return "/web/share/" + city + ".png"
}

// ShareImageAlt describes the share image of a state.
func ShareImageAlt(s route.State) string {
	if c, ok := data.CityByID(s.City); ok {
		return fmt.Sprintf(components.MapTitleCity.In(s.Lang), c.Name.In(s.Lang))
	}
	return components.MapTitle.In(s.Lang)
}

// Title is the document title of a state.
func Title(s route.State) string {
	l := s.Lang
	switch c, ok := data.CityByID(s.City); {
	case ok:
		return c.Name.In(l) + " · " + components.SiteName.In(l)
	case s.NotFound:
		return components.NotFoundTitle.In(l) + " · " + components.SiteName.In(l)
	case s.Compare:
		return components.CompareTitle.In(l) + " · " + components.SiteName.In(l)
	case s.Story:
		return components.StoryTitle.In(l) + " · " + components.SiteName.In(l)
	default:
		return components.SiteName.In(l)
	}
}

// Description is the meta description of a state.
func Description(s route.State) string {
	if c, ok := data.CityByID(s.City); ok && c.Lead.In(s.Lang) != "" {
		return c.Lead.In(s.Lang)
	}
	if s.Compare {
		return components.CompareDesc.In(s.Lang)
	}
	if s.Story {
		return components.StoryDesc.In(s.Lang)
	}
	return components.SiteDesc.In(s.Lang)
}
