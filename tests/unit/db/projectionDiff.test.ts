import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, deleteClaim, projectMap, setClaimText, setStance } from "../../../lib/argument";
import { diffProjection, type ProjectionDiff, type WrittenProjection } from "../../../lib/db/projectionStore";
import { buildSampleDoc } from "../../../prisma/seed/buildSampleDoc";
import { readSampleSourceText } from "../../../prisma/seed/seedDatabase";

const MAP = "map-1";
const nothingWritten: WrittenProjection = { claims: new Map(), citations: new Map(), title: "", question: "" };

function sampleDoc(): Y.Doc {
  return buildSampleDoc({ sourceId: "src-1", sourceVersion: 1, sourceText: readSampleSourceText(), authorId: "author-1" });
}

/** What the diff says, in comparable form. */
const summary = (d: ProjectionDiff) => ({
  claimPrints: [...d.written.claims],
  citationPrints: [...d.written.citations],
  changedClaims: d.claims.changed.map((r) => r.id).sort(),
  changedCitations: d.citations.changed.map((r) => r.id).sort(),
  goneClaims: [...d.claims.gone].sort(),
  goneCitations: [...d.citations.gone].sort(),
  rowsChanged: d.rowsChanged,
});

describe("diffProjection", () => {
  it("gives the same answer with the previous rows' copies as by hashing every row", () => {
    const doc = sampleDoc();
    const first = diffProjection(MAP, projectMap(doc), nothingWritten);
    expect(first.written.rows?.claims.size).toBe(first.written.claims.size);

    // Unchanged doc, freshly projected (new objects, same values): nothing to write.
    const again = diffProjection(MAP, projectMap(doc), first.written);
    expect(again.rowsChanged).toBe(0);
    expect(summary(again)).toEqual(summary(diffProjection(MAP, projectMap(doc), { ...first.written, rows: undefined })));

    // Edits that change a claim's text, another's stance, delete a subtree and add a claim.
    const claims = projectMap(doc).claims.filter((c) => c.kind === "claim");
    const [retyped, restanced, deleted] = claims;
    setClaimText(doc, retyped.id, `${retyped.text} (retyped)`);
    setStance(doc, restanced.id, restanced.stance === "pro" ? "con" : "pro");
    deleteClaim(doc, deleted.id);
    const added = addClaim(doc, { kind: "claim", stance: "pro", parentId: claims[3].id, text: "New", authorId: "author-2" });

    const withCopies = diffProjection(MAP, projectMap(doc), first.written);
    const hashingAll = diffProjection(MAP, projectMap(doc), { ...first.written, rows: undefined });
    expect(summary(withCopies)).toEqual(summary(hashingAll));
    expect(withCopies.claims.changed.map((r) => r.id)).toEqual(expect.arrayContaining([retyped.id, restanced.id, added]));
    expect(withCopies.claims.gone).toContain(deleted.id);
    expect(withCopies.rowsChanged).toBeGreaterThanOrEqual(4);
  });

  it("notices a changed date or highlight list in an otherwise equal row", () => {
    const projection = projectMap(sampleDoc());
    const first = diffProjection(MAP, projection, nothingWritten);
    const cited = projection.citations[0];
    const dated = projection.claims[1];
    const edited = {
      ...projection,
      claims: projection.claims.map((c) => (c.id === dated.id ? { ...c, createdAt: c.createdAt + 1 } : c)),
      citations: projection.citations.map((c) => (c.id === cited.id ? { ...c, highlights: [...c.highlights, [0, 1] as [number, number]] } : c)),
    };
    const diff = diffProjection(MAP, edited, first.written);
    expect(diff.claims.changed.map((r) => r.id)).toEqual([dated.id]);
    expect(diff.citations.changed.map((r) => r.id)).toEqual([cited.id]);
    expect(summary(diff)).toEqual(summary(diffProjection(MAP, edited, { ...first.written, rows: undefined })));
  });
});
