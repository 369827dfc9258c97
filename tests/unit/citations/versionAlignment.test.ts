import { describe, it, expect } from "vitest";
import { tokenDiff } from "../../../lib/citations/tokenDiff";
import { alignVersions } from "../../../lib/citations/versionAlignment";

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/** The words of `text` the alignment kept, as old → new word pairs. */
function keptWords(oldText: string, newText: string): [string, string][] {
  const a = alignVersions(oldText, newText);
  const out: [string, string][] = [];
  a.oldToNew.forEach((j, i) => {
    if (j >= 0) out.push([oldText.slice(a.oldTokens.starts[i], a.oldTokens.ends[i]), newText.slice(a.newTokens.starts[j], a.newTokens.ends[j])]);
  });
  return out;
}

describe("tokenDiff", () => {
  it("matches only equal tokens, in order, and keeps every token of an unchanged stretch", () => {
    const rnd = random(3);
    for (let round = 0; round < 200; round++) {
      const a = Int32Array.from({ length: Math.floor(rnd() * 80) }, () => Math.floor(rnd() * 12));
      const b = Int32Array.from(a);
      const edited = Array.from(b);
      for (let e = Math.floor(rnd() * 6); e > 0; e--) {
        const at = Math.floor(rnd() * (edited.length + 1));
        if (rnd() < 0.5) edited.splice(at, 1);
        else edited.splice(at, 0, 12 + Math.floor(rnd() * 3));
      }
      const out = tokenDiff(a, Int32Array.from(edited), 16);
      let last = -1;
      out.forEach((j, i) => {
        if (j < 0) return;
        expect(edited[j], `round ${round}`).toBe(a[i]);
        expect(j).toBeGreaterThan(last);
        last = j;
      });
    }
    const same = Int32Array.from([1, 2, 3, 1, 2, 3]);
    expect(Array.from(tokenDiff(same, same, 4))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("takes the longest unchanged run first, so one common word cannot pull the alignment away", () => {
    // Old: X Y on Z … ; new: the old passage's "on" is unique in a long rewritten stretch, far from the kept run.
    const oldText = "The lock should not resolve differently on upgrade.\n\n# Guide-level explanation\nCargo picks versions by looking at the package metadata and the toolchain in use.";
    const newText = "The lock should not resolve differently when upgrading Rust without any other action.\n\n# Guide-level explanation\nCargo picks versions by looking at the package metadata and the toolchain in use. Whether it does so depends on the setting.";
    const kept = keptWords(oldText, newText).map(([o]) => o);
    expect(kept).toContain("metadata");
    expect(kept).toContain("Guide");
    expect(kept).not.toContain("on");
  });
});

describe("alignVersions", () => {
  it("ignores re-wrapped lines and case changes at a sentence start", () => {
    const kept = keptWords("in particular, new tier 2 targets\n  must support cross-compiling", "New tier 2 targets must support\ncross-compiling");
    expect(kept.map(([o]) => o)).toEqual(["new", "tier", "2", "targets", "must", "support", "cross", "-", "compiling"]);
  });

  it("drops a lone common word shared by a sentence and its rewrite", () => {
    const kept = keptWords("First sentence stays. The results of the vote were annulled by the court. Last one stays.", "First sentence stays. Nobody expected a recount, said the clerk. Last one stays.").map(([o]) => o);
    expect(kept).not.toContain("the");
    expect(kept).toEqual(["First", "sentence", "stays", ".", ".", "Last", "one", "stays", "."]);
  });

  it("puts an inserted sentence after the full stop it follows, not before it", () => {
    const oldText = "They will not inform the user.\n\n## Next section";
    const newText = "They will not inform the user.\nIf they want to check, they can run `cargo update -n`.\n\n## Next section";
    const a = alignVersions(oldText, newText);
    const fullStop = a.oldTokens.keys.indexOf(".");
    expect(a.newTokens.ends[a.oldToNew[fullStop]]).toBe(newText.indexOf("user.") + 5);
  });
});
