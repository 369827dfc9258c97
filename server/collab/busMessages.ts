import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

// The binary frames instances exchange on a map's Redis channel (see collabBus.ts). Every
// frame starts with a format version and the sender's instance id, so an instance can skip
// its own frames (Redis delivers a publisher's messages to its own subscriber too).

const FORMAT = 1;

export const BusKind = {
  /** A document update this instance accepted from its clients; `seq` orders them per sender. */
  update: 0,
  /** "Every update I published up to `seq` is in the update log" (receivers stop holding them). */
  durable: 1,
  /** Awareness of the sender's local clients (presence, cursors), including removals. */
  awareness: 2,
  /** Sync step 1: the sender's state vector; holders of the room answer with `sync2`. */
  sync1: 3,
  /** Sync step 2 addressed to `target`: what it lacks, plus the responder's state vector. */
  sync2: 4,
  /** An application event (JSON) for every instance holding the map: access revoked, comment added… */
  event: 5,
} as const;

export type BusMessage =
  | { kind: typeof BusKind.update; seq: number; update: Uint8Array }
  | { kind: typeof BusKind.durable; seq: number }
  | { kind: typeof BusKind.awareness; update: Uint8Array }
  | { kind: typeof BusKind.sync1; requestId: number; stateVector: Uint8Array; awareness: Uint8Array }
  | { kind: typeof BusKind.sync2; target: string; requestId: number; update: Uint8Array; stateVector: Uint8Array; awareness: Uint8Array }
  | { kind: typeof BusKind.event; json: string };

export interface BusFrame {
  sender: string;
  message: BusMessage;
}

export function encodeBusFrame(sender: string, message: BusMessage): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, FORMAT);
  encoding.writeVarString(e, sender);
  encoding.writeVarUint(e, message.kind);
  switch (message.kind) {
    case BusKind.update:
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case BusKind.durable:
      encoding.writeVarUint(e, message.seq);
      break;
    case BusKind.awareness:
      encoding.writeVarUint8Array(e, message.update);
      break;
    case BusKind.sync1:
      encoding.writeVarUint(e, message.requestId);
      encoding.writeVarUint8Array(e, message.stateVector);
      encoding.writeVarUint8Array(e, message.awareness);
      break;
    case BusKind.sync2:
      encoding.writeVarString(e, message.target);
      encoding.writeVarUint(e, message.requestId);
      encoding.writeVarUint8Array(e, message.update);
      encoding.writeVarUint8Array(e, message.stateVector);
      encoding.writeVarUint8Array(e, message.awareness);
      break;
    case BusKind.event:
      encoding.writeVarString(e, message.json);
      break;
  }
  const bytes = encoding.toUint8Array(e);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads only the sender (cheap: skipping our own frames needs nothing more). */
export function busFrameSender(frame: Uint8Array): string {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== FORMAT) throw new Error("unknown bus frame format");
  return decoding.readVarString(d);
}

/** Throws on a malformed or unknown frame. */
export function decodeBusFrame(frame: Uint8Array): BusFrame {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== FORMAT) throw new Error("unknown bus frame format");
  const sender = decoding.readVarString(d);
  const kind = decoding.readVarUint(d);
  switch (kind) {
    case BusKind.update:
      return { sender, message: { kind, seq: decoding.readVarUint(d), update: decoding.readVarUint8Array(d) } };
    case BusKind.durable:
      return { sender, message: { kind, seq: decoding.readVarUint(d) } };
    case BusKind.awareness:
      return { sender, message: { kind, update: decoding.readVarUint8Array(d) } };
    case BusKind.sync1:
      return {
        sender,
        message: { kind, requestId: decoding.readVarUint(d), stateVector: decoding.readVarUint8Array(d), awareness: decoding.readVarUint8Array(d) },
      };
    case BusKind.sync2:
      return {
        sender,
        message: {
          kind,
          target: decoding.readVarString(d),
          requestId: decoding.readVarUint(d),
          update: decoding.readVarUint8Array(d),
          stateVector: decoding.readVarUint8Array(d),
          awareness: decoding.readVarUint8Array(d),
        },
      };
    case BusKind.event:
      return { sender, message: { kind, json: decoding.readVarString(d) } };
    default:
      throw new Error(`unknown bus message kind ${kind}`);
  }
}
