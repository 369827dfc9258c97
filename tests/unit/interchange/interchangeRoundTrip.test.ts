import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { buildDocFromDraft, draftFromDoc, type SourceForDraft } from "../../../lib/argument/mapDraftDoc";
import { setClaimBodyJSON, claimBodyFragment } from "../../../lib/argument/claimBody";
import { claimsMap } from "../../../lib/argument/claimSchema";
import { exportAif } from "../../../lib/interchange/aifExport";
import { importAif } from "../../../lib/interchange/aifImport";
import { exportArgdown } from "../../../lib/interchange/argdownExport";
import { parseArgdown } from "../../../lib/interchange/argdownParser";
import { exportClaimboardJson } from "../../../lib/interchange/claimboardJson";
import { importMapFile, detectFormat } from "../../../lib/interchange/importMapFile";
import { exportKialo } from "../../../lib/interchange/kialoExport";
import type { MapDraft } from "../../../lib/interchange/mapDraft";
import { exportWebAnnotations } from "../../../lib/interchange/webAnnotationExport";
import { importWebAnnotations } from "../../../lib/interchange/webAnnotationImport";

const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/interchange", name), "utf8");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** The structure a round trip must keep: texts (modulo whitespace), stances, parents, links. */
function shape(draft: MapDraft) {
  const text = new Map(draft.claims.map((c) => [c.key, norm(c.text)]));
  return {
    claims: draft.claims.map((c) => ({ text: norm(c.text), kind: c.kind, stance: c.stance, parent: c.parentKey === null ? null : text.get(c.parentKey) })),
    links: draft.links.map((l) => `${text.get(l.fromKey)} ${l.stance} ${text.get(l.toKey)}`).sort(),
  };
}

/** Through a live map document, as the export route does: draft → Y.Doc → update bytes → Y.Doc → draft. */
function throughDoc(draft: MapDraft): MapDraft {
  const built = buildDocFromDraft(draft, "user-1");
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(built));
  return draftFromDoc(doc);
}

function argdownCounts(text: string) {
  const r = parseArgdown(text);
  expect(r.parserErrors ?? []).toEqual([]);
  expect(r.lexerErrors ?? []).toEqual([]);
  const topLevel = Object.values(r.statements ?? {}).filter((s) => s.isUsedAsTopLevelStatement || (s.relations?.length ?? 0) > 0).length;
  return { elements: topLevel + Object.keys(r.arguments ?? {}).length, relations: (r.relations ?? []).length };
}

describe("Argdown", () => {
  test.each(["small.argdown", "legalisation-softdrugs.argdown", "state-censorship.argdown", "argdown-primer.argdown"])("%s: import → export → import keeps the map, and @argdown/core parses the export with the same counts", (name) => {
    const first = importMapFile(fixture(name), "argdown");
    expect(first.draft.claims.length).toBeGreaterThan(2);
    const exported = exportArgdown(throughDoc(first.draft));
    const second = importMapFile(exported);
    expect(second.format).toBe("argdown");
    expect(shape(second.draft)).toEqual(shape(first.draft));
    const counts = argdownCounts(exported);
    const treeEdges = first.draft.claims.filter((c) => c.parentKey !== null).length;
    expect(counts).toEqual({ elements: first.draft.claims.length, relations: treeEdges + first.draft.links.length });
  });

  test("nesting is the tree; a relation that does not fit it is a cross-link; titles and tags are kept", () => {
    const { draft, report } = importMapFile(fixture("small.argdown"));
    expect(draft.question).toBe("Should the city build the tram line?");
    const s = shape(draft);
    expect(s.claims).toContainEqual({ text: "The tram would carry 40,000 riders a day.", kind: "claim", stance: "pro", parent: "The city should build the tram line." });
    expect(s.claims).toContainEqual({ text: "Upgrade the bus network instead.", kind: "position", stance: null, parent: null });
    expect(s.links).toEqual(["The tram would carry 40,000 riders a day. con Upgrade the bus network instead.", "Trams last three times as long as buses. pro The city should build the tram line."]);
    expect(draft.claims[0]).toMatchObject({ title: "Build", tags: ["transport"] });
    expect(report).toEqual({ claims: 6, links: 2, skipped: [] });
  });

  test("text with Argdown's special characters survives the export", () => {
    const draft: MapDraft = {
      title: "t",
      question: "q",
      claims: [
        { key: "p", kind: "position", parentKey: null, stance: null, text: "See http://x.org/a_b [1] <em> #not-a-tag *bold* 2+2=4 - a\\b" },
        { key: "c", kind: "claim", parentKey: "p", stance: "con", text: "// not a comment, /* nor this */ ~ @ ! `code` {x} |y|" },
      ],
      links: [],
      sources: [],
      citations: [],
    };
    expect(shape(importMapFile(exportArgdown(draft), "argdown").draft)).toEqual(shape(draft));
  });

  test("an unclosed bracket is refused with its line", () => {
    expect(() => importMapFile(fixture("unclosed.argdown"))).toThrow(/line 2: the statement title opened with "\[" is never closed/);
  });
});

describe("Kialo", () => {
  test("import → export → import keeps claims, stances, parents and the linked claim", () => {
    const first = importMapFile(fixture("cities.kialo.txt"));
    expect(first.format).toBe("kialo");
    expect(first.draft.title).toBe("Should cities ban private cars from their centres?");
    const s = shape(first.draft);
    expect(s.claims[0]).toEqual({ text: "Cities should ban private cars from their centres.", kind: "position", stance: null, parent: null });
    expect(s.claims).toContainEqual({ text: "Tyres and brakes still shed particles, which electric cars do not avoid.", kind: "claim", stance: "pro", parent: "Electric cars already cut the exhaust, so a ban adds little." });
    expect(s.links).toEqual(["Electric cars already cut the exhaust, so a ban adds little. pro Shops in the centre depend on customers who drive in."]);
    const second = importMapFile(exportKialo(throughDoc(first.draft)), "kialo");
    expect(shape(second.draft)).toEqual(s);
  });

  test("several positions export as Kialo theses and come back as positions", () => {
    const draft = importMapFile(fixture("small.argdown")).draft;
    const text = exportKialo(draft);
    expect(text).toMatch(/^1\.1\. Thesis: /m);
    expect(shape(importMapFile(text).draft)).toEqual(shape(draft));
  });

  test("a broken numbering is refused with the line and the missing parent", () => {
    expect(() => importMapFile(fixture("broken.kialo.txt"))).toThrow("Kialo line 5: 1.3.2. has no parent claim 1.3. before it.");
  });
});

describe("AIF", () => {
  test("I-nodes become claims, RA pro, CA con, schemes as tags, locutions counted", () => {
    const { draft, report } = importMapFile(fixture("tram.aif.json"));
    const s = shape(draft);
    expect(s.claims).toContainEqual({ text: "The ridership forecast comes from the transit authority's planners.", kind: "claim", stance: "pro", parent: "The tram would carry 40,000 riders a day." });
    expect(s.claims).toContainEqual({ text: "The line costs twice the bus upgrade.", kind: "claim", stance: "con", parent: "The city should build the tram line." });
    expect(draft.claims.find((c) => c.text.startsWith("The ridership"))?.tags).toEqual(["Argument From Expert Opinion"]);
    // Two CAs from the same premise to the same conclusion: one is the tree edge, the other a link.
    expect(s.links).toEqual(["Trams last three times as long as buses. con The line costs twice the bus upgrade."]);
    expect(report.skipped).toEqual(["1 locution", "1 illocution"]);
  });

  test("import → export → import is the same map, and the export keeps the AIF rules", () => {
    const first = importMapFile(fixture("tram.aif.json"));
    const aif = exportAif(throughDoc(first.draft));
    for (const edge of aif.edges) {
      const from = aif.nodes.find((n) => n.nodeID === edge.fromID)!;
      const to = aif.nodes.find((n) => n.nodeID === edge.toID)!;
      expect([from.type, to.type].filter((t) => t === "I")).toHaveLength(1);
    }
    const second = importAif(JSON.parse(JSON.stringify(aif)));
    expect(shape(second.draft)).toEqual(shape(first.draft));
    expect(second.draft.question).toBe(first.draft.question);
  });

  test("OVA's wrapper is read", () => {
    const wrapped = JSON.stringify({ AIF: JSON.parse(fixture("tram.aif.json")), OVA: { nodes: [], edges: [] } });
    expect(shape(importMapFile(wrapped).draft)).toEqual(shape(importMapFile(fixture("tram.aif.json")).draft));
  });

  test("a cyclic AIF graph is refused, naming the nodes", () => {
    expect(() => importMapFile(fixture("cyclic.aif.json"))).toThrow("The AIF graph is cyclic: the inferences run in a circle (I-nodes a → b → a).");
  });

  test("an edge to a missing node is refused", () => {
    expect(() => importMapFile(JSON.stringify({ nodes: [{ nodeID: 1, text: "x", type: "I" }], edges: [{ fromID: 1, toID: 9 }] }))).toThrow("points at node 9");
  });
});

describe("Claimboard JSON", () => {
  test("export → import is lossless (bodies, titles, tags, links, sources, cards), modulo ids", () => {
    const draft: MapDraft = {
      title: "Tram",
      question: "Should the city build the tram line?",
      claims: [
        { key: "p1", kind: "position", parentKey: null, stance: null, text: "Build it" },
        { key: "p2", kind: "position", parentKey: null, stance: null, text: "" },
        { key: "c1", kind: "claim", parentKey: "p1", stance: "pro", text: "Riders\nmany", title: "Riders", tags: ["x"] },
        { key: "c2", kind: "claim", parentKey: "c1", stance: "con", text: "Forecast" },
      ],
      links: [{ fromKey: "c2", toKey: "p2", stance: "pro" }],
      sources: [{ key: "s1", title: "Report", author: "A. Planner", authorQualifications: null, publisher: "City", publishedAt: "2024-01-02", url: "https://example.org/r", accessedAt: null, text: "The tram would carry 40,000 riders a day, planners say." }],
      citations: [{ claimKey: "c1", sourceKey: "s1", exact: "40,000 riders a day", prefix: "The tram would carry ", suffix: ", planners say.", start: 21, end: 40, tag: "Ridership", note: "n", highlights: [[0, 6]] }],
    };
    // A rich body: marks and a link, as TipTap writes them.
    const stored = new Map([["s1", { id: "source-1", version: 1 }]]);
    const sources = new Map<string, SourceForDraft>([["source-1", { id: "source-1", ...draft.sources[0], textOfVersion: (v) => (v === 1 ? draft.sources[0].text : null) }]]);
    const doc = buildDocFromDraft(draft, "u", stored);
    const c1 = [...claimsMap(doc).entries()].find(([, y]) => y.get("title") === "Riders")![0];
    setClaimBodyJSON(claimBodyFragment(doc, c1)!, {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Riders " }, { type: "text", text: "many", marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://example.org" } }] }] },
        { type: "paragraph" },
      ],
    });
    const exported = draftFromDoc(doc, sources);
    expect(exported.citations).toHaveLength(1);
    expect(exported.sources).toHaveLength(1);
    const json = exportClaimboardJson(exported);
    const imported = importMapFile(json);
    expect(imported.format).toBe("claimboard");
    // New ids on the way in, same map otherwise: rebuild and read again, then compare without keys.
    const restored = new Map([[imported.draft.sources[0].key, { id: "source-2", version: 1 }]]);
    const sourcesAgain = new Map<string, SourceForDraft>([["source-2", { ...sources.get("source-1")!, id: "source-2" }]]);
    const again = draftFromDoc(buildDocFromDraft(imported.draft, "other-user", restored), sourcesAgain);
    const withoutKeys = (d: MapDraft) => {
      const index = new Map(d.claims.map((c, i) => [c.key, i]));
      return {
        ...d,
        claims: d.claims.map(({ key: _k, parentKey, ...rest }) => ({ ...rest, parent: parentKey === null ? null : index.get(parentKey) })),
        links: d.links.map((l) => ({ from: index.get(l.fromKey), to: index.get(l.toKey), stance: l.stance })),
        citations: d.citations.map(({ claimKey, sourceKey: _s, ...rest }) => ({ ...rest, claim: index.get(claimKey) })),
        sources: d.sources.map(({ key: _k, ...rest }) => rest),
      };
    };
    expect(withoutKeys(again)).toEqual(withoutKeys(exported));
    expect(exported.claims.find((c) => c.title === "Riders")?.body?.content?.[0].content?.[1].marks).toEqual([{ type: "bold" }, { type: "link", attrs: { href: "https://example.org" } }]);
  });

  test("a file that breaks the structure is refused with the claim", () => {
    const json = JSON.stringify({ format: "claimboard-map", version: 1, title: "t", question: "q", claims: [{ key: "a", kind: "claim", parentKey: "zz", stance: "pro", text: "x" }] });
    expect(() => importMapFile(json)).toThrow('claim 1 ("a") names the parent "zz", which is not a claim listed before it.');
  });
});

describe("Web Annotation", () => {
  const sourceText = "The tram would carry 40,000 riders a day, planners say. Costs are high.";
  const draft: MapDraft = {
    title: "t",
    question: "q",
    claims: [{ key: "claim-1", kind: "position", parentKey: null, stance: null, text: "Build" }],
    links: [],
    sources: [{ key: "src@v1", title: "Report", author: null, authorQualifications: null, publisher: null, publishedAt: null, url: null, accessedAt: null, text: sourceText }],
    citations: [{ claimKey: "claim-1", sourceKey: "src@v1", exact: "40,000 riders a day", prefix: "The tram would carry ", suffix: ", planners say.", start: 21, end: 40, tag: "Ridership", note: "from the planners", highlights: [] }],
  };

  test("export → import gives the same cards (both selectors, tag, note, claim)", () => {
    const json = JSON.parse(JSON.stringify(exportWebAnnotations(draft, (k) => `http://localhost/api/maps/m/sources/${k}`, "http://localhost/api/maps/m/export?format=annotations")));
    const item = json.first.items[0];
    expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    const back = importWebAnnotations(json, sourceText, new Set(["claim-1"]), null);
    expect(back.orphans).toEqual([]);
    expect(back.cards).toEqual([{ claimId: "claim-1", exact: "40,000 riders a day", prefix: "The tram would carry ", suffix: ", planners say.", start: 21, end: 40, tag: "Ridership", note: "from the planners" }]);
  });

  test("a Hypothesis export becomes cards on the given claim; a quote not in the source is an orphan", () => {
    const hypothesis = {
      export_date: "2024-03-01",
      annotations: [
        { id: "h1", uri: "https://example.org/r", text: "costly", tags: ["Cost"], target: [{ source: "https://example.org/r", selector: [{ type: "TextQuoteSelector", exact: "Costs are high", prefix: "say. ", suffix: "." }] }] },
        { id: "h2", uri: "https://example.org/r", text: "", target: [{ source: "https://example.org/r", selector: [{ type: "TextQuoteSelector", exact: "not in the text" }] }] },
      ],
    };
    const r = importWebAnnotations(hypothesis, sourceText, new Set(["claim-1"]), "claim-1");
    expect(r.cards).toMatchObject([{ claimId: "claim-1", exact: "Costs are high", start: 56, end: 70, tag: "Cost", note: "costly" }]);
    expect(r.orphans).toEqual(["annotation 2: the quote “not in the text” is not in the source text"]);
  });
});

describe("bad input", () => {
  test("invalid JSON names the parse error", () => {
    expect(() => importMapFile('{"nodes": [')).toThrow(/^The file is not valid JSON: /);
  });
  test("detection: Kialo, Argdown, AIF, Claimboard", () => {
    expect(detectFormat(fixture("cities.kialo.txt"))).toBe("kialo");
    expect(detectFormat(fixture("small.argdown"))).toBe("argdown");
    expect(detectFormat(fixture("tram.aif.json"))).toBe("aif");
    expect(detectFormat('{"format":"claimboard-map"}')).toBe("claimboard");
  });
});

describe("a large import", () => {
  test("2,000 Argdown claims become a map document of 2,000 claims plus the question", async () => {
    const { draftMapState } = await import("../../../lib/argument/mapDraftDoc");
    const { projectMap } = await import("../../../lib/argument/mapProjection");
    const lines = ["[P]: The position"];
    for (let i = 0; i < 1999; i++) lines.push(`${i % 3 === 0 ? "  " : "    "}${i % 2 ? "+" : "-"} [C${i}]: Claim number ${i}`);
    const { draft, report } = importMapFile(lines.join("\n") + "\n", "argdown");
    expect(report.claims).toBe(2000);
    const { state, projection } = draftMapState(draft, "u");
    expect(projection.claims).toHaveLength(2001);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expect(projectMap(doc).claims.filter((c) => c.detached)).toHaveLength(0);
  });
});
