// Command static builds the complete static site into a directory (dist/ by
// default): it checks the content, copies web/ and the WebAssembly binary,
// prerenders every route with go-app's static website generator, repairs
// what go-app's page template gets wrong for this product (zoom-blocking
// viewport, the generator's temporary og:url, a loader that hides the page),
// writes the 404 pages, and precompresses text assets and the wasm as .br
// and .gz siblings.
//
//	go run ./cmd/static -out dist -wasm build/app.wasm [-base /sub/path] [-origin https://example.com]
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.Out, "out", "dist", "output directory (replaced)")
	flag.StringVar(&cfg.Web, "web", "web", "directory of static files to copy to OUT/web")
	flag.StringVar(&cfg.Wasm, "wasm", "build/app.wasm", "the built WebAssembly app")
	flag.StringVar(&cfg.Base, "base", "", "URL path the site is published under, e.g. /news/jiangsu-map/")
	flag.StringVar(&cfg.Origin, "origin", "", "public origin for og:url and canonical links, e.g. https://news.example.com (omitted when empty)")
	flag.StringVar(&cfg.BuildID, "build-id", "", "extra text mixed into the service-worker version")
	flag.BoolVar(&cfg.NoCompress, "no-compress", false, "skip the .br and .gz siblings (for quick test builds)")
	flag.Parse()
	if err := build(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
}
