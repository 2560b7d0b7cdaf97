// A small static server for a built Docusaurus site that compresses its
// responses as a CDN would (brotli or gzip, by Accept-Encoding). `docusaurus
// serve` sends everything uncompressed, which makes every page look heavier and
// slower than it is in production. Used by `npm run lighthouse` and by tests
// that measure transfer sizes. No dependencies beyond Node.
//
// Usage: node scripts/static-server.mjs [dir] [port]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Types worth compressing; images and fonts are already compressed. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** Hashed assets never change; everything else is revalidated (as Docusaurus's deployment docs advise). */
function cacheControl(urlPath) {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

/**
 * The file a URL path maps to, as static hosts resolve a Docusaurus build with
 * `trailingSlash: false`: the file itself, `<path>.html`, or `<path>/index.html`.
 * @returns {string | undefined}
 */
export function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  const attempts = [candidate, `${candidate}.html`, path.join(candidate, 'index.html')];
  return attempts.find((file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** Picks brotli, then gzip, from an Accept-Encoding header. */
export function pickEncoding(acceptEncoding = '') {
  const accepted = acceptEncoding
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.split('=')[1]) > 0)
    .map(([name]) => name.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

/** Compressed bodies are computed once per file and encoding. */
const compressedCache = new Map();

function compress(file, body, encoding) {
  const stat = fs.statSync(file);
  const key = `${file}\0${encoding}\0${stat.mtimeMs}\0${stat.size}`;
  let out = compressedCache.get(key);
  if (!out) {
    out =
      encoding === 'br'
        ? zlib.brotliCompressSync(body, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}})
        : zlib.gzipSync(body, {level: 9});
    compressedCache.set(key, out);
  }
  return out;
}

/**
 * Compresses every compressible file under `root`, in both encodings, into the cache. A CDN serves a
 * file it has seen from its cache, and a static host serves files compressed at deploy; this server
 * otherwise compresses a file on its first request, and the request waits (brotli at quality 11 took
 * 171 ms for the longest chapter's HTML here). A page that Lighthouse measures once counted that wait
 * in its time to first byte, and so in its first paint.
 */
function precompressAll(root) {
  for (const name of fs.readdirSync(root, {recursive: true})) {
    const file = path.join(root, String(name));
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!type || !COMPRESSIBLE.test(type) || !fs.statSync(file).isFile()) continue;
    const body = fs.readFileSync(file);
    compress(file, body, 'br');
    compress(file, body, 'gzip');
  }
}

/**
 * Starts the server over `dir` on 127.0.0.1:`port` (0: any free port, named in `url`).
 * `options.rewrite(urlPath, body)` may change a file's body as it is sent (a test serves a changed
 * service worker this way, as a new deploy would); bodies are then sent uncompressed.
 * `options.precompress` compresses every file before the server answers, so that no request waits
 * for compression (for measuring timings; a few seconds for this site's build).
 * @param {string} dir
 * @param {number} port
 * @param {{rewrite?: (urlPath: string, body: Buffer) => Buffer, precompress?: boolean}} [options]
 * @returns {Promise<{close: () => Promise<void>, url: string}>}
 */
export function serveCompressed(dir, port, {rewrite, precompress = false} = {}) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    return Promise.reject(new Error(`${root} holds no built site (index.html): build it first.`));
  }
  if (precompress) precompressAll(root);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, {Allow: 'GET, HEAD'}).end();
      return;
    }
    let file = resolveFile(root, url.pathname);
    let status = 200;
    if (!file) {
      status = 404;
      file = path.join(root, '404.html');
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body;
    try {
      body = fs.readFileSync(file);
    } catch {
      // The build folder changed under the server (a rebuild): say so rather than stop.
      response.writeHead(503, {'Content-Type': 'text/plain; charset=utf-8'}).end('The site is being rebuilt.');
      return;
    }
    const headers = {
      'Content-Type': type,
      'Cache-Control': cacheControl(url.pathname),
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    };
    if (rewrite) body = rewrite(url.pathname, body);
    const encoding = !rewrite && COMPRESSIBLE.test(type) ? pickEncoding(request.headers['accept-encoding']) : undefined;
    if (encoding) {
      body = compress(file, body, encoding);
      headers['Content-Encoding'] = encoding;
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

// Run as a command, not imported. Neither `import.meta` nor a top-level await: the end-to-end tests load
// this module too, and Playwright turns it into CommonJS, which has neither.
if (path.basename(process.argv[1] ?? '') === 'static-server.mjs') {
  const dir = process.argv[2] ?? 'build';
  const port = Number(process.argv[3] ?? 3210);
  void serveCompressed(dir, port).then(({url}) => console.log(`Serving ${dir} compressed (brotli or gzip) on ${url}`));
}
