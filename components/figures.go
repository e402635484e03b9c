package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// figureList draws figures as one description list in language l: one
// term per label, in the order the labels first appear, with every value
// under that label as its descriptions. A city's two goals are one “Goal”
// with two values: a name given twice in one dl is a group the reader
// cannot tell apart, and the Nu HTML checker warns on it.
func figureList(l data.Lang, figures []data.Figure) goapp.UI {
	var order []string
	values := map[string][]goapp.UI{}
	for _, f := range figures {
		label := f.Label.In(l)
		if _, ok := values[label]; !ok {
			order = append(order, label)
		}
		values[label] = append(values[label], figureValue(l, f))
	}
	groups := make([]goapp.UI, len(order))
	for i, label := range order {
		groups[i] = el("div").Class("figure").Body(append([]goapp.UI{el("dt").Text(label)}, values[label]...)...)
	}
	return el("dl").Class("figures").Aria("label", txtFigures.In(l)).Body(groups...)
}

// figureValue draws a figure's value. English readers get the value in
// English with the article's exact value beside it; a value that reads as
// English already ("343"), and every value on Chinese pages, is shown as
// the article prints it, marked as the article's language.
func figureValue(l data.Lang, f data.Figure) goapp.UI {
	switch {
	case l == data.En && f.En != "":
		return el("dd").Body(
			el("span").Class("figure-en").Text(f.En),
			goapp.Text(" "),
			el("span").Class("figure-verbatim").Lang("zh-Hans").Text(f.Value),
		)
	default:
		return el("dd").Lang("zh-Hans").Text(f.Value)
	}
}
