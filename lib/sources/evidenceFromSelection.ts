import * as Y from "yjs";
import { citationsMap, citationFromYMap } from "../argument/claimSchema";
import { addCitation, addClaim } from "../argument/mapOperations";
import { describeRange, selectorMatches } from "../citations/textSelectors";
import { mergeHighlight, type PlainRange } from "./selectionRange";

export type EvidenceTarget =
  | { kind: "existing"; claimId: string }
  | { kind: "new"; parentId: string; stance: "pro" | "con"; text: string };

export interface EvidenceInput {
  text: string;
  range: PlainRange;
  sourceId: string;
  sourceVersion: number;
  target: EvidenceTarget;
  tag: string;
  authorId: string | null;
}

/**
 * Makes the selected passage an evidence card: optionally a new pro/con claim, then the
 * citation, in one transaction (one undo step, one update for peers). The selector is built
 * with describeRange over the very text the reader shows, and checked before anything is
 * written: a citation whose quote does not match its source text is never created.
 */
export function addEvidenceFromSelection(doc: Y.Doc, input: EvidenceInput, origin?: unknown): { claimId: string; citationId: string } {
  const { text, range } = input;
  const selector = describeRange(text, range.start, range.end);
  if (!selectorMatches(text, selector)) throw new Error("The selection does not match the source text");
  let claimId = "";
  let citationId = "";
  doc.transact(() => {
    claimId =
      input.target.kind === "existing"
        ? input.target.claimId
        : addClaim(doc, { kind: "claim", stance: input.target.stance, parentId: input.target.parentId, text: input.target.text, authorId: input.authorId }, origin);
    citationId = addCitation(
      doc,
      {
        claimId,
        sourceId: input.sourceId,
        sourceVersion: input.sourceVersion,
        ...selector,
        tag: input.tag.trim(),
        note: "",
        highlights: [],
        authorId: input.authorId,
      },
      origin,
    );
  }, origin);
  return { claimId, citationId };
}

/** Adds a highlighted sub-range (relative to the quote) to a citation; merges with existing ones. */
export function addCitationHighlight(doc: Y.Doc, citationId: string, relative: [number, number], origin?: unknown): void {
  doc.transact(() => {
    const value = citationsMap(doc).get(citationId);
    const citation = citationFromYMap(citationId, value);
    if (!citation || !(value instanceof Y.Map)) throw new Error("That evidence card no longer exists");
    const length = citation.end - citation.start;
    const [s, e] = relative;
    if (s < 0 || e > length || e <= s) throw new Error("The highlight must lie inside the quote");
    value.set("highlights", mergeHighlight(citation.highlights, [s, e]));
  }, origin);
}
