import zlib from "node:zlib";

/**
 * A PDF written byte by byte from its objects (numbered from 1, object 1 the catalog), with a
 * correct cross-reference table. An object may be a Buffer (e.g. a stream with binary data).
 */
export function pdfFromObjects(objects: (string | Buffer)[], trailerExtra = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1")];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(chunk);
    length += chunk.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/** `pages` pages, each showing `lineOf(n)` (or nothing when it returns null), in one flat /Pages tree. */
export function manyPagePdf(pages: number, lineOf: (n: number) => string | null): Buffer {
  // 1 catalog, 2 pages tree, 3 font, then per page: the page and its content stream.
  const objects: string[] = ["<< /Type /Catalog /Pages 2 0 R >>", "", FONT];
  const kids: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const pageNo = objects.length + 1;
    const line = lineOf(n);
    const content = line === null ? "" : `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageNo + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(`${pageNo} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${pages} >>`;
  return pdfFromObjects(objects);
}

/** One page whose content stream is `decodedBytes` zero bytes, FlateDecode-compressed (~1000:1). */
export function decompressionBombPdf(decodedBytes: number): Buffer {
  const packed = zlib.deflateSync(Buffer.alloc(decodedBytes), { level: 9 });
  const stream = Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`, "latin1"), packed, Buffer.from("\nendstream", "latin1")]);
  return pdfFromObjects([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream,
    FONT,
  ]);
}

/** One page showing `line`, with a document information dictionary (e.g. "/Title (T) /Author (A)"). */
export function pdfWithInfo(info: string, line: string): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
  return pdfFromObjects(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      FONT,
      `<< ${info} >>`,
    ],
    " /Info 6 0 R",
  );
}
