import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Awareness } from "y-protocols/awareness";
import { findUserProfile } from "../../lib/db/userProfile";
import { userColor } from "../../lib/collab/userColor";

// Presence is bound to the socket's user (as Outline's AwarenessIdentityExtension does): a
// client could otherwise appear as anyone, remove other people's presence, or store
// thousands of states every joiner receives.

/** Largest awareness state (JSON) one socket may publish; bigger states are dropped. */
export const MAX_AWARENESS_STATE_BYTES = 4096;

/** The `user` field of every state this server relays: from the session, never from the client. */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
}

/** The session user's presence: the profile's name and colour, as the map page shows them. */
export async function presenceIdentity(userId: string): Promise<PresenceIdentity> {
  const profile = await findUserProfile(userId);
  const name = profile?.name.trim().slice(0, 80) || "Someone";
  return { id: userId, name, color: profile?.color ?? userColor(userId) };
}

/** A frame that is not a y-protocols awareness update; closes that socket. */
export class MalformedAwareness extends Error {}

interface Entry {
  clientId: number;
  clock: number;
  json: string;
}

function decodeEntries(update: Uint8Array): Entry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) });
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
    return entries;
  } catch (error) {
    throw new MalformedAwareness(`undecodable awareness update (${(error as Error).message})`);
  }
}

function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

/** The user id a state in `awareness` was published for (rewritten at its edge, so trusted). */
function stateOwner(awareness: Awareness, clientId: number): string | null {
  const user = (awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined)?.user;
  return typeof user?.id === "string" ? user.id : null;
}

/**
 * One socket's awareness identity: the first client id it uses is its own for good; states
 * for other ids, removals of other ids and states over MAX_AWARENESS_STATE_BYTES are dropped,
 * and `user` is set from the session.
 */
export class AwarenessIdentity {
  /** The one awareness client id this socket may publish (the first it used). */
  clientId: number | null = null;

  constructor(readonly user: PresenceIdentity) {}

  /**
   * The part of a client's awareness update the room may apply, rewritten; null when nothing
   * is left. `awareness`: the room's, to refuse an id another user's state already holds.
   */
  filter(update: Uint8Array, awareness: Awareness): Uint8Array | null {
    const kept: Entry[] = [];
    for (const entry of decodeEntries(update)) {
      this.clientId ??= entry.clientId;
      if (entry.clientId !== this.clientId) continue;
      const owner = stateOwner(awareness, entry.clientId);
      if (owner !== null && owner !== this.user.id) continue;
      if (entry.json.length > MAX_AWARENESS_STATE_BYTES) continue;
      let state: unknown;
      try {
        state = JSON.parse(entry.json);
      } catch (error) {
        throw new MalformedAwareness(`awareness state is not JSON (${(error as Error).message})`);
      }
      if (state === null) {
        kept.push(entry);
        continue;
      }
      if (typeof state !== "object" || Array.isArray(state)) continue;
      const json = JSON.stringify({ ...state, user: this.user });
      if (json.length > MAX_AWARENESS_STATE_BYTES) continue;
      kept.push({ ...entry, json });
    }
    return kept.length > 0 ? encodeEntries(kept) : null;
  }
}

/**
 * An awareness update from another instance without the entries for `ownIds` (this
 * instance's sockets' ids): a remote instance can neither overwrite nor remove them (a
 * client that moved here from there keeps the state it publishes here).
 */
export function withoutClients(update: Uint8Array, ownIds: ReadonlySet<number>): Uint8Array | null {
  if (ownIds.size === 0) return update;
  const entries = decodeEntries(update);
  const kept = entries.filter((e) => !ownIds.has(e.clientId));
  if (kept.length === entries.length) return update;
  return kept.length > 0 ? encodeEntries(kept) : null;
}
