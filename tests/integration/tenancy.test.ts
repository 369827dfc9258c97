import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectMap, readCitations, readMeta, setClaimText, setMeta } from "../../lib/argument";
import { applyPendingMigrations } from "../../lib/db/migrations";
import { openDatabase } from "../../lib/db/client";
import { resolveDatabaseConfig } from "../../lib/db/databaseConfig";
import { addSourceVersion } from "../../lib/db/sources";
import { SAMPLE_MAP } from "../../prisma/seed/sampleMap";
import { readSampleSourceText } from "../../prisma/seed/sampleTemplate";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, signedIn, signedUp, waitFor, withDatabase } from "../support/collabClient";
import { shareMap } from "../support/shareMap";

logSkipReasonOnce();

// Start-up (migrations, seed) can take well over a minute while other suites load the machine.
const START_TIMEOUT_MS = 180_000;
const POISON = "POISONED BY THE DEMO ACCOUNT";

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: body === undefined ? {} : { "content-type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

function textForm(text: string): FormData {
  const data = new FormData();
  data.set("text", text);
  return data;
}

async function mapOf(session: HttpSession): Promise<{ id: string; title: string }> {
  const maps = (await (await session.fetch("/api/maps")).json()) as { id: string; title: string }[];
  expect(maps).toHaveLength(1);
  return maps[0];
}

/** The source ids a map's page links to (its source list and its evidence cards). */
async function linkedSourceIds(session: HttpSession, mapId: string): Promise<string[]> {
  const html = await (await session.fetch(`/maps/${mapId}`)).text();
  return [...new Set([...html.matchAll(new RegExp(`/maps/${mapId}/sources/([A-Za-z0-9_-]+)`, "g"))].map((m) => m[1]))];
}

describe.each(DATABASE_KINDS)("one account's data stays its own on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: CollabClient[] = [];
  const client = (mapId: string, s: HttpSession) => {
    const c = new CollabClient(server.url, mapId, s.cookieHeader());
    clients.push(c);
    return c;
  };
  const article = readSampleSourceText();

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD }, { timeoutMs: START_TIMEOUT_MS });
  }, START_TIMEOUT_MS + 10_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("gives each sign-up its own sample source: a version through one copy leaves the other's text alone", async () => {
    const [first, second] = await Promise.all([
      signedUp(server.url, "first@example.com", "first password"),
      signedUp(server.url, "second@example.com", "second password"),
    ]);
    const [firstMap, secondMap] = await Promise.all([mapOf(first), mapOf(second)]);
    const [[firstSource], [secondSource]] = await Promise.all([linkedSourceIds(first, firstMap.id), linkedSourceIds(second, secondMap.id)]);
    expect(firstSource).toBeTruthy();
    expect(secondSource).toBeTruthy();

    const posted = await first.fetch(`/api/maps/${firstMap.id}/sources/${firstSource}/versions`, { method: "POST", body: textForm("Rewritten by the first account.") });
    expect(posted.status).toBe(201);
    expect(((await (await first.fetch(`/api/maps/${firstMap.id}/sources/${firstSource}`)).json()) as { text: string }).text).toBe("Rewritten by the first account.");

    const seen = (await (await second.fetch(`/api/maps/${secondMap.id}/sources/${secondSource}`)).json()) as { text: string; version: number };
    expect(seen.version).toBe(1);
    expect(seen.text).toBe(article);

    // A version through the first map for the second map's source is refused, whatever the id.
    const crossed = await first.fetch(`/api/maps/${firstMap.id}/sources/${secondSource}/versions`, { method: "POST", body: textForm("Crossing over.") });
    expect(crossed.status).toBe(404);
    expect(((await (await second.fetch(`/api/maps/${secondMap.id}/sources/${secondSource}`)).json()) as { text: string }).text).toBe(article);

    // The copy's doc names the copy's own source, in its source list and in every citation.
    const live = client(secondMap.id, second);
    await live.whenSynced();
    expect(readMeta(live.doc).sourceIds).toEqual([secondSource]);
    const citations = readCitations(live.doc);
    expect(citations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(citations.map((c) => c.sourceId))).toEqual(new Set([secondSource]));
    const sourcePage = await (await second.fetch(`/maps/${secondMap.id}/sources/${secondSource}`)).text();
    expect((sourcePage.match(/data-citation-ids=/g) ?? []).length).toBeGreaterThan(10);
  });

  it("copies the pristine sample for a new account, not the demo map its owner edited", async () => {
    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const demoMap = await mapOf(demo);
    const editor = client(demoMap.id, demo);
    await editor.whenSynced();
    const someClaim = projectMap(editor.doc).claims.find((c) => c.kind === "claim")!.id;
    setMeta(editor.doc, { title: `${POISON} title`, question: `${POISON} question` });
    setClaimText(editor.doc, someClaim, `${POISON} claim`);
    // Written through to the database (the brief reads the stored state) before anyone signs up.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const brief = await (await demo.fetch(`/api/maps/${demoMap.id}/brief?format=md`)).text();
      if (brief.includes(`${POISON} claim`)) break;
      if (Date.now() > deadline) throw new Error("the demo map's edit never reached the database");
      await new Promise((r) => setTimeout(r, 100));
    }
    for (;;) {
      if ((await mapOf(demo)).title.includes(POISON)) break;
      if (Date.now() > deadline) throw new Error("the demo map's title never reached the database");
      await new Promise((r) => setTimeout(r, 100));
    }

    const newcomer = await signedUp(server.url, "newcomer@example.com", "newcomer password");
    const copy = await mapOf(newcomer);
    expect(copy.title).toBe(SAMPLE_MAP.title);
    const brief = await (await newcomer.fetch(`/api/maps/${copy.id}/brief?format=md`)).text();
    expect(brief).not.toContain(POISON);
    const live = client(copy.id, newcomer);
    await live.whenSynced();
    expect(readMeta(live.doc).title).toBe(SAMPLE_MAP.title);
    expect(readMeta(live.doc).question).toBe(SAMPLE_MAP.question);
    const texts = projectMap(live.doc).claims.map((c) => c.text);
    expect(texts.some((t) => t.includes(POISON))).toBe(false);
    for (const claim of SAMPLE_MAP.claims) expect(texts).toContain(claim.text);
  });

  it("shows members' emails to owners only, on maps and on teams", async () => {
    const owner = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const viewer = await signedUp(server.url, "viewer@example.com", "viewer password");
    await signedUp(server.url, "editor@example.com", "editor password");
    const mapId = (await mapOf(owner)).id;
    expect((await shareMap(owner, mapId, "viewer@example.com", "viewer")).status).toBe(200);
    expect((await shareMap(owner, mapId, "editor@example.com", "editor")).status).toBe(200);

    const asOwner = (await (await owner.fetch(`/api/maps/${mapId}/members`)).json()) as { email?: string; name: string }[];
    expect(asOwner.map((m) => m.email).sort()).toEqual([DEMO_EMAIL, "editor@example.com", "viewer@example.com"]);
    const viewerRes = await viewer.fetch(`/api/maps/${mapId}/members`);
    expect(viewerRes.status).toBe(200);
    const asViewer = (await viewerRes.json()) as Record<string, unknown>[];
    expect(asViewer).toHaveLength(3);
    for (const m of asViewer) expect(m).not.toHaveProperty("email");
    expect(asViewer.map((m) => m.name)).toContain("editor");

    const team = (await (await owner.fetch("/api/teams", json("POST", { name: "Email privacy" }))).json()) as { id: string };
    expect((await owner.fetch(`/api/teams/${team.id}/members`, json("POST", { email: "viewer@example.com", role: "viewer" }))).status).toBe(200);
    expect((await owner.fetch(`/api/teams/${team.id}/members`, json("POST", { email: "editor@example.com", role: "editor" }))).status).toBe(200);
    const ownerTeam = (await (await owner.fetch(`/api/teams/${team.id}`)).json()) as { members: { email?: string }[] };
    expect(ownerTeam.members.map((m) => m.email).sort()).toEqual([DEMO_EMAIL, "editor@example.com", "viewer@example.com"]);
    const viewerTeam = (await (await viewer.fetch(`/api/teams/${team.id}`)).json()) as { members: Record<string, unknown>[] };
    expect(viewerTeam.members).toHaveLength(3);
    for (const m of viewerTeam.members) expect(m).not.toHaveProperty("email");
    const viewerPage = await (await viewer.fetch(`/teams/${team.id}`)).text();
    expect(viewerPage).toContain("editor");
    expect(viewerPage).not.toContain(DEMO_EMAIL);
    expect(viewerPage).not.toContain("editor@example.com");
    expect(await (await owner.fetch(`/teams/${team.id}`)).text()).toContain("editor@example.com");
  });

  it("records one audit row per user and map for many brief downloads within the hour", async () => {
    const owner = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const viewer = await signedIn(server.url, "viewer@example.com", "viewer password");
    const mapId = (await mapOf(owner)).id;
    const download = (s: HttpSession, query: string) => s.fetch(`/api/maps/${mapId}/brief?${query}`).then(async (r) => [r.status, (await r.arrayBuffer()).byteLength > 0] as const);
    for (const query of ["side=aff&format=md", "side=neg&format=md"]) expect(await download(owner, query)).toEqual([200, true]);
    // Concurrent downloads race for the same hour's row.
    const burst = await Promise.all(
      [...Array(6)].flatMap((_, i) => [download(owner, i % 2 ? "format=docx" : "format=md"), download(viewer, "side=neg")]),
    );
    for (const result of burst) expect(result).toEqual([200, true]);

    const audit = (await (await owner.fetch(`/api/maps/${mapId}/audit`)).json()) as { action: string; actorName: string | null }[];
    const exports = audit.filter((e) => e.action === "map.exported");
    expect(exports.map((e) => e.actorName).sort()).toEqual(["Demo Debater", "viewer"]);
  });
});

describe.each(DATABASE_KINDS)("sources shared before they had an owner, on %s", (kind) => {
  let db: TestDatabase;
  let oldMigrations: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    // The migrations before sources had an owning map.
    const all = path.resolve("prisma", "migrations");
    oldMigrations = fs.mkdtempSync(path.join(os.tmpdir(), "claimboard-old-migrations-"));
    for (const entry of fs.readdirSync(all)) {
      if (entry.endsWith(".toml") || entry < "20261202") fs.cpSync(path.join(all, entry), path.join(oldMigrations, entry), { recursive: true });
    }
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(oldMigrations, { recursive: true, force: true });
  });

  it("end read-only for every map that shares them, with text and versions intact; a map's own source stays writable", async () => {
    const handle = await openDatabase(resolveDatabaseConfig({ ...db.env } as NodeJS.ProcessEnv));
    try {
      await applyPendingMigrations(handle, { migrationsDir: oldMigrations });
      // As earlier sign-ups left it: the sample and two copies link one source row.
      for (const statement of [
        `INSERT INTO "Map" ("id", "title", "question", "isSample", "updatedAt") VALUES ('sample', 'S', 'Q', true, now()), ('copy1', 'S', 'Q', false, now()), ('copy2', 'S', 'Q', false, now()), ('solo', 'T', 'Q', false, now())`,
        `INSERT INTO "Source" ("id", "title") VALUES ('shared', 'Shared article'), ('own', 'Own article'), ('orphan', 'Unlinked')`,
        `INSERT INTO "SourceVersion" ("sourceId", "version", "text") VALUES ('shared', 1, 'one'), ('shared', 2, 'two'), ('own', 1, 'mine')`,
        `INSERT INTO "MapSource" ("mapId", "sourceId") VALUES ('sample', 'shared'), ('copy1', 'shared'), ('copy2', 'shared'), ('solo', 'own')`,
      ]) {
        await handle.prisma.$executeRawUnsafe(statement);
      }
      await applyPendingMigrations(handle);
      const owners = await handle.prisma.source.findMany({ select: { id: true, mapId: true }, orderBy: { id: "asc" } });
      expect(owners).toEqual([
        { id: "orphan", mapId: null },
        { id: "own", mapId: "solo" },
        { id: "shared", mapId: null },
      ]);
      expect(await handle.prisma.mapSource.count({ where: { sourceId: "shared" } })).toBe(3);
      expect((await handle.prisma.sourceVersion.findMany({ where: { sourceId: "shared" }, orderBy: { version: "asc" } })).map((v) => v.text)).toEqual(["one", "two"]);
    } finally {
      await handle.close();
    }
    await withDatabase(db, async () => {
      expect(await addSourceVersion("copy1", "shared", "three")).toEqual({ ok: false, reason: "not-owned" });
      expect(await addSourceVersion("sample", "shared", "three")).toEqual({ ok: false, reason: "not-owned" });
      expect(await addSourceVersion("solo", "shared", "three")).toEqual({ ok: false, reason: "not-owned" });
      expect(await addSourceVersion("copy1", "own", "theirs")).toEqual({ ok: false, reason: "not-owned" });
      expect(await addSourceVersion("solo", "own", "mine, again")).toEqual({ ok: true, version: 2, previous: 1 });
    });
  });
});
