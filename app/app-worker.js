// Service worker of the Jiangsu map: go-app's Handler.ServiceWorkerTemplate.
// One cache per build version holds every page and asset, so after one
// visit the whole app (every city, both languages) opens offline, and a new
// deployment replaces the whole set at once.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
// The site's base path ("" at the root), from the worker's own scope.
const base = new URL(self.registration.scope).pathname.replace(/\/$/, "");

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

async function respond(req) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(req);
  if (hit) {
    return hit;
  }
  if (req.mode !== "navigate") {
    return fetch(req);
  }
  // Pages are cached by path: a query (?wasm=false, embed options) or a
  // trailing slash must not miss them.
  const path = new URL(req.url).pathname;
  const alt = path.endsWith("/") ? path.slice(0, -1) : path + "/";
  for (const p of [path, alt]) {
    const page = await cache.match(p, { ignoreSearch: true });
    if (page) {
      return page;
    }
  }
  try {
    return await fetch(req);
  } catch (err) {
    // Offline and not a page of ours: the not-found page, in its language.
    const en = path === base + "/en" || path.startsWith(base + "/en/");
    const nf = await cache.match(base + (en ? "/en/404" : "/404"));
    if (nf) {
      return new Response(nf.body, { status: 404, headers: nf.headers });
    }
    throw err;
  }
}
