import { describe, expect, it } from "vitest";
import { extractHtmlText } from "@/lib/sources/extractHtml";
import { normalizeSourceText } from "@/lib/sources/extractPlainText";
import { detectFormat, extractSourceText, MAX_SOURCE_BYTES } from "@/lib/sources/extractSourceText";
import { sourceMetadataSchema } from "@/lib/sources/sourceMetadata";
import { SAMPLE_HTML, tinyPdf } from "./fixtures";
import { manyPagePdf } from "../../support/handmadePdf";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("source text extraction", () => {
  it("normalises plain text", () => {
    expect(normalizeSourceText("\uFEFFa  \r\nb\r\rc\n\n\n\nd\u0007")).toBe("a\nb\n\nc\n\nd");
  });

  it("extracts readable HTML text: scripts and styles dropped, blocks as paragraphs", () => {
    expect(extractHtmlText(SAMPLE_HTML)).toBe("Cartel & State\nFirst paragraph with bold and a link.\nSecond\nline after a break\nOne item\nTwo item");
  });

  it("detects formats by name, then type", () => {
    expect(detectFormat("a.PDF", "")).toBe("pdf");
    expect(detectFormat("notes", "text/markdown; charset=utf-8")).toBe("markdown");
    expect(detectFormat("x.docx", "application/octet-stream")).toBeNull();
  });

  it("reads a PDF's text layer and refuses one without text", async () => {
    const ok = await extractSourceText({ name: "t.pdf", type: "application/pdf", bytes: tinyPdf(["Hello from a PDF.", "Second line (here)."]) });
    expect(ok).toMatchObject({ ok: true, format: "pdf", text: expect.stringContaining("Hello from a PDF.") });
    expect(ok.ok && ok.text).toContain("Second line (here).");
    const none = await extractSourceText({ name: "scan.pdf", type: "application/pdf", bytes: tinyPdf(null) });
    expect(none).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/no text layer/i) });
    const broken = await extractSourceText({ name: "broken.pdf", type: "application/pdf", bytes: utf8("%PDF-1.4 garbage") });
    expect(broken).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses empty, oversized, binary and unsupported files with clear messages", async () => {
    expect(await extractSourceText({ name: "e.txt", type: "text/plain", bytes: new Uint8Array() })).toMatchObject({ status: 400, error: expect.stringMatching(/empty/) });
    expect(await extractSourceText({ name: "big.txt", type: "text/plain", bytes: new Uint8Array(MAX_SOURCE_BYTES + 1) })).toMatchObject({ status: 413, error: expect.stringMatching(/limit is 10 MB/) });
    expect(await extractSourceText({ name: "bin.txt", type: "text/plain", bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xc3]) })).toMatchObject({ status: 400, error: expect.stringMatching(/UTF-8/) });
    expect(await extractSourceText({ name: "a.docx", type: "", bytes: utf8("x") })).toMatchObject({ status: 400, error: expect.stringMatching(/not a supported file type/) });
    expect(await extractSourceText({ name: "blank.md", type: "", bytes: utf8("  \n\n ") })).toMatchObject({ status: 400, error: expect.stringMatching(/No readable text/) });
  });

  it("refuses HTML nested past 500 levels and PDFs of more than 2,000 pages, naming the limit", async () => {
    const deep = (n: number) => utf8("<div>".repeat(n) + "text" + "</div>".repeat(n));
    expect(await extractSourceText({ name: "ok.html", type: "text/html", bytes: deep(500) })).toMatchObject({ ok: true, text: "text" });
    expect(await extractSourceText({ name: "deep.html", type: "text/html", bytes: deep(501) })).toEqual({ ok: false, status: 400, error: expect.stringMatching(/^The HTML nests deeper than 500 levels/) });
    const pages = await extractSourceText({ name: "p.pdf", type: "application/pdf", bytes: new Uint8Array(manyPagePdf(2001, () => null)) });
    expect(pages).toEqual({ ok: false, status: 413, error: "This PDF has 2001 pages; the limit is 2000 pages." });
  });

  it("trims trailing blanks in one pass, also on a line with a long run of inner blanks", () => {
    // The regex /[ \t]+$/ it replaced retried from every blank of the run (quadratic): ~50 s
    // for this line, holding the event loop.
    const line = "a" + " \t".repeat(100_000) + "b";
    expect(normalizeSourceText(`${line}  \t\nc`)).toBe(`${line}\nc`);
  });

  it("validates cite metadata", () => {
    expect(sourceMetadataSchema.safeParse({ title: "  " }).success).toBe(false);
    const ok = sourceMetadataSchema.parse({ title: " T ", author: "", publishedAt: "2024-10-02", url: "https://example.com/a" });
    expect(ok).toMatchObject({ title: "T", author: null, url: "https://example.com/a" });
    expect(ok.publishedAt?.toISOString()).toBe("2024-10-02T00:00:00.000Z");
    expect(sourceMetadataSchema.safeParse({ title: "T", url: "javascript:alert(1)" }).success).toBe(false);
    expect(sourceMetadataSchema.safeParse({ title: "T", publishedAt: "someday" }).success).toBe(false);
  });
});
