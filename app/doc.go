// Package app is the application: the routes, the page shell that turns the
// URL into what the page shows, and (outside WebAssembly) the go-app Handler
// settings that the static-site generator uses.
//
// go-app's own package is imported as goapp everywhere in this repository,
// so that this package can keep the name the project layout gives it.
package app
