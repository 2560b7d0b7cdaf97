// The smoke suites' server: the built site as a static host serves it, with the security headers
// of build/_headers (so the policy is checked as a real header too, in every engine), plus one
// test-only script (recorder.js) at the top of each page to collect the page's problems.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {resolveFile} from '../static-server.mjs';

const RECORDER_PATH = '/__smoke/recorder.js';
const recorder = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorder.js'));

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml', '.txt': 'text/plain'};

/** Netlify / Cloudflare `_headers`: `/*` rules for every path, exact paths for the rest. */
function readHeaders(root) {
  const rules = new Map();
  let current;
  for (const line of fs.readFileSync(path.join(root, '_headers'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!line.startsWith(' ')) rules.set(line.trim(), (current = {}));
    else {
      const at = line.indexOf(':');
      current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return (urlPath) => ({...rules.get('/*'), ...rules.get(urlPath)});
}

/** @returns {Promise<{url: string, close: () => Promise<void>}>} */
export function serveForSmoke(dir, port) {
  const root = path.resolve(dir);
  const headersFor = readHeaders(root);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === RECORDER_PATH) {
      response.writeHead(200, {'Content-Type': 'text/javascript', 'Cache-Control': 'no-store'}).end(recorder);
      return;
    }
    let file = resolveFile(root, url.pathname);
    let status = 200;
    if (!file) [file, status] = [path.join(root, '404.html'), 404];
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body = fs.readFileSync(file);
    const headers = {'Content-Type': type, 'Cache-Control': 'no-cache'};
    if (type.startsWith('text/html')) {
      Object.assign(headers, headersFor(url.pathname === '/' ? '/' : url.pathname.replace(/\/$/, '')));
      // After the <meta> policy, before every other script.
      body = Buffer.from(String(body).replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1<script src="${RECORDER_PATH}"></script>`));
    }
    // With its length, as static hosts send files: Firefox 153 lost most Cache API entries (the offline
    // copy) that had come chunked, and the pages it then served from its worker failed to load scripts.
    headers['Content-Length'] = body.length;
    response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done()))}),
    );
  });
}
