package components

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/data"
)

// PanelHeadingID is the id of the open panel's heading; the page moves focus
// there when a reader opens a city.
const PanelHeadingID = "panel-title"

// cityByID finds the city a panel shows (a variable so that tests can show
// a fixture city).
var cityByID = data.CityByID

// CityPanel shows what the report says about one city: its status, its
// target, its dated initiatives with themes and key figures, and the source.
type CityPanel struct {
	goapp.Compo

	// Nav is the page's state (see the package doc): the language, the
	// city shown (Nav.City, an id of data.IDs()) and the highlighted
	// theme. The full site's panel has a share control; an embed's has
	// none.
	Nav route.State
}

// Render draws the panel.
func (p *CityPanel) Render() goapp.UI {
	l := p.Nav.Lang
	c, _ := cityByID(p.Nav.City)
	return el("section").
		ID("panel").
		Class("panel panel--city panel--"+statusClass(c.Status)).
		DataSet("city", c.ID).
		Aria("labelledby", PanelHeadingID).
		Body(
			static(el("header").Class("panel-head").Body(
				el("p").Class("badge badge--"+statusClass(c.Status)).Body(
					el("span").Class("badge-icon").Aria("hidden", "true"),
					goapp.Text(statusText(c.Status).In(l)),
				),
				el("h2").ID(PanelHeadingID).TabIndex(-1).Text(c.Name.In(l)),
				el("a").
					Class("panel-close").
					Attr("href", link(p.Nav.With(""))).
					Aria("label", txtCloseLabel.In(l)).
					Title(txtCloseLabel.In(l)).
					Body(
						el("span").Aria("hidden", "true").Text("×"),
						el("span").Class("panel-close-text").Text(txtClose.In(l)),
					),
			)),
			static(p.renderBody(c)),
			&SourceCredit{Lang: l},
			goapp.If(!p.Nav.Embed, &ShareButton{Lang: l, Title: c.Name.In(l) + " · " + SiteName.In(l)}),
		)
}

// renderBody draws what the report says about c: its lead, target and
// initiatives, or a note that it does not cover the city.
func (p *CityPanel) renderBody(c data.City) goapp.UI {
	l := p.Nav.Lang
	if !c.Covered() {
		return el("p").Class("lead").Text(fmt.Sprintf(txtNotCovered.In(l), c.Name.In(l)))
	}
	items := make([]goapp.UI, len(c.Initiatives))
	theme, _ := data.ThemeByID(data.ThemeID(p.Nav.Theme))
	for i, in := range c.Initiatives {
		items[i] = renderInitiative(l, in, theme, i, p.Nav.Embed)
	}
	target := el("p").Class("target").Body(append([]goapp.UI{
		el("strong").Text(txtTarget.In(l) + (map[data.Lang]string{data.Zh: "：", data.En: ": "})[l]),
	}, langText(l, c.Target.In(l))...)...)
	if p.Nav.Embed {
		// One of the embed's disclosures, like the initiatives.
		target = disclosure("initiative-target",
			[]goapp.UI{el("span").Class("initiative-title").Text(txtTarget.In(l))},
			[]goapp.UI{el("p").Class("target").Body(langText(l, c.Target.In(l))...)})
	}
	return el("div").Class("panel-body").Body(
		el("p").Class("lead").Body(langText(l, c.Lead.In(l))...),
		goapp.If(c.Target.In(l) != "", target),
		el("h3").Class("visually-hidden").Text(txtInitiatives.In(l)),
		el("ol").Class("initiatives").Body(items...),
	)
}

// renderInitiative draws initiative in, the i-th of its city. In an embed
// it is a disclosure (see initiativeDisclosure).
func renderInitiative(l data.Lang, in data.Initiative, theme data.Theme, i int, embed bool) goapp.UI {
	date := formatDate(l, in.Date, in.EndDate)
	themes := make([]goapp.UI, 0, len(in.Themes))
	for _, id := range in.Themes {
		if th, ok := data.ThemeByID(id); ok {
			themes = append(themes, el("li").Class("theme").DataSet("theme", string(id)).Text(th.Name.In(l)))
		}
	}
	li := el("li").Class("initiative")
	match := theme.ID != "" && in.HasTheme(theme.ID)
	if match {
		li.Class("initiative is-match")
	}
	undated := "p"
	if embed {
		undated = "span" // in a <summary>, which holds phrasing content
	}
	head := []goapp.UI{
		goapp.If(date != "",
			el("time").Class("initiative-date").Attr("datetime", in.Date).Text(date),
		).Else(
			el(undated).Class("initiative-date initiative-date--none").Text(txtUndated.In(l)),
		),
		el("h4").Class("initiative-title").Body(langText(l, in.Title.In(l))...),
	}
	body := []goapp.UI{
		el("p").Class("initiative-summary").Body(langText(l, in.Summary.In(l))...),
		goapp.If(len(in.Quotes) > 0, renderQuotes(l, in.Quotes)),
		goapp.If(len(themes) > 0,
			el("ul").Class("themes").Aria("label", txtThemes.In(l)).Body(themes...),
		),
		goapp.If(len(in.Figures) > 0, figureList(l, in.Figures)),
	}
	note := goapp.If(match, el("p").Class("match-note").Text(fmt.Sprintf(txtMatchNote.In(l), theme.Name.In(l))))
	if embed {
		return li.Body(note, disclosure(fmt.Sprintf("initiative-%d", i+1), head, body))
	}
	return li.Body(append(append([]goapp.UI{note}, head...), body...)...)
}

// disclosure is one of an embed's disclosures (its city's target and each
// initiative): a native <details> whose summary is head (phrasing and
// heading content only), one open at a time (the name groups them), so
// that an embed stays short in its article (WordPress clamps its frames
// to 1,000 px, web/app.css). Its id lets web/page.js keep it open when
// the WebAssembly replaces the prerendered page.
func disclosure(id string, head, body []goapp.UI) goapp.HTMLElem {
	return el("details").
		ID(id).
		Class("initiative-more").
		Attr("name", "initiative").
		Body(append([]goapp.UI{el("summary").Class("initiative-head").Body(head...)}, body...)...)
}

// renderQuotes offers the article's own sentences behind an initiative in
// a native disclosure: it opens without the WebAssembly and from the
// keyboard, and stays out of the way until a reader asks for it.
func renderQuotes(l data.Lang, quotes []string) goapp.UI {
	ps := make([]goapp.UI, len(quotes))
	for i, q := range quotes {
		ps[i] = el("p").DataSet("quote", i+1).Lang("zh-Hans").Text(q)
	}
	return el("details").Class("quotes").Body(
		el("summary").Text(txtQuotes.In(l)),
		goapp.If(l == data.En, el("p").Class("quotes-note").Text(txtQuotesNote.En)),
		el("blockquote").Body(ps...),
	)
}
