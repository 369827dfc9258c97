import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";

logSkipReasonOnce();

describe.each(DATABASE_KINDS)("the app on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD: "demo-secret-1" });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("reports health with the database kind", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", db: kind });
    expect(["ok", "off"]).toContain(body.redis);
  });

  it("answers 401 for the map list without a session", async () => {
    const res = await fetch(`${server.url}/api/maps`);
    expect(res.status).toBe(401);
  });

  it("lets the demo account sign in and see the sample map it owns", async () => {
    const demo = new HttpSession(server.url);
    expect(await demo.signIn("demo@claimboard.local", "demo-secret-1")).toBe(true);
    const maps = (await (await demo.fetch("/api/maps")).json()) as { id: string; title: string; role: string; updatedAt: string }[];
    expect(maps).toHaveLength(1);
    expect(maps[0].role).toBe("owner");
    expect(Object.keys(maps[0]).sort()).toEqual(["id", "role", "title", "updatedAt"]);
    const page = await demo.fetch(`/maps/${maps[0].id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("How should the U.S. confront Mexican cartels?");
    expect(html).toContain("Direct intervention");
    expect(html).toContain("Cooperation");
  });

  it("rejects a wrong password", async () => {
    const s = new HttpSession(server.url);
    expect(await s.signIn("demo@claimboard.local", "not-the-password")).toBe(false);
  });

  it("signs a newcomer up with their own copy of the sample map", async () => {
    const s = new HttpSession(server.url);
    const res = await s.signUp("New.Debater@Example.com", "correct horse battery", "New Debater");
    expect(res.status).toBe(201);
    const { mapId } = (await res.json()) as { mapId: string };
    expect(mapId).toBeTruthy();
    expect(await s.signIn("new.debater@example.com", "correct horse battery")).toBe(true);
    const maps = (await (await s.fetch("/api/maps")).json()) as { id: string; role: string }[];
    expect(maps).toEqual([expect.objectContaining({ id: mapId, role: "owner" })]);
    const page = await s.fetch(`/maps/${mapId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("evidence-card");
  });

  it("refuses bad sign-ups with a clear message and creates nothing", async () => {
    const s = new HttpSession(server.url);
    const cases: [unknown, number, RegExp][] = [
      [{ email: "not-an-email", password: "long enough pw" }, 400, /valid email/i],
      [{ email: "short@example.com", password: "short" }, 400, /at least 8/i],
      [{ email: "new.debater@example.com", password: "another password" }, 409, /already exists/i],
      [{ email: "DEMO@claimboard.local", password: "another password" }, 409, /already exists/i],
      [{ password: "no email given" }, 400, /./],
    ];
    for (const [body, status, message] of cases) {
      const res = await s.fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    const malformed = await s.fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(malformed.status).toBe(400);
    // The rejected short-password account must not exist: signing up properly still works.
    expect((await s.signUp("short@example.com", "now long enough")).status).toBe(201);
    expect(await s.signIn("not-an-email", "long enough pw")).toBe(false);
  });

  it("gives 404 pages for unknown maps and 403 for maps of others", async () => {
    const owner = new HttpSession(server.url);
    await owner.signIn("demo@claimboard.local", "demo-secret-1");
    const [sample] = (await (await owner.fetch("/api/maps")).json()) as { id: string }[];
    const unknown = await owner.fetch("/maps/does-not-exist");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Map not found");

    const stranger = new HttpSession(server.url);
    await stranger.signUp("stranger@example.com", "stranger password");
    await stranger.signIn("stranger@example.com", "stranger password");
    const denied = await stranger.fetch(`/maps/${sample.id}`);
    expect(await denied.text()).toContain("not a member of this map");

    const anonymous = await fetch(`${server.url}/maps/${sample.id}`, { redirect: "manual" });
    expect([302, 303, 307]).toContain(anonymous.status);
    expect(anonymous.headers.get("location")).toContain("/signin");
  });

  it("shows the source with the cited passages highlighted", async () => {
    const demo = new HttpSession(server.url);
    await demo.signIn("demo@claimboard.local", "demo-secret-1");
    const [sample] = (await (await demo.fetch("/api/maps")).json()) as { id: string }[];
    const mapHtml = await (await demo.fetch(`/maps/${sample.id}`)).text();
    const sourcePath = mapHtml.match(/href="(\/maps\/[^"/]+\/sources\/[^"#]+)"/)?.[1];
    expect(sourcePath).toBeTruthy();
    const html = await (await demo.fetch(sourcePath!)).text();
    expect(html).toContain("Trump’s Stance on Mexican Cartels");
    expect((html.match(/data-citation-ids=/g) ?? []).length).toBeGreaterThan(10);
  });
});
