/*! Jiangsu map embed script: sizes every iframe of the map on a page to its
 * content. No dependencies. Add it once, after the iframes:
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

  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || d.type !== "jsmap:height" || typeof d.height !== "number" || !(d.height > 0)) return;
    ours().forEach(function (f) {
      if (f.contentWindow !== e.source) return;
      f.style.height = Math.ceil(d.height) + "px";
      // Tell the page it is sized from outside: it then never scrolls
      // itself, so the wheel and touch always scroll the article.
      e.source.postMessage({ type: "jsmap:sized" }, origin);
    });
  });
})();
