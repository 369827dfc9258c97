import { loadMapDoc } from "../db/mapState";
import { listMapSources } from "../db/sources";
import { loadRatingVotes } from "../db/ratings";
import { assembleBrief, type BriefSide, type BriefSource, type DebateBrief } from "./debateBrief";

/**
 * The brief for one side of a stored map. Callers check permission first (authorizeMap).
 * The members' stored impact ratings feed the strengths, so the brief orders by them.
 */
export async function loadMapBrief(mapId: string, side: BriefSide): Promise<DebateBrief> {
  const [doc, sources, ratings] = await Promise.all([loadMapDoc(mapId), listMapSources(mapId), loadRatingVotes(mapId)]);
  try {
    const sourcesById = new Map<string, BriefSource>(sources.map((s) => [s.id, s]));
    return assembleBrief(doc, side, sourcesById, ratings);
  } finally {
    doc.destroy();
  }
}

/** "<map title> - Aff brief.docx", without characters file systems refuse. */
export function briefFileName(brief: Pick<DebateBrief, "title" | "side">, extension: "md" | "docx"): string {
  const title = brief.title
    .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[. ]+$/, "")
    .slice(0, 120) || "Map";
  return `${title} - ${brief.side === "aff" ? "Aff" : "Neg"} brief.${extension}`;
}

/** A Content-Disposition value with an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
