import { draftFromDoc, type SourceForDraft } from "../argument/mapDraftDoc";
import { loadMapDoc } from "../db/mapState";
import { listMapSources, findMapSource } from "../db/sources";
import { exportAif } from "./aifExport";
import { exportArgdown } from "./argdownExport";
import { exportClaimboardJson } from "./claimboardJson";
import { exportKialo } from "./kialoExport";
import { briefFileName } from "./mapBrief";
import type { MapDraft } from "./mapDraft";
import { exportWebAnnotations } from "./webAnnotationExport";
import { readCitations } from "../argument/claimSchema";

export const EXPORT_FORMATS = ["argdown", "kialo", "aif", "annotations", "claimboard"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FILE: Record<ExportFormat, { contentType: string; extension: string }> = {
  argdown: { contentType: "text/x-argdown; charset=utf-8", extension: "argdown" },
  kialo: { contentType: "text/plain; charset=utf-8", extension: "kialo.txt" },
  aif: { contentType: "application/json; charset=utf-8", extension: "aif.json" },
  annotations: { contentType: "application/ld+json; charset=utf-8", extension: "annotations.jsonld" },
  claimboard: { contentType: "application/json; charset=utf-8", extension: "claimboard.json" },
};

/** The live map as a draft: the current document state plus the texts of the cited source versions. */
export async function loadMapDraft(mapId: string): Promise<MapDraft> {
  const [doc, sources] = await Promise.all([loadMapDoc(mapId), listMapSources(mapId)]);
  try {
    const texts = new Map<string, string>();
    for (const c of readCitations(doc)) {
      const key = `${c.sourceId}@${c.sourceVersion}`;
      if (texts.has(key) || !sources.some((s) => s.id === c.sourceId)) continue;
      const found = await findMapSource(mapId, c.sourceId, c.sourceVersion);
      if (found && found.version === c.sourceVersion) texts.set(key, found.text);
    }
    const bySource = new Map<string, SourceForDraft>(
      sources.map((s) => [
        s.id,
        {
          id: s.id,
          title: s.title,
          author: s.author,
          authorQualifications: s.authorQualifications,
          publisher: s.publisher,
          publishedAt: s.publishedAt?.toISOString() ?? null,
          url: s.url,
          accessedAt: s.accessedAt?.toISOString() ?? null,
          textOfVersion: (version: number) => texts.get(`${s.id}@${version}`) ?? null,
        },
      ]),
    );
    return draftFromDoc(doc, bySource);
  } finally {
    doc.destroy();
  }
}

/** The export file of a map: body, type and file name. Callers check read access first. */
export async function exportMap(mapId: string, format: ExportFormat, origin: string): Promise<{ body: string; contentType: string; fileName: string }> {
  const draft = await loadMapDraft(mapId);
  const mapIri = `${origin}/api/maps/${mapId}`;
  const body =
    format === "argdown"
      ? exportArgdown(draft)
      : format === "kialo"
        ? exportKialo(draft)
        : format === "aif"
          ? JSON.stringify(exportAif(draft), null, 2) + "\n"
          : format === "annotations"
            ? JSON.stringify(
                exportWebAnnotations(
                  draft,
                  (key) => {
                    const [sourceId, version] = key.split("@v");
                    return `${mapIri}/sources/${sourceId}?version=${version}`;
                  },
                  `${mapIri}/export?format=annotations`,
                ),
                null,
                2,
              ) + "\n"
            : exportClaimboardJson(draft);
  const { contentType, extension } = FILE[format];
  // briefFileName's cleaning, without its " - Aff brief" suffix.
  const base = briefFileName({ title: draft.title, side: "aff" }, "md").replace(/ - Aff brief\.md$/, "");
  return { body, contentType, fileName: `${base}.${extension}` };
}
