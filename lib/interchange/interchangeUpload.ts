import { MAX_SOURCE_BYTES, tooLarge } from "../sources/extractSourceText";

export type InterchangeUpload = { ok: true; text: string; fileName: string; fields: Record<string, string> } | { ok: false; status: 400 | 413 | 415; error: string };

/**
 * Reads an interchange file from a multipart form: `file` (a file, or the text itself) and
 * the other string fields. The size limit and the way the body is read are those of source
 * uploads (lib/sources/sourceUpload.ts): one place to change when body reading changes.
 */
export async function readInterchangeUpload(request: Request): Promise<InterchangeUpload> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  // Multipart overhead is small; anything well past the limit is refused before it is read.
  if (declared > MAX_SOURCE_BYTES + 256 * 1024) return { ok: false, status: 413, error: tooLarge(declared) };
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.includes("multipart/form-data")) return { ok: false, status: 415, error: "Send the file as a multipart form with a `file` field." };
  let form: FormData;
  try {
    form = await request.formData();
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
