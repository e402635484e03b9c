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
func navigateOnClick(href string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		for _, k := range []string{"ctrlKey", "metaKey", "shiftKey", "altKey"} {
			if e.Get(k).Truthy() {
				return
			}
		}
		e.PreventDefault()
		ctx.Navigate(href)
	}
}

// openOnSpace makes Space open a map region, as it presses a button: links
// only answer Enter by default, and Space would scroll the page instead.
func openOnSpace(href string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		if k := e.Get("key"); k.Truthy() && k.String() == " " {
			e.PreventDefault()
			ctx.Navigate(href)
		}
	}
}
