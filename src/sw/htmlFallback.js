// Extra service-worker code for @docusaurus/plugin-pwa (its `swCustom` option).
//
// With `trailingSlash: false`, Docusaurus writes a page such as /docs/intro to
// docs/intro.html. The plugin's service worker looks a navigation up as the URL
// itself or `<url>/index.html`, never `<url>.html`, so a reader offline who opens
// /docs/intro directly (a bookmark, a reload, a new tab) would get the browser's
// offline error although the page is precached. This handler serves the
// precached `<path>.html` for such navigations, and goes to the network for
// anything not precached.

/** @param {{offlineMode: boolean, debug: boolean}} params */
export default function htmlFallback(params) {
  if (!params.offlineMode) return;
  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' || request.mode !== 'navigate') return;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    // Files (/sitemap.xml) and directories (/, /docs/) are handled by the plugin.
    if (url.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(url.pathname)) return;
    const precached = `${url.origin}${url.pathname}.html`;
    event.respondWith(
      // Precache keys carry a revision query (?__WB_REVISION__=…), hence ignoreSearch.
      caches.match(precached, {ignoreSearch: true}).then((cached) => {
        if (params.debug) console.log('[Failover Lab SW] navigation', url.pathname, cached ? 'from cache' : 'from network');
        return cached ?? fetch(request);
      }),
    );
  });
}
