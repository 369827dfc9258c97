/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce
 * (Next puts it on its own inline and chunk scripts when it finds it in the request's CSP
 * header), so markup that slipped into a page could not run an inline script or handler.
 * 'unsafe-inline' stays for styles only: React Flow and TipTap set inline styles.
 * 'unsafe-eval' only in development (React's dev tooling). Nothing loads from another origin.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
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

/** 128 random bits, base64: unguessable per response, as CSP nonces must be. */
export function newCspNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
