package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// LangSwitch links to the same page in the other language, keeping the
// selected city.
type LangSwitch struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language shown
	// and the page the links lead to in the other one.
	Nav route.State
}

// Render draws the switch.
func (s *LangSwitch) Render() goapp.UI {
	names := map[data.Lang]string{data.Zh: "中文", data.En: "English"}
	items := make([]goapp.UI, 0, len(data.Langs))
	for _, l := range data.Langs {
		a := el("a").
			Class("lang-link").
			Attr("href", link(s.target(l))).
			Lang(l.HTMLLang()).
			Attr("hreflang", l.HTMLLang()).
			Text(names[l])
		if l == s.Nav.Lang {
			a.Aria("current", "page")
		}
		items = append(items, el("li").Body(a))
	}
	// Element by element, not static: opening a city changes both links,
	// which go-app then updates in place.
	return el("nav").Class("lang-switch").Aria("label", txtLanguage.In(s.Nav.Lang)).Body(
		el("ul").Body(items...),
	)
}

// target is this page in language l: the same city, or the same comparison.
func (s *LangSwitch) target(l data.Lang) route.State {
	return s.Nav.InLang(l)
}
