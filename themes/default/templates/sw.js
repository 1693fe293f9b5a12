// Suluh's service worker: pages a reader has opened stay readable without a connection.
// HTML comes from the network first (a new build is seen at once) and from the cache when offline; a page
// never opened shows its language's offline page. The stylesheet and search client are kept at install; a
// language's home, section listings and search index once one of its pages has been opened. The cache is
// named after the build; a new build's worker keeps the opened pages and deletes the older caches.
'use strict';
const VERSION = {{ version | json_encode() | safe }};
const LANGUAGES = {{ languages | json_encode() | safe }};
const ASSETS = {{ assets | json_encode() | safe }};
const CACHE = 'suluh-' + VERSION;

const languageOf = (path) => LANGUAGES.find((l) => path.startsWith(l.prefix)) || LANGUAGES[LANGUAGES.length - 1];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(ASSETS.concat(LANGUAGES.map((l) => l.offline))))
      .then(() => self.skipWaiting()),
  );
});

// The pages a reader opened under an older build stay readable offline until they are opened again (then
// the new build's version replaces them); everything else of the older caches goes.
async function takeOver() {
  const cache = await caches.open(CACHE);
  const old = (await caches.keys()).filter((k) => k.startsWith('suluh-') && k !== CACHE);
  for (const name of old) {
    const previous = await caches.open(name);
    for (const request of await previous.keys()) {
      const path = new URL(request.url).pathname;
      if ((path.endsWith('/') || path.endsWith('.html')) && !(await cache.match(request))) {
        const response = await previous.match(request);
        if (response) await cache.put(request, response);
      }
    }
    await caches.delete(name);
  }
  await self.clients.claim();
}

self.addEventListener('activate', (event) => event.waitUntil(takeOver()));

// Keeps a language's home, listings and search index: once per language and worker.
const kept = new Set();
async function keepLanguage(language) {
  if (kept.has(language.prefix)) return;
  kept.add(language.prefix);
  const cache = await caches.open(CACHE);
  await Promise.all(language.pages.map((url) => cache.add(url).catch(() => {})));
  if (!language.search) return;
  try {
    const response = await fetch(language.search, { cache: 'no-cache' });
    if (!response.ok) return;
    await cache.put(language.search, response.clone());
    const m = await response.json();
    const base = language.search.replace(/[^/]*$/, '');
    const v = m.v ? '?v=' + m.v : '';
    const files = [];
    if (m.index) files.push(m.index);
    (m.packs || []).forEach((_, i) => files.push('p' + i + '.json'));
    for (let i = 0; i < ((m.records && m.records.chunks) || 0); i += 1) files.push('r' + i + '.json');
    await Promise.all(files.map((f) => cache.add(base + f + v).catch(() => {})));
  } catch (e) {
    kept.delete(language.prefix);
  }
}

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const path = new URL(request.url).pathname;
    return (await cache.match(request, { ignoreSearch: true }))
      || (await cache.match(languageOf(path).offline))
      || Response.error();
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request) || (request.url.includes('/search/') && await cache.match(request, { ignoreSearch: true }));
  if (hit) return hit;
  const response = await fetch(request);
  // Leaflets and other large downloads are not kept: a phone's storage is small.
  if (response.ok && !/\.(pdf|png|jpe?g|ics)$/i.test(new URL(request.url).pathname)) {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/__suluh/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    event.waitUntil(keepLanguage(languageOf(url.pathname)));
  } else {
    event.respondWith(file(request));
  }
});
