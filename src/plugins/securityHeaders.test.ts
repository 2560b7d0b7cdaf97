import crypto from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {contentSecurityPolicy, hasLiveCode, headersFile, inlineScriptHashes, urlPaths, withPolicyMeta} from './securityHeaders';

const sha = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the build-time security policy', () => {
  it('hashes inline scripts exactly as written, once each, and skips external ones', () => {
    const html = '<script>a()</script><script src=/x.js defer></script><script data-rh=true>b()</script><script>a()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it("allows 'unsafe-eval' only when asked, and frame-ancestors only in the header", () => {
    const strict = contentSecurityPolicy({scriptHashes: [sha('a()')], allowEval: false});
    expect(strict).toContain(`script-src 'self' ${sha('a()')};`);
    expect(strict).not.toContain('unsafe-eval');
    expect(strict).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({scriptHashes: [], allowEval: true, forHeader: true})).toMatch(/script-src 'self' 'unsafe-eval';.*frame-ancestors 'none'$/);
  });

  it('finds the live-code marker as an attribute, not as text', () => {
    expect(hasLiveCode('<pre class=x data-live-code="">')).toBe(true);
    expect(hasLiveCode('<pre data-live-code>')).toBe(true);
    expect(hasLiveCode('<p>the data-live-code attribute</p>')).toBe(false);
  });

  it('puts the policy right after the charset, before any script', () => {
    const html = '<html><head><meta charset=UTF-8><script>a()</script></head></html>';
    expect(withPolicyMeta(html, "default-src 'self'")).toBe(
      `<html><head><meta charset=UTF-8><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><script>a()</script></head></html>`,
    );
    expect(() => withPolicyMeta('<html><head></head></html>', 'x')).toThrow(/no <meta charset>/);
  });

  it('lists each page under the addresses it answers', () => {
    expect(urlPaths('index.html', '/')).toEqual(['/']);
    expect(urlPaths('docs/intro.html', '/')).toEqual(['/docs/intro', '/docs/intro.html']);
    expect(urlPaths('docs/index.html', '/course/')).toEqual(['/course/docs/', '/course/docs']);
    const file = headersFile([{paths: ['/a'], policy: 'P'}], '/');
    expect(file).toBe('/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n  X-Frame-Options: DENY\n/a\n  Content-Security-Policy: P\n');
  });
});
