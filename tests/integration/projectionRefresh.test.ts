import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCitation, addClaim, deleteClaim, initMapDoc, removeCitation, setClaimText, setMeta, projectMap } from "../../lib/argument";
import { refreshProjection, SourceTextCache } from "../../server/collab/projectionRefresh";
import { seedDatabase } from "../../prisma/seed/seedDatabase";
import { loadMapState } from "../../lib/db/mapState";
import { DATABASE_KINDS, logSkipReasonOnce } from "../support/testDatabases";
import { migratedDatabase } from "../support/migratedDatabase";

logSkipReasonOnce();

// The projection refresh writes only the rows that changed since its last write; these
// checks compare the stored rows with the doc after each kind of change.
describe.each(DATABASE_KINDS)("incremental projection refresh on %s", (kind) => {
  const fixture = migratedDatabase(kind);
  const quiet = () => {};

  const stored = async (mapId: string) =>
    (await fixture.db.prisma.claim.findMany({ where: { mapId }, orderBy: { id: "asc" } })).map((c) => ({ id: c.id, text: c.text, parentId: c.parentId, stance: c.stance }));

  it("writes only changed rows and ends with exactly the doc's claims", async () => {
    const map = await fixture.db.prisma.map.create({ data: { title: "t", question: "q" } });
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "Projection test", question: "Is it incremental?", authorId: null });
    const ids = Array.from({ length: 20 }, (_, i) => addClaim(doc, { kind: "claim", stance: i % 2 ? "pro" : "con", parentId: q, text: `claim ${i}`, authorId: null }));
    // Rows another writer left behind (a claim no longer in the doc) must go on the first refresh.
    await fixture.db.prisma.claim.create({ data: { mapId: map.id, id: "leftover", kind: "claim", parentId: q, order: "a", text: "old", createdAt: new Date() } });
    const cache = new SourceTextCache();

    const first = await refreshProjection(fixture.db, cache, map.id, projectMap(doc), quiet, null);
    expect(first.claims).toBe(21);
    expect((await stored(map.id)).map((c) => c.id).sort()).toEqual([q, ...ids].sort());
    expect((await fixture.db.prisma.map.findUniqueOrThrow({ where: { id: map.id } })).title).toBe("Projection test");

    // Nothing changed: nothing written.
    const again = await refreshProjection(fixture.db, cache, map.id, projectMap(doc), quiet, first.written);
    expect(again.rowsChanged).toBe(0);
    // Nor by a room that just loaded the map (no previous write of its own): it compares with the stored rows.
    expect((await refreshProjection(fixture.db, new SourceTextCache(), map.id, projectMap(doc), quiet, null)).rowsChanged).toBe(0);

    // One claim edited, one deleted, one added, the title changed.
    setClaimText(doc, ids[3], "edited text");
    deleteClaim(doc, ids[7]);
    const added = addClaim(doc, { kind: "claim", stance: "pro", parentId: ids[0], text: "new child", authorId: null });
    setMeta(doc, { title: "Renamed" });
    const third = await refreshProjection(fixture.db, cache, map.id, projectMap(doc), quiet, again.written);
    // edited (delete + insert) + deleted + added + title
    expect(third.rowsChanged).toBe(4);
    const rows = await stored(map.id);
    expect(rows.map((c) => c.id).sort()).toEqual([q, ...ids.filter((_, i) => i !== 7), added].sort());
    expect(rows.find((c) => c.id === ids[3])?.text).toBe("edited text");
    expect(rows.find((c) => c.id === added)).toMatchObject({ parentId: ids[0], text: "new child", stance: "pro" });
    expect((await fixture.db.prisma.map.findUniqueOrThrow({ where: { id: map.id } })).title).toBe("Renamed");
  });

  it("leaves the seeded sample map's claims and cited evidence alone on a room's first refresh", async () => {
    const seed = await seedDatabase(fixture.db, { demo: false, demoPassword: "unused" });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadMapState(seed.sampleMapId, fixture.db.prisma));
    const before = await fixture.db.prisma.citation.count({ where: { mapId: seed.sampleMapId } });
    expect(before).toBeGreaterThan(5);
    const first = await refreshProjection(fixture.db, new SourceTextCache(), seed.sampleMapId, projectMap(doc), quiet, null);
    expect(first.citations).toBe(before);
    expect(first.rowsChanged).toBe(0);
  });

  it("converges when another writer inserted a row this room never wrote", async () => {
    const map = await fixture.db.prisma.map.create({ data: { title: "t", question: "q" } });
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "Two writers", question: "Q?", authorId: null });
    const cache = new SourceTextCache();
    const first = await refreshProjection(fixture.db, cache, map.id, projectMap(doc), quiet, null);
    // Another instance saw a new claim first and projected it; our doc then gets it too.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const id = addClaim(other, { kind: "claim", stance: "con", parentId: q, text: "from elsewhere", authorId: null });
    await refreshProjection(fixture.db, new SourceTextCache(), map.id, projectMap(other), quiet, null);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    setClaimText(doc, id, "edited here");
    await refreshProjection(fixture.db, cache, map.id, projectMap(doc), quiet, first.written);
    expect(await stored(map.id)).toEqual(expect.arrayContaining([expect.objectContaining({ id, text: "edited here" })]));
    expect((await stored(map.id)).length).toBe(2);
  });

  it("records a hash of what it wrote, so the next room load skips the row comparison unless the rows moved on", async () => {
    const map = await fixture.db.prisma.map.create({ data: { title: "t", question: "q" } });
    const doc = new Y.Doc();
    const q = initMapDoc(doc, { title: "Hashed", question: "Q?", authorId: null });
    addClaim(doc, { kind: "claim", stance: "pro", parentId: q, text: "one", authorId: null });
    const hashOf = async () => (await fixture.db.prisma.map.findUniqueOrThrow({ where: { id: map.id } })).projectionHash;
    expect(await hashOf()).toBeNull();
    const first = await refreshProjection(fixture.db, new SourceTextCache(), map.id, projectMap(doc), quiet, null);
    const hash = await hashOf();
    expect(hash).toMatch(/^[\w-]{43}$/);
    // Same doc, new room: the stored hash matches; nothing is written and the room knows the rows.
    const reload = await refreshProjection(fixture.db, new SourceTextCache(), map.id, projectMap(doc), quiet, null);
    expect(reload.rowsChanged).toBe(0);
    expect(reload.written).toEqual(first.written);
    expect(await hashOf()).toBe(hash);

    // Another instance wrote a newer doc's rows (and so a new hash): a room still holding the
    // older doc must not trust its own view; it compares rows and writes its doc's projection.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    addClaim(other, { kind: "claim", stance: "con", parentId: q, text: "two", authorId: null });
    await refreshProjection(fixture.db, new SourceTextCache(), map.id, projectMap(other), quiet, null);
    expect(await hashOf()).not.toBe(hash);
    const stale = await refreshProjection(fixture.db, new SourceTextCache(), map.id, projectMap(doc), quiet, null);
    expect(stale.rowsChanged).toBe(1);
    expect((await stored(map.id)).map((c) => c.text).sort()).toEqual(["Q?", "one"]);
    expect(await hashOf()).toBe(hash);
  });

  it("writes upserted claims and citations field for field (times in UTC, highlights as JSON)", async () => {
    const seed = await seedDatabase(fixture.db, { demo: false, demoPassword: "unused" });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadMapState(seed.sampleMapId, fixture.db.prisma));
    const cache = new SourceTextCache();
    const first = await refreshProjection(fixture.db, cache, seed.sampleMapId, projectMap(doc), quiet, null);
    const card = await fixture.db.prisma.citation.findFirstOrThrow({ where: { mapId: seed.sampleMapId } });
    const claim = await fixture.db.prisma.claim.findFirstOrThrow({ where: { mapId: seed.sampleMapId, id: card.claimId } });
    // The same card again under a new id with highlights, and the claim retyped: both upserted.
    const copyId = addCitation(doc, {
      claimId: card.claimId, sourceId: card.sourceId, sourceVersion: card.sourceVersion, exact: card.exact, prefix: card.prefix,
      suffix: card.suffix, start: card.start, end: card.end, tag: "Tag", note: "n", highlights: [[0, 3], [5, 7]], authorId: null,
    });
    setClaimText(doc, claim.id, "retyped");
    const second = await refreshProjection(fixture.db, cache, seed.sampleMapId, projectMap(doc), quiet, first.written);
    expect(second.rowsChanged).toBe(2);
    const copy = await fixture.db.prisma.citation.findUniqueOrThrow({ where: { mapId_id: { mapId: seed.sampleMapId, id: copyId } } });
    expect(copy).toMatchObject({ claimId: card.claimId, exact: card.exact, start: card.start, end: card.end, tag: "Tag", note: "n", highlights: [[0, 3], [5, 7]] });
    const retyped = await fixture.db.prisma.claim.findUniqueOrThrow({ where: { mapId_id: { mapId: seed.sampleMapId, id: claim.id } } });
    expect(retyped).toEqual({ ...claim, text: "retyped" });
    // A room loading the map now trusts the stored hash, and its view matches the rows.
    const reload = await refreshProjection(fixture.db, new SourceTextCache(), seed.sampleMapId, projectMap(doc), quiet, null);
    expect(reload.rowsChanged).toBe(0);
    removeCitation(doc, copyId);
    expect((await refreshProjection(fixture.db, cache, seed.sampleMapId, projectMap(doc), quiet, second.written)).rowsChanged).toBe(1);
    expect(await fixture.db.prisma.citation.count({ where: { mapId: seed.sampleMapId, id: copyId } })).toBe(0);
  });
});
