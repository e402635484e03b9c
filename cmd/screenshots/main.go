// Command screenshots saves PNG screenshots of the built site's pages as a
// reader sees them, on a phone and on a desktop, for review and for the
// closing notes of issues: every page at every width, after the
// WebAssembly app has started (or, with -static, the prerendered page
// alone).
//
// Usage:
//
//	go run ./cmd/screenshots                        # the default pages, 390 and 1280 px wide, into build/screenshots
//	go run ./cmd/screenshots -pages /en/city/yancheng,/compare -widths 320,390,1280
//	go run ./cmd/screenshots -pages '/embed/demo#suzhou'   # scrolled to #suzhou: one screen, not the full page
//	go run ./cmd/screenshots -url http://127.0.0.1:8181 -pages /?p=1 -no-app   # any running site
//
// A page with a #fragment is scrolled to that element and shot one screen
// high; any other page is shot full length on screens from 600 px wide
// and one screen high on a phone (-full shoots phones full length too). Files are named after the
// page and the width, e.g. en-city-yancheng-390.png. It exits 1 when a
// page cannot be shot, 2 on bad flags.
package main

import "github.com/jiangsu-map/jsmap/cmd/internal/cli"

func main() { cli.Main("screenshots", run) }
