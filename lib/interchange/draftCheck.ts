import type { MapDraft } from "./mapDraft";
import { InterchangeError } from "./interchangeError";

/**
 * The rules a draft must keep before it becomes a map: unique keys, parents that exist and
 * come first, stances on claims only, links and citations between known things. Importers
 * build drafts that pass; this guards the Claimboard JSON import, which takes the structure
 * as written.
 */
export function checkDraft(draft: MapDraft): void {
  const kinds = new Map<string, "position" | "claim">();
  for (const [i, claim] of draft.claims.entries()) {
    const where = `claim ${i + 1} ("${claim.key}")`;
    if (kinds.has(claim.key)) throw new InterchangeError(`The key of ${where} is used twice.`);
    if (claim.kind === "position") {
      if (claim.parentKey !== null) throw new InterchangeError(`${where} is a position, so it cannot have a parent.`);
      if (claim.stance !== null) throw new InterchangeError(`${where} is a position, so it has no stance.`);
    } else {
      if (claim.parentKey === null) throw new InterchangeError(`${where} needs a parent.`);
      if (!kinds.has(claim.parentKey)) throw new InterchangeError(`${where} names the parent "${claim.parentKey}", which is not a claim listed before it.`);
      if (claim.stance !== "pro" && claim.stance !== "con") throw new InterchangeError(`${where} needs a stance, pro or con.`);
    }
    kinds.set(claim.key, claim.kind);
  }
  for (const [i, link] of draft.links.entries()) {
    if (!kinds.has(link.fromKey) || !kinds.has(link.toKey)) throw new InterchangeError(`Link ${i + 1} joins a claim that is not in the map.`);
    if (link.fromKey === link.toKey) throw new InterchangeError(`Link ${i + 1} joins a claim to itself.`);
  }
  const sources = new Map(draft.sources.map((s) => [s.key, s]));
  if (sources.size !== draft.sources.length) throw new InterchangeError("Two sources share one key.");
  for (const [i, c] of draft.citations.entries()) {
    const source = sources.get(c.sourceKey);
    if (!kinds.has(c.claimKey)) throw new InterchangeError(`Card ${i + 1} is on a claim that is not in the map.`);
    if (!source) throw new InterchangeError(`Card ${i + 1} quotes a source that is not in the file.`);
    if (!(Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end >= c.start && c.end <= source.text.length)) {
      throw new InterchangeError(`Card ${i + 1} points at characters ${c.start}–${c.end}, outside its source's text.`);
    }
  }
}
