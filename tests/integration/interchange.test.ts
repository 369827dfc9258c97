import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";

logSkipReasonOnce();

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../fixtures/interchange", name), "utf8");

describe.each(DATABASE_KINDS)("map import and export on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let demo: HttpSession;

  const upload = (path: string, fields: Record<string, string | Blob>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v as string);
    return demo.fetch(path, { method: "POST", body: form });
  };
  const mapCount = async () => ((await (await demo.fetch("/api/maps")).json()) as unknown[]).length;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD: "demo-secret-1" });
    demo = new HttpSession(server.url);
    expect(await demo.signIn("demo@claimboard.local", "demo-secret-1")).toBe(true);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("imports Argdown as a new map, exports it in every format, and the Claimboard file imports back the same", async () => {
    const res = await upload("/api/maps/import", { file: new File([fixture("small.argdown")], "tram.argdown") });
    expect(res.status).toBe(201);
    const { id, report } = (await res.json()) as { id: string; report: { claims: number; links: number; skipped: string[] } };
    expect(report).toEqual({ claims: 6, links: 2, skipped: [] });
    expect(((await (await demo.fetch("/api/maps")).json()) as { id: string; title: string; role: string }[]).find((m) => m.id === id)).toMatchObject({ title: "Tram line", role: "owner" });

    const types: Record<string, string> = { argdown: "text/x-argdown", kialo: "text/plain", aif: "application/json", annotations: "application/ld+json", claimboard: "application/json" };
    const bodies: Record<string, string> = {};
    for (const [format, type] of Object.entries(types)) {
      const out = await demo.fetch(`/api/maps/${id}/export?format=${format}`);
      expect(out.status, format).toBe(200);
      expect(out.headers.get("content-type"), format).toBe(`${type}; charset=utf-8`);
      expect(out.headers.get("content-disposition"), format).toMatch(/^attachment; filename="Tram line\./);
      bodies[format] = await out.text();
    }
    expect(bodies.argdown).toContain("[Riders]: The tram would carry 40,000 riders a day.");
    expect(bodies.kialo).toContain("1.1. Thesis: The city should build the tram line.");

    // A source and a Web Annotation on it: a card, which the annotations export carries.
    const claimboard = JSON.parse(bodies.claimboard) as { claims: { key: string; text: string }[] };
    const riders = claimboard.claims.find((c) => c.text.startsWith("The tram would carry"))!.key;
    const source = await upload(`/api/maps/${id}/sources`, { title: "Ridership study", text: "Planners expect the tram to carry 40,000 riders a day by 2030." });
    expect(source.status).toBe(201);
    const sourceId = ((await source.json()) as { id: string }).id;
    const annotation = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", body: [{ type: "TextualBody", purpose: "tagging", value: "Ridership" }], target: { selector: [{ type: "TextQuoteSelector", exact: "40,000 riders a day" }, { type: "TextPositionSelector", start: 34, end: 53 }] } };
    const added = await upload(`/api/maps/${id}/annotations`, { sourceId, claimId: riders, file: new File([JSON.stringify([annotation, { ...annotation, target: { selector: { type: "TextQuoteSelector", exact: "not in it" } } }])], "a.json") });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ cards: 1, orphans: ["annotation 2: the quote “not in it” is not in the source text"] });
    const annotations = (await (await demo.fetch(`/api/maps/${id}/export?format=annotations`)).json()) as { first: { items: { target: { source: string; selector: { type: string; start?: number }[] } }[] } };
    expect(annotations.first.items).toHaveLength(1);
    expect(annotations.first.items[0].target.source).toBe(`${server.url}/api/maps/${id}/sources/${sourceId}?version=1`);
    expect(annotations.first.items[0].target.selector).toContainEqual({ type: "TextPositionSelector", start: 34, end: 53 });

    // The lossless file, with the card and its source, is a new map with the same content.
    const full = await (await demo.fetch(`/api/maps/${id}/export?format=claimboard`)).text();
    const again = await upload("/api/maps/import", { file: new File([full], "tram.claimboard.json") });
    expect(again.status).toBe(201);
    const copy = (await again.json()) as { id: string };
    const copyFull = await (await demo.fetch(`/api/maps/${copy.id}/export?format=claimboard`)).text();
    const strip = (text: string) => {
      const d = JSON.parse(text) as { claims: { key: string; parentKey: string | null }[]; links: { fromKey: string; toKey: string }[]; citations: { claimKey: string; sourceKey: string }[]; sources: { key: string }[] };
      const index = new Map(d.claims.map((c, i) => [c.key, i]));
      return {
        ...d,
        claims: d.claims.map(({ key: _k, parentKey, ...rest }) => ({ ...rest, parent: parentKey && index.get(parentKey) })),
        links: d.links.map((l) => [index.get(l.fromKey), index.get(l.toKey)]),
        citations: d.citations.map(({ claimKey, sourceKey: _s, ...rest }) => ({ ...rest, claim: index.get(claimKey) })),
        sources: d.sources.map(({ key: _k, ...rest }) => rest),
      };
    };
    expect(strip(copyFull)).toEqual(strip(full));
  });

  it("refuses bad files with a 400 that names the problem, or 413 over the limit, and creates no map", async () => {
    const before = await mapCount();
    const cases: [string, Record<string, string | Blob>, number, RegExp][] = [
      ["unclosed bracket", { file: new File([fixture("unclosed.argdown")], "bad.argdown") }, 400, /^Argdown line 2: the statement title opened with "\[" is never closed/],
      ["cyclic AIF", { file: new File([fixture("cyclic.aif.json")], "bad.json") }, 400, /^The AIF graph is cyclic/],
      ["broken Kialo numbering", { file: new File([fixture("broken.kialo.txt")], "bad.txt") }, 400, /^Kialo line 5: 1\.3\.2\. has no parent claim 1\.3\./],
      ["invalid JSON", { file: new File(['{"nodes": [ {"nodeID": '], "bad.json") }, 400, /^The file is not valid JSON/],
      ["unknown format", { file: new File(["[A]: x"], "a.argdown"), format: "docx" }, 400, /^format must be one of argdown, kialo, aif, claimboard/],
      ["oversize", { file: new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(32)], "big.argdown") }, 413, /too large .* the limit is 10 MB/],
    ];
    for (const [name, fields, status, message] of cases) {
      const res = await upload("/api/maps/import", fields);
      expect(res.status, name).toBe(status);
      expect(((await res.json()) as { error: string }).error, name).toMatch(message);
    }
    expect(await mapCount()).toBe(before);
  });
});
