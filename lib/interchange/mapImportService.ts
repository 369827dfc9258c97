import { z } from "zod";
import { draftMapState } from "../argument/mapDraftDoc";
import { newId } from "../argument/newId";
import { insertImportedMap, type ImportedSource } from "../db/mapImport";
import { importMapFile, IMPORT_FORMATS } from "./importMapFile";
import { InterchangeError } from "./interchangeError";
import type { ImportReport } from "./mapDraft";

const FORMAT_ERROR = `format must be one of ${IMPORT_FORMATS.join(", ")} (or left out to detect it)`;

export const importFieldsSchema = z.object({
  // An empty select value means "detect".
  format: z.preprocess((v) => (v === "" ? undefined : v), z.enum(IMPORT_FORMATS, { error: FORMAT_ERROR }).optional()),
});

export type MapImportResult = { ok: true; value: { id: string; report: ImportReport } } | { ok: false; status: 400 | 401; error: string };

function dateOrNull(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Any signed-in user imports a file as a new map they own; a bad file creates nothing. */
export async function importMapFor(actorId: string | null, text: string, rawFields: Record<string, string>): Promise<MapImportResult> {
  if (!actorId) return { ok: false, status: 401, error: "Sign in to import a map." };
  const fields = importFieldsSchema.safeParse({ format: rawFields.format });
  if (!fields.success) return { ok: false, status: 400, error: fields.error.issues[0].message };
  let imported;
  try {
    imported = importMapFile(text, fields.data.format);
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, status: 400, error: error.message };
    throw error;
  }
  const { draft, report, format } = imported;
  const sources: ImportedSource[] = draft.sources.map((s) => ({
    id: newId(),
    title: s.title.slice(0, 500) || "Untitled source",
    author: s.author,
    authorQualifications: s.authorQualifications,
    publisher: s.publisher,
    publishedAt: dateOrNull(s.publishedAt),
    url: s.url,
    accessedAt: dateOrNull(s.accessedAt),
    text: s.text,
  }));
  const stored = new Map(draft.sources.map((s, i) => [s.key, { id: sources[i].id, version: 1 }]));
  const { state, projection } = draftMapState(draft, actorId, stored);
  const { id } = await insertImportedMap({ title: draft.title, question: draft.question, ownerId: actorId, format, sources, state, projection });
  return { ok: true, value: { id, report } };
}
