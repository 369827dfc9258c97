import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";
import { decompressionBombPdf, manyPagePdf } from "../support/handmadePdf";
import { residentMb, streamRequest, watchServer } from "../support/serverWatch";

logSkipReasonOnce();

const MB = 1024 * 1024;

/** Made once for both database kinds (deflating 400 MB takes a few seconds). */
const once = <T>(make: () => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const pageBomb = once(() => manyPagePdf(8000, () => null));
const decompressionBomb = once(() => decompressionBombPdf(400 * MB));

function form(fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array | string }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  data.set("file", new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
  return data;
}

// Issue 21, failures 3 and 4: an upload is parsed off the server's main thread within caps
// (nesting depth, pages, decompressed bytes, text, time), and no body is read past its route's
// byte cap, so neither can stall /api/health or swell the process.
describe.each(DATABASE_KINDS)("request and upload limits on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let owner: HttpSession;
  let mapId: string;

  const sourceCount = async () => ((await (await owner.fetch(`/maps/${mapId}`)).text()).match(/\/sources\/[a-z0-9]+"/gi) ?? []).length;
  const upload = (name: string, type: string, bytes: Uint8Array | string) =>
    owner.fetch(`/api/maps/${mapId}/sources`, { method: "POST", body: form({ title: `Upload ${name}` }, { name, type, bytes }) });

  /** Runs `act` while watching /api/health and memory; logs the figures under `label`. */
  async function watched<T>(label: string, act: () => Promise<T>): Promise<{ result: T; slowestHealthMs: number; grewMb: number }> {
    const before = residentMb(server.child.pid!);
    const watch = watchServer(server.url, server.child.pid!);
    const result = await act();
    const { slowestHealthMs, peakMb } = await watch.stop();
    const grewMb = peakMb - before;
    console.log(`[${kind}] ${label}: slowest /api/health ${slowestHealthMs} ms, RSS ${before.toFixed(0)} → peak ${peakMb.toFixed(0)} MB (+${grewMb.toFixed(0)})`);
    return { result, slowestHealthMs, grewMb };
  }

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer(db.env);
    owner = new HttpSession(server.url);
    const signedUp = await owner.signUp(`limits-${kind}@example.com`, "limits password");
    expect(signedUp.status).toBe(201);
    mapId = ((await signedUp.json()) as { mapId: string }).mapId;
    expect(await owner.signIn(`limits-${kind}@example.com`, "limits password")).toBe(true);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  // Bodies first, the multipart one leading: the memory figures need a process whose heap has
  // not yet grown (a grown heap reuses its free pages, hiding what a request costs); the
  // others also fail by their status when a body is read whole.
  it("stops reading a chunked 200 MB multipart upload at the upload cap, creating nothing", async () => {
    const before = await sourceCount();
    const boundary = "----limitsboundary";
    const { result: res, grewMb } = await watched("signed-in chunked 200 MB multipart", () =>
      streamRequest(server.url, {
        method: "POST",
        path: `/api/maps/${mapId}/sources`,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: owner.cookieHeader() },
        totalBytes: 200 * MB,
        head: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHuge\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
        tail: `\r\n--${boundary}--\r\n`,
      }),
    );
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { error: string }).error).toMatch(/too large.*limit is 10 MB/);
    expect(grewMb).toBeLessThan(50);
    expect(await sourceCount()).toBe(before);
  }, 180_000);

  it("answers an anonymous 200 MB JSON body with 401 without reading it", async () => {
    const { result: res, grewMb } = await watched("anonymous 200 MB PATCH /api/profile", () =>
      streamRequest(server.url, { method: "PATCH", path: "/api/profile", headers: { "content-type": "application/json" }, totalBytes: 200 * MB, head: '{"name":"' }),
    );
    expect(res.status).toBe(401);
    expect(grewMb).toBeLessThan(50);
  }, 180_000);

  it("stops reading a signed-in 200 MB JSON body at the 1 MB cap", async () => {
    const { result: res, grewMb } = await watched("signed-in 200 MB PATCH /api/profile", () =>
      streamRequest(server.url, { method: "PATCH", path: "/api/profile", headers: { "content-type": "application/json", cookie: owner.cookieHeader() }, totalBytes: 200 * MB, head: '{"name":"' }),
    );
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { error: string }).error).toMatch(/larger than the 1 MB limit/);
    expect(grewMb).toBeLessThan(50);
  }, 180_000);

  it("refuses a declared Content-Length far above every cap before any route reads it", async () => {
    const { result: res, grewMb } = await watched("declared 400 MB, anonymous sign-in callback", () =>
      streamRequest(server.url, {
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        totalBytes: 400 * MB,
        contentLength: 400 * MB,
      }),
    );
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { error: string }).error).toMatch(/too large/);
    expect(grewMb).toBeLessThan(50);
  }, 180_000);
  it("refuses HTML nested deeper than the cap without stalling the server, creating nothing", async () => {
    const before = await sourceCount();
    // 977 KB: 200,000 nested <div>s (htmlparser2's work grows with the square of the depth).
    const html = "<html><body>" + "<div>".repeat(200_000) + "deep text</body></html>";
    const { result: res, slowestHealthMs } = await watched("200,000-deep HTML", () => upload("deep.html", "text/html", html));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/nests deeper than 500 levels/);
    expect(slowestHealthMs).toBeLessThan(1000);
    expect(await sourceCount()).toBe(before);
  }, 180_000);

  it("refuses a PDF whose page tree lists more pages than the cap", async () => {
    const before = await sourceCount();
    const pdf = pageBomb();
    const { result: res, slowestHealthMs } = await watched("8,000-page PDF", () => upload("pages.pdf", "application/pdf", pdf));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/8000 pages.*limit is 2000/);
    expect(slowestHealthMs).toBeLessThan(1000);
    expect(await sourceCount()).toBe(before);
  }, 180_000);

  it("refuses a PDF whose stream decompresses past the cap", async () => {
    const before = await sourceCount();
    const pdf = decompressionBomb();
    expect(pdf.length).toBeLessThan(1 * MB);
    const { result: res, slowestHealthMs, grewMb } = await watched("PDF stream of 400 MB zeros", () => upload("bomb.pdf", "application/pdf", pdf));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/decompresses to more than 128 MB/);
    expect(slowestHealthMs).toBeLessThan(1000);
    // The parser's thread may hold up to its 128 MB budget while it runs, never the whole 400 MB.
    expect(grewMb).toBeLessThan(300);
    expect(await sourceCount()).toBe(before);
  }, 180_000);

  it("parses HTML and PDFs within the caps as before", async () => {
    const before = await sourceCount();
    const html = "<html><body>" + "<div>".repeat(400) + "Deep but allowed." + "</div>".repeat(400) + "</body></html>";
    const pdf = manyPagePdf(40, (n) => `Line on page ${n}.`);
    const { result, slowestHealthMs } = await watched("within limits", async () => [await upload("ok.html", "text/html", html), await upload("ok.pdf", "application/pdf", pdf)]);
    const [htmlRes, pdfRes] = result;
    expect(htmlRes.status).toBe(201);
    expect(pdfRes.status).toBe(201);
    const { id } = (await pdfRes.json()) as { id: string };
    const text = ((await (await owner.fetch(`/api/maps/${mapId}/sources/${id}`)).json()) as { text: string }).text;
    expect(text).toContain("Line on page 1.");
    expect(text).toContain("Line on page 40.");
    expect(slowestHealthMs).toBeLessThan(1000);
    expect(await sourceCount()).toBe(before + 2);
  }, 120_000);

});
