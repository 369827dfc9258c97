import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { addClaim, deleteClaim, initMapDoc, setClaimText } from "../../../lib/argument";
import { EncodedMapState } from "../../../server/collab/encodedMapState";
import { projectMap } from "../../../lib/argument/mapProjection";

const ids = { root: "", strikes: "", cooperation: "" };

/** A doc (the server's view) with a small map; clients start from a copy of it. */
function serverWithMap(): Y.Doc {
  const doc = new Y.Doc({ guid: "map-1" });
  ids.root = initMapDoc(doc, { title: "Intervention or cooperation", question: "Should the U.S. strike cartels in Mexico?", authorId: null });
  ids.strikes = addClaim(doc, { kind: "position", parentId: ids.root, text: "Strikes", authorId: null });
  ids.cooperation = addClaim(doc, { kind: "position", parentId: ids.root, text: "Cooperation", authorId: null });
  return doc;
}

function clientOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

/** Runs `edit` on `client` and returns the update it produced. */
function edit(client: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

const take = (state: EncodedMapState, update: Uint8Array) => state.append(update, Y.decodeUpdate(update));
const contentOf = (doc: Y.Doc) => JSON.stringify({ claims: projectMap(doc).claims, bench: doc.getMap("bench").toJSON() });

describe("a map's state held encoded", () => {
  it("takes updates that continue it and stays equal to a doc that integrated them", () => {
    const server = serverWithMap();
    const state = EncodedMapState.of(server)!;
    const [a, b] = [clientOf(server), clientOf(server)];
    const reference = clientOf(server);
    let claimId = "";
    const updates = [
      edit(a, (d) => (claimId = addClaim(d, { kind: "claim", stance: "pro", parentId: ids.strikes, text: "Designation works", authorId: null }))),
      edit(b, (d) => d.getMap("bench").set("k", 1)),
    ];
    // b learns a's claim through the server, then edits inside it (parents and origins it only knows that way).
    Y.applyUpdate(b, updates[0]);
    updates.push(edit(b, (d) => setClaimText(d, claimId, "Designation works, says the article")));
    updates.push(edit(a, (d) => deleteClaim(d, ids.cooperation)));
    for (const u of updates) {
      expect(take(state, u)).not.toBeNull();
      Y.applyUpdate(reference, u);
    }
    expect(state.stateVector()).toEqual(Y.encodeStateVector(reference));
    expect(state.read(contentOf)).toBe(contentOf(reference));
    // A client that has nothing yet, and one that has the start, both end up with everything.
    for (const start of [new Y.Doc(), clientOf(server)]) {
      Y.applyUpdate(start, state.updateSince(Y.encodeStateVector(start)));
      expect(contentOf(start)).toBe(contentOf(reference));
    }
  });

  it("says whether an update can change the projection", () => {
    const server = serverWithMap();
    const state = EncodedMapState.of(server)!;
    const client = clientOf(server);
    expect(take(state, edit(client, (d) => d.getMap("bench").set("new key", 1)))).toEqual({ projected: false });
    expect(take(state, edit(client, (d) => d.getMap("meta").set("title", "Renamed")))).toEqual({ projected: true });
    expect(take(state, edit(client, (d) => setClaimText(d, ids.strikes, "Cross-border strikes")))).toEqual({ projected: true });
    // Overwriting a key of an unprojected root names no parent (the old value is its origin): counted as projected.
    expect(take(state, edit(client, (d) => d.getMap("bench").set("new key", 2)))).toEqual({ projected: true });
  });

  it("refuses what it cannot vouch for: gaps, duplicates, unknown references and deletions", () => {
    const server = serverWithMap();
    const state = EncodedMapState.of(server)!;
    const client = clientOf(server);
    const first = edit(client, (d) => d.getMap("bench").set("a", 1));
    const second = edit(client, (d) => d.getMap("bench").set("b", 2));
    expect(take(state, second)).toBeNull(); // starts after a clock the state does not have
    expect(take(state, first)).not.toBeNull();
    expect(take(state, first)).toBeNull(); // already there
    expect(take(state, second)).not.toBeNull();

    // Someone else's items the server never saw: an insert after them, a deletion of them.
    const other = clientOf(server);
    const unseen = edit(other, (d) => d.getText("notes").insert(0, "unseen"));
    Y.applyUpdate(client, unseen);
    expect(take(state, edit(client, (d) => d.getText("notes").insert(6, "!")))).toBeNull();
    expect(take(state, edit(client, (d) => d.getText("notes").delete(0, 2)))).toBeNull();

    // An explicit parent must be a type: a new one in the same update is fine, a text item is not.
    const stranger = new Y.Doc();
    stranger.getXmlFragment("x").insert(0, [new Y.XmlText("hi")]);
    const strangerUpdate = Y.encodeStateAsUpdate(stranger);
    expect(take(state, strangerUpdate)).not.toBeNull();
    const textItem = (Y.decodeUpdate(strangerUpdate).structs as Y.Item[]).find((s) => s.content instanceof Y.ContentString)!;
    expect(take(state, forgedChildOf(textItem.id))).toBeNull();
    expect(take(state, forgedChildOf((Y.decodeUpdate(strangerUpdate).structs as Y.Item[]).find((s) => s.content instanceof Y.ContentType)!.id))).not.toBeNull();
  });

  it("merges appended updates in runs and serves any peer from the runs and the current one", () => {
    const server = serverWithMap();
    const state = EncodedMapState.of(server)!;
    const [a, b] = [clientOf(server), clientOf(server)];
    const peer = clientOf(server);
    // 200 small edits from two writers: three merged runs of 64, then 8 not yet merged.
    for (let i = 0; i < 200; i++) {
      const writer = i % 2 === 0 ? a : b;
      const update = edit(writer, (d) => d.getMap("bench").set(`${i}`, i));
      expect(take(state, update)).toEqual({ projected: false });
      Y.applyUpdate(i % 2 === 0 ? b : a, update);
      if (i === 99) Y.applyUpdate(peer, state.updateSince(Y.encodeStateVector(peer)));
    }
    // A peer that synced halfway catches up with what it lacks; a new one gets everything.
    Y.applyUpdate(peer, state.updateSince(Y.encodeStateVector(peer)));
    expect(contentOf(peer)).toBe(contentOf(a));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, state.updateSince(Y.encodeStateVector(new Y.Doc())));
    expect(contentOf(fresh)).toBe(contentOf(b));
    expect(state.read(contentOf)).toBe(contentOf(a));
    expect(state.stateVector()).toEqual(Y.encodeStateVector(a));
  });

  it("folds appended updates into a compact base when they pile up, keeping the content", () => {
    const server = serverWithMap();
    const state = EncodedMapState.of(server)!;
    const client = clientOf(server);
    const start = state.byteLength;
    for (let i = 0; i < 2000; i++) expect(take(state, edit(client, (d) => setClaimText(d, ids.strikes, `typed ${i} `.repeat(20))))).not.toBeNull();
    // 2,000 rewrites of ~180 characters would be ~400 KB appended; the rewritten-away text is collected.
    expect(state.byteLength).toBeLessThan(start + 70 * 1024);
    expect(state.read(contentOf)).toBe(contentOf(client));
    expect(state.stateVector()).toEqual(Y.encodeStateVector(client));
  });
});

/**
 * An update (format v1) from a new client whose one item names the item `parent` as its
 * parent type: no Yjs API writes that for a non-type, so it is put together by hand.
 */
function forgedChildOf(parent: Y.ID): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // clients
  encoding.writeVarUint(e, 1); // structs of the client
  encoding.writeVarUint(e, 424242); // client
  encoding.writeVarUint(e, 0); // first clock
  encoding.writeUint8(e, 8); // info: content Any, no origins, no parentSub
  encoding.writeVarUint(e, 0); // the parent is an item id, not a root name
  encoding.writeVarUint(e, parent.client);
  encoding.writeVarUint(e, parent.clock);
  encoding.writeVarUint(e, 1); // one value
  encoding.writeAny(e, "x");
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}
