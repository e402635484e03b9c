package app

import (
	"net/url"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
)

// Page is the page shell: masthead, map, legend, the panel for the current
// state and the footer. Its only state is what the URL says.
type Page struct {
	goapp.Compo

	state route.State
	// stopInput removes the key listener.
	stopInput func()
}

// Compile-time checks that the lifecycle hooks have the names go-app calls.
var (
	_ goapp.Initializer = (*Page)(nil)
	_ goapp.PreRenderer = (*Page)(nil)
	_ goapp.Mounter     = (*Page)(nil)
	_ goapp.Navigator   = (*Page)(nil)
	_ goapp.Dismounter  = (*Page)(nil)
)

// OnInit reads the state before the first render in the browser, so that
// the first client render matches the prerendered page and nothing jumps.
func (p *Page) OnInit() {
	if goapp.IsClient {
		p.state = parseURL(goapp.Window().URL())
	}
}

// OnPreRender sets the state and the page metadata on the server.
func (p *Page) OnPreRender(ctx goapp.Context) {
	p.state = parseURL(ctx.Page().URL())
	p.setMeta(ctx)
}

// OnMount marks the app ready and listens for the reader's input.
func (p *Page) OnMount(ctx goapp.Context) {
	p.stopInput = p.watchInput(ctx)
	goapp.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "ready")
	// A User Timing mark lets benchmarks read when the app became ready.
	if perf := goapp.Window().Get("performance"); perf.Truthy() {
		perf.Call("mark", "app-ready")
	}
}

// OnDismount stops listening for the reader's input.
func (p *Page) OnDismount() {
	if p.stopInput != nil {
		p.stopInput()
	}
}

// OnNav follows the URL: on first load and on every in-app navigation,
// including back and forward.
func (p *Page) OnNav(ctx goapp.Context) {
	prev := p.state
	p.state = parseURL(ctx.Page().URL())
	p.setMeta(ctx)
	cur := p.state
	if prev == cur {
		return
	}
	if cur.Story {
		// Reached by an in-app navigation (web/page.js lets the browser
		// follow the links to the story, so this is a fallback): the
		// story page is a document of its own, which the app cannot
		// render: load it. (Going back then leaves it: web/page.js.)
		goapp.Window().Get("location").Call("reload")
		return
	}
	// Move focus where a keyboard or screen reader user expects it: to the
	// heading of a newly opened city, or back to the city just closed. A
	// reader who clicked or tapped keeps the focus where it was: the
	// status line announces the page, and focus() would force the browser
	// to lay the new panel out at once, before it can paint the frame.
	if lastInputWasPointer() {
		return
	}
	ctx.Defer(func(ctx goapp.Context) {
		switch {
		case cur.City != "" && cur.City != prev.City:
			focus("#" + components.PanelHeadingID)
		case cur.City == "" && prev.City != "" && !cur.NotFound:
			focus(`a[data-class~="region"][data-id="` + prev.City + `"]`)
		}
	})
}

// closeOnEscape closes the open city or the not-found notice.
func (p *Page) closeOnEscape(ctx goapp.Context) {
	if p.state.City == "" && !p.state.NotFound {
		return
	}
	ctx.Navigate(components.RootPrefix() + p.state.With("").URL())
}

// setMeta sets the title, description and language of the document.
func (p *Page) setMeta(ctx goapp.Context) {
	l := p.state.Lang
	ctx.Page().SetTitle(Title(p.state))
	ctx.Page().SetDescription(Description(p.state))
	ctx.Page().SetLang(l.HTMLLang())
	// The share image and card are written into the prerendered pages by
	// cmd/static (crawlers read no script).
}

// Render draws the page: the full site, or the embed (map, panel and one
// credit line, for iframes).
func (p *Page) Render() goapp.UI {
	s := p.state
	l := s.Lang
	var panel goapp.UI
	switch {
	case s.City != "":
		panel = &components.CityPanel{Nav: s}
	case s.NotFound:
		panel = &components.NotFound{Nav: s}
	default:
		panel = &components.Overview{Nav: s}
	}
	layout := components.El("main").Class("layout").Body(
		components.El("div").Class("map-area").Body(
			goapp.If(!s.Embed, &components.ThemeChips{Nav: s}),
			&components.JiangsuMap{Nav: s},
			&components.Legend{Lang: l},
			&components.CityList{Nav: s},
		),
		components.El("div").Class("panel-area").Body(panel),
	)
	status := components.El("p").Class("visually-hidden").Attr("role", "status").Text(Title(s))
	if s.Embed {
		return components.El("div").
			ID("page").
			Class("page page--embed").
			Body(
				components.El("header").Class("embed-bar").Body(
					// The embed's one title is its h1 (styled as before, web/app.css).
					components.El("h1").Class("embed-title").Text(components.SiteTitle.In(l)),
					&components.LangSwitch{Nav: s},
				),
				layout,
				status,
				&components.EmbedCredit{Lang: l, City: s.City},
			)
	}
	if s.Compare {
		layout = components.El("main").Class("layout layout--compare").Body(&components.CompareView{Nav: s})
	}
	if s.Story {
		// cmd/static writes the story (app/story) into this element: the
		// WebAssembly carries none of it and does not start on the story
		// page (web/page.js), which is complete as prerendered.
		layout = components.El("main").ID(components.StoryMainID).Class("story")
	}
	return components.El("div").
		ID("page").
		Class("page").
		Body(
			&components.Masthead{Nav: s},
			layout,
			status,
			&components.SiteFooter{Lang: l, City: s.City},
			&components.UpdateNotice{Lang: l},
		)
}

// parseURL reads the page state from a URL of the site (base path and all).
func parseURL(u *url.URL) route.State {
	if u == nil {
		return route.ParseURL(nil)
	}
	v := *u
	v.Path = stripPrefix(v.Path)
	return route.ParseURL(&v)
}

// lastInputWasPointer tells whether the reader last pressed a pointer
// rather than a key: web/page.js keeps track (jsmapPointer), so that a
// pointer press costs no call into Go.
func lastInputWasPointer() bool {
	return goapp.Window().Get("jsmapPointer").Truthy()
}

// watchInput closes the city on Escape. Its listener is a plain one:
// go-app's Window().AddEventListener would re-render the whole page after
// every key press. It returns the function that stops it.
func (p *Page) watchInput(ctx goapp.Context) func() {
	onKey := goapp.FuncOf(func(_ goapp.Value, args []goapp.Value) any {
		if len(args) > 0 && args[0].Get("key").String() == "Escape" {
			ctx.Dispatch(p.closeOnEscape)
		}
		return nil
	})
	w := goapp.Window()
	w.Call("addEventListener", "keydown", onKey, true)
	return func() {
		w.Call("removeEventListener", "keydown", onKey, true)
		onKey.Release()
	}
}

// focus moves keyboard focus to the first element matching a CSS selector,
// with a focus ring: only keyboard and assistive-technology users get here.
func focus(selector string) {
	el := goapp.Window().Get("document").Call("querySelector", selector)
	if el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": false, "focusVisible": true})
	}
}

// stripPrefix removes the site's base path (set when the site is published
// under a sub-path) from a URL path.
func stripPrefix(path string) string {
	prefix := components.RootPrefix()
	if prefix != "" && strings.HasPrefix(path, prefix) {
		path = strings.TrimPrefix(path, prefix)
	}
	if path == "" {
		path = "/"
	}
	return path
}
