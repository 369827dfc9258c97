// @ts-check
// Plain ESM so next.config.js (the static policy) and proxy.ts (the per-page nonce policy,
// through contentSecurityPolicy.ts) share one list. Types: cspDirectives.d.mts.

/**
 * The Content-Security-Policy directives. Scripts: 'self' plus `scriptSources` (a page's
 * nonce and 'strict-dynamic'; nothing for API responses and static files). 'unsafe-inline'
 * stays for styles only: React Flow and TipTap set inline styles. 'unsafe-eval' only in
 * development (React's dev tooling). Nothing loads from another origin.
 * @param {string} scriptSources
 * @param {boolean} dev
 * @returns {string}
 */
export function cspDirectives(scriptSources, dev) {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptSources}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
