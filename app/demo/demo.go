// Package demo writes the sample host article (/embed/demo and
// /en/embed/demo): a plain news page, as a newsroom's would be, with the map
// embedded by its embed code and sections that steer it through
// web/embed.js's data-jsmap-city attributes. It is the documentation of
// steering and the browser tests' fixture in one. It is not a page of the
// app: cmd/static writes it as a file, and it loads no script of the app's
// besides embed.js.
package demo

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

// Step is one section of the sample: it steers the map to City ("" for
// the overview) with Theme highlighted ("" for none).
type Step struct {
	City  string
	Theme data.ThemeID
}

// Steps are the sample's sections, in order: four cities, each with the
// theme of the initiative it tells, then the whole province.
var Steps = []Step{
	{"suzhou", data.ThemeComputing},
	{"nanjing", data.ThemeLowAltitude},
	{"wuxi", data.ThemeAerospace},
	{"yangzhou", data.ThemeLearning},
	{"", data.ThemeTrillionGoal},
}

// FrameID is the id of the sample's map iframe.
const FrameID = "jsmap-demo"

// section is one section as the template writes it.
type section struct {
	// ID is the section's id: the city's, or "overview".
	ID, City, Theme, Heading string
	Text                     template.HTML
	Attrs                    string
}

// Page returns the sample article in language l for a site published
// under base ("" or a path like "/news/map").
func Page(l data.Lang, base string) ([]byte, error) {
	var secs []section
	for _, s := range Steps {
		sec := section{ID: s.City, City: s.City, Theme: string(s.Theme)}
		sec.Attrs = fmt.Sprintf(`data-jsmap-city="%s" data-jsmap-theme="%s"`, s.City, s.Theme)
		if s.City == "" {
			sec.ID = "overview"
			sec.Heading = components.DemoOverview.In(l)
			sec.Text = text(l, components.DemoOutro.In(l))
			secs = append(secs, sec)
			continue
		}
		c, ok := data.CityByID(s.City)
		if !ok {
			return nil, fmt.Errorf("demo: no city %q", s.City)
		}
		var in *data.Initiative
		for i := range c.Initiatives {
			if c.Initiatives[i].HasTheme(s.Theme) {
				in = &c.Initiatives[i]
				break
			}
		}
		if in == nil {
			return nil, fmt.Errorf("demo: %s has no initiative in theme %s", s.City, s.Theme)
		}
		sec.Heading = c.Name.In(l) + sep(l) + in.Title.In(l)
		sec.Text = text(l, in.Summary.In(l))
		secs = append(secs, sec)
	}
	other := data.Zh
	if l == data.Zh {
		other = data.En
	}
	var b bytes.Buffer
	err := page.Execute(&b, map[string]any{
		"Lang":      l.HTMLLang(),
		"Title":     components.DemoTitle.In(l),
		"Intro":     components.DemoIntro.In(l),
		"Source":    text(l, components.DemoSource.In(l)),
		"FullMap":   components.DemoFullMap.In(l),
		"Home":      base + route.Path(l, ""),
		"Other":     base + route.DemoPath(other),
		"OtherLang": other.HTMLLang(),
		"OtherName": langName(other),
		"CSS":       base + "/web/demo.css",
		"Icon":      base + "/web/icons/icon.svg",
		"Script":    base + "/web/embed.js",
		"Src":       base + route.EmbedPath(l, ""),
		"FrameID":   FrameID,
		"MapTitle":  components.SiteName.In(l),
		"Sections":  secs,
	})
	return b.Bytes(), err
}

func sep(l data.Lang) string {
	if l == data.En {
		return ": "
	}
	return "："
}

func langName(l data.Lang) string {
	if l == data.En {
		return "English"
	}
	return "中文"
}

// text escapes s, marking its Chinese runs lang="zh-Hans" on English pages.
func text(l data.Lang, s string) template.HTML {
	if l != data.En {
		return template.HTML(template.HTMLEscapeString(s))
	}
	var b strings.Builder
	for _, r := range components.HanRuns(s) {
		if r.Han {
			b.WriteString(`<span lang="zh-Hans">` + template.HTMLEscapeString(r.Text) + `</span>`)
		} else {
			b.WriteString(template.HTMLEscapeString(r.Text))
		}
	}
	return template.HTML(b.String())
}

var page = template.Must(template.New("demo").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<meta name="description" content="{{.Intro}}">
<link rel="icon" href="{{.Icon}}">
<link rel="stylesheet" href="{{.CSS}}">
<link rel="alternate" hreflang="{{.OtherLang}}" href="{{.Other}}">
</head>
<body>
<header class="demo-head">
<p class="demo-nav"><a href="{{.Other}}" hreflang="{{.OtherLang}}" lang="{{.OtherLang}}">{{.OtherName}}</a> · <a href="{{.Home}}">{{.FullMap}}</a></p>
<h1>{{.Title}}</h1>
</header>
<main class="demo">
<section class="demo-map" tabindex="0" aria-label="{{.MapTitle}}">
<iframe id="{{.FrameID}}" data-jsmap src="{{.Src}}" title="{{.MapTitle}}" width="600" height="640"></iframe>
</section>
<div class="demo-text">
<p class="demo-intro">{{.Intro}}</p>
{{range .Sections}}<section id="{{.ID}}" class="demo-step" data-jsmap-city="{{.City}}" data-jsmap-theme="{{.Theme}}">
<h2>{{.Heading}}</h2>
<p>{{.Text}}</p>
<p class="demo-code"><code>{{.Attrs}}</code></p>
</section>
{{end}}</div>
</main>
<footer class="demo-source">
<p>{{.Source}}</p>
</footer>
<script src="{{.Script}}" async></script>
</body>
</html>
`))
