package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// Overview is the panel shown when no city is open: what the map shows and
// the list of cities.
type Overview struct {
	goapp.Compo

	Lang data.Lang
}

// Render draws the overview.
func (o *Overview) Render() goapp.UI {
	l := o.Lang
	return goapp.Section().
		ID("panel").
		Class("panel panel--overview").
		Aria("labelledby", PanelHeadingID).
		Body(
			goapp.H2().ID(PanelHeadingID).TabIndex(-1).Text(txtChooseCity.In(l)),
			&CityList{Lang: l},
			&SourceCredit{Lang: l},
		)
}
