import { extractHtmlText } from "./extractHtml";
import { extractPdfText, PdfWithoutTextError, UnreadablePdfError } from "./extractPdf";
import { decodeUtf8, normalizeSourceText } from "./extractPlainText";
import { EMPTY_FILE_METADATA, titleFromFileName, type FileMetadata } from "./fileMetadata";
import { extractHtmlMetadata } from "./htmlMetadata";
import { MAX_SOURCE_BYTES, MAX_SOURCE_TEXT_CHARS, SourceLimitError, textTooLong } from "./sourceLimits";

export { MAX_SOURCE_BYTES };
export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf"] as const;

export type SourceFormat = "text" | "markdown" | "html" | "pdf";

export type Extraction = { ok: true; text: string; format: SourceFormat; metadata: FileMetadata } | { ok: false; status: 400 | 413 | 503; error: string };

/** The format of an upload, from its name first (browsers often send no or a generic type), then its MIME type. */
export function detectFormat(fileName: string, mimeType: string): SourceFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".txt")) return "text";
  if (name.endsWith(".md") || name.endsWith(".markdown")) return "markdown";
  if (name.endsWith(".html") || name.endsWith(".htm")) return "html";
  if (name.endsWith(".pdf")) return "pdf";
  const type = mimeType.split(";")[0].trim().toLowerCase();
  if (type === "text/plain") return "text";
  if (type === "text/markdown") return "markdown";
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "application/pdf") return "pdf";
  return null;
}

/**
 * Readable plain text from an uploaded file, or why not (with the HTTP status to answer), on
 * the calling thread: the server calls it through extractSourceTextOffThread.ts.
 */
export async function extractSourceText(file: { name: string; type: string; bytes: Uint8Array }): Promise<Extraction> {
  try {
    return await extractWithinLimits(file);
  } catch (error) {
    if (error instanceof SourceLimitError) return { ok: false, status: error.status, error: error.message };
    throw error;
  }
}

async function extractWithinLimits(file: { name: string; type: string; bytes: Uint8Array }): Promise<Extraction> {
  if (file.bytes.byteLength > MAX_SOURCE_BYTES) return { ok: false, status: 413, error: tooLarge(file.bytes.byteLength) };
  if (file.bytes.byteLength === 0) return { ok: false, status: 400, error: `The file “${file.name}” is empty.` };
  const format = detectFormat(file.name, file.type);
  if (!format) {
    return { ok: false, status: 400, error: `“${file.name}” is not a supported file type. Upload a .txt, .md, .html or .pdf file, or paste the text.` };
  }
  let text: string;
  let metadata = EMPTY_FILE_METADATA;
  if (format === "pdf") {
    try {
      ({ text, metadata } = await extractPdfText(file.bytes));
    } catch (error) {
      if (error instanceof PdfWithoutTextError || error instanceof UnreadablePdfError) return { ok: false, status: 400, error: error.message };
      throw error;
    }
  } else {
    const decoded = decodeUtf8(file.bytes);
    if (decoded === null) return { ok: false, status: 400, error: `“${file.name}” is not UTF-8 text.` };
    text = format === "html" ? extractHtmlText(decoded) : normalizeSourceText(decoded);
    if (format === "html") metadata = extractHtmlMetadata(decoded);
  }
  if (!text) return { ok: false, status: 400, error: `No readable text was found in “${file.name}”.` };
  if (text.length > MAX_SOURCE_TEXT_CHARS) return { ok: false, status: 413, error: textTooLong() };
  return { ok: true, text, format, metadata: { ...metadata, title: metadata.title ?? titleFromFileName(file.name) } };
}

export function tooLarge(bytes: number): string {
  return `The upload is too large (${(bytes / 1024 / 1024).toFixed(1)} MB); the limit is ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`;
}
