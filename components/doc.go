// Package components holds the go-app components the map is built from, one
// per file and named after it: the map, the city panel, the overview, the
// not-found notice, the legend, the language switch and the credits.
//
// Components are presentational. They receive what they show through
// exported fields (props) and select cities with plain links, so the URL
// stays the only state and every component works in the prerendered page
// before the WebAssembly has loaded.
package components
