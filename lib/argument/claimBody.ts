import * as Y from "yjs";
import { claimsMap } from "./claimSchema";

/**
 * A ProseMirror-shaped JSON tree of a claim body. Server rendering walks this with React
 * components; it is never turned into an HTML string, so attribute values stay data.
 */
export interface RichMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  text?: string;
  marks?: RichMark[];
  content?: RichNode[];
}

export function claimBodyFragment(doc: Y.Doc, id: string): Y.XmlFragment | null {
  const claim = claimsMap(doc).get(id);
  if (!(claim instanceof Y.Map)) return null;
  const body = claim.get("body");
  return body instanceof Y.XmlFragment ? body : null;
}

function inTransaction(fragment: Y.XmlFragment, fn: () => void, origin?: unknown): void {
  // A fragment not yet inserted into a document has no doc; Yjs buffers its edits.
  if (fragment.doc) fragment.doc.transact(fn, origin);
  else fn();
}

/** Replaces the body with one paragraph per line, as TipTap would store typed text. */
export function setClaimPlainText(fragment: Y.XmlFragment, text: string, origin?: unknown): void {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  inTransaction(
    fragment,
    () => {
      if (fragment.length > 0) fragment.delete(0, fragment.length);
      const paragraphs = lines.map((line) => {
        const paragraph = new Y.XmlElement("paragraph");
        // An empty paragraph has no text child in y-prosemirror's encoding.
        if (line !== "") paragraph.insert(0, [new Y.XmlText(line)]);
        return paragraph;
      });
      fragment.insert(0, paragraphs);
    },
    origin,
  );
}

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

function textOf(text: Y.XmlText): string {
  // XmlText.toString() renders marks as XML tags; the delta gives the bare characters.
  let out = "";
  for (const op of text.toDelta() as DeltaOp[]) if (typeof op.insert === "string") out += op.insert;
  return out;
}

function inlineText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return textOf(node);
  if (node instanceof Y.XmlElement) {
    if (node.nodeName === "hardBreak") return "\n";
    return node.toArray().map(inlineText).join("");
  }
  return "";
}

// A textblock holds inline content (text, hard breaks, mentions); anything else is a
// container (lists, list items, blockquotes) whose textblocks each become a line.
function isTextblock(element: Y.XmlElement): boolean {
  const children = element.toArray();
  if (children.length === 0) return true;
  return children.some((child) => child instanceof Y.XmlText || (child instanceof Y.XmlElement && child.nodeName === "hardBreak"));
}

function collectLines(nodes: (Y.XmlElement | Y.XmlText | Y.XmlHook)[], lines: string[]): void {
  for (const node of nodes) {
    if (node instanceof Y.XmlText) lines.push(textOf(node));
    else if (node instanceof Y.XmlElement) {
      if (isTextblock(node)) lines.push(inlineText(node));
      else collectLines(node.toArray(), lines);
    }
  }
}

/** Plain text with one line per textblock (paragraphs, headings, list item paragraphs). */
export function claimPlainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  collectLines(fragment.toArray(), lines);
  return lines.join("\n");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Attributes are written by any client; keep only JSON data so nothing live (a Y type,
// a class instance) leaks into React props.
function plainAttrs(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value instanceof Y.AbstractType) continue;
    out[key] = isPlainObject(value) || Array.isArray(value) ? JSON.parse(JSON.stringify(value)) : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function marksOf(attributes: Record<string, unknown> | undefined): RichMark[] | undefined {
  if (!attributes) return undefined;
  const marks: RichMark[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    // y-prosemirror suffixes "--<hash>" to keep overlapping marks of one type apart.
    const type = key.replace(/--.*$/, "");
    const attrs = isPlainObject(value) ? plainAttrs(value) : undefined;
    marks.push(attrs ? { type, attrs } : { type });
  }
  marks.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return marks.length > 0 ? marks : undefined;
}

function textNodes(text: Y.XmlText): RichNode[] {
  const out: RichNode[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== "string" || op.insert === "") continue;
    const marks = marksOf(op.attributes);
    out.push(marks ? { type: "text", text: op.insert, marks } : { type: "text", text: op.insert });
  }
  return out;
}

function elementNode(element: Y.XmlElement): RichNode {
  const node: RichNode = { type: element.nodeName };
  const attrs = plainAttrs(element.getAttributes() as Record<string, unknown>);
  if (attrs) node.attrs = attrs;
  const content = childNodes(element.toArray());
  if (content.length > 0) node.content = content;
  return node;
}

function childNodes(children: (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): RichNode[] {
  const out: RichNode[] = [];
  for (const child of children) {
    if (child instanceof Y.XmlText) out.push(...textNodes(child));
    else if (child instanceof Y.XmlElement) out.push(elementNode(child));
  }
  return out;
}

/** `{type: "doc", content}`; empty bodies have no `content`. */
export function claimBodyJSON(fragment: Y.XmlFragment): RichNode {
  const content = childNodes(fragment.toArray());
  return content.length > 0 ? { type: "doc", content } : { type: "doc" };
}

function appendInline(target: Y.XmlElement | Y.XmlFragment, nodes: RichNode[]): void {
  // y-prosemirror keeps a run of text nodes in one XmlText, each mark as a formatting
  // attribute (its attrs, or {}); elements (paragraphs, hard breaks, mentions) nest.
  let run: Y.XmlText | null = null;
  for (const node of nodes) {
    if (node.type === "text") {
      if (typeof node.text !== "string" || node.text === "") continue;
      if (!run) {
        run = new Y.XmlText();
        target.insert(target.length, [run]);
      }
      const format: Record<string, unknown> = {};
      for (const mark of node.marks ?? []) format[mark.type] = mark.attrs ? { ...mark.attrs } : {};
      run.insert(run.length, node.text, format);
      continue;
    }
    run = null;
    const element = new Y.XmlElement(node.type);
    target.insert(target.length, [element]);
    for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
    appendInline(element, node.content ?? []);
  }
}

/** Replaces the body with a ProseMirror JSON document (the inverse of claimBodyJSON). */
export function setClaimBodyJSON(fragment: Y.XmlFragment, body: RichNode, origin?: unknown): void {
  inTransaction(
    fragment,
    () => {
      if (fragment.length > 0) fragment.delete(0, fragment.length);
      appendInline(fragment, body.content ?? []);
    },
    origin,
  );
}
