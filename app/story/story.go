// Package story is the story page (/story, /en/story): the article's
// account retold section by section in our own words, the five
// trillion-yuan cities and then the three aspirants, each section with its
// dates, a link to each of its cities' pages and a map of its own.
//
// The page is written at build time: cmd/static puts Main's markup into
// the prerendered page's main element. It is complete without JavaScript
// (a map in every section); web/page.js adds the map beside the text on
// wide screens, which follows the section being read (an
// IntersectionObserver toggles classes on the prerendered SVG). The
// WebAssembly app carries none of this and does not start on the page, so
// the story costs the app nothing.
package story

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

// Date is a day or a span of days an initiative of a section's cities is
// dated with in package data.
type Date struct {
	Start, End string // YYYY-MM-DD; End is "" for a single day
}

// Dates returns the distinct dates of the dated initiatives of the
// section's cities, in order. Part openings have none of their own.
func (s Section) Dates() []Date {
	if s.Part {
		return nil
	}
	seen := map[Date]bool{}
	var out []Date
	for _, id := range s.Cities {
		c, _ := data.CityByID(id)
		for _, in := range c.Initiatives {
			d := Date{in.Date, in.EndDate}
			if in.Date != "" && !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Text formats the date for readers of language l: "2024年3月14日至16日",
// "14–16 March 2024".
func (d Date) Text(l data.Lang) string {
	s, _ := time.Parse(time.DateOnly, d.Start)
	e, err := time.Parse(time.DateOnly, d.End)
	if l == data.En {
		if err != nil {
			return s.Format("2 January 2006")
		}
		if s.Month() == e.Month() {
			return fmt.Sprintf("%d–%s", s.Day(), e.Format("2 January 2006"))
		}
		return s.Format("2 January") + " – " + e.Format("2 January 2006")
	}
	z := fmt.Sprintf("%d年%d月%d日", s.Year(), int(s.Month()), s.Day())
	if err != nil {
		return z
	}
	if s.Month() == e.Month() {
		return fmt.Sprintf("%s至%d日", z, e.Day())
	}
	return fmt.Sprintf("%s至%d月%d日", z, int(e.Month()), e.Day())
}

// strings of the story page, in both languages.
var (
	txtKicker    = data.Text{Zh: "报道导读", En: "The story"}
	txtDek       = data.Text{Zh: "按原报道的顺序逐段转述：先是五座万亿之城，再是三座冲刺万亿的城市。每一节都配有一张地图，并链接到城市的地图页面。", En: "The report retold in its own order, section by section: first the five trillion-yuan cities, then the three aiming to join them. Each section has a map and links to its cities' pages on the interactive map."}
	txtToc       = data.Text{Zh: "本页目录", En: "Sections"}
	txtNoDate    = data.Text{Zh: "报道未注明日期", En: "The report gives no date"}
	txtOnMap     = data.Text{Zh: "在地图上看%s的全部举措", En: "All of %s's initiatives on the map"}
	txtPartOnMap = data.Text{Zh: "在地图上看：", En: "On the map: "}
	txtMapOf     = data.Text{Zh: "江苏省地图，突出显示%s", En: "Map of Jiangsu with %s highlighted"}
	txtMapTour   = data.Text{Zh: "；虚线箭头是扬州代表团依次考察合肥、杭州、湖州、苏州、无锡的路线", En: "; dashed arrows trace the Yangzhou delegation's tour of Hefei, Hangzhou, Huzhou, Suzhou and Wuxi, in that order"}
	txtDates     = data.Text{Zh: "日期", En: "Dates"}
)

// list joins names as a reader of l expects: "苏州、南京和无锡",
// "Suzhou, Nanjing and Wuxi".
func list(l data.Lang, names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	last := names[len(names)-1]
	if l == data.En {
		return strings.Join(names[:len(names)-1], ", ") + " and " + last
	}
	return strings.Join(names[:len(names)-1], "、") + "和" + last
}

// view is what the template needs of one section.
type view struct {
	ID     string
	Part   bool
	Cities []string
	Tour   string
	Level  int
	// Toc is the section's entry in the list of sections: a part's
	// heading, or a city's name.
	Toc      string
	Heading  template.HTML
	Paras    []template.HTML
	Dates    []dateView
	NoDate   string
	DatesLbl string
	// OnMap introduces a part's row of city links; a city's section has one
	// link, which says what it opens.
	OnMap string
	Links []linkView
	Map   template.HTML
}

type dateView struct{ Start, Text string }

type linkView struct{ Href, Text string }

// Main returns the story's markup in language l for a site under base (""
// or "/sub/path"): the content of the page's main element.
func Main(l data.Lang, base string) (string, error) {
	var views []view
	for _, s := range Sections {
		v := view{ID: s.ID, Part: s.Part, Cities: s.Cities, Tour: s.Tour, Level: 3, DatesLbl: txtDates.In(l)}
		v.Heading = template.HTML(components.LangHTML(l, s.Heading.In(l)))
		v.Toc = s.Heading.In(l)
		if c, ok := data.CityByID(s.Cities[0]); ok && !s.Part {
			v.Toc = c.Name.In(l)
		}
		if s.Part {
			v.Level = 2
			v.OnMap = txtPartOnMap.In(l)
		}
		for _, p := range s.Paras {
			v.Paras = append(v.Paras, template.HTML(components.LangHTML(l, p.In(l))))
		}
		for _, d := range s.Dates() {
			v.Dates = append(v.Dates, dateView{Start: d.Start, Text: d.Text(l)})
		}
		if len(v.Dates) == 0 && !s.Part {
			v.NoDate = txtNoDate.In(l)
		}
		var names []string
		for _, id := range s.Cities {
			c, ok := data.CityByID(id)
			if !ok {
				return "", fmt.Errorf("story: section %q: no city %q", s.ID, id)
			}
			names = append(names, c.Name.In(l))
			text := fmt.Sprintf(txtOnMap.In(l), c.Name.In(l))
			if s.Part {
				text = c.Name.In(l)
			}
			v.Links = append(v.Links, linkView{Href: base + route.Path(l, id), Text: text})
		}
		label := fmt.Sprintf(txtMapOf.In(l), list(l, names))
		if s.Tour != "" {
			label += txtMapTour.In(l)
		}
		v.Map = mapSVG(l, mapSpec{id: "map-" + s.ID, label: label, on: s.Cities, tour: s.Tour, marker: "story-arrow-" + s.ID})
		views = append(views, v)
	}
	first := Sections[0]
	var b bytes.Buffer
	err := page.Execute(&b, map[string]any{
		"Lang":     string(l),
		"Kicker":   txtKicker.In(l),
		"Dek":      txtDek.In(l),
		"Toc":      txtToc.In(l),
		"Sections": views,
		"Defs":     defs(),
		// The map beside the text starts as the first section's; web/page.js
		// moves it on. Screen readers have each section's own map.
		"Follow": mapSVG(l, mapSpec{id: "story-follow-map", on: first.Cities, all: true, marker: "story-arrow-follow"}),
	})
	return b.String(), err
}

var page = template.Must(template.New("story").Funcs(template.FuncMap{
	"join": strings.Join,
}).Parse(`{{.Defs}}
<header class="story-head">
<p class="story-kicker">{{.Kicker}}</p>
<p class="story-dek">{{.Dek}}</p>
<nav class="story-toc" aria-label="{{.Toc}}"><ol>
{{- range .Sections}}
<li class="story-toc-item{{if .Part}} story-toc-item--part{{end}}"><a href="#s-{{.ID}}">{{.Toc}}</a></li>
{{- end}}
</ol></nav>
</header>
<div class="story-body">
<div class="story-text">
{{- range .Sections}}
<section id="s-{{.ID}}" class="story-step{{if .Part}} story-step--part{{end}}" data-cities="{{join .Cities " "}}"{{if .Tour}} data-tour="{{.Tour}}"{{end}}>
{{if eq .Level 2}}<h2 id="h-{{.ID}}">{{.Heading}}</h2>{{else}}<h3 id="h-{{.ID}}">{{.Heading}}</h3>{{end}}
{{- if .Dates}}
<p class="story-dates"><span class="visually-hidden">{{.DatesLbl}}: </span>{{range $i, $d := .Dates}}{{if $i}} · {{end}}<time datetime="{{$d.Start}}">{{$d.Text}}</time>{{end}}</p>
{{- else if .NoDate}}
<p class="story-dates story-dates--none">{{.NoDate}}</p>
{{- end}}
<div class="story-figure">{{.Map}}</div>
{{- range .Paras}}
<p>{{.}}</p>
{{- end}}
{{- if .OnMap}}
<p class="story-links story-links--part">{{.OnMap}}{{range $i, $a := .Links}}{{if $i}} · {{end}}<a href="{{$a.Href}}">{{$a.Text}}</a>{{end}}</p>
{{- else}}
<p class="story-links">{{range .Links}}<a href="{{.Href}}">{{.Text}} →</a>{{end}}</p>
{{- end}}
</section>
{{- end}}
</div>
<div class="story-follow" aria-hidden="true">{{.Follow}}</div>
</div>
`))

// mapSpec says what one map of the story shows.
type mapSpec struct {
	id    string
	label string   // the accessible name; "" hides the map from screen readers
	on    []string // the highlighted cities
	tour  string   // whose study tour is drawn ("" for none)
	// all draws every covered city's label and the tour, for web/page.js
	// to show those of the section being read (the map beside the text).
	all    bool
	marker string // the id of the tour's arrowhead
}

// mapSVG draws the map of a section from the shapes defined once in the
// page (defs): every city in its status colour, the highlighted ones
// outlined and labelled.
func mapSVG(l data.Lang, m mapSpec) template.HTML {
	on := map[string]bool{}
	for _, id := range m.on {
		on[id] = true
	}
	is := func(b bool) string {
		if b {
			return " is-on"
		}
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="story-map" id="%s" viewBox="%s"`, m.id, data.ViewBox())
	if m.label != "" {
		fmt.Fprintf(&b, ` role="img" aria-labelledby="%s-title"><title id="%s-title">%s</title>`, m.id, m.id, template.HTMLEscapeString(m.label))
	} else {
		b.WriteString(` aria-hidden="true" focusable="false">`)
	}
	cities := data.Cities()
	for _, c := range cities {
		fmt.Fprintf(&b, `<use href="#story-shape-%s" class="sm sm--%s%s" data-id="%s"></use>`, c.ID, components.StatusClass(c.Status), is(on[c.ID]), c.ID)
	}
	for _, c := range cities {
		if on[c.ID] || m.all {
			fmt.Fprintf(&b, `<use href="#story-shape-%s" class="sm-outline%s" data-id="%s"></use>`, c.ID, is(on[c.ID]), c.ID)
		}
	}
	for _, c := range cities {
		if !on[c.ID] && !(m.all && c.Covered()) {
			continue
		}
		s, _ := data.ShapeOf(c.ID)
		fmt.Fprintf(&b, `<text class="sm-label%s" data-id="%s" x="%.1f" y="%.1f">%s</text>`, is(on[c.ID]), c.ID, s.LabelX, s.LabelY, template.HTMLEscapeString(c.Name.In(l)))
	}
	for _, t := range data.StudyTours {
		if t.From == m.tour || m.all {
			fmt.Fprintf(&b, `<g class="story-tour%s" data-tour="%s">%s</g>`, is(t.From == m.tour), t.From, components.TourSVG(l, t.From, m.marker))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// defs defines once, for every map of the page, the cities' outlines and
// the fills that tell the statuses apart without colour (dots for the
// trillion-yuan cities, hatching for the aspirants).
func defs() template.HTML {
	var b strings.Builder
	b.WriteString(`<svg class="story-defs" aria-hidden="true" focusable="false" width="0" height="0"><defs>`)
	b.WriteString(`<pattern id="story-pat-trillion" width="14" height="14" patternUnits="userSpaceOnUse"><rect class="sp-bg sp-bg--trillion" width="14" height="14"></rect><circle class="sp-dot" cx="7" cy="7" r="2.4"></circle></pattern>`)
	b.WriteString(`<pattern id="story-pat-aspiring" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="sp-bg sp-bg--aspiring" width="12" height="12"></rect><line class="sp-line" x1="0" y1="0" x2="0" y2="12"></line></pattern>`)
	for _, c := range data.Cities() {
		s, _ := data.ShapeOf(c.ID)
		fmt.Fprintf(&b, `<path id="story-shape-%s" d="%s"></path>`, c.ID, s.D)
	}
	b.WriteString(`</defs></svg>`)
	return template.HTML(b.String())
}
