/**
 * Cite metadata a file carries (HTML <title> and <meta>, a PDF's document information), used
 * to pre-fill the add-source form; the user checks and fixes it. A field is null when the file
 * does not say; nothing is guessed except the title, which falls back to the file name.
 */
export interface FileMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** YYYY-MM-DD, as the form's date field takes it. */
  publishedAt: string | null;
  url: string | null;
}

export const EMPTY_FILE_METADATA: FileMetadata = { title: null, author: null, publisher: null, publishedAt: null, url: null };

const MAX_FIELD = 300;

/** Trimmed, whitespace-collapsed, cut to the form's field length; null when empty. */
export function metadataText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.replace(/\s+/g, " ").trim();
  return text ? text.slice(0, MAX_FIELD) : null;
}

/** An ISO or RFC date, or a PDF date ("D:20240303120000+01'00'"), as YYYY-MM-DD; null otherwise. */
export function metadataDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const pdf = value.trim().match(/^D:(\d{4})(\d{2})?(\d{2})?/);
  if (pdf) {
    const [, y, m = "01", d = "01"] = pdf;
    return validYmd(`${y}-${m}-${d}`);
  }
  const ymd = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (ymd) return validYmd(ymd[0]);
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

function validYmd(ymd: string): string | null {
  const date = new Date(`${ymd}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== ymd ? null : ymd;
}

export function metadataUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** "cartel-report_2024.pdf" → "cartel report 2024": the last resort for a title. */
export function titleFromFileName(name: string): string | null {
  return metadataText(name.replace(/\.[a-z0-9]{1,8}$/i, "").replace(/[_-]+/g, " "));
}
