/**
 * WebSocket close codes shared by the collaboration server and the browser. y-websocket's
 * client treats 4400–4499 as final (it stops reconnecting) and everything else as transient,
 * so each code's range decides whether the client retries.
 */
export const CloseCode = {
  /** Final: the session expired or is missing. */
  unauthorized: 4401,
  /** Final: the user has no access to this map. */
  forbidden: 4403,
  /** Final: there is no such map. */
  notFound: 4404,
  /** Final: the map was deleted while open. */
  mapDeleted: 4410,
  /** Final: a frame was not a valid y-websocket message. */
  malformed: 4400,
  /** Final: a frame exceeded the size limit. */
  tooLarge: 4413,
  /** Final: the change would take the map past its size limit (items or bytes); it was not applied. */
  mapFull: 4414,
  /** Transient: the user's role changed; reconnecting re-authorizes with the new role. */
  accessChanged: 4509,
  /** Transient: too many messages; the client backs off and reconnects. */
  rateLimited: 4529,
  /** Transient: the client read too slowly and its send buffer overflowed. */
  slowClient: 4508,
  /** Transient: the server is restarting or shutting down. */
  serverRestarting: 4503,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

const MESSAGES: Record<number, string> = {
  [CloseCode.unauthorized]: "Your session has expired. Sign in again to keep editing.",
  [CloseCode.forbidden]: "You no longer have access to this map.",
  [CloseCode.notFound]: "This map does not exist.",
  [CloseCode.mapDeleted]: "This map was deleted.",
  [CloseCode.malformed]: "The server rejected a malformed message. Reload the page.",
  [CloseCode.tooLarge]: "A change was too large for the server. Reload the page.",
  [CloseCode.mapFull]: "This map has reached its size limit, so your latest changes were not saved. Delete content or split the map, then reload.",
  [CloseCode.accessChanged]: "Your access to this map changed; reconnecting…",
  [CloseCode.rateLimited]: "Too many changes at once; reconnecting…",
  [CloseCode.slowClient]: "The connection fell behind; reconnecting…",
  [CloseCode.serverRestarting]: "The server is restarting; reconnecting…",
};

/** What the UI says about a close code (undefined for ordinary network drops). */
export function closeReason(code: number): string | undefined {
  return MESSAGES[code];
}

export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}
