import { InterchangeError } from "./interchangeError";
import type { DraftClaim, DraftLink, MapDraft } from "./mapDraft";

// A Kialo discussion export (.txt):
//   Discussion Title: Should cities ban cars?
//
//   1. Cities should ban cars.
//   1.1. Pro: Fewer cars mean cleaner air.
//   1.1.1. Con: Electric cars already …
//   1.2. Con: -> See 1.1.1.
// A claim's text may run on over the following unnumbered lines; "-> See 1.x." reuses
// another claim there (a cross-link here). A multi-thesis discussion numbers its theses
// 1.1., 1.2. … with no stance under a "1." that holds the question.

const NUMBERED = /^((?:\d+\.)+)\s*(?:(Pro|Con|Thesis):\s*)?(.*)$/i;
const SEE = /^->\s*See\s+((?:\d+\.)*\d+)\.?\s*$/i;

interface Entry {
  number: string;
  line: number;
  stance: "pro" | "con" | null;
  text: string;
}

export function importKialo(input: string): { draft: MapDraft; skipped: string[] } {
  const lines = input.replace(/^\uFEFF/, "").split(/\r?\n/);
  let title = "";
  const entries: Entry[] = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const heading = /^Discussion Title:\s*(.*)$/i.exec(line);
    if (heading && entries.length === 0) {
      title = heading[1].trim();
      continue;
    }
    const m = NUMBERED.exec(line);
    if (m) {
      const number = m[1].replace(/\.$/, "");
      const word = m[2]?.toLowerCase();
      entries.push({ number, line: i + 1, stance: word === "pro" ? "pro" : word === "con" ? "con" : null, text: m[3].trim() });
      continue;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new InterchangeError(`Kialo line ${i + 1}: expected "Discussion Title:" or a numbered claim such as "1.1. Pro: …".`);
    last.text = last.text ? `${last.text}\n${line}` : line;
  }
  if (entries.length === 0) throw new InterchangeError('The Kialo file has no numbered claims (lines such as "1.1. Pro: …").');

  const byNumber = new Map<string, Entry>();
  for (const e of entries) {
    if (byNumber.has(e.number)) throw new InterchangeError(`Kialo line ${e.line}: the number ${e.number}. is used twice (first on line ${byNumber.get(e.number)!.line}).`);
    const parent = e.number.includes(".") ? e.number.slice(0, e.number.lastIndexOf(".")) : null;
    if (parent === null && byNumber.size > 0) throw new InterchangeError(`Kialo line ${e.line}: ${e.number}. is a second top-level claim; a discussion has one, numbered 1.`);
    if (parent !== null && !byNumber.has(parent)) throw new InterchangeError(`Kialo line ${e.line}: ${e.number}. has no parent claim ${parent}. before it.`);
    if (parent !== null && e.stance === null && parent.includes(".")) throw new InterchangeError(`Kialo line ${e.line}: ${e.number}. needs "Pro:" or "Con:".`);
    byNumber.set(e.number, e);
  }

  const root = entries[0];
  // Children of the root without a stance are theses (positions) of a multi-thesis discussion.
  const multiThesis = entries.some((e) => e.number.split(".").length === 2 && e.stance === null);
  const question = multiThesis ? root.text : title || root.text;
  const claims: DraftClaim[] = [];
  const links: DraftLink[] = [];
  const seeLater: { entry: Entry; target: string }[] = [];
  const skipped: string[] = [];
  for (const e of entries) {
    const depth = e.number.split(".").length;
    const parentNumber = depth > 1 ? e.number.slice(0, e.number.lastIndexOf(".")) : null;
    if (multiThesis && depth === 1) continue;
    const see = SEE.exec(e.text);
    if (see) {
      seeLater.push({ entry: e, target: see[1] });
      continue;
    }
    if (multiThesis && depth === 2 && e.stance === null) {
      claims.push({ key: e.number, kind: "position", parentKey: null, stance: null, text: e.text });
    } else if (!multiThesis && depth === 1) {
      claims.push({ key: e.number, kind: "position", parentKey: null, stance: null, text: e.text });
    } else {
      if (e.stance === null) throw new InterchangeError(`Kialo line ${e.line}: ${e.number}. needs "Pro:" or "Con:".`);
      claims.push({ key: e.number, kind: "claim", parentKey: parentNumber, stance: e.stance, text: e.text });
    }
  }
  const known = new Set(claims.map((c) => c.key));
  for (const { entry, target } of seeLater) {
    const parentNumber = entry.number.slice(0, entry.number.lastIndexOf("."));
    if (!known.has(target)) throw new InterchangeError(`Kialo line ${entry.line}: "-> See ${target}." points at a claim the file does not have.`);
    if (!known.has(parentNumber) || entry.stance === null) {
      skipped.push(`line ${entry.line}: a "-> See" reference without a pro/con parent`);
      continue;
    }
    if (target !== parentNumber) links.push({ fromKey: target, toKey: parentNumber, stance: entry.stance });
  }
  // A claim under a "-> See" line has nowhere to go: its parent is only a reference.
  const orphans = claims.filter((c) => c.parentKey !== null && !known.has(c.parentKey));
  if (orphans.length > 0) {
    const e = byNumber.get(orphans[0].key)!;
    throw new InterchangeError(`Kialo line ${e.line}: ${e.number}. sits under a "-> See" reference, which cannot have claims of its own.`);
  }
  return { draft: { title: title || question, question, claims, links, sources: [], citations: [] }, skipped };
}
