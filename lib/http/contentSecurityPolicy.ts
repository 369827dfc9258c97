import { cspDirectives } from "./cspDirectives.mjs";

/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce
 * (Next puts it on its own inline and chunk scripts when it finds it in the request's CSP
 * header), so markup that slipped into a page could not run an inline script or handler.
 * The other directives are the static policy's (cspDirectives.mjs, also read by next.config.js).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return cspDirectives(` 'nonce-${nonce}' 'strict-dynamic'`, dev);
}

/** 128 random bits, base64: unguessable per response, as CSP nonces must be. */
export function newCspNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
