package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// ThemeChips lets the reader pick a theme: the map then highlights the
// cities with initiatives in it. Each chip is a link that puts the theme in
// the URL (?theme=ID), so a choice can be shared; the chosen one links back
// to no theme.
type ThemeChips struct {
	goapp.Compo

	// Nav is the page's state (see the package doc); its Theme is the
	// chosen theme, and each chip's link keeps the open city.
	Nav route.State
}

// Render draws the chips.
func (tc *ThemeChips) Render() goapp.UI {
	nav := tc.Nav
	l := nav.Lang
	chip := func(id, label string) goapp.UI {
		to := nav
		to.Theme = id
		a := el("a").Class("chip").Attr("href", link(to)).DataSet("theme", id).Text(label)
		if nav.Theme == id {
			a.Aria("current", "true")
		}
		return el("li").Body(a)
	}
	items := []goapp.UI{chip("", txtThemeAll.In(l))}
	for _, th := range data.Themes() {
		items = append(items, chip(string(th.ID), th.Name.In(l)))
	}
	// Element by element, not static: opening a city changes every
	// chip's link, which go-app then updates in place.
	return el("nav").Class("theme-chips").Aria("labelledby", "theme-chips-title").Body(
		static(el("h2").ID("theme-chips-title").Class("theme-chips-title").Text(txtThemeChips.In(l))),
		el("ul").Class("chips").Body(items...),
	)
}
