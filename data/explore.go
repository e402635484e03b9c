package data

import "sort"

// HasTheme reports whether any of the city's initiatives carries theme id.
func (c City) HasTheme(id ThemeID) bool {
	for _, in := range c.Initiatives {
		if in.HasTheme(id) {
			return true
		}
	}
	return false
}

// HasTheme reports whether the initiative carries theme id.
func (in Initiative) HasTheme(id ThemeID) bool {
	for _, t := range in.Themes {
		if t == id {
			return true
		}
	}
	return false
}

// Event is a dated initiative on the timeline, with its city.
type Event struct {
	City       City
	Initiative Initiative
}

// Timeline returns every dated initiative in date order (undated ones are
// left out); events of the same day keep the cities' display order.
func Timeline() []Event {
	var out []Event
	for _, c := range Cities() {
		for _, in := range c.Initiatives {
			if in.Date != "" {
				out = append(out, Event{City: c, Initiative: in})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Initiative.Date < out[j].Initiative.Date })
	return out
}

// Destination is a city outside Jiangsu that a study tour visited, with the
// direction it lies in from the map, for an arrow off the map's edge.
type Destination struct {
	Name Text
	// EdgeX, EdgeY is where its arrow leaves the map, in map coordinates.
	EdgeX, EdgeY float64
}

// Stop is one city a study tour visited, in the order of the visit: a
// Jiangsu city (City set) or a city outside the map (Outside set).
type Stop struct {
	City    string
	Outside *Destination
}

// Tour is a study tour the article reports.
type Tour struct {
	From  string
	Stops []Stop
}

// StudyTours lists the article's study tours: Yangzhou's Party and
// government delegation visited 合肥、杭州、湖州、苏州、无锡, in that order,
// from 14 to 16 March (see Yangzhou's initiatives). Hefei lies west of the
// map; Hangzhou and Huzhou south of it, Huzhou to the west of Hangzhou.
var StudyTours = []Tour{
	{
		From: "yangzhou",
		Stops: []Stop{
			{Outside: &Destination{Name: Text{Zh: "合肥", En: "Hefei"}, EdgeX: 12, EdgeY: 640}},
			{Outside: &Destination{Name: Text{Zh: "杭州", En: "Hangzhou"}, EdgeX: 700, EdgeY: 925}},
			{Outside: &Destination{Name: Text{Zh: "湖州", En: "Huzhou"}, EdgeX: 560, EdgeY: 925}},
			{City: "suzhou"},
			{City: "wuxi"},
		},
	},
}

// TourFrom returns the study tour that starts from city id.
func TourFrom(id string) (Tour, bool) {
	for _, t := range StudyTours {
		if t.From == id {
			return t, true
		}
	}
	return Tour{}, false
}
