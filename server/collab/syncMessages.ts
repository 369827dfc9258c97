import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import { MessageType } from "../../lib/collab/messageTypes";
import type { MapRole } from "../../lib/db/maps";

// Encoders for the frames the server sends, byte-compatible with y-websocket's client.

export interface SessionInfo {
  role: MapRole;
  readOnly: boolean;
  userId: string;
}

export function sessionMessage(info: SessionInfo): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.session);
  encoding.writeVarString(encoder, JSON.stringify({ role: info.role, readOnly: info.readOnly, userId: info.userId }));
  return encoding.toUint8Array(encoder);
}

// Step 1 and 2 take encoded bytes rather than a doc: a dormant room (room.ts) answers from
// its encoded state without rebuilding the doc.

/** Step 1: the room's state vector (the peer answers with what the room lacks). */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Step 2: everything the room has that the peer lacks (an update for the peer's state vector). */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
