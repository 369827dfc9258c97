import * as Y from "yjs";
import { addCitation, addClaim, addSourceId, initMapDoc } from "../../lib/argument";
import { SAMPLE_MAP, type SampleCitation } from "./sampleMap";

// W3C TextQuoteSelector context length used for every citation.
const CONTEXT = 32;

export function quoteSelector(text: string, exact: string) {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`Seed quote is not in the source text: "${exact.slice(0, 60)}…"`);
  const end = start + exact.length;
  return {
    exact,
    start,
    end,
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

/** Builds the sample map as a Yjs doc following the schema in DESIGN.md. */
export function buildSampleDoc(opts: { sourceId: string; sourceVersion: number; sourceText: string; authorId: string | null }): Y.Doc {
  const doc = new Y.Doc();
  const questionId = initMapDoc(doc, { title: SAMPLE_MAP.title, question: SAMPLE_MAP.question, authorId: opts.authorId });
  addSourceId(doc, opts.sourceId);
  const ids = new Map<string, string>([["question", questionId]]);
  const cite = (claimId: string, c: SampleCitation) =>
    addCitation(doc, {
      claimId,
      sourceId: opts.sourceId,
      sourceVersion: opts.sourceVersion,
      ...quoteSelector(opts.sourceText, c.exact),
      tag: c.tag,
      note: c.note ?? "",
      highlights: c.highlights ?? [],
      authorId: opts.authorId,
    });
  for (const claim of SAMPLE_MAP.claims) {
    const parentId = ids.get(claim.parent);
    if (!parentId) throw new Error(`Seed claim ${claim.key} names an unknown parent ${claim.parent}`);
    const id = addClaim(doc, {
      kind: claim.kind,
      stance: claim.kind === "claim" ? claim.stance : undefined,
      parentId,
      text: claim.text,
      authorId: opts.authorId,
    });
    ids.set(claim.key, id);
    for (const c of claim.citations) cite(id, c);
  }
  return doc;
}
