import { describe, expect, it } from "vitest";
import { extractSourceText } from "@/lib/sources/extractSourceText";
import { extractHtmlMetadata } from "@/lib/sources/htmlMetadata";
import { metadataDate, titleFromFileName } from "@/lib/sources/fileMetadata";
import { pdfWithInfo } from "../../support/handmadePdf";

const encode = (text: string) => new TextEncoder().encode(text);

describe("metadata an uploaded file carries", () => {
  it("reads an HTML page's title, author, site, date and canonical address from its head", () => {
    const html = `<!doctype html><html><head>
      <title>  Cartels &amp; the Border \n</title>
      <meta name="author" content="Ana Ruiz">
      <meta property="article:published_time" content="2025-01-20T08:30:00-05:00">
      <meta property="og:site_name" content="Border Review">
      <link rel="canonical" href="https://example.org/cartels">
      </head><body><meta name="author" content="Not the author"><p>Text</p></body></html>`;
    expect(extractHtmlMetadata(html)).toEqual({ title: "Cartels & the Border", author: "Ana Ruiz", publisher: "Border Review", publishedAt: "2025-01-20", url: "https://example.org/cartels" });
  });

  it("leaves out what the page does not say and never takes a profile address for a name", () => {
    const html = `<html><head><meta property="article:author" content="https://facebook.com/someone"><link rel="canonical" href="javascript:alert(1)"></head><body>x</body></html>`;
    expect(extractHtmlMetadata(html)).toEqual({ title: null, author: null, publisher: null, publishedAt: null, url: null });
  });

  it("reads a PDF's document information (title, author, creation date)", async () => {
    const bytes = pdfWithInfo("/Title (Security Cooperation Report) /Author (Jane Roe) /CreationDate (D:20240303120000+01'00')", "Joint task forces seized record amounts.");
    const result = await extractSourceText({ name: "report.pdf", type: "application/pdf", bytes: new Uint8Array(bytes) });
    expect(result.ok && result.metadata).toEqual({ title: "Security Cooperation Report", author: "Jane Roe", publisher: null, publishedAt: "2024-03-03", url: null });
  });

  it("falls back to the file name for a title, and to nothing else", async () => {
    const result = await extractSourceText({ name: "field-notes_march.txt", type: "text/plain", bytes: encode("Some notes.") });
    expect(result.ok && result.metadata).toEqual({ title: "field notes march", author: null, publisher: null, publishedAt: null, url: null });
    expect(titleFromFileName(".pdf")).toBeNull();
  });

  it("takes ISO, RFC and PDF dates and refuses impossible ones", () => {
    expect(metadataDate("2024-02-29")).toBe("2024-02-29");
    expect(metadataDate("2023-02-29")).toBeNull();
    expect(metadataDate("Tue, 03 Dec 2024 10:00:00 GMT")).toBe("2024-12-03");
    expect(metadataDate("D:2019")).toBe("2019-01-01");
    expect(metadataDate("soon")).toBeNull();
  });
});
