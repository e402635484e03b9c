// Package route is the URL contract of the product: it turns a request URL
// into the state the page shows (language, selected city, not found, and the
// display options carried in the query string) and back.
//
// The path contract, which tests and embeds rely on:
//
//	/                     overview, Chinese
//	/city/{id}            a city, Chinese
//	/compare              the trillion-yuan cities beside the aspirants
//	/story                the article's account, section by section, with a
//	                      map per section (prerendered; needs no WebAssembly)
//	/embed/               the overview for iframes (map and panel, no site chrome)
//	/embed/city/{id}      a city for iframes
//	/en/…                 each of the above in English (/en/, /en/city/{id},
//	                      /en/compare, /en/story, /en/embed/, /en/embed/city/{id})
//
// Beside them, /embed/demo and /en/embed/demo are the sample host article
// (DemoPath): a file of its own, not a page of the app.
//
// Trailing slashes are tolerated, ids are matched exactly (lower case), and
// anything else is not found: it is answered by the not-found page of its
// section and language (State.NotFoundPage), which the static generator
// writes and the server sends with status 404.
//
// The query parameters, all optional:
//
//	theme=ID      highlight one theme (an id of data.Themes())
//	dark=MODE     colour scheme: auto (default), true or false
//	static=1      keep the prerendered page (also static=true)
//	childId=ID    the pym.js embed id, 1 to 64 of A-Z a-z 0-9 _ -
//	lang=LANG     the language (zh or en) when the path names none
//
// Parameters are read leniently: an unknown, malformed or repeated value
// never makes a page not found, it falls back to the default (the first of
// repeated values is used). ParseURL is the one function that reads a URL;
// everything that needs to know what a URL selects calls it (or Parse).
//
// The package has no go-app import, so the WebAssembly app, the static
// generator and the server (app/server, which picks its 404 pages with
// NotFoundPage) share it. web/page.js reads dark, static and childId before
// the WebAssembly runs, exactly as ParseURL does (TestPageJSOptions runs
// both on one table of URLs).
package route

import (
	"net/url"
	"strings"

	"github.com/jiangsu-map/jsmap/data"
)

// Dark modes: the values of State.Dark.
const (
	// DarkAuto follows the reader's system setting. It is the default.
	DarkAuto = "auto"
	// DarkOn forces the dark colour scheme.
	DarkOn = "true"
	// DarkOff forces the light colour scheme.
	DarkOff = "false"
)

// Query parameter names.
const (
	ParamTheme   = "theme"
	ParamDark    = "dark"
	ParamStatic  = "static"
	ParamChildID = "childId"
	ParamLang    = "lang"
)

// MaxChildIDLen is the longest childId accepted.
const MaxChildIDLen = 64

// State is what a URL selects. It is comparable with ==.
type State struct {
	Lang data.Lang
	// City is the selected city's id, or "" for the overview.
	City string
	// NotFound is set when the path names no page; City is then "".
	NotFound bool
	// Embed is set for the embed pages (/embed/…, /en/embed/…): the map
	// and the panel without the site's chrome, for iframes.
	Embed bool
	// Compare is set for the comparison page (/compare, /en/compare).
	Compare bool
	// Story is set for the story page (/story, /en/story).
	Story bool

	// Theme is the highlighted theme's id (one of data.Themes()), or "".
	Theme string
	// Dark is the colour scheme: DarkAuto, DarkOn or DarkOff.
	Dark string
	// Static asks to keep the prerendered page without starting the app.
	Static bool
	// ChildID is the embedding parent's pym.js id, or "". It only ever holds
	// ASCII letters, digits, '_' and '-', so it is safe in any context.
	ChildID string
}

// Parse reads a path (without the site's base prefix) and no query: the
// options keep their defaults. It never fails: an unknown path gives a
// not-found state in the language the path suggests.
func Parse(path string) State {
	return parse(path, nil)
}

// ParseURL reads the path (without the site's base prefix) and the query of
// u. It never fails and never panics: an unknown path gives a not-found
// state in the language the path suggests, and an unknown or malformed
// query value leaves its option at the default. A nil u is the overview.
func ParseURL(u *url.URL) State {
	if u == nil {
		return parse("/", nil)
	}
	// ParseQuery keeps every well-formed pair even when others are broken,
	// which is the leniency wanted here.
	q, _ := url.ParseQuery(u.RawQuery)
	return parse(u.Path, q)
}

// parse reads a decoded path and the query values (nil for none).
func parse(path string, q url.Values) State {
	s := State{Lang: data.Zh, Dark: DarkAuto}
	p := strings.TrimPrefix(path, "/")
	if p == "en" || strings.HasPrefix(p, "en/") {
		s.Lang = data.En
		p = strings.TrimPrefix(strings.TrimPrefix(p, "en"), "/")
	} else if l, ok := parseLang(first(q, ParamLang)); ok {
		s.Lang = l
	}
	if p == "embed" || strings.HasPrefix(p, "embed/") {
		s.Embed = true
		p = strings.TrimPrefix(strings.TrimPrefix(p, "embed"), "/")
	}
	p = strings.TrimSuffix(p, "/")
	switch {
	case p == "":
	case p == "compare" && !s.Embed:
		s.Compare = true
	case p == "story" && !s.Embed:
		s.Story = true
	case strings.HasPrefix(p, "city/"):
		id := strings.TrimPrefix(p, "city/")
		if _, ok := data.CityByID(id); ok {
			s.City = id
		} else {
			s.NotFound = true
		}
	default:
		s.NotFound = true
	}

	if id := first(q, ParamTheme); id != "" {
		if _, ok := data.ThemeByID(data.ThemeID(id)); ok {
			s.Theme = id
		}
	}
	switch v := lowerASCII(first(q, ParamDark)); v {
	case DarkOn, DarkOff, DarkAuto:
		s.Dark = v
	}
	switch lowerASCII(first(q, ParamStatic)) {
	case "1", "true":
		s.Static = true
	}
	if id := first(q, ParamChildID); validChildID(id) {
		s.ChildID = id
	}
	return s
}

// first returns the first value of the query parameter name, or "".
func first(q url.Values, name string) string {
	if vs := q[name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// parseLang reads a lang parameter: a language code of data.Langs, in any
// ASCII case.
func parseLang(v string) (data.Lang, bool) {
	v = lowerASCII(v)
	for _, l := range data.Langs {
		if v == string(l) {
			return l, true
		}
	}
	return "", false
}

// lowerASCII lower-cases the ASCII letters of a short option value. Longer
// values are returned unchanged: no option is that long, so they fail to
// match anyway, and they are not copied.
func lowerASCII(s string) string {
	if len(s) > 16 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// validChildID reports whether id is 1 to MaxChildIDLen ASCII letters,
// digits, '_' or '-'.
func validChildID(id string) bool {
	if id == "" || len(id) > MaxChildIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Path is the canonical path of the state (not-found states map to the
// overview of their kind).
func (s State) Path() string {
	switch {
	case s.Embed:
		return EmbedPath(s.Lang, s.City)
	case s.Compare:
		return ComparePath(s.Lang)
	case s.Story:
		return StoryPath(s.Lang)
	}
	return Path(s.Lang, s.City)
}

// With returns the state with another city selected ("" for the overview),
// keeping the language, the kind of page (embed or not) and the options:
// the target of a link from this page to that city.
func (s State) With(city string) State {
	s.City = city
	s.NotFound = false
	s.Compare = false
	s.Story = false
	return s
}

// InLang returns the same page in another language.
func (s State) InLang(l data.Lang) State {
	s.Lang = l
	return s
}

// Query is the canonical query string of the state's options, without the
// leading '?': only options that differ from their defaults, in a fixed
// order. It is "" for the defaults. Language and city live in the path.
func (s State) Query() string {
	var b strings.Builder
	add := func(name, value string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(value))
	}
	if s.Theme != "" {
		add(ParamTheme, s.Theme)
	}
	if s.Dark != "" && s.Dark != DarkAuto {
		add(ParamDark, s.Dark)
	}
	if s.Static {
		add(ParamStatic, "1")
	}
	if s.ChildID != "" {
		add(ParamChildID, s.ChildID)
	}
	return b.String()
}

// URL is the canonical path and query of the state, as in
// "/en/city/suzhou?theme=green".
func (s State) URL() string {
	if q := s.Query(); q != "" {
		return s.Path() + "?" + q
	}
	return s.Path()
}

// Path returns the canonical path of a city page, or of the overview when
// city is "".
func Path(lang data.Lang, city string) string {
	return langRoot(lang) + cityPath(city)
}

// EmbedPath returns the path of an embed page: the map (and a city's panel)
// without the site's chrome.
func EmbedPath(lang data.Lang, city string) string {
	return langRoot(lang) + "embed/" + cityPath(city)
}

// DemoPath returns the path of the sample host article in language lang
// (/embed/demo, /en/embed/demo): a plain page that embeds the map and
// steers it (app/demo). It is no state of the app, so Parse reads it as
// not found; cmd/static writes it as a file (embed/demo.html), which a
// static host, app/server included, serves with 200 before looking for a
// not-found page.
func DemoPath(lang data.Lang) string {
	return EmbedPath(lang, "") + "demo"
}

// ComparePath returns the path of the page that sets the trillion-yuan
// cities beside the aspiring ones.
func ComparePath(lang data.Lang) string {
	return langRoot(lang) + "compare"
}

// StoryPath returns the path of the story page.
func StoryPath(lang data.Lang) string {
	return langRoot(lang) + "story"
}

// langRoot is where the pages of language lang start: "/" or "/en/".
func langRoot(lang data.Lang) string {
	if lang == data.En {
		return "/en/"
	}
	return "/"
}

// cityPath is the part of a page's path that names city ("" for none).
func cityPath(city string) string {
	if city == "" {
		return ""
	}
	return "city/" + city
}

// Pages lists the path of every page to prerender, in both languages: the
// overview and every city, the comparison, the story, and the overview and
// cities as embed pages.
func Pages() []string {
	var pages []string
	for _, l := range data.Langs {
		pages = append(pages, Path(l, ""))
		for _, id := range data.IDs() {
			pages = append(pages, Path(l, id))
		}
		pages = append(pages, ComparePath(l), StoryPath(l), EmbedPath(l, ""))
		for _, id := range data.IDs() {
			pages = append(pages, EmbedPath(l, id))
		}
	}
	return pages
}

// NotFoundPath returns a path that parses as not found in language lang; the
// static generator renders it as the site's 404 page.
func NotFoundPath(lang data.Lang) string {
	return Path(lang, "") + "404"
}

// NotFoundPage returns the path of the page that answers s when s is not
// found: the embed pages' own (without the site's chrome) for /embed/… and
// /en/embed/…, the site's everywhere else, in s's language. The static
// generator renders these paths (as NAME.html) and the server sends them.
func (s State) NotFoundPage() string {
	if s.Embed {
		return EmbedPath(s.Lang, "") + "404"
	}
	return NotFoundPath(s.Lang)
}

// The data downloads (issue 16 §3), generated at build time from package
// data by data/export: every initiative as a table and as JSON, and the
// map's boundaries as GeoJSON. Paths relative to the site's base.
const (
	DataCSV     = "/data/initiatives.csv"
	DataJSON    = "/data/initiatives.json"
	DataGeoJSON = "/data/jiangsu.geojson"
)
