import { DIFF_DELETE, DIFF_INSERT, diffMain, type Diff } from "diff-match-patch-es";
import { firstTokenEndingAfter, lastTokenStartingBefore } from "./textTokens";
import type { VersionAlignment } from "./versionAlignment";
import type { TextTokens } from "./textTokens";

/**
 * Where a passage of the old version is in the new one, read off the versions' alignment: its first
 * and last words are mapped through the diff, and every edit the passage's edges fall into is taken
 * whole, so the new span never stops half-way through a changed phrase. Words inserted inside the
 * passage (a link added, a clause or list items added, a phrase replaced by a longer one) are
 * simply part of the new span: the quote's own edit distance, which such insertions inflate, plays
 * no part. An edge keeps its kind: a passage that began (ended) a sentence or clause begins (ends)
 * one in the new text; words inserted exactly at a mid-clause edge stay outside.
 *
 * Null when the diff cannot place the passage: fewer than half of its characters are still there
 * (deleted, rewritten, or moved away, which a diff shows as a deletion plus an insertion), or the
 * kept words are spread over more than twice the passage's length (the diff matched them in
 * unrelated places).
 */
export interface MappedSpan {
  start: number;
  end: number;
  /** Characters of the old passage (whitespace aside) that the diff kept inside the span. */
  kept: number;
  /** Characters of the old passage, whitespace aside. */
  quoteChars: number;
  /** Characters of the new span, whitespace aside. */
  spanChars: number;
}

const MIN_KEPT = 0.5;
const MAX_GROWTH = 2;

export function mapThroughAlignment(alignment: VersionAlignment, start: number, end: number): MappedSpan | null {
  const { oldTokens, newTokens, oldToNew } = alignment;
  const first = firstTokenEndingAfter(oldTokens, start);
  const last = lastTokenStartingBefore(oldTokens, end);
  if (first > last) return null;

  let quoteChars = 0;
  let kept = 0;
  for (let i = first; i <= last; i++) {
    const chars = Math.min(end, oldTokens.ends[i]) - Math.max(start, oldTokens.starts[i]);
    quoteChars += chars;
    if (oldToNew[i] >= 0) kept += chars;
  }
  if (kept < MIN_KEPT * quoteChars) return null;

  const newStart = widenStart(alignment, mapStart(alignment, first, last, start), start);
  const newEnd = widenEnd(alignment, mapEnd(alignment, first, last, end), end);
  if (newEnd <= newStart) return null;
  let spanChars = 0;
  for (let j = firstTokenEndingAfter(newTokens, newStart); j < newTokens.keys.length && newTokens.starts[j] < newEnd; j++) {
    spanChars += Math.min(newEnd, newTokens.ends[j]) - Math.max(newStart, newTokens.starts[j]);
  }
  if (spanChars > MAX_GROWTH * quoteChars) return null;
  return { start: newStart, end: newEnd, kept, quoteChars, spanChars };
}

/**
 * Words inserted right before a passage that began a sentence (or clause) now begin it: the new
 * start moves back over inserted words to the nearest boundary of the old start's kind, never into
 * words that were there before.
 */
function widenStart(alignment: VersionAlignment, at: number, oldStart: number): number {
  const kind = startKind(alignment.oldText.original, oldStart);
  if (kind === "word") return at;
  const { newTokens, newToOld } = alignment;
  const text = alignment.newText.original;
  const k0 = firstTokenEndingAfter(newTokens, at);
  if (k0 >= newTokens.keys.length || newTokens.starts[k0] !== at || startsAt(newTokens, text, k0, kind)) return at;
  for (let k = k0 - 1; k >= 0 && newToOld[k] < 0; k--) if (startsAt(newTokens, text, k, kind)) return newTokens.starts[k];
  return at;
}

function widenEnd(alignment: VersionAlignment, at: number, oldEnd: number): number {
  const kind = endKind(alignment.oldText.original, oldEnd);
  if (kind === "word") return at;
  const { newTokens, newToOld } = alignment;
  const text = alignment.newText.original;
  const k0 = lastTokenStartingBefore(newTokens, at);
  if (k0 < 0 || newTokens.ends[k0] !== at || endsAt(newTokens, text, k0, kind)) return at;
  for (let k = k0 + 1; k < newTokens.keys.length && newToOld[k] < 0; k++) if (endsAt(newTokens, text, k, kind)) return newTokens.ends[k];
  return at;
}

/** The old tokens of the edit (run of unmatched tokens) containing token i, and the new tokens that replaced them. */
function editAround(alignment: VersionAlignment, i: number) {
  const { oldToNew, newTokens } = alignment;
  let from = i;
  while (from > 0 && oldToNew[from - 1] < 0) from--;
  let to = i;
  while (to + 1 < oldToNew.length && oldToNew[to + 1] < 0) to++;
  const newFrom = from > 0 ? oldToNew[from - 1] + 1 : 0;
  const newTo = to + 1 < oldToNew.length ? oldToNew[to + 1] : newTokens.keys.length; // exclusive
  return { from, to, newFrom, newTo };
}

function mapStart(alignment: VersionAlignment, first: number, last: number, start: number): number {
  const { oldTokens, newTokens, oldToNew } = alignment;
  const j = oldToNew[first];
  if (j >= 0) return newTokens.starts[j] + offsetInsideToken(alignment, first, j, start - oldTokens.starts[first]);
  const edit = editAround(alignment, first);
  const kept = oldToNew[edit.to + 1];
  const kind = startKind(alignment.oldText.original, start);
  if (kind !== "word") {
    // The passage began a sentence (or clause): it now begins the sentence holding its first kept
    // word, however the words before that were rewritten, but not before the edit's new wording.
    const word = keptWord(alignment, edit.to + 1, last, 1);
    const bound = Math.min(edit.newFrom, kept);
    for (let k = oldToNew[word]; k > bound; k--) if (startsAt(newTokens, alignment.newText.original, k, kind)) return newTokens.starts[k];
    return newTokens.starts[bound];
  }
  // Mid-clause: a deletion at the edge leaves the first kept word first; a replacement that begins
  // with the passage belongs to it whole.
  if (edit.newTo === edit.newFrom) return newTokens.starts[kept];
  if (edit.from === first) return newTokens.starts[edit.newFrom];
  // One edit rewrote the end of the context and the start of the passage together: a character
  // diff of the two wordings says where the old edge went, widened to a whole word.
  const at = mapCharacter(alignment, edit, start, "start");
  for (let k = edit.newFrom; k < edit.newTo; k++) if (newTokens.ends[k] > at && !isClosingMark(newTokens.keys[k])) return newTokens.starts[k];
  return newTokens.starts[kept];
}

function mapEnd(alignment: VersionAlignment, first: number, last: number, end: number): number {
  const { oldTokens, newTokens, oldToNew } = alignment;
  const j = oldToNew[last];
  if (j >= 0) return newTokens.ends[j] - offsetInsideToken(alignment, last, j, oldTokens.ends[last] - end);
  const edit = editAround(alignment, last);
  const kept = oldToNew[edit.from - 1];
  const kind = endKind(alignment.oldText.original, end);
  if (kind !== "word") {
    const word = keptWord(alignment, edit.from - 1, first, -1);
    const bound = Math.max(edit.newTo - 1, kept);
    for (let k = oldToNew[word]; k < bound; k++) if (endsAt(newTokens, alignment.newText.original, k, kind)) return newTokens.ends[k];
    return newTokens.ends[bound];
  }
  if (edit.newTo === edit.newFrom) return newTokens.ends[kept];
  if (edit.to === last) return newTokens.ends[edit.newTo - 1];
  const at = mapCharacter(alignment, edit, end, "end");
  for (let k = edit.newTo - 1; k >= edit.newFrom; k--) if (newTokens.starts[k] < at && !isOpeningMark(newTokens.keys[k])) return newTokens.ends[k];
  return newTokens.ends[kept];
}

/** The first (step 1) or last (step -1) kept token from `from` towards `limit` that is a word, not a mark; `from` if none. */
function keptWord(alignment: VersionAlignment, from: number, limit: number, step: 1 | -1): number {
  const { oldToNew, oldTokens } = alignment;
  for (let i = from; step > 0 ? i <= limit : i >= limit; i += step) {
    if (oldToNew[i] >= 0 && isWordKey(oldTokens.keys[i])) return i;
  }
  return from;
}

const isWordKey = (key: string) => key.length > 1 || /[\p{L}\p{N}_]/u.test(key);

/**
 * A quote may begin or end inside a word ("…ation" of "information"). Inside a kept word the same
 * offset holds when the word is spelt the same in the original texts; otherwise (an invisible
 * character or a different quote mark) the whole word is taken.
 */
function offsetInsideToken(alignment: VersionAlignment, i: number, j: number, offset: number): number {
  if (offset <= 0) return 0;
  const { oldTokens, newTokens } = alignment;
  const oldWord = alignment.oldText.original.slice(oldTokens.starts[i], oldTokens.ends[i]);
  const newWord = alignment.newText.original.slice(newTokens.starts[j], newTokens.ends[j]);
  return oldWord === newWord ? offset : 0;
}

/** The new-text position of old position `at` inside an edit, by a character diff of its two wordings. */
function mapCharacter(alignment: VersionAlignment, edit: ReturnType<typeof editAround>, at: number, edge: "start" | "end"): number {
  const { oldTokens, newTokens } = alignment;
  const oldFrom = oldTokens.starts[edit.from];
  const newFrom = newTokens.starts[edit.newFrom];
  const before = alignment.oldText.original.slice(oldFrom, oldTokens.ends[edit.to]);
  const after = alignment.newText.original.slice(newFrom, newTokens.ends[edit.newTo - 1]);
  // Not cleaned up semantically: merging small equalities into one replacement would send every
  // position inside it to its start. Coincidental letters matter little, the result is widened to a word.
  const diffs = diffMain(before, after, { diffTimeout: 0.1 });
  return newFrom + mapOffset(diffs, at - oldFrom, edge);
}

/** Like diff-match-patch's diffXIndex, with text inserted exactly at the offset counted outside the passage. */
function mapOffset(diffs: Diff[], offset: number, edge: "start" | "end"): number {
  let oldAt = 0;
  let newAt = 0;
  for (const [op, chunk] of diffs) {
    if (op === DIFF_INSERT) {
      // At the passage's end, an insertion at the edge comes after it.
      if (edge === "end" && oldAt === offset) return newAt;
      newAt += chunk.length;
      continue;
    }
    if (oldAt + chunk.length > offset || (edge === "end" && oldAt + chunk.length === offset && op !== DIFF_DELETE)) {
      return op === DIFF_DELETE ? newAt : newAt + (offset - oldAt);
    }
    oldAt += chunk.length;
    if (op !== DIFF_DELETE) newAt += chunk.length;
  }
  return newAt;
}

// A passage does not begin with the mark that closes the clause before it, nor end with one that opens the next.
const isClosingMark = (key: string) => key.length === 1 && ".,;:!?)]}".includes(key);
const isOpeningMark = (key: string) => key.length === 1 && "([{".includes(key);

type EdgeKind = "sentence" | "clause" | "word";

/** What kind of boundary the old passage began at: after a sentence's end or a line break, after a clause mark, or mid-clause. */
function startKind(text: string, start: number): EdgeKind {
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (i < 0 || text.slice(i + 1, start).includes("\n")) return "sentence";
  if (".!?:—–".includes(text[i])) return "sentence";
  if (",;(".includes(text[i])) return "clause";
  return "word";
}

function endKind(text: string, end: number): EdgeKind {
  let i = end - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (i >= 0 && ".!?:".includes(text[i])) return "sentence";
  let k = end;
  while (k < text.length && /\s/.test(text[k])) k++;
  if (k >= text.length || ",;:)".includes(text[k]) || ".!?".includes(text[k])) return "clause";
  return "word";
}

/** Whether a passage of the given kind could begin at new token k. */
function startsAt(tokens: TextTokens, text: string, k: number, kind: EdgeKind): boolean {
  if (k === 0) return true;
  const gap = text.slice(tokens.ends[k - 1], tokens.starts[k]);
  const before = tokens.keys[k - 1];
  // After a sentence's end, a line break, or a dash or colon that introduces what follows.
  if (gap.includes("\n") || (gap.length > 0 && before.length === 1 && ".!?:—–".includes(before))) return true;
  return kind === "clause" && before.length === 1 && ",;:(".includes(before);
}

/** Whether a passage of the given kind could end with new token k. */
function endsAt(tokens: TextTokens, text: string, k: number, kind: EdgeKind): boolean {
  const key = tokens.keys[k];
  const next = k + 1 < tokens.keys.length ? tokens.keys[k + 1] : null;
  const gap = next === null ? " " : text.slice(tokens.ends[k], tokens.starts[k + 1]);
  if (key.length === 1 && ".!?:".includes(key) && gap.length > 0) return true;
  return kind === "clause" && (next === null || (next.length === 1 && ",;:).!?".includes(next)));
}
