/*! Jiangsu map embed script: sizes every iframe of the map on a page to its
 * content and lets the article steer it (data-jsmap-city, jsmap.select;
 * jsmap:ready and jsmap:city events: see the README). Add it once, after
 * the iframes:
 * <iframe data-jsmap src="…/embed/" title="…"></iframe>
 * <script src="…/web/embed.js" async></script> */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) return;
  var origin = new URL(me.src, location.href).origin;

  function ours() {
    var out = [];
    var fs = document.getElementsByTagName("iframe");
    for (var i = 0; i < fs.length; i++) {
      var src = fs[i].getAttribute("src") || "";
      try {
        if (fs[i].hasAttribute("data-jsmap") || new URL(src, location.href).origin === origin) out.push(fs[i]);
      } catch (e) {}
    }
    return out;
  }

  // Reserve a starting height from the width (map plus a panel), so the
  // article does not jump when the first size arrives.
  function reserve(f) {
    f.style.border = "0";
    f.style.width = "100%";
    f.style.display = "block";
    if (!f.style.height) {
      var w = f.getBoundingClientRect().width || 600;
      f.style.height = Math.round(Math.min(Math.max(w * 0.95 + 260, 480), 1100)) + "px";
    }
  }
  ours().forEach(reserve);

  // Per frame: at, the steering element reached last; want, a request
  // until the map reports a change (done, or the reader chose otherwise,
  // who then wins until another element is reached).
  var states = new WeakMap(), past = new WeakSet();
  function st(f) {
    var s = states.get(f);
    if (!s) states.set(f, (s = {}));
    return s;
  }
  // To any origin (a WordPress frame's is opaque; nothing secret). A frame
  // not ready yet gets it again when it says it is.
  function send(f) {
    var w = st(f).want;
    if (w && f.contentWindow) f.contentWindow.postMessage({ type: "jsmap:select", city: w.city, theme: w.theme, lang: w.lang }, "*");
  }
  window.jsmap = {
    select: function (f, o) {
      st(f).want = o || {};
      send(f);
    }
  };
  // The frame an element steers: the one it names, or the last map before
  // it (else the first).
  function frameOf(el) {
    var id = el.getAttribute("data-jsmap-for");
    if (id) return document.getElementById(id);
    var fs = ours(), f = fs[0];
    for (var i = 0; i < fs.length; i++) if (fs[i].compareDocumentPosition(el) & 4) f = fs[i];
    return f;
  }
  function steps() {
    return document.querySelectorAll("[data-jsmap-city]");
  }
  function steer() {
    ours().forEach(function (f) {
      var at = null, s = st(f), els = steps();
      for (var i = 0; i < els.length; i++) if (past.has(els[i]) && frameOf(els[i]) === f) at = els[i];
      if (at === (s.at || null)) return;
      s.at = at;
      if (!at) {
        // Above every element: the frame's own page.
        var u = new URL(f.src, location.href), m = u.pathname.match(/\/city\/([^/]+)/);
        s.want = { city: m ? m[1] : "", theme: u.searchParams.get("theme") || "" };
      } else s.want = { city: at.getAttribute("data-jsmap-city"), theme: at.getAttribute("data-jsmap-theme") || "" };
      send(f);
    });
  }
  // An element is reached while its top is above the middle of the window:
  // the observed area reaches from far above down to the middle, so that
  // no scroll, however fast, jumps over an element.
  function observe() {
    if (!window.IntersectionObserver) return;
    var io = new IntersectionObserver(function (es) {
      es.forEach(function (e) {
        if (e.isIntersecting) past.add(e.target);
        else past.delete(e.target);
      });
      steer();
    }, { rootMargin: "1000000px 0px -50% 0px" });
    for (var i = 0, els = steps(); i < els.length; i++) io.observe(els[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", observe);
  else observe();

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d) return;
    ours().forEach(function (f) {
      if (f.contentWindow !== e.source) return;
      if (d.type === "jsmap:ready" || d.type === "jsmap:city") {
        // A sandboxed (WordPress) frame's origin is "null".
        if (e.origin !== origin && e.origin !== "null") return;
        if (d.type === "jsmap:ready") send(f);
        else st(f).want = null;
        f.dispatchEvent(new CustomEvent(d.type, { bubbles: true, detail: d }));
      }
      if (e.origin !== origin || d.type !== "jsmap:height" || typeof d.height !== "number" || !(d.height > 0)) return;
      f.style.height = Math.ceil(d.height) + "px";
      // Tell the page it is sized from outside: it then never scrolls
      // itself, so the wheel and touch always scroll the article.
      e.source.postMessage({ type: "jsmap:sized" }, origin);
    });
  });
})();
