// Extra service-worker code for @docusaurus/plugin-pwa (its `swCustom` option): how the site's own
// requests are answered once it is precached.
//
// Files (scripts, styles, the search index): the cached copy, else the network. The plugin's handler
// answers a precached file with whatever the cache returns, and when the browser has dropped the entry
// that is nothing, so the page gets a network error ("A ServiceWorker intercepted the request and
// encountered an unexpected error", then a ChunkLoadError): the smoke suite saw Firefox 153 do this.
//
// Navigations (a link, a bookmark, a reload, a new tab):
// With `trailingSlash: false`, Docusaurus writes a page such as /docs/intro to docs/intro.html. The
// plugin's service worker looks a navigation up as the URL itself or `<url>/index.html`, never
// `<url>.html`, and never with a trailing slash taken off; offline, anything it cannot find is the
// browser's own error page. This handler answers every same-origin navigation itself:
//   1. the precached page: `<path>`, `<path>.html`, `<path>/index.html`, with or without a trailing slash;
//   2. else the network (pages added since the copy was made);
//   3. else, offline, the site's own 404 page (precached), with status 404.
// It runs before the plugin's handler (the plugin adds its listeners after running this code) and
// stops it for the requests it answers, since a request can be answered only once.

/** The precached files a navigation to `pathname` may mean, most likely first. */
export function candidatePaths(pathname) {
  const bare = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (bare === '/') return ['/index.html'];
  return [bare, `${bare}.html`, `${bare}/index.html`];
}

async function fromCache(origin, paths) {
  for (const path of paths) {
    // Precache keys carry a revision query (?__WB_REVISION__=…), hence ignoreSearch.
    const cached = await caches.match(`${origin}${path}`, {ignoreSearch: true});
    if (cached) return cached;
  }
  return undefined;
}

async function notFoundPage(origin) {
  const page = await fromCache(origin, ['/404.html']);
  if (!page) return undefined;
  return new Response(page.body, {status: 404, statusText: 'Not Found', headers: page.headers});
}

/** @param {{offlineMode: boolean, debug: boolean}} params */
export default function fetchFallback(params) {
  if (!params.offlineMode) return;
  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    event.stopImmediatePropagation();
    if (request.mode !== 'navigate') {
      event.respondWith(fromCache(url.origin, [url.pathname]).then((cached) => cached ?? fetch(request)));
      return;
    }
    event.respondWith(
      (async () => {
        const cached = await fromCache(url.origin, candidatePaths(url.pathname));
        if (params.debug) console.log('[Failover Lab SW] navigation', url.pathname, cached ? 'from cache' : 'from network');
        if (cached) return cached;
        try {
          return await fetch(request);
        } catch (offline) {
          const notFound = await notFoundPage(url.origin);
          if (notFound) return notFound;
          throw offline;
        }
      })(),
    );
  });
}
