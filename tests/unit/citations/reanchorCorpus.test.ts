import { describe, it, expect } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
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

/**
 * Real revisions of public specifications (rust-lang/rfcs documents, old → new 1 to 60 revisions
 * apart), ground truth from a token alignment: ../shared/corpora/reanchoring-revisions-dev.json,
 * read from the shared folder beside the repository (not copied into it). A found span is right
 * when its IoU with the true span is at least 0.8; anything anchored elsewhere, or anchored when the
 * passage is gone, is a silent mis-anchor — the card would show the wrong words without a flag.
 */
interface RevisionCase {
  name: string;
  type: string;
  old: string;
  new: string;
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
  expected: { start: number; end: number } | null;
}

const REVISIONS_FILE = "shared/corpora/reanchoring-revisions-dev.json";

function findRevisions(): { texts: Record<string, string>; cases: RevisionCase[] } | null {
  // ../shared from the main checkout; a worktree elsewhere finds it further up.
  for (let dir = path.resolve(import.meta.dirname, "../../../.."); ; dir = path.dirname(dir)) {
    const file = path.join(dir, REVISIONS_FILE);
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
    if (path.dirname(dir) === dir) return null;
  }
}

const revisions = findRevisions();
if (!revisions) console.log(`re-anchoring revisions corpus: not run, ../${REVISIONS_FILE} is absent`);

function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return overlap / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

describe.runIf(revisions)("re-anchoring real revisions (dev corpus)", () => {
  it("anchors at least 98% right, never silently wrong, and orphans every deleted passage", () => {
    const byType = new Map<string, { cases: number; right: number; silent: number; orphaned: number }>();
    const silent: string[] = [];
    for (const c of revisions!.cases) {
      const [r] = reanchorAll(revisions!.texts[c.old], revisions!.texts[c.new], [{ id: c.name, ...c.selector }]).results;
      const t = byType.get(c.type) ?? { cases: 0, right: 0, silent: 0, orphaned: 0 };
      byType.set(c.type, t);
      t.cases++;
      if (r.status === "orphaned") {
        t.orphaned++;
        if (c.expected === null) t.right++;
        continue;
      }
      if (c.expected !== null && iou({ start: r.start!, end: r.end! }, c.expected) >= 0.8) {
        t.right++;
        continue;
      }
      t.silent++;
      silent.push(`${c.name}: ${r.status} ${JSON.stringify(r.exact)}`);
    }
    const total = [...byType.values()].reduce((s, t) => ({ cases: s.cases + t.cases, right: s.right + t.right }), { cases: 0, right: 0 });
    for (const [type, t] of byType) console.log(`revisions corpus, ${type}: ${t.right}/${t.cases} right, ${t.silent} silent, ${t.orphaned} orphaned`);
    console.log(`revisions corpus: ${total.right}/${total.cases} right (${((100 * total.right) / total.cases).toFixed(1)}%)`);
    expect(silent).toEqual([]);
    expect(byType.get("deleted")!.orphaned).toBe(byType.get("deleted")!.cases);
    expect(total.right / total.cases).toBeGreaterThanOrEqual(0.98);
  });
});
