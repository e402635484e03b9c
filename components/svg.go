package components

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

const svgNS = "http://www.w3.org/2000/svg"

// svgClass is the attribute that stands in for class on SVG elements: go-app
// sets "class" through the className property, which SVG elements ignore.
// CSS selects these with [data-class~=name], which matches like a class.
const svgClass = "data-class"

// svg returns an element in the SVG namespace: go-app creates elements with
// createElementNS only when the namespace is set on each one.
func svg(tag string) goapp.HTMLElem {
	return goapp.Elem(tag).XMLNS(svgNS)
}

// navigateOnClick routes a click on an SVG link inside the app. go-app only
// intercepts HTML <A> elements, so without this a click on a map region
// would reload the page. Modified clicks keep the browser's behaviour (open
// in a new tab or window).
//
// The target is read from the link's href when the event fires: go-app
// keeps the first handler it mounted, so a closure over the href would go
// stale when the page's options (the theme) change.
func navigateOnClick(ctx goapp.Context, e goapp.Event) {
	for _, k := range []string{"ctrlKey", "metaKey", "shiftKey", "altKey"} {
		if e.Get(k).Truthy() {
			return
		}
	}
	if href := currentHref(e); href != "" {
		e.PreventDefault()
		ctx.Navigate(href)
	}
}

// openOnSpace makes Space open a map region, as it presses a button: links
// only answer Enter by default, and Space would scroll the page instead.
func openOnSpace(ctx goapp.Context, e goapp.Event) {
	if k := e.Get("key"); k.Truthy() && k.String() == " " {
		if href := currentHref(e); href != "" {
			e.PreventDefault()
			ctx.Navigate(href)
		}
	}
}

// currentHref is the href of the element the event handler is on.
func currentHref(e goapp.Event) string {
	el := e.Get("currentTarget")
	if !el.Truthy() {
		return ""
	}
	h := el.Call("getAttribute", "href")
	if !h.Truthy() {
		return ""
	}
	return h.String()
}

// El returns an HTML element of any tag as go-app's one generic element
// type. The product builds its whole tree from it: every distinct go-app
// element type brings its few hundred methods into the WebAssembly, and
// one type instead of 27 keeps the binary near go-app's minimum.
func El(tag string) goapp.HTMLElem {
	return goapp.Elem(tag)
}

// el is El inside this package.
func el(tag string) goapp.HTMLElem { return goapp.Elem(tag) }
