import { importAif } from "./aifImport";
import { unwrapAif } from "./aifSchema";
import { importArgdown } from "./argdownImport";
import { CLAIMBOARD_FORMAT, importClaimboardJson } from "./claimboardJson";
import { InterchangeError } from "./interchangeError";
import { importKialo } from "./kialoImport";
import { reportOf, type ImportReport, type MapDraft } from "./mapDraft";
import { annotationList } from "./webAnnotationSchema";

export const IMPORT_FORMATS = ["argdown", "kialo", "aif", "claimboard"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Limits a draft must keep to become a map (the map list and the editor stay usable). */
export const MAX_IMPORT_CLAIMS = 10_000;
const MAX_TITLE = 200;
const MAX_QUESTION = 500;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InterchangeError(`The file is not valid JSON: ${(error as Error).message}.`);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Which format a file is in, from its content. */
export function detectFormat(text: string): ImportFormat {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  // "[" also opens an Argdown statement; only "{" commits to JSON before parsing.
  const looksJson = trimmed.startsWith("{") || (trimmed.startsWith("[") && isJson(trimmed));
  if (looksJson) {
    const json = parseJson(trimmed);
    if (json && typeof json === "object" && (json as Record<string, unknown>).format === CLAIMBOARD_FORMAT) return "claimboard";
    const aif = unwrapAif(json);
    if (aif && typeof aif === "object" && Array.isArray((aif as Record<string, unknown>).nodes)) return "aif";
    if (annotationList(json)) throw new InterchangeError("This is a Web Annotation file: add it to a source of an existing map (its annotations become cards there), not as a new map.");
    throw new InterchangeError("The JSON file is neither a Claimboard map nor AIF (no \"nodes\").");
  }
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? "";
  if (/^Discussion Title:/i.test(firstLine) || /^1\.\s/.test(firstLine)) return "kialo";
  return "argdown";
}

/** A file's text → the draft of a new map and the import report; InterchangeError when the file cannot be imported. */
export function importMapFile(text: string, format?: ImportFormat): { format: ImportFormat; draft: MapDraft; report: ImportReport } {
  if (text.trim() === "") throw new InterchangeError("The file is empty.");
  const chosen = format ?? detectFormat(text);
  const source = text.replace(/^\uFEFF/, "");
  const { draft, skipped } =
    chosen === "argdown" ? importArgdown(source) : chosen === "kialo" ? importKialo(source) : chosen === "aif" ? importAif(parseJson(source)) : importClaimboardJson(parseJson(source));
  if (draft.claims.length > MAX_IMPORT_CLAIMS) throw new InterchangeError(`The file has ${draft.claims.length} claims; a map holds at most ${MAX_IMPORT_CLAIMS}.`);
  const title = draft.title.replace(/\s+/g, " ").trim().slice(0, MAX_TITLE) || "Imported map";
  const question = draft.question.replace(/\s+/g, " ").trim().slice(0, MAX_QUESTION) || title;
  const fitted = { ...draft, title, question };
  return { format: chosen, draft: fitted, report: reportOf(fitted, skipped) };
}
