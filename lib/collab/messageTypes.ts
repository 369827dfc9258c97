/**
 * y-websocket message types. 0–3 are the protocol's own; app events use types above 100 and
 * carry a UTF-8 JSON payload (var-length string) validated with zod on receipt.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client, once after the upgrade: {role, readOnly, userId}. */
  session: 101,
  /** Server → client: app events such as "comment added" (later issues). */
  appEvent: 102,
} as const;
