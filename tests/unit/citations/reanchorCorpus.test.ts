import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { reanchorAll } from "../../../lib/citations/reanchorCitations";
import { describeRange } from "../../../lib/citations/textSelectors";

/**
 * Realistic edits between versions of a news source (built by tests/fixtures/reanchoring/buildCases.mjs,
 * expectations written by hand). A case listed in knownFailures must still fail: once it passes,
 * it leaves the list, so the list only ever names real, current limitations.
 */
interface Case {
  name: string;
  oldText: string;
  newText: string;
  exact: string;
  start: number;
  expected: { status: "anchored" | "orphaned"; exact?: string; start?: number };
}

interface Corpus {
  knownFailures: { name: string; reason: string }[];
  cases: Case[];
}

const corpus = JSON.parse(readFileSync(new URL("../../fixtures/reanchoring/cases.json", import.meta.url), "utf8")) as Corpus;

function run(c: Case): { passed: boolean; detail: string } {
  const citation = { id: c.name, ...describeRange(c.oldText, c.start, c.start + c.exact.length) };
  const [result] = reanchorAll(c.oldText, c.newText, [citation]).results;
  const got = result.status === "orphaned" ? "orphaned" : `${result.status} ${JSON.stringify(result.exact)} at ${result.start}`;
  if (c.expected.status === "orphaned") return { passed: result.status === "orphaned", detail: got };
  const passed =
    result.status !== "orphaned" &&
    c.newText.slice(result.start, result.end) === result.exact &&
    (c.expected.exact === undefined || result.exact === c.expected.exact) &&
    (c.expected.start === undefined || result.start === c.expected.start);
  return { passed, detail: got };
}

describe("re-anchoring corpus", () => {
  it("has enough realistic cases, each quoting its old text", () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.cases.map((c) => c.name)).size).toBe(corpus.cases.length);
    for (const c of corpus.cases) expect(c.oldText.slice(c.start, c.start + c.exact.length), c.name).toBe(c.exact);
    for (const k of corpus.knownFailures) expect(corpus.cases.map((c) => c.name), "known failure names a case").toContain(k.name);
  });

  it("anchors every case as expected, apart from the known failures", () => {
    const known = new Map(corpus.knownFailures.map((k) => [k.name, k.reason]));
    const outcomes = corpus.cases.map((c) => ({ c, ...run(c) }));
    const passed = outcomes.filter((o) => o.passed).length;
    const total = outcomes.length;
    console.log(`re-anchoring corpus: ${passed}/${total} passed (${((100 * passed) / total).toFixed(1)}%)`);
    const unexpected = outcomes
      .filter((o) => !o.passed && !known.has(o.c.name))
      .map((o) => `${o.c.name}: expected ${JSON.stringify(o.c.expected)}, got ${o.detail}`);
    const stale = outcomes.filter((o) => o.passed && known.has(o.c.name)).map((o) => `${o.c.name} now passes; drop it from knownFailures`);
    expect([...unexpected, ...stale]).toEqual([]);
  });
});
