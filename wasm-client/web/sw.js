// The viewer's service worker: keeps the app (page, scripts, styles, fonts,
// the wasm module) so that, after one visit, the viewer opens with the
// network off, a reload included. Articles are not its business: they live
// in IndexedDB, and /bundle and /index always go to the network.
//
// Network first, the cache as the fallback: a reader online always gets the
// current app (and the cache is refreshed on the way); offline, the last one.
const CACHE = 'bantin-viewer-v3';
const APP = [
  './', 'index.html', 'style.css', 'app.js', 'render.js', 'store.js', 'library.js', 'library_client.js', 'worker.js',
  'index_file.js',
  'manifest.webmanifest', 'icon-192.png', 'icon-512.png',
  'fonts/noto-serif-latin-400-normal.woff2', 'fonts/noto-serif-latin-700-normal.woff2',
  'fonts/noto-serif-latin-400-italic.woff2', 'fonts/noto-serif-vietnamese-400-normal.woff2',
  'fonts/noto-serif-vietnamese-700-normal.woff2', 'fonts/noto-serif-vietnamese-400-italic.woff2',
  'wasm/bantin.mjs', 'wasm/bantin_core.mjs', 'wasm/bantin_core.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(APP)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (/\/(bundle|index)$/.test(url.pathname)) return;  // articles and their index: the library's job
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(event.request);
      if (response.ok) await cache.put(event.request, response.clone());
      return response;
    } catch (e) {
      const cached = await cache.match(event.request, { ignoreSearch: true });
      if (cached) return cached;
      throw e;
    }
  })());
});
