import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { AwarenessIdentity, MalformedAwareness, MAX_AWARENESS_STATE_BYTES, withoutClients } from "../../../server/collab/awarenessIdentity";

const user = { id: "u-viewer", name: "Viola Viewer", color: "#2d5bd1" };

function update(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}

function room() {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  return awareness;
}

const apply = (awareness: awarenessProtocol.Awareness, bytes: Uint8Array | null) => {
  if (bytes) awarenessProtocol.applyAwarenessUpdate(awareness, bytes, "test");
};

describe("awareness identity", () => {
  it("keeps only the first client id, with the user from the session", () => {
    const awareness = room();
    const identity = new AwarenessIdentity(user);
    apply(awareness, identity.filter(update([
      { clientId: 7, clock: 1, state: { user: { id: "u-owner", name: "Owner" }, editing: "c1" } },
      { clientId: 8, clock: 1, state: { user: { id: "u-owner", name: "Owner" } } },
    ]), awareness));
    expect(identity.clientId).toBe(7);
    expect([...awareness.getStates().keys()]).toEqual([7]);
    expect(awareness.getStates().get(7)).toEqual({ user, editing: "c1" });
  });

  it("neither overwrites nor removes another user's state", () => {
    const awareness = room();
    apply(awareness, update([{ clientId: 1, clock: 1, state: { user: { id: "u-owner", name: "Owner" } } }]));
    const identity = new AwarenessIdentity(user);
    expect(identity.filter(update([{ clientId: 1, clock: 5, state: { editing: "x" } }]), awareness)).toBeNull();
    expect(identity.filter(update([{ clientId: 1, clock: 6, state: null }]), awareness)).toBeNull();
    expect(awareness.getStates().get(1)).toEqual({ user: { id: "u-owner", name: "Owner" } });
  });

  it("lets a socket remove its own state and drops oversized or non-object states", () => {
    const awareness = room();
    const identity = new AwarenessIdentity(user);
    apply(awareness, identity.filter(update([{ clientId: 3, clock: 1, state: {} }]), awareness));
    expect(identity.filter(update([{ clientId: 3, clock: 2, state: { junk: "x".repeat(MAX_AWARENESS_STATE_BYTES) } }]), awareness)).toBeNull();
    expect(identity.filter(update([{ clientId: 3, clock: 2, state: [1, 2] }]), awareness)).toBeNull();
    apply(awareness, identity.filter(update([{ clientId: 3, clock: 3, state: null }]), awareness));
    expect(awareness.getStates().has(3)).toBe(false);
  });

  it("throws on frames that do not decode or states that are not JSON", () => {
    const identity = new AwarenessIdentity(user);
    expect(() => identity.filter(Uint8Array.from([5, 1, 1]), room())).toThrow(MalformedAwareness);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, "{");
    expect(() => identity.filter(encoding.toUint8Array(e), room())).toThrow(MalformedAwareness);
    expect(() => identity.filter(Uint8Array.from([...update([]), 9]), room())).toThrow(MalformedAwareness);
  });

  it("strips a remote frame's entries for this instance's own ids", () => {
    const frame = update([{ clientId: 1, clock: 9, state: null }, { clientId: 2, clock: 1, state: {} }]);
    const awareness = room();
    apply(awareness, withoutClients(frame, new Set([1])));
    expect([...awareness.getStates().keys()]).toEqual([2]);
    expect(withoutClients(frame, new Set())).toBe(frame);
    expect(withoutClients(update([{ clientId: 1, clock: 1, state: {} }]), new Set([1]))).toBeNull();
  });
});
