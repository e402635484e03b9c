// Package route is the URL contract of the product: it turns a request path
// into the state the page shows (language, selected city, not found) and back.
//
// The contract, which tests and embeds rely on:
//
//	/               overview, Chinese
//	/city/{id}      a city, Chinese
//	/en/            overview, English
//	/en/city/{id}   a city, English
//
// Trailing slashes are tolerated, ids are matched exactly (lower case), and
// anything else is not found. The package has no go-app import, so the server,
// the static generator and the WebAssembly app share it.
package route

import (
	"strings"

	"github.com/jiangsu-map/jsmap/data"
)

// State is what a URL selects.
type State struct {
	Lang data.Lang
	// City is the selected city's id, or "" for the overview.
	City string
	// NotFound is set when the path names no page; City is then "".
	NotFound bool
}

// Parse reads a path (without the site's base prefix). It never fails: an
// unknown path gives a not-found state in the language the path suggests.
func Parse(path string) State {
	s := State{Lang: data.Zh}
	p := strings.TrimPrefix(path, "/")
	if p == "en" || strings.HasPrefix(p, "en/") {
		s.Lang = data.En
		p = strings.TrimPrefix(strings.TrimPrefix(p, "en"), "/")
	}
	p = strings.TrimSuffix(p, "/")
	switch {
	case p == "":
		return s
	case strings.HasPrefix(p, "city/"):
		id := strings.TrimPrefix(p, "city/")
		if _, ok := data.CityByID(id); ok {
			s.City = id
			return s
		}
	}
	s.NotFound = true
	return s
}

// Path is the canonical path of the state (not-found states map to the overview).
func (s State) Path() string {
	return Path(s.Lang, s.City)
}

// Path returns the canonical path of a city page, or of the overview when
// city is "".
func Path(lang data.Lang, city string) string {
	p := "/"
	if lang == data.En {
		p = "/en/"
	}
	if city != "" {
		p += "city/" + city
	}
	return p
}

// Pages lists the path of every page to prerender: both overviews and every
// city in both languages.
func Pages() []string {
	var pages []string
	for _, l := range data.Langs {
		pages = append(pages, Path(l, ""))
		for _, id := range data.IDs() {
			pages = append(pages, Path(l, id))
		}
	}
	return pages
}

// NotFoundPath returns a path that parses as not found in language lang; the
// static generator renders it as the site's 404 page.
func NotFoundPath(lang data.Lang) string {
	return Path(lang, "") + "404"
}
