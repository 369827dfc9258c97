import { Parser } from "htmlparser2";
import { normalizeSourceText } from "./extractPlainText";
import { MAX_HTML_DEPTH, SourceLimitError } from "./sourceLimits";

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object", "button", "select", "textarea", "nav"]);
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
  "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "title", "caption",
]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/**
 * The readable text of an HTML document: scripts, styles and other non-text content dropped,
 * block elements turned into paragraphs (one per line), inline whitespace collapsed as a
 * browser would, table cells separated by a tab-free " | "-less space, entities decoded.
 * Throws a SourceLimitError past MAX_HTML_DEPTH open elements: htmlparser2's work grows with
 * the square of the depth (200,000 nested <div>s took ~60 s), and no real page nests that deep.
 */
export function extractHtmlText(html: string): string {
  const lines: string[] = [];
  let current = "";
  let skipDepth = 0;
  let preDepth = 0;
  const stack: string[] = [];
  const flush = () => {
    const line = preDepth > 0 ? current : current.replace(/\s+/g, " ").trim();
    if (line.trim()) lines.push(line);
    current = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (!VOID.has(name)) stack.push(name);
        if (stack.length > MAX_HTML_DEPTH) throw new SourceLimitError(400, `The HTML nests deeper than ${MAX_HTML_DEPTH} levels, the limit; paste the page's text instead.`);
        if (skipDepth > 0 || SKIPPED.has(name)) {
          if (!VOID.has(name)) skipDepth++;
          return;
        }
        if (name === "br") {
          flush();
          return;
        }
        if (name === "td" || name === "th") current += " ";
        if (BLOCKS.has(name)) flush();
        if (name === "pre") preDepth++;
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (preDepth > 0) {
          const parts = text.split("\n");
          current += parts[0];
          for (const part of parts.slice(1)) {
            flush();
            current = part;
          }
        } else current += text;
      },
      onclosetag(name, isImplied) {
        if (VOID.has(name)) return;
        // Pop to the matching open tag (htmlparser2 closes implied tags itself).
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
        void isImplied;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === "pre") {
          flush();
          preDepth = Math.max(0, preDepth - 1);
          return;
        }
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return normalizeSourceText(lines.join("\n"));
}
