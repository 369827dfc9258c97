import { z } from "zod";
import { readBodyBytes } from "../http/readBodyBytes";
import { tooLarge, type Extraction } from "./extractSourceText";
import { extractSourceTextOffThread } from "./extractSourceTextOffThread";
import { normalizeSourceText } from "./extractPlainText";
import { MAX_SOURCE_BYTES, UPLOAD_BODY_LIMIT } from "./sourceLimits";
import type { FileMetadata } from "./fileMetadata";
import { pastedSourceSchema, sourceMetadataSchema, type SourceMetadata } from "./sourceMetadata";

type Refusal = { ok: false; status: 400 | 413 | 415 | 503; error: string };

export type SourceUpload = { ok: true; meta: SourceMetadata; text: string } | { ok: false; status: 400 | 413 | 415 | 503; error: string };

const uploadTooLarge = () => `The upload is too large; the limit is ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`;

const METADATA_FIELDS = ["title", "author", "authorQualifications", "publisher", "publishedAt", "url", "accessedAt"] as const;

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "The form is not valid.";
}

/**
 * Reads a new source (or a new version when `withMetadata` is false) from a request: a
 * multipart form with a `file` or a `text` field plus the cite metadata, or JSON with
 * `text`. The body is read up to UPLOAD_BODY_LIMIT bytes (the file limit plus the form's
 * overhead) and no further; a file's text is extracted on the upload parser's worker thread.
 * Nothing is stored here; the caller creates rows only from an ok result (and calls this only
 * once the user may add sources: the body is read after the authorization).
 */
export async function readSourceUpload(request: Request, withMetadata = true): Promise<SourceUpload> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const isJson = type.includes("application/json");
  if (!isJson && !type.includes("multipart/form-data")) {
    return { ok: false, status: 415, error: "Send the source as a multipart form (file or text) or as JSON." };
  }
  const read = await readBodyBytes(request, UPLOAD_BODY_LIMIT, uploadTooLarge);
  if (!read.ok) return read;

  if (isJson) {
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(read.bytes));
    } catch {
      return { ok: false, status: 400, error: "The request body is not valid JSON." };
    }
    const schema = withMetadata ? pastedSourceSchema : pastedSourceSchema.pick({ text: true });
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, status: 400, error: firstIssue(parsed.error) };
    const text = normalizeSourceText(parsed.data.text);
    if (!text) return { ok: false, status: 400, error: "The source text is empty." };
    const { text: _pasted, ...meta } = parsed.data as SourceMetadata & { text: string };
    void _pasted;
    return { ok: true, meta: (withMetadata ? meta : { title: "" }) as SourceMetadata, text };
  }

  const form = await multipartForm(request, read.bytes);
  if (!(form instanceof FormData)) return form;
  let meta = { title: "" } as SourceMetadata;
  if (withMetadata) {
    const fields: Record<string, string> = {};
    for (const key of METADATA_FIELDS) {
      const value = form.get(key);
      if (typeof value === "string") fields[key] = value;
    }
    const parsed = sourceMetadataSchema.safeParse(fields);
    if (!parsed.success) return { ok: false, status: 400, error: firstIssue(parsed.error) };
    meta = parsed.data;
  }
  const file = form.get("file");
  if (file instanceof File && (file.size > 0 || file.name)) {
    const extracted = await extractUploadedFile(file);
    if (!extracted.ok) return extracted;
    return { ok: true, meta, text: extracted.text };
  }
  const pasted = form.get("text");
  if (typeof pasted === "string") {
    if (pasted.length > MAX_SOURCE_BYTES) return { ok: false, status: 413, error: tooLarge(pasted.length) };
    const text = normalizeSourceText(pasted);
    if (text) return { ok: true, meta, text };
  }
  return { ok: false, status: 400, error: "Paste the source text or upload a file (.txt, .md, .html or .pdf)." };
}

/** An uploaded file's text and metadata, read on the parser's worker (after the size check). */
async function extractUploadedFile(file: File): Promise<Extraction> {
  if (file.size > MAX_SOURCE_BYTES) return { ok: false, status: 413, error: tooLarge(file.size) };
  return extractSourceTextOffThread({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
}

async function multipartForm(request: Request, bytes: Uint8Array): Promise<FormData | Refusal> {
  try {
    // The bytes are already capped; Response parses the multipart form from them (with the
    // original Content-Type: its boundary is case-sensitive).
    return await new Response(bytes as BodyInit, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return { ok: false, status: 400, error: "The upload could not be read as a form." };
  }
}

export type FileMetadataPreview = { ok: true; metadata: FileMetadata; textLength: number } | Refusal;

/**
 * The cite metadata of a file the user is about to add (multipart, one `file` field), read by
 * the same capped body reader and worker as an upload; stores nothing.
 */
export async function readUploadedFileMetadata(request: Request): Promise<FileMetadataPreview> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().includes("multipart/form-data")) {
    return { ok: false, status: 415, error: "Send the file as a multipart form with a `file` field." };
  }
  const read = await readBodyBytes(request, UPLOAD_BODY_LIMIT, uploadTooLarge);
  if (!read.ok) return read;
  const form = await multipartForm(request, read.bytes);
  if (!(form instanceof FormData)) return form;
  const file = form.get("file");
  if (!(file instanceof File) || !file.name) return { ok: false, status: 400, error: "Choose a file (.txt, .md, .html or .pdf)." };
  const extracted = await extractUploadedFile(file);
  if (!extracted.ok) return extracted;
  return { ok: true, metadata: extracted.metadata, textLength: extracted.text.length };
}
