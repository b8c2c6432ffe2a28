// Loaded first (a same-origin classic script: no inline script is allowed on these pages):
// records every Content-Security-Policy / Trusted Types violation and every talk-* event the
// checks look at, in window.securityLog.
window.securityLog = { violations: [], events: [] };
document.addEventListener('securitypolicyviolation', (event) => {
  window.securityLog.violations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
    sourceFile: event.sourceFile,
    lineNumber: event.lineNumber,
    columnNumber: event.columnNumber,
    disposition: event.disposition,
  });
});
for (const type of ['talk-session-ready', 'talk-ready', 'talk-send-message', 'talk-error']) {
  document.addEventListener(type, (event) => {
    const detail = event.detail ?? {};
    window.securityLog.events.push({ type, target: event.target.localName, code: detail.code ?? null, text: detail.message?.text ?? detail.message ?? null });
  });
}
// The Trusted Types policies the page's scripts create, by name.
window.securityLog.policies = [];
if (window.trustedTypes) {
  const createPolicy = window.trustedTypes.createPolicy.bind(window.trustedTypes);
  window.trustedTypes.createPolicy = (name, rules) => {
    window.securityLog.policies.push(name);
    return createPolicy(name, rules);
  };
}
