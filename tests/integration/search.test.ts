import { beforeAll, describe, expect, it } from "vitest";
// lib/db reads the app's global handle; each suite points it at its own fresh database.
import { setDatabase } from "../../lib/db/client";
import { searchReadableMaps } from "../../lib/db/search";
import { DATABASE_KINDS, logSkipReasonOnce } from "../support/testDatabases";
import { migratedDatabase } from "../support/migratedDatabase";

logSkipReasonOnce();

// lib/db/search.ts on a real database: ranking, typos, the access rule in the query, every
// kind of hit, and snippets as plain text with match ranges. The collab path (an edit through
// the socket becomes findable) is in searchRoute.test.ts.
describe.each(DATABASE_KINDS)("search on %s", (kind) => {
  const fixture = migratedDatabase(kind);
  const ids = { owner: "", member: "", outsider: "", teamMate: "", map: "", outsiderMap: "", teamMap: "", source: "" };

  const claim = (mapId: string, id: string, text: string, parentId: string | null = null) =>
    fixture.db.prisma.claim.create({ data: { mapId, id, kind: parentId ? "claim" : "question", parentId, order: id, text, createdAt: new Date() } });

  beforeAll(async () => {
    setDatabase(fixture.db);
    const prisma = fixture.db.prisma;
    const user = async (name: string) => (await prisma.user.create({ data: { email: `${name}@search.test`, name } })).id;
    ids.owner = await user("owner");
    ids.member = await user("member");
    ids.outsider = await user("outsider");
    ids.teamMate = await user("teammate");

    const map = await prisma.map.create({
      data: { title: "Cartel policy", question: "Should the U.S. intervene directly?", members: { create: [{ userId: ids.owner, role: "owner" }, { userId: ids.member, role: "viewer" }] } },
    });
    ids.map = map.id;
    await claim(map.id, "root", "Should the U.S. intervene directly?");
    await claim(map.id, "coop", "Cooperation", "root");
    await claim(map.id, "exact", "Extradition works", "coop");
    // Both words, not as the phrase: must rank below the exact phrase.
    await claim(map.id, "scattered", "Extradition of cartel leaders rarely works without Mexican courts", "coop");
    await claim(map.id, "xss", `<img src=x onerror="alert(1)"> drones over Sinaloa`, "root");
    await prisma.citation.create({
      data: {
        mapId: map.id, id: "card", claimId: "exact", sourceId: "none", sourceVersion: 1, exact: "Mexico extradited 29 cartel figures in February",
        prefix: "", suffix: "", start: 0, end: 10, tag: "Mass transfers show cooperation", note: "", highlights: [],
      },
    });
    const thread = await prisma.commentThread.create({ data: { mapId: map.id, target: "claim", claimId: "exact", createdById: ids.owner } });
    await prisma.comment.create({ data: { threadId: thread.id, authorId: ids.owner, body: "Check the Guzmán precedent before the round" } });
    const deleted = await prisma.comment.create({ data: { threadId: thread.id, authorId: ids.owner, body: "Guzmán secret plan", deletedAt: new Date() } });
    expect(deleted.id).toBeTruthy();
    const source = await prisma.source.create({
      data: { mapId: map.id, title: "Sheinbaum rejects intervention", author: "Reuters", versions: { create: { version: 1, text: "The president said sovereignty is not negotiable. Fentanyl seizures rose sharply." } } },
    });
    ids.source = source.id;
    await prisma.mapSource.create({ data: { mapId: map.id, sourceId: source.id } });

    const outsiderMap = await prisma.map.create({ data: { title: "Private extradition notes", question: "Q", members: { create: { userId: ids.outsider, role: "owner" } } } });
    ids.outsiderMap = outsiderMap.id;
    await claim(outsiderMap.id, "secret", "Extradition works only with a treaty", null);

    const team = await prisma.team.create({ data: { name: "Squad", members: { create: { userId: ids.teamMate, role: "viewer" } } } });
    const teamMap = await prisma.map.create({ data: { title: "Team map", question: "Q", teamId: team.id } });
    ids.teamMap = teamMap.id;
    await claim(teamMap.id, "teamclaim", "Border wall funding", null);
  });

  it("ranks the exact phrase first and shows the claim's path", async () => {
    const hits = await searchReadableMaps(ids.owner, "extradition works");
    expect(hits[0]).toMatchObject({ kind: "claim", mapId: ids.map, claimId: "exact", title: "Extradition works", path: ["Should the U.S. intervene directly?", "Cooperation"] });
    expect(hits.map((h) => h.claimId)).toContain("scattered");
    expect(hits.findIndex((h) => h.claimId === "scattered")).toBeGreaterThan(0);
    // Matched words come back as ranges over plain text.
    const top = hits[0];
    expect(top.highlights.map(([s, e]) => top.snippet.slice(s, e))).toEqual(["Extradition", "works"]);
  });

  it("finds hits with some of the words below those with all of them, and honours -not", async () => {
    const hits = await searchReadableMaps(ids.owner, "extradition drones");
    expect(hits.map((h) => h.claimId)).toEqual(expect.arrayContaining(["exact", "xss"]));
    const without = await searchReadableMaps(ids.owner, "extradition -courts");
    expect(without.map((h) => h.claimId)).toContain("exact");
    expect(without.map((h) => h.claimId)).not.toContain("scattered");
  });

  it("finds a typo and a partial word through trigrams", async () => {
    const typo = await searchReadableMaps(ids.owner, "extradtion");
    expect(typo.map((h) => h.claimId)).toEqual(expect.arrayContaining(["exact", "scattered"]));
    const exact = typo.find((h) => h.claimId === "exact")!;
    expect(exact.highlights.map(([s, e]) => exact.snippet.slice(s, e))).toEqual(["Extradition"]);
    expect((await searchReadableMaps(ids.owner, "Sinalo")).map((h) => h.claimId)).toContain("xss");
  });

  it("finds evidence, comments, sources and maps, but not deleted comments", async () => {
    expect(await searchReadableMaps(ids.owner, "extradited")).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "evidence", claimId: "exact", title: "Mass transfers show cooperation", path: ["Should the U.S. intervene directly?", "Cooperation", "Extradition works"] })]),
    );
    const comment = await searchReadableMaps(ids.owner, "Guzmán precedent");
    expect(comment[0]).toMatchObject({ kind: "comment", claimId: "exact", title: "Extradition works" });
    expect((await searchReadableMaps(ids.owner, "secret plan")).filter((h) => h.kind === "comment")).toEqual([]);
    expect((await searchReadableMaps(ids.owner, "fentanyl seizures"))[0]).toMatchObject({ kind: "source", sourceId: ids.source, mapId: ids.map, title: "Sheinbaum rejects intervention" });
    expect((await searchReadableMaps(ids.owner, "Reuters"))[0]).toMatchObject({ kind: "source", sourceId: ids.source });
    expect((await searchReadableMaps(ids.owner, "cartel policy"))[0]).toMatchObject({ kind: "map", mapId: ids.map, title: "Cartel policy" });
  });

  it("returns stored markup as plain text", async () => {
    const [hit] = await searchReadableMaps(ids.owner, "drones");
    expect(hit.snippet).toBe(`<img src=x onerror="alert(1)"> drones over Sinaloa`);
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(["drones"]);
  });

  it("never shows a hit from a map the caller cannot read", async () => {
    const owner = await searchReadableMaps(ids.owner, "extradition");
    expect(owner.length).toBeGreaterThan(0);
    expect(owner.every((h) => h.mapId === ids.map)).toBe(true);
    const outsider = await searchReadableMaps(ids.outsider, "extradition");
    expect(outsider.length).toBeGreaterThan(0);
    expect(outsider.every((h) => h.mapId === ids.outsiderMap)).toBe(true);
    expect(await searchReadableMaps(ids.outsider, "Guzmán")).toEqual([]);
    expect(await searchReadableMaps(ids.outsider, "fentanyl")).toEqual([]);
    // One map only: the outsider's own map id does not open another's.
    expect(await searchReadableMaps(ids.owner, "extradition", { mapId: ids.outsiderMap })).toEqual([]);
  });

  it("includes team maps, and stops showing a map once the member is removed", async () => {
    expect((await searchReadableMaps(ids.teamMate, "border wall"))[0]).toMatchObject({ mapId: ids.teamMap, claimId: "teamclaim" });
    expect(await searchReadableMaps(ids.owner, "border wall")).toEqual([]);

    expect((await searchReadableMaps(ids.member, "extradition")).some((h) => h.mapId === ids.map)).toBe(true);
    await fixture.db.prisma.mapMember.delete({ where: { mapId_userId: { mapId: ids.map, userId: ids.member } } });
    expect(await searchReadableMaps(ids.member, "extradition")).toEqual([]);
  });

  it("narrows to one map and caps the results", async () => {
    const inMap = await searchReadableMaps(ids.owner, "extradition", { mapId: ids.map });
    expect(inMap.length).toBeGreaterThan(0);
    expect(inMap.every((h) => h.mapId === ids.map)).toBe(true);
    expect(await searchReadableMaps(ids.owner, "extradition", { limit: 1 })).toHaveLength(1);
    // Only stop words: no full-text query, but trigrams still find the word.
    expect((await searchReadableMaps(ids.owner, "the")).map((h) => h.claimId)).toContain("root");
    expect(await searchReadableMaps(ids.owner, "zqxv")).toEqual([]);
  });
});
