package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// LangSwitch links to the same page in the other language, keeping the
// selected city.
type LangSwitch struct {
	goapp.Compo

	Lang data.Lang
	City string
}

// Render draws the switch.
func (s *LangSwitch) Render() goapp.UI {
	names := map[data.Lang]string{data.Zh: "中文", data.En: "English"}
	items := make([]goapp.UI, 0, len(data.Langs))
	for _, l := range data.Langs {
		a := goapp.A().
			Class("lang-link").
			Href(Href(l, s.City)).
			Lang(l.HTMLLang()).
			Attr("hreflang", l.HTMLLang()).
			Text(names[l])
		if l == s.Lang {
			a.Aria("current", "page")
		}
		items = append(items, goapp.Li().Body(a))
	}
	return goapp.Nav().Class("lang-switch").Aria("label", txtLanguage.In(s.Lang)).Body(
		goapp.Ul().Body(items...),
	)
}
