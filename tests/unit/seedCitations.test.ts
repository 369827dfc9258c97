import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { SAMPLE_MAP, SAMPLE_SOURCE } from "../../prisma/seed/sampleMap";

const article = readFileSync(new URL("../../prisma/seed/us-mexico-cartels.txt", import.meta.url), "utf8");
const claims = SAMPLE_MAP.claims;
const byKey = new Map(claims.map((c) => [c.key, c]));

function subtree(rootKey: string) {
  const out: typeof claims = [];
  const stack = [rootKey];
  while (stack.length) {
    const k = stack.pop()!;
    for (const c of claims) {
      if (c.parent === k) {
        out.push(c);
        stack.push(c.key);
      }
    }
  }
  return out;
}

describe("sample argument map seed", () => {
  it("asks the expected question", () => {
    expect(SAMPLE_MAP.question).toBe("How should the U.S. confront Mexican cartels?");
    expect(SAMPLE_MAP.title.length).toBeGreaterThan(0);
    expect(SAMPLE_SOURCE.file).toBe("us-mexico-cartels.txt");
  });

  it("has no duplicated keys", () => {
    const seen = new Set<string>();
    const dups: string[] = [];
    for (const c of claims) {
      if (seen.has(c.key)) dups.push(c.key);
      seen.add(c.key);
    }
    expect(dups, `duplicated keys: ${dups.join(", ")}`).toEqual([]);
    expect(seen.has("question"), `"question" must not be used as a claim key`).toBe(false);
  });

  it("every claim's parent exists", () => {
    for (const c of claims) {
      const ok = c.parent === "question" || byKey.has(c.parent);
      expect(ok, `claim "${c.key}" has unknown parent "${c.parent}"`).toBe(true);
    }
  });

  it("positions hang off the question and claims carry a stance", () => {
    for (const c of claims) {
      if (c.kind === "position") {
        expect(c.parent, `position "${c.key}" must be under the question`).toBe("question");
        expect(c.stance, `position "${c.key}" must not have a stance`).toBeUndefined();
      } else {
        expect(c.parent, `claim "${c.key}" must not be directly under the question`).not.toBe("question");
        expect(["pro", "con"], `claim "${c.key}" has stance ${String(c.stance)}`).toContain(c.stance);
        expect(c.text.length, `claim "${c.key}" text too long`).toBeLessThanOrEqual(160);
      }
    }
  });

  it("has the two positions, each with at least six pro/con claims beneath it", () => {
    const positions = claims.filter((c) => c.kind === "position");
    expect(positions.map((p) => p.key).sort()).toEqual(["cooperation", "intervention"]);
    for (const p of positions) {
      const sub = subtree(p.key).filter((c) => c.stance === "pro" || c.stance === "con");
      expect(sub.length, `position "${p.key}" has only ${sub.length} pro/con claims`).toBeGreaterThanOrEqual(6);
    }
  });

  it("every claim has at least one citation", () => {
    for (const c of claims) {
      expect(c.citations.length, `claim "${c.key}" has no citation`).toBeGreaterThanOrEqual(1);
    }
  });

  it("every citation quotes the article exactly, with valid highlights", () => {
    for (const c of claims) {
      c.citations.forEach((cit, i) => {
        const where = `claim "${c.key}" citation #${i}`;
        expect(cit.tag.trim().length, `${where} has an empty tag`).toBeGreaterThan(0);
        expect(cit.exact.length, `${where} has an empty exact quote`).toBeGreaterThan(0);
        expect(article.includes(cit.exact), `${where} is not a verbatim substring of the article: ${JSON.stringify(cit.exact)}`).toBe(true);
        let prevEnd = 0;
        for (const [start, end] of cit.highlights ?? []) {
          expect(Number.isInteger(start) && Number.isInteger(end), `${where} highlight offsets must be integers`).toBe(true);
          expect(start, `${where} highlight [${start},${end}) overlaps or is unsorted`).toBeGreaterThanOrEqual(prevEnd);
          expect(end, `${where} highlight [${start},${end}) is empty`).toBeGreaterThan(start);
          expect(end, `${where} highlight [${start},${end}) exceeds exact length ${cit.exact.length}`).toBeLessThanOrEqual(cit.exact.length);
          prevEnd = end;
        }
      });
    }
  });
});
