import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMapTree, readAllClaims, setClaimText } from "../../lib/argument";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, signedUp, sleep } from "../support/collabClient";
import { HttpSession } from "../support/httpSession";

logSkipReasonOnce();

interface Hit {
  kind: string;
  mapId: string;
  claimId?: string;
  title: string;
  snippet: string;
}

// GET /api/search on a real server: input errors, access, and an edit made through the collab
// socket becoming findable once the server's projection refresh has run (no second write path).
describe.each(DATABASE_KINDS)("GET /api/search on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let demo: HttpSession;
  let stranger: HttpSession;
  let mapId: string;
  const clients: CollabClient[] = [];

  const search = async (who: HttpSession, query: string) => {
    const res = await who.fetch(`/api/search?${query}`);
    return { status: res.status, body: (await res.json()) as { results?: Hit[]; error?: string } };
  };

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD });
    demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    mapId = await firstMapId(demo);
    stranger = await signedUp(server.url, "stranger@search.test", "stranger password");
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("answers 401, 400 and the map's own refusals as JSON errors", async () => {
    expect((await search(new HttpSession(server.url), "q=cartel")).status).toBe(401);
    for (const bad of ["", "q=", "q=%20%20", `q=${"x".repeat(201)}`]) {
      const res = await search(demo, bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toEqual(expect.any(String));
    }
    expect((await search(demo, `q=${"x".repeat(200)}`)).status).toBe(200);
    expect((await search(stranger, `q=cartel&mapId=${mapId}`)).status).toBe(403);
    expect((await search(demo, "q=cartel&mapId=no-such-map")).status).toBe(404);
  });

  it("finds a claim edited through the collab socket once the projection refreshes, for its readers only", async () => {
    const client = new CollabClient(server.url, mapId, demo.cookieHeader());
    clients.push(client);
    await client.whenSynced();
    const root = buildMapTree(client.doc).root!.claim.id;
    const target = readAllClaims(client.doc).find((c) => c.id !== root)!;
    setClaimText(client.doc, target.id, "The Quetzalcoatl doctrine makes extradition routine");

    // The refresh runs ~2 s after the edit (COLLAB_PROJECTION_IDLE_MS), at most 10 s late.
    let hits: Hit[] = [];
    for (let i = 0; i < 150 && !hits.some((h) => h.claimId === target.id); i++) {
      await sleep(100);
      hits = (await search(demo, "q=quetzalcoatl")).body.results ?? [];
    }
    expect(hits[0]).toMatchObject({ kind: "claim", mapId, claimId: target.id, title: "The Quetzalcoatl doctrine makes extradition routine" });
    expect((await search(demo, `q=quetzalcoatl&mapId=${mapId}`)).body.results?.[0]).toMatchObject({ claimId: target.id });
    // A typo finds it too; someone else (with their own copy of the sample) does not.
    expect((await search(demo, "q=quetzalcoatel")).body.results?.some((h) => h.claimId === target.id)).toBe(true);
    expect((await search(stranger, "q=quetzalcoatl")).body.results).toEqual([]);
  });
});
