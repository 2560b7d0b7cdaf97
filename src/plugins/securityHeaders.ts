// This file runs in Node.js, as part of the build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';
import {LIVE_CODE_MARKER} from '../theme/LiveCodeBlock/pagePolicy';

/**
 * The Content-Security-Policy of every built page, and the headers file for static hosts.
 *
 * Docusaurus writes a few inline scripts into each page (the colour-mode script before the first
 * paint, React's streaming scripts, the base-URL banner on the home page). Their text changes with
 * Docusaurus and React versions, so the policy allows exactly those scripts by their SHA-256
 * hashes, computed here from the built files, rather than 'unsafe-inline'. `'unsafe-eval'` is
 * allowed only on pages that hold a live code block (react-live compiles the reader's code with
 * `new Function`); they carry the `data-live-code` marker (src/theme/LiveCodeBlock).
 *
 * The policy goes into each page as a `<meta>` tag (any static host), and into `_headers` (Netlify,
 * Cloudflare Pages) with what a `<meta>` cannot carry: `frame-ancestors`, `X-Content-Type-Options`,
 * `Referrer-Policy`. README ("Deploying") shows the nginx equivalent.
 */

/** Inline `<script>` elements: no `src`; any type (JSON-LD is hashed too, harmlessly). */
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/** The `'sha256-…'` source of every inline script in a page, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.add(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** Whether a built page holds a live code block. */
export function hasLiveCode(html: string): boolean {
  return new RegExp(`<[a-z][^>]*\\s${LIVE_CODE_MARKER}[\\s=/>]`, 'i').test(html);
}

export interface PolicyOptions {
  /** The page's inline script hashes (inlineScriptHashes). */
  scriptHashes: string[];
  /** The page runs reader-written code (live blocks). */
  allowEval: boolean;
  /** Add the directives only a response header can carry. */
  forHeader?: boolean;
}

/**
 * The policy for one page. Styles keep 'unsafe-inline': React and Docusaurus write `style`
 * attributes (code colours, chart sizes), which hashes cannot allow; styles cannot run code.
 */
export function contentSecurityPolicy({scriptHashes, allowEval, forHeader = false}: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${[...scriptHashes, ...(allowEval ? ["'unsafe-eval'"] : [])].join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    // Infima draws some icons as data: SVG in its CSS.
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Ignored (with a console message) in a <meta>, so only in the header.
    ...(forHeader ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}

/** Headers every response gets, whatever the page. */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // For browsers older than frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** Puts the policy first in `<head>` (after the charset), so it covers every script after it. */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i.exec(html);
  if (!charset) throw new Error('securityHeaders: a built page has no <meta charset>, so there is nowhere safe to put its policy.');
  const at = charset.index + charset[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/** The URL paths a built HTML file answers (trailingSlash: false writes /docs/intro as docs/intro.html). */
export function urlPaths(file: string, baseUrl: string): string[] {
  const relative = file.split(path.sep).join('/');
  if (relative === 'index.html') return [baseUrl];
  if (relative.endsWith('/index.html')) {
    const dir = `${baseUrl}${relative.slice(0, -'index.html'.length)}`;
    return [dir, dir.slice(0, -1)];
  }
  const page = `${baseUrl}${relative.slice(0, -'.html'.length)}`;
  return [page, `${page}.html`];
}

/** A Netlify / Cloudflare Pages `_headers` file: the common headers for every path, each page's own policy. */
export function headersFile(pages: {paths: string[]; policy: string}[], baseUrl: string): string {
  const lines = [`${baseUrl}*`, ...Object.entries(COMMON_HEADERS).map(([name, value]) => `  ${name}: ${value}`)];
  for (const page of pages) {
    for (const urlPath of page.paths) lines.push(urlPath, `  Content-Security-Policy: ${page.policy}`);
  }
  return `${lines.join('\n')}\n`;
}

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, {recursive: true})
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

export default function securityHeaders(): Plugin {
  return {
    name: 'failover-lab-security-headers',
    // Synchronous on purpose: postBuild hooks run together, and plugin-pwa reads the pages to
    // precache them after its first `await`, so every page must hold its policy before then.
    postBuild({outDir, siteConfig}) {
      const pages = htmlFiles(outDir).map((file) => {
        const full = path.join(outDir, file);
        const html = fs.readFileSync(full, 'utf8');
        const options = {scriptHashes: inlineScriptHashes(html), allowEval: hasLiveCode(html)};
        fs.writeFileSync(full, withPolicyMeta(html, contentSecurityPolicy(options)));
        return {paths: urlPaths(file, siteConfig.baseUrl), policy: contentSecurityPolicy({...options, forHeader: true})};
      });
      fs.writeFileSync(path.join(outDir, '_headers'), headersFile(pages, siteConfig.baseUrl));
      return Promise.resolve();
    },
  };
}
