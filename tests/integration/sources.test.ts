import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";
import { SAMPLE_HTML, tinyPdf } from "../unit/sources/fixtures";

logSkipReasonOnce();

const PASSWORD = "demo-secret-sources";

function form(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array | string }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  if (file) data.set("file", new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
  return data;
}

describe.each(DATABASE_KINDS)("adding sources on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let owner: HttpSession;
  let mapId: string;

  const sourceCount = async () => ((await (await owner.fetch(`/maps/${mapId}`)).text()).match(/\/sources\/[a-z0-9]+"/gi) ?? []).length;
  const post = (session: HttpSession, body: FormData | string, headers: Record<string, string> = {}) =>
    session.fetch(`/api/maps/${mapId}/sources`, { method: "POST", body, headers });

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD: PASSWORD });
    owner = new HttpSession(server.url);
    expect(await owner.signIn("demo@claimboard.local", PASSWORD)).toBe(true);
    [{ id: mapId }] = (await (await owner.fetch("/api/maps")).json()) as { id: string }[];
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("extracts and stores each supported file type, linked to the map, with cite metadata", async () => {
    const cases: [string, string, Uint8Array | string, string[]][] = [
      ["notes.txt", "text/plain", "First line of the text.\r\nSecond line.\n", ["First line of the text.\nSecond line."]],
      ["notes.md", "text/markdown", "# Heading\n\nSome *markdown* text.", ["# Heading\n\nSome *markdown* text."]],
      ["page.html", "text/html", SAMPLE_HTML, ["Cartel & State\nFirst paragraph with bold and a link."]],
      ["paper.pdf", "application/pdf", tinyPdf(["Cartels adapt to pressure.", "Cooperation works better."]), ["Cartels adapt to pressure.", "Cooperation works better."]],
    ];
    for (const [name, type, bytes, expected] of cases) {
      const res = await post(owner, form({ title: `Source ${name}`, author: "A. Writer", authorQualifications: "Analyst", publisher: "Press", publishedAt: "2024-05-01", url: "https://example.com/x", accessedAt: "2024-06-01" }, { name, type, bytes }));
      expect(res.status, name).toBe(201);
      const created = (await res.json()) as { id: string; version: number };
      expect(created.version).toBe(1);
      const got = (await (await owner.fetch(`/api/maps/${mapId}/sources/${created.id}`)).json()) as { text: string; version: number };
      for (const e of expected) expect(got.text, name).toContain(e);
      expect(got.text).not.toContain("do not keep");
      const page = await (await owner.fetch(`/maps/${mapId}/sources/${created.id}`)).text();
      expect(page).toContain(`Source ${name}`);
      expect(page).toContain("A. Writer, Analyst");
    }
  });

  it("reads a file's cite metadata for the form without storing anything", async () => {
    const before = await sourceCount();
    const html = `<html><head><title>Cartels and the Border</title><meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Border Review"><meta property="article:published_time" content="2025-01-20T08:00:00Z"></head><body><p>Joint task forces work.</p></body></html>`;
    const res = await owner.fetch(`/api/maps/${mapId}/sources/metadata`, { method: "POST", body: form({}, { name: "page.html", type: "text/html", bytes: html }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ metadata: { title: "Cartels and the Border", author: "Ana Ruiz", publisher: "Border Review", publishedAt: "2025-01-20", url: null }, textLength: "Joint task forces work.".length });
    const pdf = await owner.fetch(`/api/maps/${mapId}/sources/metadata`, { method: "POST", body: form({}, { name: "field-notes.pdf", type: "application/pdf", bytes: tinyPdf(["Cartels adapt."]) }) });
    expect(((await pdf.json()) as { metadata: { title: string } }).metadata.title).toBe("field notes");
    // Bad input: no file, not a form, an unreadable file.
    expect((await owner.fetch(`/api/maps/${mapId}/sources/metadata`, { method: "POST", body: form({ title: "x" }) })).status).toBe(400);
    expect((await owner.fetch(`/api/maps/${mapId}/sources/metadata`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })).status).toBe(415);
    const binary = await owner.fetch(`/api/maps/${mapId}/sources/metadata`, { method: "POST", body: form({}, { name: "x.exe", type: "application/octet-stream", bytes: new Uint8Array([0, 1, 2]) }) });
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { error: string }).error).toMatch(/not a supported file type/);
    expect(await sourceCount()).toBe(before);
  });

  it("accepts pasted text as JSON and as a form field", async () => {
    const json = await post(owner, JSON.stringify({ title: "Pasted", text: "Pasted paragraph one.\nTwo." }), { "content-type": "application/json" });
    expect(json.status).toBe(201);
    const viaForm = await post(owner, form({ title: "Pasted form", text: "Pasted in a form." }));
    expect(viaForm.status).toBe(201);
  });

  it("refuses bad input with a clear message and creates nothing", async () => {
    const before = await sourceCount();
    const cases: [FormData | string, Record<string, string>, number, RegExp][] = [
      [form({ title: "Empty" }, { name: "empty.txt", type: "text/plain", bytes: "" }), {}, 400, /empty/i],
      [form({ title: "Word" }, { name: "x.docx", type: "application/octet-stream", bytes: "PK" }), {}, 400, /not a supported file type/i],
      [form({ title: "Scan" }, { name: "scan.pdf", type: "application/pdf", bytes: tinyPdf(null) }), {}, 400, /no text layer/i],
      [form({ title: "Broken" }, { name: "broken.pdf", type: "application/pdf", bytes: "%PDF-1.4 nothing" }), {}, 400, /could not be read/i],
      [form({ title: "" }, { name: "a.txt", type: "text/plain", bytes: "text" }), {}, 400, /title is required/i],
      [form({ title: "Bad url", url: "javascript:alert(1)" }, { name: "a.txt", type: "text/plain", bytes: "text" }), {}, 400, /http/i],
      [form({ title: "Nothing" }), {}, 400, /paste the source text or upload/i],
      [form({ title: "Big" }, { name: "big.txt", type: "text/plain", bytes: new Uint8Array(10 * 1024 * 1024 + 10).fill(97) }), {}, 413, /too large.*10 MB/i],
      ["{nope", { "content-type": "application/json" }, 400, /not valid JSON/i],
      ["plain", { "content-type": "text/plain" }, 415, /multipart form/i],
    ];
    for (const [body, headers, status, message] of cases) {
      const res = await post(owner, body, headers);
      expect(res.status, String(message)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    expect(await sourceCount()).toBe(before);
  });

  it("lets only editors and owners add sources", async () => {
    const viewer = new HttpSession(server.url);
    await viewer.signUp(`viewer-${kind}@example.com`, "viewer password");
    expect(await viewer.signIn(`viewer-${kind}@example.com`, "viewer password")).toBe(true);
    const share = await owner.fetch(`/api/maps/${mapId}/members`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `viewer-${kind}@example.com`, role: "viewer" }) });
    expect(share.status).toBe(200);
    const denied = await post(viewer, form({ title: "Nope", text: "text" }));
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: string }).error).toMatch(/editors and owners/);
    // A viewer may still read a source's text.
    const [first] = (await (await owner.fetch(`/maps/${mapId}`)).text()).match(/\/sources\/[a-z0-9]+/i) ?? [];
    expect((await viewer.fetch(`/api/maps/${mapId}${first}`)).status).toBe(200);
    const anonymous = await fetch(`${server.url}/api/maps/${mapId}/sources`, { method: "POST", body: form({ title: "x", text: "y" }) });
    expect(anonymous.status).toBe(401);
  });

  it("imports a new immutable version", async () => {
    const created = (await (await post(owner, form({ title: "Versioned", text: "Alpha one.\nBeta two." }))).json()) as { id: string };
    const v2 = await owner.fetch(`/api/maps/${mapId}/sources/${created.id}/versions`, { method: "POST", body: form({ text: "Intro.\nAlpha one.\nBeta two." }) });
    expect(v2.status).toBe(201);
    expect(await v2.json()).toMatchObject({ version: 2, previous: 1 });
    expect(((await (await owner.fetch(`/api/maps/${mapId}/sources/${created.id}?version=1`)).json()) as { text: string }).text).toBe("Alpha one.\nBeta two.");
    const same = await owner.fetch(`/api/maps/${mapId}/sources/${created.id}/versions`, { method: "POST", body: form({ text: "Intro.\nAlpha one.\nBeta two." }) });
    expect(same.status).toBe(400);
  });
});
