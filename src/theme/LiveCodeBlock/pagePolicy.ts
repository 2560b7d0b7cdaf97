// Live code compiles the reader's code with `new Function`, which the site's Content-Security-Policy
// allows only on pages that hold a live block (src/plugins/securityHeaders.ts). The policy is the
// one of the page the browser first opened: a reader who follows a link from a page without live
// code to one with it keeps the stricter policy, so the playground could not run there.

/** The attribute that tells the build this page needs `'unsafe-eval'` (securityHeaders.ts's LIVE_CODE_MARKER). */
export const LIVE_CODE_MARKER = 'data-live-code';

const RELOADED_KEY = 'failover-lab:policy-reload';

/** Whether this document's policy (the `<meta>` the build wrote) lets live code compile. */
export function policyAllowsEval(): boolean {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return meta === null || (meta.getAttribute('content') ?? '').includes("'unsafe-eval'");
}

/**
 * Loads this page afresh, with its own policy, unless that was just tried for this address (then
 * the live block shows the browser's refusal instead of reloading again and again).
 * Returns whether it reloads.
 */
export function reloadForPagePolicy(): boolean {
  const here = window.location.pathname;
  try {
    if (window.sessionStorage.getItem(RELOADED_KEY) === here) {
      window.sessionStorage.removeItem(RELOADED_KEY);
      return false;
    }
    window.sessionStorage.setItem(RELOADED_KEY, here);
  } catch {
    // Storage blocked: reloading without a guard could loop, so do not.
    return false;
  }
  window.location.reload();
  return true;
}
