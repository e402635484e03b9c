package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// SourceCredit names the article that every fact on the page comes from.
type SourceCredit struct {
	goapp.Compo

	Lang data.Lang
}

// Render draws the credit line.
func (s *SourceCredit) Render() goapp.UI {
	l := s.Lang
	return static(el("p").Class("source").Body(
		goapp.Text(txtSource.In(l)+" "),
		el("cite").Lang("zh-Hans").Text("《"+data.Source.Headline.Zh+"》"),
		goapp.If(l == data.En, goapp.Text(" — "+data.Source.Headline.En)),
		goapp.Text(" "+txtSourceNote.In(l)),
	))
}
