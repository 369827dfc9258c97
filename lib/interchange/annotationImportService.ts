import { z } from "zod";
import { citationBatchUpdate, claimIdsOfState } from "../argument/citationBatch";
import { appendServerUpdate } from "../db/mapImport";
import { loadMapState } from "../db/mapState";
import { findMapSource } from "../db/sources";
import { InterchangeError } from "./interchangeError";
import { importWebAnnotations } from "./webAnnotationImport";

export const annotationFieldsSchema = z.object({
  sourceId: z.string({ error: "Name the source the annotations are on (sourceId)." }).min(1, "Name the source the annotations are on (sourceId).").max(64),
  claimId: z.string().min(1).max(64).optional(),
});

export type AnnotationImportResult =
  | { ok: true; value: { cards: number; citationIds: string[]; orphans: string[] } }
  | { ok: false; status: 400 | 404; error: string };

/** Web Annotations on one of the map's sources become cards there. Callers check edit access first. */
export async function importAnnotationsInto(mapId: string, actorId: string, text: string, rawFields: Record<string, string>): Promise<AnnotationImportResult> {
  const fields = annotationFieldsSchema.safeParse(rawFields);
  if (!fields.success) return { ok: false, status: 400, error: fields.error.issues[0].message };
  const source = await findMapSource(mapId, fields.data.sourceId);
  if (!source) return { ok: false, status: 404, error: "This map has no source with that id." };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, status: 400, error: `The file is not valid JSON: ${(error as Error).message}.` };
  }
  const state = await loadMapState(mapId);
  const claimIds = claimIdsOfState(state);
  if (fields.data.claimId && !claimIds.has(fields.data.claimId)) return { ok: false, status: 400, error: "The claimId names no claim of this map." };
  let found;
  try {
    found = importWebAnnotations(json, source.text, claimIds, fields.data.claimId ?? null);
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, status: 400, error: error.message };
    throw error;
  }
  if (found.cards.length === 0) return { ok: true, value: { cards: 0, citationIds: [], orphans: found.orphans } };
  const { update, projection, ids } = citationBatchUpdate(
    state,
    found.cards.map((c) => ({ ...c, sourceId: source.source.id, sourceVersion: source.version, highlights: [], authorId: actorId })),
  );
  await appendServerUpdate(mapId, update, projection);
  return { ok: true, value: { cards: ids.length, citationIds: ids, orphans: found.orphans } };
}
