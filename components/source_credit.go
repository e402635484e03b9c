package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// SourceCredit names the article that every fact on the page comes from:
// its headline and subheadline as printed (with our translation on English
// pages), and what the article does not print.
type SourceCredit struct {
	goapp.Compo

	Lang data.Lang
}

// Render draws the credit line. It depends on the language alone, so its
// markup is built once per language.
func (s *SourceCredit) Render() goapp.UI {
	l := s.Lang
	return staticByKey("source:"+string(l), func() goapp.UI {
		src := data.Source
		headline := func(t data.Text) []goapp.UI {
			ui := []goapp.UI{el("cite").Lang("zh-Hans").Text("《" + t.Zh + "》")}
			if l == data.En {
				ui = append(ui, goapp.Text(" (“"+t.En+"”)"))
			}
			return ui
		}
		body := []goapp.UI{goapp.Text(txtSource.In(l) + wordSpace(l))}
		body = append(body, headline(src.Headline)...)
		body = append(body, goapp.Text(txtSourceSubhead.In(l)))
		body = append(body, headline(src.Subheadline)...)
		body = append(body, goapp.Text(txtSourceEnd.In(l)+src.Note.In(l)))
		return el("p").Class("source").Body(body...)
	})
}
