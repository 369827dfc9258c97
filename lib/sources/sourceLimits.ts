/**
 * What one uploaded source may cost the server (docs/notes-uploads.md lists them). Files are
 * parsed on a worker thread (extractSourceTextOffThread.ts) under these caps, so no file can
 * stall the event loop or take the process's memory.
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
/** The request body of an upload: the file plus the form's fields and boundaries. */
export const UPLOAD_BODY_LIMIT = MAX_SOURCE_BYTES + 256 * 1024;
/** Chrome's HTML parser stops nesting at 512; real pages stay far below. */
export const MAX_HTML_DEPTH = 500;
export const MAX_PDF_PAGES = 2000;
/** Bytes the PDF parser may decode and allocate as Uint8Arrays, in all (decodeBudget.ts counts them). */
export const MAX_PDF_DECODED_BYTES = 128 * 1024 * 1024;
/** The same ceiling as pasted text (sourceMetadata.ts). */
export const MAX_SOURCE_TEXT_CHARS = 10 * 1024 * 1024;
export const PARSE_TIMEOUT_MS = 20_000;
/** The parser thread's V8 heap (old generation); typed arrays are counted by the budget above. */
export const PARSER_HEAP_MB = 128;
/** Parses at once; more wait their turn, up to MAX_WAITING_PARSES, then are refused (503). */
export const MAX_CONCURRENT_PARSES = 2;
export const MAX_WAITING_PARSES = 8;

/** A file over one of the caps above: the status to answer and one sentence naming the limit. */
export class SourceLimitError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export const textTooLong = () => `The text of this file is longer than ${MAX_SOURCE_TEXT_CHARS.toLocaleString("en-US")} characters, the limit for one source.`;

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
