import { describe, expect, it } from "vitest";
import { DISCARD_AFTER_REFUSAL_BYTES, readBodyBytes } from "@/lib/http/readBodyBytes";
import { readJsonBody } from "@/lib/http/readJsonBody";

/** A chunked request body of `chunks` 64 KB chunks that counts how many were pulled. */
function countingRequest(chunks: number, headers: Record<string, string> = {}) {
  const pulled = { count: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.count === chunks) return controller.close();
        pulled.count++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      },
      cancel() {
        pulled.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { request: new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit), pulled };
}

describe("readBodyBytes", () => {
  it("reads a body within the cap whole", async () => {
    const { request } = countingRequest(3);
    const read = await readBodyBytes(request, 1024 * 1024);
    expect(read.ok && read.bytes.byteLength).toBe(3 * 64 * 1024);
  });

  it("answers 413 at the cap, then drops what follows and cuts the body off after the discard allowance", async () => {
    const { request, pulled } = countingRequest(3200); // 200 MB offered
    const read = await readBodyBytes(request, 1024 * 1024);
    expect(read).toEqual({ ok: false, status: 413, error: "The request body is larger than the 1 MB limit for this request." });
    await expect.poll(() => pulled.cancelled).toBe(true);
    expect(pulled.count * 64 * 1024).toBeLessThanOrEqual(1024 * 1024 + DISCARD_AFTER_REFUSAL_BYTES + 2 * 64 * 1024);
  });

  it("refuses a declared Content-Length over the cap before reading anything", async () => {
    const { request, pulled } = countingRequest(3, { "content-length": String(300 * 1024 * 1024) });
    expect(await readBodyBytes(request, 1024 * 1024)).toMatchObject({ ok: false, status: 413 });
    expect(pulled.count).toBe(0);
  });

  it("parses JSON within the cap and refuses bad JSON with 400", async () => {
    const ok = new Request("http://x/", { method: "POST", body: JSON.stringify({ a: 1 }), headers: { "content-type": "application/json" } });
    expect(await readJsonBody(ok)).toEqual({ ok: true, value: { a: 1 } });
    const bad = new Request("http://x/", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(await readJsonBody(bad)).toEqual({ ok: false, status: 400, error: "The request body is not valid JSON." });
  });
});
