package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// appJSPatches adjust go-app's app.js for embedding. Each pattern must be
// found exactly once, so a go-app upgrade that changes the script stops the
// build instead of silently dropping a fix.
var appJSPatches = []struct{ why, old, new string }{
	{
		why: "inside an iframe (embeds, WordPress's sandbox) register no service worker: an opaque origin cannot, and a news page is not where the app installs",
		old: "\ngoappInitServiceWorker();\n",
		new: "\nif (window.self === window.top) goappInitServiceWorker();\n",
	},
	{
		why: "static=1 keeps the prerendered page, like go-app's own wasm=false",
		old: `return urlParams.get("wasm") !== "false";`,
		new: `return urlParams.get("wasm") !== "false" && urlParams.get("static") !== "1" && urlParams.get("static") !== "true";`,
	},
}

// patchAppJS applies appJSPatches to OUT/app.js.
func patchAppJS(out string) error {
	f := filepath.Join(out, "app.js")
	b, err := os.ReadFile(f)
	if err != nil {
		return err
	}
	js := string(b)
	for _, p := range appJSPatches {
		if n := strings.Count(js, p.old); n != 1 {
			return fmt.Errorf("app.js: found %d copies of %q, want 1 (go-app changed?); needed so that %s", n, p.old, p.why)
		}
		js = strings.Replace(js, p.old, p.new, 1)
	}
	return os.WriteFile(f, []byte(js), 0o644)
}
