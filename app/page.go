package app

import (
	"net/url"
	"strings"
	"sync/atomic"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/jiangsu-map/jsmap/app/route"
	"github.com/jiangsu-map/jsmap/components"
	"github.com/jiangsu-map/jsmap/data"
)

// Page is the page shell: masthead, map, legend, the panel for the current
// state and the footer. Its only state is what the URL says.
type Page struct {
	goapp.Compo

	state      route.State
	stopEscape func()
	// pointer tells whether the reader last used a pointer rather than
	// the keyboard: moved focus shows a ring only to keyboard users.
	pointer     atomic.Bool
	stopPointer func()
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

// OnMount marks the app ready and listens for Escape.
func (p *Page) OnMount(ctx goapp.Context) {
	p.stopEscape = goapp.Window().AddEventListener("keydown", p.onKeyDown)
	p.stopPointer = p.watchPointer()
	goapp.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "ready")
	// A User Timing mark lets benchmarks read when the app became ready.
	if perf := goapp.Window().Get("performance"); perf.Truthy() {
		perf.Call("mark", "app-ready")
	}
}

// OnDismount stops listening for Escape.
func (p *Page) OnDismount() {
	if p.stopEscape != nil {
		p.stopEscape()
	}
	if p.stopPointer != nil {
		p.stopPointer()
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
	// Move focus where a keyboard or screen reader user expects it: to the
	// heading of a newly opened city, or back to the city just closed.
	ctx.Defer(func(ctx goapp.Context) {
		switch {
		case cur.City != "" && cur.City != prev.City:
			focus("#"+components.PanelHeadingID, !p.pointer.Load())
		case cur.City == "" && prev.City != "" && !cur.NotFound:
			focus(`a[data-class~="region"][data-id="`+prev.City+`"]`, !p.pointer.Load())
		}
	})
}

func (p *Page) onKeyDown(ctx goapp.Context, e goapp.Event) {
	p.pointer.Store(false)
	if e.Get("key").String() != "Escape" || p.state.City == "" && !p.state.NotFound {
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
	if c, ok := data.CityByID(s.City); ok {
		panel = &components.CityPanel{Lang: l, City: c, Nav: s, Share: !s.Embed}
	} else if s.NotFound {
		panel = &components.NotFound{Lang: l, Nav: s}
	} else {
		panel = &components.Overview{Lang: l, Nav: s}
	}
	layout := components.El("main").Class("layout").Body(
		components.El("div").Class("map-area").Body(
			goapp.If(!s.Embed, &components.ThemeChips{Lang: l, Nav: s}),
			&components.JiangsuMap{Lang: l, Selected: s.City, Nav: s},
			&components.Legend{Lang: l},
			&components.CityList{Lang: l, Selected: s.City, Nav: s},
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
					components.El("p").Class("embed-title").Text(embedTitle.In(l)),
					&components.LangSwitch{Lang: l, City: s.City, Nav: s},
				),
				layout,
				status,
				&components.EmbedCredit{Lang: l, City: s.City},
			)
	}
	if s.Compare {
		layout = components.El("main").Class("layout layout--compare").Body(&components.CompareView{Lang: l, Nav: s})
	}
	return components.El("div").
		ID("page").
		Class("page").
		Body(
			&components.Masthead{Lang: l, City: s.City, Nav: s},
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

// watchPointer records pointer presses in p.pointer (keys reset it in
// onKeyDown), with a plain listener that triggers no render. It returns
// the function that stops it.
func (p *Page) watchPointer() func() {
	onPointer := goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		p.pointer.Store(true)
		return nil
	})
	goapp.Window().Call("addEventListener", "pointerdown", onPointer, true)
	return func() {
		goapp.Window().Call("removeEventListener", "pointerdown", onPointer, true)
		onPointer.Release()
	}
}

// focus moves keyboard focus to the first element matching a CSS selector.
// Visible says whether it shows a focus ring: engines guess differently
// for focus moved by script (WebKit shows one after a mouse click or a
// tap), so the page says what the reader's last input was.
func focus(selector string, visible bool) {
	el := goapp.Window().Get("document").Call("querySelector", selector)
	if el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": false, "focusVisible": visible})
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
