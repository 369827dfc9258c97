import { normalizeSourceText } from "./extractPlainText";
import { EMPTY_FILE_METADATA, metadataDate, metadataText, type FileMetadata } from "./fileMetadata";
import { MAX_PDF_PAGES, MAX_SOURCE_TEXT_CHARS, SourceLimitError, textTooLong } from "./sourceLimits";

export class PdfWithoutTextError extends Error {
  constructor() {
    super("This PDF has no text layer (it is probably scanned images). Run OCR on it first, or paste its text.");
  }
}

export class UnreadablePdfError extends Error {}

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

// Loaded at run time from node_modules: bundling pdf.js breaks its worker set-up.
const PDFJS = "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * The text of a PDF, page by page (pages separated by a blank line), with pdf.js's legacy Node
 * build. Refuses (SourceLimitError) a page tree over MAX_PDF_PAGES before reading any page (8,000
 * empty pages took ~14 s) and stops once the text passes MAX_SOURCE_TEXT_CHARS. pdf.js decodes
 * on the calling thread: run this on the upload parser's worker (sourceParserWorker.ts).
 */
export async function extractPdfText(bytes: Uint8Array): Promise<{ text: string; metadata: FileMetadata }> {
  const pdfjs = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ PDFJS)) as typeof import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    throw new UnreadablePdfError(`This PDF could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new SourceLimitError(413, `This PDF has ${doc.numPages} pages; the limit is ${MAX_PDF_PAGES} pages.`);
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== "string") continue;
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      pages.push(text);
      page.cleanup();
      length += text.length;
      if (length > MAX_SOURCE_TEXT_CHARS) throw new SourceLimitError(413, textTooLong());
    }
    const text = normalizeSourceText(pages.join("\n\n"));
    if (!text) throw new PdfWithoutTextError();
    return { text, metadata: await pdfMetadata(doc) };
  } finally {
    await doc.destroy();
  }
}

/** The document information dictionary's Title, Author and CreationDate (publisher: PDFs have none). */
async function pdfMetadata(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<FileMetadata> {
  try {
    const { info } = await doc.getMetadata();
    const fields = (info ?? {}) as Record<string, unknown>;
    return { ...EMPTY_FILE_METADATA, title: metadataText(fields.Title), author: metadataText(fields.Author), publishedAt: metadataDate(fields.CreationDate) };
  } catch {
    return EMPTY_FILE_METADATA;
  }
}
