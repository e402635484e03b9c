/*! Jiangsu map, page script. Runs on every page, before and without the
 * WebAssembly: opens cities in place until the app has started, applies
 * the dark=… option, keeps static=1 pages static, and inside an iframe
 * reports the content height in the dialects host pages listen for:
 * pym.js v1, AMP, WordPress and ours (in WordPress it also asks the host
 * page to open the full map, as WordPress's sandbox opens no tab). */
(function () {
  "use strict";
  var html = document.documentElement;
  // The query options, read exactly as app/route's ParseURL reads them
  // (TestPageJSOptions runs both on one table of URLs): pairs as Go's
  // url.ParseQuery keeps them (none with ';' or a bad %-escape), the first
  // value of each name, option words in any ASCII case.
  function readOptions(search) {
    var first = Object.create(null);
    function decode(s) {
      try {
        return decodeURIComponent(s.replace(/\+/g, " "));
      } catch (e) {
        return "\uFFFD"; // %-escaped bytes that are not UTF-8: matches no option
      }
    }
    search.replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair || pair.indexOf(";") >= 0 || /%(?![0-9A-Fa-f]{2})/.test(pair)) return;
      var eq = pair.indexOf("=");
      var name = decode(eq < 0 ? pair : pair.slice(0, eq));
      if (!(name in first)) first[name] = eq < 0 ? "" : decode(pair.slice(eq + 1));
    });
    function word(name) {
      return (first[name] || "").replace(/[A-Z]/g, function (c) { return c.toLowerCase(); });
    }
    var dark = word("dark"), childId = first.childId || "";
    return {
      dark: dark === "true" || dark === "false" ? dark : "auto",
      isStatic: word("static") === "1" || word("static") === "true",
      childId: /^[A-Za-z0-9_-]{1,64}$/.test(childId) ? childId : null,
      theme: first.theme || "" // checked against the site's themes by pageState
    };
  }
  var options = readOptions(location.search);
  var dark = options.dark;
  if (dark === "true" || dark === "false") html.setAttribute("data-dark", dark);
  var childId = options.childId;
  // WordPress's secret (#?secret=…), which it may add only after the page
  // has loaded (see wordpress() below).
  function hashSecret() {
    return (location.hash.match(/[#?&]secret=([A-Za-z0-9]{1,64})/) || [])[1];
  }
  var secret = hashSecret();
  var isStatic = options.isStatic;
  var framed = window.self !== window.top;
  // A page complete without the app (the story page: cmd/static/story.go)
  // never starts the WebAssembly (app.js reads the same meta): its links
  // are plain links.
  var noWasm = !!document.querySelector('meta[name="jsmap-wasm"][content="none"]');
  // The story's map can follow the reader (below): web/app.css then puts
  // it beside the text on wide screens, from the first paint.
  if (window.IntersectionObserver) html.setAttribute("data-follow", "");
  // Whether the reader last pressed a pointer rather than a key: the app
  // moves focus on navigation only for keyboard users (app/page.go).
  window.jsmapPointer = false;
  window.addEventListener("pointerdown", function () { window.jsmapPointer = true; }, { capture: true, passive: true });
  window.addEventListener("keydown", function () { window.jsmapPointer = false; }, { capture: true, passive: true });

  // In a sandboxed iframe without allow-same-origin (WordPress embeds) the
  // page has an opaque origin and touching localStorage throws, which would
  // stop go-app at start. Give it a storage that lives for the page.
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].length;
    } catch (e) {
      var data = {};
      var mem = {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null; },
        setItem: function (k, v) { data[k] = String(v); },
        removeItem: function (k) { delete data[k]; },
        clear: function () { data = {}; },
        key: function (i) { return Object.keys(data)[i] || null; },
        get length() { return Object.keys(data).length; }
      };
      try {
        Object.defineProperty(window, name, { value: mem, configurable: true });
      } catch (e2) {}
    }
  });
  if (framed) html.setAttribute("data-framed", "");
  // WordPress clamps its embeds to 1000 px without scrolling: a compact
  // layout (web/app.css) keeps everything inside.
  if (framed && secret) html.setAttribute("data-wp", "");

  // Options that follow the reader from page to page inside the embed.
  var keep = [];
  if (dark === "true" || dark === "false") keep.push("dark=" + dark);
  if (isStatic) keep.push("static=1");
  if (childId) keep.push("childId=" + childId);

  // Offline, the service worker answers a page it does not hold with the
  // home page of its language (app/app-worker.js); the WebAssembly app,
  // which holds every city's content, then renders the page asked for.
  // Until it has, the stand-in's content stays hidden (web/app.css), and
  // is shown after all if the app cannot start.
  var own = document.querySelector("meta[name=jsmap-path]");
  function pageKey(p) { return p.replace(/\/+$/, "") || "/"; }
  var shell = !!own && pageKey(own.getAttribute("content")) !== pageKey(location.pathname);
  if (shell) {
    html.setAttribute("data-shell", "");
    setTimeout(function () { html.removeAttribute("data-shell"); }, 5000);
  }

  // Until the WebAssembly app starts (it sets data-app, and go-app then
  // routes every link itself), a click on a city opens it in place: the
  // prerendered page of the link is fetched (from the hover or the press
  // on, so it is often there by the click) and merged into the open one,
  // so that only what differs is laid out again. On any failure the
  // browser simply follows the link.
  function early() {
    return !html.hasAttribute("data-app") && !isStatic && !shell && !noWasm;
  }
  var pages = {};
  function load(href) {
    if (!pages[href]) {
      pages[href] = fetch(href, { credentials: "same-origin" }).then(function (res) {
        if (!res.ok && res.status !== 404) throw new Error(res.status);
        return res.text();
      });
      pages[href].catch(function () { delete pages[href]; });
    }
    return pages[href];
  }
  // morph makes element cur like next (a node of another document): same
  // attributes, and children matched by position, kept where their kind
  // matches and updated in place, replaced or added or removed otherwise.
  function morph(cur, next) {
    var i, a;
    for (i = cur.attributes.length - 1; i >= 0; i--) {
      a = cur.attributes[i];
      if (!next.hasAttribute(a.name)) cur.removeAttribute(a.name);
    }
    for (i = 0; i < next.attributes.length; i++) {
      a = next.attributes[i];
      if (cur.getAttribute(a.name) !== a.value) cur.setAttribute(a.name, a.value);
    }
    var c = cur.firstChild, n = next.firstChild, after;
    for (; n; n = n.nextSibling) {
      if (!c) {
        cur.appendChild(document.importNode(n, true));
        continue;
      }
      after = c.nextSibling;
      if (c.nodeType !== n.nodeType || c.nodeName !== n.nodeName) {
        cur.replaceChild(document.importNode(n, true), c);
      } else if (c.nodeType === 1) {
        morph(c, n);
      } else if (c.nodeValue !== n.nodeValue) {
        c.nodeValue = n.nodeValue;
      }
      c = after;
    }
    while (c) {
      after = c.nextSibling;
      cur.removeChild(c);
      c = after;
    }
  }
  // The WebAssembly app waits for pages being opened in place before it
  // starts (cmd/static/appjs.go): Go's start-up holds the main thread for
  // a while, and the reader's page comes first. It waits two seconds at
  // most, in case a request hangs.
  var opening = 0, waiting = [];
  window.jsmapOpened = function () {
    if (!opening) return Promise.resolve();
    return new Promise(function (resolve) {
      waiting.push(resolve);
      setTimeout(resolve, 2000);
    });
  };
  // The WebAssembly app (go-app's app.js, cmd/static/appjs.go) starts
  // when the reader needs it or the browser is idle: the prerendered page
  // already opens every city in place (below), and Go's start-up holds
  // the main thread for a while, which on a phone is long enough to delay
  // a tap. It starts at once on a page that cannot do without it (the
  // offline stand-in, above) and when everything is local already (a
  // service worker controls the page: a repeat visit, the installed app);
  // otherwise at the reader's first click or key press, once the city it
  // opens is open (so that not a byte of the WebAssembly competes with
  // it), or once the page has loaded and the browser has been idle for
  // IDLE_START ms. jsmapStart starts it now.
  //
  // The wait is long on purpose: the reader's first click starts the app
  // anyway, page.js serves every click until then, and a reader who only
  // reads should not have Go's start-up (a long task on a phone) land in
  // the first seconds, when a tap is likeliest. It is for offline: the
  // service worker registers with the app.
  var IDLE_START = 10000;
  var whenStarted = [], started = false;
  function start() {
    if (started) return;
    started = true;
    // go-app's loader badge shows from now on (web/app.css).
    html.setAttribute("data-wasm", "loading");
    ["click", "keydown"].forEach(function (t) {
      window.removeEventListener(t, onInput, true);
    });
    whenStarted.splice(0).forEach(function (fn) { fn(); });
  }
  function onInput() {
    // After the click's own handlers (which may start opening a city).
    setTimeout(function () { window.jsmapOpened().then(start); }, 0);
  }
  window.jsmapStart = start;
  window.jsmapWhenNeeded = function (fn) {
    if (started) fn();
    else whenStarted.push(fn);
  };
  var controlled = false;
  try {
    controlled = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
  } catch (e) {
    // A sandboxed frame without allow-same-origin (WordPress) may not
    // even look.
  }
  if (shell || document.visibilityState === "hidden" || controlled) {
    start();
  } else {
    ["click", "keydown"].forEach(function (t) {
      window.addEventListener(t, onInput, { capture: true, passive: true });
    });
    var idle = window.requestIdleCallback || function (fn) { setTimeout(fn, 0); };
    var onLoad = function () {
      setTimeout(function () { idle(start, { timeout: 2000 }); }, IDLE_START);
    };
    if (document.readyState === "complete") onLoad();
    else window.addEventListener("load", onLoad);
  }

  // The reader's latest choice wins: each opening gets a number, and only
  // the latest one may change the page, so a quick second click, or back,
  // is never overtaken by a page that arrives late. pending is the page
  // being opened. push is true to add a history entry (a click), false
  // for none (back, forward), "replace" to replace the entry (the host
  // page's steering: see "The host steers the map" below).
  var latest = 0, pending = null;
  function swap(href, push) {
    var n = ++latest;
    pending = href;
    opening++;
    var done = function () {
      if (n === latest) pending = null;
      if (--opening === 0) waiting.splice(0).forEach(function (resolve) { resolve(); });
    };
    var opened = open(href, push, n);
    opened.then(done, done);
    return opened.catch(function (err) {
      if (n !== latest) return;
      // Fall back on the browser.
      if (push === "replace") location.replace(href);
      else if (push) location.href = href;
      else location.reload();
    });
  }
  function open(href, push, n) {
    return load(href).then(function (text) {
      if (n !== latest) return;
      if (!early()) {
        // The app took over meanwhile: it opens the page instead.
        if (push === "replace") appReplace(href);
        else if (push && typeof window.goappNav === "function") window.goappNav(href);
        return;
      }
      var doc = new DOMParser().parseFromString(text, "text/html");
      var next = doc.getElementById("page"), cur = document.getElementById("page");
      if (!next || !cur) throw new Error("no page");
      morph(cur, next);
      document.title = doc.title;
      html.lang = doc.documentElement.lang;
      var d = doc.querySelector("meta[name=description]"), d0 = document.querySelector("meta[name=description]");
      if (d && d0) d0.setAttribute("content", d.getAttribute("content"));
      if (push === "replace") history.replaceState(null, "", href + location.hash);
      else if (push) history.pushState(null, "", href);
      var details = document.querySelector(".embed-control");
      if (details && details.open) completeSnippet();
    });
  }
  // The link a press or click would follow in place, or null.
  function target(e) {
    if (!early() || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return null;
    var a = e.target && e.target.closest && e.target.closest("a[href]");
    if (!a || a.getAttribute("target") || a.hasAttribute("download") || a.hasAttribute("data-reload") || !a.closest("#page")) return null;
    var url = new URL(a.getAttribute("href"), location.href);
    if (url.origin !== location.origin || /\.[a-z0-9]+$/i.test(url.pathname)) return null;
    return url.href;
  }
  // A pointer over a link, or pressing it, fetches its page ahead of the
  // click.
  function ahead(e) {
    var href = target(e);
    if (href && href !== location.href) load(href);
  }
  document.addEventListener("mouseover", ahead, true);
  document.addEventListener("pointerdown", ahead, true);
  document.addEventListener("click", function (e) {
    var href = target(e);
    if (!href) return;
    e.preventDefault();
    // A second click on the page being opened (a double click, an
    // impatient reader) changes nothing.
    if (href === pending) return;
    if (href === location.href) {
      // The page already open: nothing to load, and a page being opened
      // for an earlier click is dropped, as the reader came back here.
      if (pending) {
        latest++;
        pending = null;
      }
      return;
    }
    swap(href, true);
  });
  window.addEventListener("popstate", function () {
    if (early()) swap(location.href, false);
    // A page complete without the app (the story) that the app reloaded
    // into keeps the app's history entries as its own (browsers keep
    // them with the document through a reload): going back to one of
    // another page loads that page.
    else if (noWasm && own && pageKey(own.getAttribute("content")) !== pageKey(location.pathname)) location.reload();
  });

  // A link to a page the app does not render (the story: data-reload,
  // components/masthead.go) loads it as a document of its own: once the
  // app runs, go-app routes every link click it sees (window.onclick), so
  // it must not see this one; nor must the in-place opening above.
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest && e.target.closest("a[data-reload]");
    if (a) e.stopPropagation();
  }, true);

  // The story page (app/story): on a wide screen the map beside the text
  // shows the cities of the section crossing the middle of the window (and
  // Yangzhou's tour in its section), whichever way the reader scrolls.
  // Classes change on the prerendered map; nothing scrolls or moves focus.
  function follow() {
    var map = document.getElementById("story-follow-map");
    if (!map || !window.IntersectionObserver) return;
    var current = null;
    function show(step) {
      if (step === current) return;
      current = step;
      var on = " " + (step.getAttribute("data-cities") || "") + " ";
      var tour = step.getAttribute("data-tour") || "";
      var els = map.querySelectorAll("[data-id]");
      for (var i = 0; i < els.length; i++) {
        els[i].classList.toggle("is-on", on.indexOf(" " + els[i].getAttribute("data-id") + " ") >= 0);
      }
      var tours = map.querySelectorAll(".story-tour");
      for (var j = 0; j < tours.length; j++) {
        tours[j].classList.toggle("is-on", tours[j].getAttribute("data-tour") === tour);
      }
      map.setAttribute("data-step", step.id);
    }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (en.isIntersecting) show(en.target);
      });
    }, { rootMargin: "-50% 0px -50% 0px" });
    var steps = document.querySelectorAll("[data-story] .story-step");
    for (var k = 0; k < steps.length; k++) io.observe(steps[k]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
  else follow();

  // The share and copy buttons (components/share_button.go,
  // embed_control.go) work from the first moment, with or without the
  // WebAssembly: the button says what to share or copy, and the
  // confirmation to show in its status line.
  document.addEventListener("click", function (e) {
    var b = e.target && e.target.closest && e.target.closest("button[data-share], button[data-copy]");
    if (!b) return;
    var status = b.parentNode.querySelector("[role=status]");
    var say = function (name) {
      if (status) status.textContent = b.getAttribute(name) || "";
    };
    var text;
    if (b.hasAttribute("data-share")) {
      if (navigator.share) {
        navigator.share({ title: b.getAttribute("data-share"), url: location.href }).catch(function () {});
        return;
      }
      text = location.href;
    } else {
      completeSnippet();
      var src = document.getElementById(b.getAttribute("data-copy"));
      text = src ? src.value : "";
    }
    if (!navigator.clipboard || !text) {
      say("data-failed");
      return;
    }
    navigator.clipboard.writeText(text).then(function () { say("data-done"); }, function () { say("data-failed"); });
  });
  // The prerendered embed code is site-relative (the build does not know
  // where the site will be served): until the app writes its own, make it
  // absolute, as a host page needs it, when the reader opens it or copies
  // it (not on every page load).
  document.addEventListener("toggle", function (e) {
    if (e.target && e.target.classList && e.target.classList.contains("embed-control") && e.target.open) completeSnippet();
  }, true);
  function completeSnippet() {
    var ta = document.getElementById("embed-snippet");
    if (ta && !html.hasAttribute("data-app")) {
      ta.textContent = ta.textContent.replace(/(src=")\/(?!\/)/g, "$1" + location.origin + "/");
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    // The credit line opens the full app in a new tab: keep go-app from
    // routing the click inside the frame.
    document.addEventListener("click", function (e) {
      var a = e.target && e.target.closest && e.target.closest("a[target=_blank]");
      if (a) e.stopPropagation();
    }, true);
    if (isStatic && keep.length) {
      // Plain links between static pages keep the options and the secret.
      var links = document.querySelectorAll("a[href^='/']:not([target])");
      for (var i = 0; i < links.length; i++) {
        var href = links[i].getAttribute("href");
        links[i].setAttribute("href", href + (href.indexOf("?") < 0 ? "?" : "&") + keep.join("&") + (secret ? "#?secret=" + secret : ""));
      }
    }
  });

  // An embed's initiatives are disclosures (components/city_panel.go).
  // go-app replaces the prerendered page when the WebAssembly starts,
  // which would close the one the reader has open: it is opened again.
  var openInitiative = "";
  function initiativeKey(d) {
    var panel = d.closest("[data-city]");
    return (panel ? panel.getAttribute("data-city") : "") + "#" + d.id;
  }
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d || !d.classList || !d.classList.contains("initiative-more")) return;
    if (d.open) openInitiative = initiativeKey(d);
    else if (openInitiative === initiativeKey(d)) openInitiative = "";
  }, true);
  function reopenInitiative() {
    var id = openInitiative.slice(openInitiative.indexOf("#") + 1);
    var d = id && document.getElementById(id);
    if (d && !d.open && initiativeKey(d) === openInitiative) d.open = true;
  }
  function watchMount() {
    new MutationObserver(reopenInitiative).observe(document.body, { childList: true });
  }
  if (document.body) watchMount();
  else document.addEventListener("DOMContentLoaded", watchMount);

  if (!framed || !window.parent) return;
  // A host that sizes the frame (our embed.js, pym.js) lets the page give
  // up its own scrolling, so wheel and touch scroll the article instead.
  window.addEventListener("message", function (e) {
    if (e.source !== window.parent) return;
    var d = e.data;
    if ((d && d.type === "jsmap:sized") || (typeof d === "string" && d.indexOf("pymxPYMx") === 0)) {
      html.setAttribute("data-sized", "");
    }
  });
  var last = "";
  function send() {
    var h = Math.ceil(document.body ? document.body.getBoundingClientRect().height : 0);
    var ready = html.getAttribute("data-app") === "ready";
    var key = h + " " + ready + " " + location.pathname;
    if (h <= 0 || key === last) return;
    last = key;
    var p = window.parent;
    p.postMessage({ type: "jsmap:height", height: h, ready: ready, path: location.pathname }, "*");
    p.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    if (childId) p.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    if (secret) p.postMessage({ message: "height", value: h, secret: secret }, "*");
  }
  function watch() {
    send();
    if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
    // Tell the host when the WebAssembly app has taken over, and which
    // page is open after the reader selects a city.
    new MutationObserver(send).observe(html, { attributes: true, attributeFilter: ["data-app"] });
    new MutationObserver(send).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-city"], childList: true });
    window.addEventListener("resize", send);
  }
  if (document.body) watch();
  else document.addEventListener("DOMContentLoaded", watch);

  // -------------------------------------------------------------------------
  // The host steers the map (issue 16; web/embed.js, README "Steer the map
  // from the article"). Only the parent page is obeyed. It asks with
  // {type: "jsmap:select", city, theme, lang} (each optional: left out, it
  // stays; "" is the overview or no theme; an unknown id or language
  // ignores the whole message), and hears {type: "jsmap:ready"} once and
  // {type: "jsmap:city"} on every change, each with id, lang and theme, and
  // jsmap:city with source: "reader" or "host". A select opens the page
  // as a reader's click would (in place before the WebAssembly, in the app
  // after it, by loading the page with static=1), but it replaces the
  // frame's history entry instead of adding one (the host's Back button
  // leaves the article rather than stepping back through the map) and
  // never moves focus. Inside the map, each request obeyed is announced
  // as a jsmap:select event on the document (which tells an obeyed
  // request from an ignored one, for scripts in the map and for tests).
  // -------------------------------------------------------------------------
  // The site's city and theme ids: cmd/static writes them in.
  var known = /*jsmap:ids*/{ cities: [], themes: [] };
  // The key of the state a select of the host is opening, until a change.
  var hostWant = null;
  function where() {
    return pageState(location.pathname, location.search, known.themes);
  }
  function key(s) {
    return s.lang + " " + s.city + " " + s.theme;
  }
  var told = key(where());
  function tellHost(type, s, source) {
    var m = { type: type, id: s.city, lang: s.lang, theme: s.theme };
    if (source) m.source = source;
    window.parent.postMessage(m, "*");
  }
  // tell reports a change of the page shown (the app's or page.js's
  // rendering, seen by a MutationObserver).
  function tell() {
    var s = where(), k = key(s);
    if (k === told) return;
    told = k;
    tellHost("jsmap:city", s, k === hostWant ? "host" : "reader");
    hostWant = null;
  }
  // appReplace has the app open href as a link would, without a new
  // history entry: go-app follows the URL on popstate.
  function appReplace(href) {
    history.replaceState(null, "", href + location.hash);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }
  function select(d) {
    var s = where();
    var next = {
      base: s.base,
      embed: s.embed,
      lang: d.lang == null ? s.lang : String(d.lang),
      city: d.city == null ? s.city : String(d.city),
      theme: d.theme == null ? s.theme : String(d.theme)
    };
    if ((next.city && known.cities.indexOf(next.city) < 0) || (next.theme && known.themes.indexOf(next.theme) < 0) || !/^(zh|en)$/.test(next.lang)) return;
    if (key(next) === key(s)) {
      // Shown already: a page being opened for the reader is dropped, as
      // the host's request came later.
      if (early() && pending) {
        latest++;
        pending = null;
      }
      return;
    }
    var q = (next.theme ? ["theme=" + next.theme] : []).concat(keep).join("&");
    var href = new URL(next.base + (next.lang === "en" ? "/en/" : "/") + (next.embed ? "embed/" : "") + (next.city ? "city/" + next.city : "") + (q ? "?" + q : ""), location.href).href;
    hostWant = key(next);
    document.dispatchEvent(new CustomEvent("jsmap:select", { detail: next }));
    if (isStatic) {
      location.replace(marked(href + location.hash, "host"));
      return;
    }
    // The app moves focus only after a key press (app/page.go).
    window.jsmapPointer = true;
    if (!early()) appReplace(href);
    else {
      swap(href, "replace");
      // Themes are drawn by the app: the city opens in place now, and
      // its theme once the app has started.
      if (next.theme) start();
    }
  }
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.source === window.parent && d && d.type === "jsmap:select") select(d);
  });
  // With static=1 every change loads a page, which tells the host: the
  // page that asks for it marks the address (#jsmap=host or reader, after
  // WordPress's #?secret=…). A message sent while the frame navigates
  // away may never reach the host.
  function marked(href, source) {
    href = href.replace(/[#&]jsmap=(host|reader)$/, "");
    return href + (href.indexOf("#") < 0 ? "#" : "&") + "jsmap=" + source;
  }
  var mark = /[#&]jsmap=(host|reader)$/.exec(location.hash);
  if (mark) history.replaceState(history.state, "", location.href.slice(0, location.href.length - mark[0].length));
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest && e.target.closest("#page a[href]:not([target])");
    if (!isStatic || !a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    var url = new URL(a.getAttribute("href"), location.href);
    if (url.origin === location.origin && key(pageState(url.pathname, url.search, known.themes)) !== told) a.setAttribute("href", marked(a.getAttribute("href"), "reader"));
  });
  function steerable() {
    if (mark) tellHost("jsmap:city", where(), mark[1]);
    tellHost("jsmap:ready", where());
    new MutationObserver(tell).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-city", "data-class"] });
  }
  if (document.body) steerable();
  else document.addEventListener("DOMContentLoaded", steerable);

  // pageState reads what a URL of the site shows, as app/route's Parse
  // does (TestPageJSState runs both on one table): the site's base path,
  // language, embed or full page, city ("" for the overview) and theme
  // (one of themes, or "").
  function pageState(path, search, themes) {
    var m = /(\/en)?(\/embed)?(?:\/city\/([^\/]*))?\/?$/.exec(path);
    var theme = readOptions(search).theme;
    return {
      base: path.slice(0, m.index),
      lang: m[1] ? "en" : "zh",
      embed: !!m[2],
      city: m[3] || "",
      theme: themes.indexOf(theme) >= 0 ? theme : ""
    };
  }

  wordpress();
  // WordPress's embeds (their URL carries #?secret=…): its sandbox has no
  // allow-popups, so a link that opens the full map in a new tab would do
  // nothing there. WordPress's embed protocol asks the host page to go
  // there instead: wp-embed.js follows {message: "link"} to a URL on the
  // frame's own host (the frame has the focus after the reader's click).
  // wp-embed.js shows the frame only once a message with the secret comes
  // from it, and any order of the two pages' scripts must get one there:
  // - the first height may come before wp-embed.js listens: its
  //   {message: "ready"} asks for the height again (sent even if unchanged);
  // - a frame without data-secret gets the secret only after it loaded,
  //   by a change of the fragment (which loads no page: page.js does not
  //   run again) or in that ready message, whichever comes first: either
  //   is adopted, and the height sent again with it.
  // The frame's scripts cannot learn of a ready sent before they ran, but
  // a height sent after it is heard, as wp-embed.js listens first.
  function wordpress() {
    function adopt(s) {
      if (!s || secret) return;
      secret = s;
      html.setAttribute("data-wp", "");
    }
    function resend() {
      last = "";
      send();
    }
    document.addEventListener("click", function (e) {
      var a = e.target && e.target.closest && e.target.closest("a[target=_blank][href]");
      if (!secret || !a || e.defaultPrevented || e.button !== 0) return;
      e.preventDefault();
      window.parent.postMessage({ message: "link", value: a.href, secret: secret }, "*");
    }, true);
    window.addEventListener("message", function (e) {
      var d = e.data;
      if (e.source !== window.parent || !d || d.message !== "ready" || typeof d.secret !== "string") return;
      if (/^[A-Za-z0-9]{1,64}$/.test(d.secret)) adopt(d.secret);
      if (d.secret === secret) resend();
    });
    // And once more when the frame has loaded: a height is sent only when
    // it changes, so a first one lost on the way may otherwise stay the
    // only one until the app starts.
    window.addEventListener("load", function () {
      if (secret) resend();
    });
    window.addEventListener("hashchange", function () {
      var had = secret;
      adopt(hashSecret());
      if (secret !== had) resend();
    });
  }
})();
