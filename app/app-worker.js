// Service worker of the Jiangsu map: go-app's Handler.ServiceWorkerTemplate.
// One cache per build version holds the assets (the WebAssembly app carries
// every city's content) and the two home pages. Offline, any other page of
// the site is answered with the home page of its language, which the app
// renders as the page asked for; so after one visit the whole app opens
// offline, without the first visit downloading every page. A new
// deployment replaces the whole set at once.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
// The site's base path ("" at the root), from the worker's own scope.
const base = new URL(self.registration.scope).pathname.replace(/\/$/, "");
// Every page of the site (filled in by app/pwa.go).
const pages = new Set(/*pages*/[].map(pageKey));
// The pages the worker holds whole.
const precached = new Set(resourcesToCache.map((url) => new URL(url, self.location).pathname).filter((p) => pages.has(pageKey(p))).map(pageKey));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // "no-cache" revalidates every file with the server (a 304 when the
      // browser already holds it, so the wasm the page just loaded is not
      // downloaded twice), and no file of an older build can enter the new
      // cache. addAll rejects when any response is an error, which fails
      // the install: the working version stays in place.
      try {
        await cache.addAll(
          resourcesToCache.map((url) => new Request(url, { cache: "no-cache" }))
        );
      } catch (err) {
        // Leave nothing of a failed install behind.
        await caches.delete(cacheName);
        throw err;
      }
      // Take over at once; open pages then offer a reload (app.js tells
      // go-app, which shows the "new version" notice).
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== cacheName) {
          await caches.delete(key);
        }
      }
      await self.clients.claim();
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) {
    return;
  }
  // If the cache itself fails (Firefox's cache storage can, while a new
  // worker takes over), the network still answers.
  event.respondWith(respond(req).catch((err) => (req.mode === "navigate" ? Promise.reject(err) : fetch(req))));
});

// pageKey names a page path without its trailing slash, except the home
// pages ("/", "/en/"), as the site's links write them.
function pageKey(path) {
  const p = path.replace(/\/+$/, "");
  return p === base || p === base + "/en" ? p + "/" : p;
}

async function respond(req) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(req);
  if (hit) {
    return hit;
  }
  if (req.mode !== "navigate") {
    return fetch(req);
  }
  // A precached page (the home pages, the story pages) is found by path:
  // a query (?wasm=false, embed options) or a trailing slash must not miss
  // it.
  const key = pageKey(new URL(req.url).pathname);
  const en = key === base + "/en/" || key.startsWith(base + "/en/");
  const home = base + (en ? "/en/" : "/");
  if (precached.has(key)) {
    const page = await cache.match(key, { ignoreSearch: true });
    if (page) {
      return page;
    }
  }
  try {
    return await fetch(req);
  } catch (err) {
    // Offline: the home page of the language stands in; the app renders
    // the page asked for, or its not-found state for an unknown address.
    const page = await cache.match(home, { ignoreSearch: true });
    if (!page) {
      throw err;
    }
    return new Response(page.body, { status: pages.has(key) ? 200 : 404, headers: page.headers });
  }
}
