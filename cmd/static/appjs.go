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
var appJSPatches = []patch{
	{
		why: "inside an iframe (embeds, WordPress's sandbox) register no service worker: an opaque origin cannot, and a news page is not where the app installs; elsewhere it registers with the WebAssembly's start (web/page.js: when the reader needs it or the browser is idle), so that its downloads do not compete with the reader's first city",
		old: "\ngoappInitServiceWorker();\n",
		new: "\nif (window.self === window.top) jsmapWhenAppNeeded(goappInitServiceWorker);\n",
	},
	{
		why: "static=1 keeps the prerendered page, like go-app's own wasm=false; so does a page complete without the app (the story page: cmd/static/story.go's meta), whose service worker still registers",
		old: `return urlParams.get("wasm") !== "false";`,
		new: `return urlParams.get("wasm") !== "false" && urlParams.get("static") !== "1" && urlParams.get("static") !== "true" && !document.querySelector('meta[name="jsmap-wasm"][content="none"]');`,
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
		why: "the WebAssembly starts when the reader needs it or the browser is idle (web/page.js decides: the prerendered page serves the reader until then), and never before the first frame has been painted (a hidden page starts at once, as it paints no frame)",
		old: "\ngoappInitWebAssembly();\n",
		new: `
if (goappCanLoadWebAssembly()) jsmapWhenAppNeeded(() => jsmapAfterFirstPaint(goappInitWebAssembly));
else goappInitWebAssembly(); // removes the loader at once

function jsmapWhenAppNeeded(fn) {
  if (typeof window.jsmapWhenNeeded === "function") window.jsmapWhenNeeded(fn);
  else fn();
}

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

// wasmExecPatches adjust Go's wasm_exec.js, which go-app serves.
var wasmExecPatches = []patch{
	{
		why: "a click paints in the next frame: go-app applies a component update only at its next frame tick, a Go timer it re-arms 8.3 ms ahead when an event arrives, and ctx.Navigate takes two ticks (it runs at one, the page renders at the next), so every click waited 8 to 17 ms doing nothing (there is no public call to flush at once, and go-app's Go code stays as it is). When Go, while handling a call from JavaScript (an event), asks to be woken within 10 ms, the wait is skipped: Go's monotonic clock is moved on by the delay and it is woken right after the event's handlers, in the same task (a microtask), and so for up to three such ticks in a row, so the update is in the DOM before the browser renders a frame. Time only ever runs forward for Go; timers of other kinds and of other moments are untouched",
		old: "setInt64(sp + 8, (timeOrigin + performance.now()) * 1000000);",
		new: "setInt64(sp + 8, (timeOrigin + performance.now() + this._jsmapSkipped) * 1000000);",
	},
	{
		why: "(the same) wake Go at once after an event",
		old: "\t\t\t\t\t\t\tgetInt64(sp + 8),\n\t\t\t\t\t\t));",
		new: "\t\t\t\t\t\t\tthis._jsmapSkip(getInt64(sp + 8), id),\n\t\t\t\t\t\t));",
	},
	{
		why: "(the same) know when Go handles an event",
		old: "\t\t\t\tgo._pendingEvent = event;\n\t\t\t\tgo._resume();\n",
		new: "\t\t\t\tgo._pendingEvent = event;\n\t\t\t\tgo._jsmapInEvent++;\n\t\t\t\ttry {\n\t\t\t\t\tgo._resume();\n\t\t\t\t} finally {\n\t\t\t\t\tgo._jsmapInEvent--;\n\t\t\t\t}\n",
	},
	{
		why: "(the same) the skip itself",
		old: "\t\t_resume() {\n",
		new: "\t\t_jsmapSkip(delay, id) {\n" +
			"\t\t\tconst inEvent = this._jsmapInEvent > 0;\n" +
			"\t\t\tif ((inEvent || (this._jsmapChaining && this._jsmapChain > 0)) && delay > 0 && delay < 10) {\n" +
			"\t\t\t\t// go-app runs ctx.Navigate at one tick and renders at the next:\n" +
			"\t\t\t\t// up to three ticks follow an event at once.\n" +
			"\t\t\t\tthis._jsmapChain = inEvent ? 3 : this._jsmapChain - 1;\n" +
			"\t\t\t\tthis._jsmapSkipped += delay;\n" +
			"\t\t\t\t// Right after the event's handlers, in the same task: no frame\n" +
			"\t\t\t\t// is rendered before the update. (A resume with no event pending\n" +
			"\t\t\t\t// is the timeout to Go, which then clears it.)\n" +
			"\t\t\t\tqueueMicrotask(() => {\n" +
			"\t\t\t\t\tif (this.exited || !this._scheduledTimeouts.has(id)) return;\n" +
			"\t\t\t\t\tthis._jsmapChaining = true;\n" +
			"\t\t\t\t\ttry {\n" +
			"\t\t\t\t\t\tthis._resume();\n" +
			"\t\t\t\t\t} finally {\n" +
			"\t\t\t\t\t\tthis._jsmapChaining = false;\n" +
			"\t\t\t\t\t}\n" +
			"\t\t\t\t});\n" +
			"\t\t\t\treturn 0;\n" +
			"\t\t\t}\n" +
			"\t\t\treturn delay;\n" +
			"\t\t}\n\n" +
			"\t\t_resume() {\n",
	},
	{
		why: "(the same) counters start at zero",
		old: "\t\t\tthis._nextCallbackTimeoutID = 1;\n",
		new: "\t\t\tthis._nextCallbackTimeoutID = 1;\n\t\t\tthis._jsmapSkipped = 0;\n\t\t\tthis._jsmapInEvent = 0;\n\t\t\tthis._jsmapChain = 0;\n\t\t\tthis._jsmapChaining = false;\n",
	},
}

// patch replaces old, which must be found exactly once, with new.
type patch struct{ why, old, new string }

// scriptPatches are the patches of go-app's scripts, by file name under
// the output directory. They are part of the build version (pwa.go).
var scriptPatches = []struct {
	file    string
	patches []patch
}{
	{"app.js", appJSPatches},
	{"wasm_exec.js", wasmExecPatches},
}

// patchScripts applies scriptPatches to the files in out.
func patchScripts(out string) error {
	for _, sp := range scriptPatches {
		f := filepath.Join(out, sp.file)
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		js := string(b)
		for _, p := range sp.patches {
			if n := strings.Count(js, p.old); n != 1 {
				return fmt.Errorf("%s: found %d copies of %q, want 1 (go-app or Go changed?); needed so that %s", sp.file, n, p.old, p.why)
			}
			js = strings.Replace(js, p.old, p.new, 1)
		}
		if err := os.WriteFile(f, []byte(js), 0o644); err != nil {
			return err
		}
	}
	return nil
}
