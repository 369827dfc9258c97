import { readBodyBytes } from "../http/readBodyBytes";
import { tooLarge } from "../sources/extractSourceText";
import { MAX_SOURCE_BYTES, UPLOAD_BODY_LIMIT } from "../sources/sourceLimits";

export type InterchangeUpload = { ok: true; text: string; fileName: string; fields: Record<string, string> } | { ok: false; status: 400 | 413 | 415; error: string };

/**
 * Reads an interchange file from a multipart form: `file` (a file, or the text itself) and
 * the other string fields. The body is read like a source upload's (lib/sources/sourceUpload.ts):
 * streamed and capped at UPLOAD_BODY_LIMIT bytes, whatever Content-Length says.
 */
export async function readInterchangeUpload(request: Request): Promise<InterchangeUpload> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.includes("multipart/form-data")) return { ok: false, status: 415, error: "Send the file as a multipart form with a `file` field." };
  const read = await readBodyBytes(request, UPLOAD_BODY_LIMIT, () => `The upload is too large; the limit is ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`);
  if (!read.ok) return read;
  let form: FormData;
  try {
    form = await new Response(read.bytes as BodyInit, { headers: { "content-type": request.headers.get("content-type") ?? type } }).formData();
  } catch {
    return { ok: false, status: 400, error: "The upload could not be read as a form." };
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "file") fields[key] = value;
  const file = form.get("file");
  if (file instanceof File) {
    if (file.size > MAX_SOURCE_BYTES) return { ok: false, status: 413, error: tooLarge(file.size) };
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, status: 400, error: `The file “${file.name}” is not UTF-8 text.` };
    }
    return { ok: true, text, fileName: file.name, fields };
  }
  if (typeof file === "string") {
    if (file.length > MAX_SOURCE_BYTES) return { ok: false, status: 413, error: tooLarge(file.length) };
    return { ok: true, text: file, fileName: "", fields };
  }
  return { ok: false, status: 400, error: "Attach the file to import in the `file` field." };
}
