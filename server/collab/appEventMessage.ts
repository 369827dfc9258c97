import * as encoding from "lib0/encoding";
import { MessageType } from "../../lib/collab/messageTypes";
import type { MapEvent } from "../../lib/collab/mapEvents";

/** The 102 `appEvent` frame: the event as a UTF-8 JSON var-string after the message type. */
export function appEventMessage(event: MapEvent): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.appEvent);
  encoding.writeVarString(encoder, JSON.stringify(event));
  return encoding.toUint8Array(encoder);
}
