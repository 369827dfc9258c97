import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";

logSkipReasonOnce();

describe.each(DATABASE_KINDS)("the debate brief on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let demo: HttpSession;
  let mapId: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD: "demo-secret-1" });
    demo = new HttpSession(server.url);
    expect(await demo.signIn("demo@claimboard.local", "demo-secret-1")).toBe(true);
    const maps = (await (await demo.fetch("/api/maps")).json()) as { id: string }[];
    mapId = maps[0].id;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("serves Markdown for both sides", async () => {
    for (const [side, label, position] of [
      ["aff", "Affirmative", "Direct intervention"],
      ["neg", "Negative", "Cooperation"],
    ] as const) {
      const res = await demo.fetch(`/api/maps/${mapId}/brief?side=${side}&format=md`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
      const md = await res.text();
      expect(md.startsWith(`# ${label}: ${position}`)).toBe(true);
      expect(md).toContain("## Contentions");
      expect(md).toContain("## Answers to their attacks");
      expect(md).toContain("#### ");
      // The sample source's cite: it has only a title, so author and date are marked missing.
      expect(md).toContain("**no author n.d.** \\[no author, n.d., “Trump's Stance on Mexican Cartels: What It Means for U.S.-Mexico Relations”\\]");
    }
  });

  it("serves .docx for both sides as an attachment", async () => {
    for (const [side, short, label] of [
      ["aff", "Aff", "Affirmative"],
      ["neg", "Neg", "Negative"],
    ] as const) {
      const res = await demo.fetch(`/api/maps/${mapId}/brief?side=${side}&format=docx`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      const disposition = res.headers.get("content-disposition")!;
      expect(disposition).toMatch(/^attachment; /);
      // "U.S. vs. Mexican cartels: intervene or cooperate?" without the characters file names refuse.
      expect(disposition).toContain(`filename="U.S. vs. Mexican cartels intervene or cooperate - ${short} brief.docx"`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe("PK");
      const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
      expect(xml).toContain(`${label}: `);
      expect(xml).toContain('<w:pStyle w:val="Heading4"/>');
    }
  });

  it("defaults to the affirmative Markdown brief", async () => {
    const res = await demo.fetch(`/api/maps/${mapId}/brief`);
    expect(res.status).toBe(200);
    expect((await res.text()).startsWith("# Affirmative")).toBe(true);
  });

  it("rejects a bad side or format with 400 and a clear message", async () => {
    const side = await demo.fetch(`/api/maps/${mapId}/brief?side=both`);
    expect(side.status).toBe(400);
    expect(((await side.json()) as { error: string }).error).toBe('side must be "aff" or "neg"');
    const format = await demo.fetch(`/api/maps/${mapId}/brief?side=aff&format=pdf`);
    expect(format.status).toBe(400);
    expect(((await format.json()) as { error: string }).error).toBe('format must be "md" or "docx"');
  });

  it("answers 401 without a session, 403 for a non-member, 404 for an unknown map", async () => {
    const anonymous = await fetch(`${server.url}/api/maps/${mapId}/brief?side=aff&format=md`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: expect.any(String) });

    const stranger = new HttpSession(server.url);
    expect((await stranger.signUp("brief.stranger@example.com", "stranger password")).status).toBe(201);
    expect(await stranger.signIn("brief.stranger@example.com", "stranger password")).toBe(true);
    const forbidden = await stranger.fetch(`/api/maps/${mapId}/brief?side=neg&format=docx`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: expect.any(String) });

    const missing = await demo.fetch(`/api/maps/no-such-map/brief?side=aff&format=md`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: expect.any(String) });
  });

  it("renders the brief page for members, with the side switch and downloads", async () => {
    const page = await demo.fetch(`/maps/${mapId}/brief?side=neg`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Negative");
    expect(html).toContain("Cooperation: work with Mexico");
    expect(html).toContain(`/api/maps/${mapId}/brief?side=neg&amp;format=docx`);
    expect(html).toContain("brief-card");
    const map = await demo.fetch(`/maps/${mapId}`);
    expect(await map.text()).toContain(`/maps/${mapId}/brief`);
  });
});
