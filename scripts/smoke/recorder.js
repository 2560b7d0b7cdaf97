// Injected by the smoke server (scripts/smoke/server.mjs) as the first script of every page, so that
// a browser driven over classic WebDriver (WebKit), which cannot read the console, still reports
// what went wrong: console errors, uncaught errors and rejections, resources that failed to load,
// Content-Security-Policy violations. The runner reads window.__smokeProblems.
(function () {
  var problems = (window.__smokeProblems = []);
  var original = console.error;
  console.error = function () {
    problems.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target !== window) {
        // A prefetch that fails is silent for the reader (the browser logs nothing); a script, style or image is not.
        if (target.tagName === 'LINK' && /prefetch|preload/.test(target.rel)) return;
        problems.push('failed to load ' + (target.src || target.href));
      } else problems.push('uncaught: ' + event.message + ' (' + event.filename + ':' + event.lineno + ')');
    },
    true,
  );
  window.addEventListener('unhandledrejection', function (event) {
    problems.push('unhandled rejection: ' + String(event.reason && event.reason.stack ? event.reason.stack : event.reason));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    problems.push('CSP: ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline'));
  });
})();
