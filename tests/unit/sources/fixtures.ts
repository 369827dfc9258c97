/** A minimal valid one-page PDF written by hand; `lines` become Helvetica Tj text, none means a drawing only. */
export function tinyPdf(lines: string[] | null): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = lines
    ? `BT /F1 18 Tf 72 720 Td 22 TL ${lines.map((l) => `(${escape(l)}) Tj T*`).join(" ")} ET`
    : "0 0 1 rg 72 600 200 100 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

export const SAMPLE_HTML = `<!doctype html><html><head><title>Ignored title</title><style>p{color:red}</style>
<script>var secret = "do not keep";</script></head>
<body><nav>Menu Home</nav><h1>Cartel &amp; State</h1>
<p>First   paragraph with <b>bold</b> and <a href="#">a link</a>.</p>
<div>Second<br>line after a break</div><ul><li>One item</li><li>Two item</li></ul>
<noscript>enable js</noscript></body></html>`;
