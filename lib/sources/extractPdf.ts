import { normalizeSourceText } from "./extractPlainText";

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

/** The text of a PDF, page by page (pages separated by a blank line), with pdf.js's legacy Node build. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ PDFJS)) as typeof import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    throw new UnreadablePdfError(`This PDF could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const pages: string[] = [];
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
    }
    const text = normalizeSourceText(pages.join("\n\n"));
    if (!text) throw new PdfWithoutTextError();
    return text;
  } finally {
    await doc.destroy();
  }
}
