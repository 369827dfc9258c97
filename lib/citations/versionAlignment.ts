import { tokenDiff } from "./tokenDiff";
import { slideEdits } from "./slideEdits";
import { dropCoincidentalMatches } from "./coincidentalMatches";
import { prepareMatchingText, type MatchingText } from "./matchingText";
import { firstTokenEndingAfter, tokenize, type TextTokens } from "./textTokens";

/**
 * One alignment of two versions of a source, computed once per version import: which words of the
 * old text are still there in the new one, and where. The texts are compared as words and marks
 * (textTokens.ts; whitespace is not a token, so re-wrapped lines cost nothing, and case is folded),
 * by a longest-run-first diff (tokenDiff.ts), cleared of coincidental one- and two-word matches
 * between edits (coincidentalMatches.ts), with each pure insertion or deletion placed on the
 * text's sentence and line boundaries (slideEdits.ts).
 */
export interface VersionAlignment {
  oldText: MatchingText;
  newText: MatchingText;
  oldTokens: TextTokens;
  newTokens: TextTokens;
  /** oldToNew[i]: the new token old token i became, or -1 if it was deleted or replaced. */
  oldToNew: Int32Array;
  /** newToOld[j]: the old token new token j was, or -1 if it was inserted. */
  newToOld: Int32Array;
  /** Maximal stretches of inserted new tokens, as [start, end) offsets in the new text: where a moved passage can be. */
  inserted: { start: number; end: number }[];
}

export function alignVersions(oldText: string | MatchingText, newText: string | MatchingText): VersionAlignment {
  const oldPrepared = typeof oldText === "string" ? prepareMatchingText(oldText) : oldText;
  const newPrepared = typeof newText === "string" ? prepareMatchingText(newText) : newText;
  const oldTokens = tokenize(oldPrepared);
  const newTokens = tokenize(newPrepared);
  // Case folded: a word that now begins or no longer begins a sentence is the same word.
  const oldKeys = oldTokens.keys.map((k) => k.toLowerCase());
  const newKeys = newTokens.keys.map((k) => k.toLowerCase());
  const ids = new Map<string, number>();
  const idsOf = (keys: string[]) =>
    Int32Array.from(keys, (k) => {
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      return id;
    });
  const oldToNew = tokenDiff(idsOf(oldKeys), idsOf(newKeys), ids.size);
  const newToOld = new Int32Array(newTokens.keys.length).fill(-1);
  for (let i = 0; i < oldToNew.length; i++) if (oldToNew[i] >= 0) newToOld[oldToNew[i]] = i;
  dropCoincidentalMatches(oldToNew, newToOld);
  slideEdits(oldTokens, newTokens, oldKeys, newKeys, oldToNew, newToOld, oldPrepared.original, newPrepared.original);
  const inserted: { start: number; end: number }[] = [];
  for (let j = 0; j < newToOld.length; j++) {
    if (newToOld[j] >= 0) continue;
    const from = j;
    while (j + 1 < newToOld.length && newToOld[j + 1] < 0) j++;
    inserted.push({ start: newTokens.starts[from], end: newTokens.ends[j] });
  }
  return { oldText: oldPrepared, newText: newPrepared, oldTokens, newTokens, oldToNew, newToOld, inserted };
}

/** The share of a new-text span's characters (whitespace aside) that the diff marks as inserted, i.e. not in the old version. */
export function insertedShare(alignment: VersionAlignment, start: number, end: number): number {
  const { newTokens, newToOld } = alignment;
  let all = 0;
  let inserted = 0;
  for (let j = firstTokenEndingAfter(newTokens, start); j < newTokens.keys.length && newTokens.starts[j] < end; j++) {
    const chars = Math.min(end, newTokens.ends[j]) - Math.max(start, newTokens.starts[j]);
    all += chars;
    if (newToOld[j] < 0) inserted += chars;
  }
  return all === 0 ? 0 : inserted / all;
}
