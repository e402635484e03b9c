// The benchmark's probe. cmd/bench injects it into every document of a tab
// with Page.addScriptToEvaluateOnNewDocument, so it runs before any script
// of the page, and reports to Go through the binding named by BINDING
// (Runtime.addBinding). Every time is performance.now() of this document;
// with `origin` (performance.timeOrigin) Go puts times of different
// documents on one clock. Nothing here changes what the page does.
(() => {
  "use strict";
  const IDS = __IDS__; // the 13 region ids, filled in by cmd/bench
  const BINDING = "__BINDING__";
  const origin = performance.timeOrigin;
  const url = location.href;
  const queue = [];
  const send = (msg) => {
    msg.url = url;
    msg.origin = origin;
    const fn = window[BINDING];
    if (typeof fn !== "function") {
      queue.push(msg); // not installed yet: sent with the next message
      return;
    }
    while (queue.length) fn(JSON.stringify(queue.shift()));
    fn(JSON.stringify(msg));
  };
  const B = (window.__jsmapBench = { cls: 0, shifts: 0, mem: null });
  send({ ev: "doc" });

  // First contentful paint.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "first-contentful-paint") send({ ev: "fcp", t: e.startTime });
    }
  }).observe({ type: "paint", buffered: true });

  // Layout shifts over the whole life of the document, the ones caused by
  // the reader's own input excepted (as CLS does).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) {
        B.cls += e.value;
        B.shifts++;
      }
    }
  }).observe({ type: "layout-shift", buffered: true });

  // The Go WebAssembly memory. go-app's app.js instantiates the module and
  // keeps the instance to itself; keep a reference to its exported memory.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const orig = WebAssembly[name];
    if (typeof orig !== "function") continue;
    WebAssembly[name] = function (...args) {
      return orig.apply(this, args).then((r) => {
        const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
        if (inst && inst.exports.mem instanceof WebAssembly.Memory) B.mem = inst.exports.mem;
        return r;
      });
    };
  }

  // hit returns the centre of region id's label when a click there lands on
  // the region's link (labels let clicks through to the shape under them),
  // and null while it does not: not there, not laid out, off screen or
  // covered.
  const hit = (id) => {
    const label = document.querySelector(`[data-class~=region-label][data-id="${id}"]`);
    if (!label) return null;
    const r = label.getBoundingClientRect();
    if (!r.width || !r.height) return null;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return null;
    const el = document.elementFromPoint(x, y);
    const link = el && el.closest("a[data-class~=region]");
    return link && link.getAttribute("data-id") === id ? { x, y } : null;
  };
  B.hit = hit;

  // Map clickable: the first animation frame (so styles are applied and the
  // frame is about to be painted) in which all 13 regions are hit-testable.
  const poll = () => {
    const points = {};
    for (const id of IDS) {
      const p = hit(id);
      if (!p) {
        requestAnimationFrame(poll);
        return;
      }
      points[id] = p;
    }
    send({ ev: "clickable", t: performance.now(), points });
  };
  requestAnimationFrame(poll);

  // The open panel and the app's readiness, from DOM mutations. A panel
  // change is timed twice: when the DOM changed (click latency) and at the
  // next animation frame (the frame that shows it).
  let down = null;
  addEventListener(
    "pointerdown",
    () => {
      down = performance.now();
      send({ ev: "down", t: down });
    },
    { capture: true },
  );
  let city = null;
  let ready = false;
  const onMutation = () => {
    const panel = document.getElementById("panel");
    const c = panel ? panel.getAttribute("data-city") : null;
    if (c !== city) {
      city = c;
      const dom = performance.now();
      if (c && down !== null) {
        send({ ev: "latency", city: c, ms: dom - down });
        down = null;
      }
      requestAnimationFrame(() => send({ ev: "panel", city: c, dom, t: performance.now() }));
    }
    if (!ready && document.documentElement && document.documentElement.getAttribute("data-app") === "ready") {
      ready = true;
      const mark = performance.getEntriesByName("app-ready")[0];
      send({ ev: "ready", t: mark ? mark.startTime : performance.now() });
    }
  };
  new MutationObserver(onMutation).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-city", "data-app", "id"],
  });
})();
