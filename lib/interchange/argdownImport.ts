import type { IArgdownResponse, IArgument, IAstNode, IEquivalenceClass, IRuleNode } from "@argdown/core";
import { parseArgdown } from "./argdownParser";
import { InterchangeError } from "./interchangeError";
import type { DraftClaim, DraftLink, DraftStance, MapDraft } from "./mapDraft";

type Element = IEquivalenceClass | IArgument;

const CHILD_TO_PARENT: Record<string, DraftStance> = { outgoingSupport: "pro", outgoingAttack: "con", outgoingUndercut: "con" };
const RELATION_STANCE: Record<string, DraftStance> = { support: "pro", entails: "pro", attack: "con", undercut: "con", contrary: "con", contradictory: "con" };

/**
 * @argdown/core reads an unclosed `[title` or `<title` as plain text, which would import
 * as a claim whose text starts with a bracket; refuse it with the line instead.
 */
function checkBrackets(input: string): void {
  const lines = input.split(/\r?\n/);
  let inFrontMatter = lines[0]?.trim() === "===";
  for (const [i, raw] of lines.entries()) {
    if (i > 0 && inFrontMatter && raw.trim() === "===") {
      inFrontMatter = false;
      continue;
    }
    if (inFrontMatter) continue;
    const line = raw.replace(/^\s*(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)?\s*/, "");
    const open = line[0];
    if ((open !== "[" && open !== "<") || line.startsWith("<!--")) continue;
    const close = open === "[" ? "]" : ">";
    if (!line.slice(1).includes(close)) throw new InterchangeError(`Argdown line ${i + 1}: the ${open === "[" ? "statement" : "argument"} title opened with "${open}" is never closed with "${close}".`);
  }
}

function keyOf(element: Element): string {
  return `${element.type === "argument" ? "a" : "s"}:${element.title}`;
}

function elementOf(node: IRuleNode, response: IArgdownResponse): Element | undefined {
  const name = node.name as string;
  if (name === "argument" && node.argument?.title) return response.arguments?.[node.argument.title] ?? node.argument;
  if (name === "statement" && node.statement?.title) return response.statements?.[node.statement.title];
  return undefined;
}

function isRule(node: IAstNode): node is IRuleNode {
  return (node as IRuleNode).name !== undefined && (node as { tokenType?: unknown }).tokenType === undefined;
}

/** The first non-empty member text, without the trailing #tags Argdown keeps in it. */
function textOf(element: Element): string {
  const members = (element.members ?? []) as { text?: string }[];
  let text = members.map((m) => m.text ?? "").find((t) => t.trim() !== "") ?? "";
  for (const tag of element.tags ?? []) {
    for (const written of [`#(${tag})`, `#${tag}`]) {
      const at = text.lastIndexOf(written);
      if (at >= 0) {
        text = text.slice(0, at) + text.slice(at + written.length);
        break;
      }
    }
  }
  return text.replace(/\s+/g, " ").trim();
}

interface TreeCandidate {
  child: string;
  parent: string;
  stance: DraftStance;
}

/** Argdown text → draft. Nesting is the tree; every other relation becomes a cross-link. */
export function importArgdown(input: string): { draft: MapDraft; skipped: string[] } {
  checkBrackets(input);
  const response = parseArgdown(input);
  const lexer = response.lexerErrors ?? [];
  if (lexer.length > 0) throw new InterchangeError(`Argdown line ${lexer[0].line ?? "?"}: ${lexer[0].message}`);
  const parser = response.parserErrors ?? [];
  if (parser.length > 0) {
    const token = parser[0].token;
    const line = token && Number.isFinite(token.startLine) ? token.startLine : "?";
    throw new InterchangeError(`Argdown line ${line}: ${parser[0].message}`);
  }
  const skipped: string[] = [];

  // Document order of first appearance, and the nested child → parent relations in that order.
  const elements = new Map<string, Element>();
  const candidates: TreeCandidate[] = [];
  const walk = (node: IAstNode, owner: string | null, relation: string | null) => {
    if (!isRule(node)) return;
    const element = elementOf(node, response);
    let current = owner;
    if (element) {
      const key = keyOf(element);
      if (!elements.has(key)) elements.set(key, element);
      if (relation && owner && CHILD_TO_PARENT[relation]) candidates.push({ child: key, parent: owner, stance: CHILD_TO_PARENT[relation] });
      current = key;
    }
    const nextRelation = /^(incoming|outgoing|contra)/.test(node.name) ? (node.name as string) : element ? null : relation;
    for (const child of node.children ?? []) walk(child, current, nextRelation);
  };
  if (response.ast) walk(response.ast, null, null);
  for (const s of Object.values(response.statements ?? {})) if (!elements.has(keyOf(s))) elements.set(keyOf(s), s);
  for (const a of Object.values(response.arguments ?? {})) if (!elements.has(keyOf(a))) elements.set(keyOf(a), a);

  // Statements that appear only inside a premise–conclusion reconstruction stay out of the map.
  const inMap = [...elements.entries()].filter(([, e]) => e.type === "argument" || (e as IEquivalenceClass).isUsedAsTopLevelStatement || (e.relations?.length ?? 0) > 0);
  const pcsOnly = elements.size - inMap.length;
  if (pcsOnly > 0) skipped.push(`${pcsOnly} statement${pcsOnly === 1 ? "" : "s"} used only in premise–conclusion reconstructions`);
  const pcsCount = Object.values(response.arguments ?? {}).filter((a) => (a.pcs?.length ?? 0) > 0).length;
  if (pcsCount > 0) skipped.push(`${pcsCount} premise–conclusion reconstruction${pcsCount === 1 ? "" : "s"} (the arguments are kept, their inner structure is not)`);
  const included = new Set(inMap.map(([k]) => k));

  const parent = new Map<string, { key: string; stance: DraftStance }>();
  const isAncestor = (maybeAncestor: string, of: string) => {
    for (let p: string | undefined = of; p !== undefined; p = parent.get(p)?.key) if (p === maybeAncestor) return true;
    return false;
  };
  const place = (child: string, parentKey: string, stance: DraftStance) => {
    if (parent.has(child) || !included.has(child) || !included.has(parentKey) || isAncestor(child, parentKey)) return;
    parent.set(child, { key: parentKey, stance });
  };
  for (const c of candidates) place(c.child, c.parent, c.stance);
  // Relations written apart from the tree (`[A]` then `  +> [B]`) still give B's parent when B has none.
  const relations = response.relations ?? [];
  for (const r of relations) {
    const stance = RELATION_STANCE[r.relationType];
    if (stance && r.from && r.to && r.relationType !== "contrary" && r.relationType !== "contradictory") place(keyOf(r.from as Element), keyOf(r.to as Element), stance);
  }

  const links: DraftLink[] = [];
  const seenLinks = new Set<string>();
  for (const r of relations) {
    if (!r.from || !r.to) continue;
    const from = keyOf(r.from as Element);
    const to = keyOf(r.to as Element);
    const stance = RELATION_STANCE[r.relationType];
    if (!stance) {
      skipped.push(`a ${r.relationType} relation between ${from.slice(2)} and ${to.slice(2)}`);
      continue;
    }
    if (!included.has(from) || !included.has(to) || from === to) continue;
    const p = parent.get(from);
    if (p && p.key === to && p.stance === stance) continue;
    const id = `${from}\u0000${to}\u0000${stance}`;
    if (seenLinks.has(id)) continue;
    seenLinks.add(id);
    links.push({ fromKey: from, toKey: to, stance });
  }

  // Parents before children: emit in tree pre-order, roots in document order.
  const order = [...included];
  const children = new Map<string | null, string[]>();
  for (const key of order) {
    const p = parent.get(key)?.key ?? null;
    const list = children.get(p) ?? [];
    list.push(key);
    children.set(p, list);
  }
  const claims: DraftClaim[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const key = stack.pop()!;
    const element = elements.get(key)!;
    const p = parent.get(key);
    const tags = [...(element.tags ?? [])];
    claims.push({
      key,
      kind: p ? "claim" : "position",
      parentKey: p?.key ?? null,
      stance: p?.stance ?? null,
      text: textOf(element) || element.title || "",
      title: element.title,
      ...(tags.length > 0 ? { tags } : {}),
    });
    stack.push(...[...(children.get(key) ?? [])].reverse());
  }

  const data = (response.frontMatter ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  const firstSection = response.sections?.[0]?.title;
  const question = str(data.question) ?? str(data.title) ?? str(firstSection) ?? "Imported Argdown map";
  const title = str(data.title) ?? question;
  if (claims.length === 0) throw new InterchangeError("The Argdown file has no statements or arguments to import.");
  return { draft: { title, question, claims, links, sources: [], citations: [] }, skipped };
}
