package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// appJSPatches adjust go-app's app.js: for embedding, for browsers that
// cannot run the WebAssembly (they keep the prerendered page with plain
// working links, no loader and no error badge), and for a faster start.
// Each pattern must be found exactly once, so a go-app upgrade that changes
// the script stops the build instead of silently dropping a fix. The
// patches are part of the build version (pwa.go).
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
	{
		why: "a browser without WebAssembly, or without what Go 1.26 always uses (sign-extension and saturating float-to-int instructions, browsers from before ~2019), must not fetch app.wasm: WebAssembly.validate on a 36-byte module that uses both",
		old: "function goappCanLoadWebAssembly() {\n",
		new: `function jsmapCanRunGoWasm() {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array([
      0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 15, 1, 13,
      0, 65, 0, 192, 26, 67, 0, 0, 0, 0, 252, 0, 11,
    ]));
  } catch (err) {
    return false;
  }
}

function goappCanLoadWebAssembly() {
  if (!jsmapCanRunGoWasm()) {
    return false;
  }
`,
	},
	{
		why: "when loading fails anyway, the loader goes instead of showing the error text over the page",
		old: "    loaderIcon.className = \"goapp-logo\";\n    loaderLabel.innerText = err;\n",
		new: "    loader.remove();\n",
	},
	{
		why: "the WebAssembly streams straight from fetch into the browser's compiler: go-app pipes it through a JavaScript stream to count progress, which runs on the main thread for every chunk while the page should respond (84 ms of a cold load in a CPU profile); the loader badge shows a spinner only",
		old: "      fetchWithProgress(",
		new: "      fetch(",
	},
	{
		why: "the prerendered page paints first: the WebAssembly's download and compilation start after the first frame has been painted, instead of competing with it for the network and the main thread (a hidden page starts at once, as it paints no frame)",
		old: "\ngoappInitWebAssembly();\n",
		new: `
jsmapAfterFirstPaint(goappInitWebAssembly);

function jsmapAfterFirstPaint(fn) {
  if (document.visibilityState === "hidden" || !window.requestAnimationFrame) {
    fn();
    return;
  }
  requestAnimationFrame(() => setTimeout(fn, 0));
}
`,
	},
	{
		why: "the compiled module starts in a task of its own, once a city being opened in place (web/page.js) is open: compiling ends with a long stretch of main-thread work, Go's start-up and go-app's first render hold the thread again, and a click or key press of the reader comes first",
		old: "\n    go.run(wasm.instance);\n",
		new: "\n    await new Promise((resolve) => setTimeout(resolve, 0));\n    if (window.jsmapOpened) await window.jsmapOpened();\n    go.run(wasm.instance);\n",
	},
	{
		why: "(the same) fetch takes no progress callback",
		old: ", showProgress),\n",
		new: "),\n",
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
