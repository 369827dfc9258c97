import { childrenByParent, type DraftClaim, type MapDraft } from "./mapDraft";

// Every character Argdown gives a meaning inside statement text (references, tags,
// comments, emphasis, relations) is escaped; the parser unescapes them all.
const SPECIAL = /[\\[\]<>#*_/+\-=~@!`{}|]/g;

function escapeText(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(SPECIAL, (c) => `\\${c}`);
}

function yamlString(value: string): string {
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

function tagText(tag: string): string {
  return /^[\p{L}\p{N}_-]+$/u.test(tag) ? `#${tag}` : `#(${tag.replace(/[()]/g, "")})`;
}

/** Titles must be unique, single-line and free of brackets; the draft's own title is kept when it is. */
function assignTitles(claims: readonly DraftClaim[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const claim of claims) {
    const clean = (s: string) => s.replace(/[[\]<>\r\n]/g, " ").replace(/\s+/g, " ").trim();
    let base = clean(claim.title ?? "");
    if (!base) base = clean(claim.text).split(" ").slice(0, 6).join(" ").slice(0, 60) || "Untitled claim";
    let title = base;
    for (let n = 2; used.has(title.toLowerCase()); n++) title = `${base} (${n})`;
    used.add(title.toLowerCase());
    out.set(claim.key, title);
  }
  return out;
}

/**
 * The map as Argdown: front matter with the title and question, each position a top-level
 * statement with its claims nested under it (`+` pro, `-` con), the cross-links as
 * separate `[from]` / `+> [to]` blocks, and each evidence card as a comment under the map
 * (Argdown has no excerpt syntax @argdown/core reads back).
 */
export function exportArgdown(draft: MapDraft): string {
  const titles = assignTitles(draft.claims);
  const children = childrenByParent(draft);
  const lines: string[] = ["===", `title: ${yamlString(draft.title)}`, `question: ${yamlString(draft.question)}`, "===", ""];
  const statement = (claim: DraftClaim) => {
    const tags = (claim.tags ?? []).map(tagText).join(" ");
    const text = escapeText(claim.text);
    return `[${titles.get(claim.key)}]: ${text || escapeText(titles.get(claim.key)!)}${tags ? ` ${tags}` : ""}`;
  };
  const writeChildren = (key: string, depth: number) => {
    for (const child of children.get(key) ?? []) {
      lines.push(`${"  ".repeat(depth)}${child.stance === "con" ? "-" : "+"} ${statement(child)}`);
      writeChildren(child.key, depth + 1);
    }
  };
  for (const position of children.get(null) ?? []) {
    lines.push(statement(position));
    writeChildren(position.key, 1);
    lines.push("");
  }
  const byFrom = new Map<string, MapDraft["links"]>();
  for (const link of draft.links) byFrom.set(link.fromKey, [...(byFrom.get(link.fromKey) ?? []), link]);
  for (const [from, links] of byFrom) {
    if (!titles.has(from)) continue;
    lines.push(`[${titles.get(from)}]`);
    for (const link of links) if (titles.has(link.toKey)) lines.push(`  ${link.stance === "con" ? "->" : "+>"} [${titles.get(link.toKey)}]`);
    lines.push("");
  }
  if (draft.citations.length > 0) {
    const sources = new Map(draft.sources.map((s) => [s.key, s]));
    lines.push("/*", "Evidence cards:");
    for (const c of draft.citations) {
      const source = sources.get(c.sourceKey);
      const cite = [source?.author, source?.title ? `“${source.title}”` : null, source?.url].filter(Boolean).join(", ");
      const quote = c.exact.replace(/\s+/g, " ").replace(/\*\//g, "* /");
      lines.push(`[${titles.get(c.claimKey) ?? "?"}] ${c.tag.replace(/\*\//g, "* /")}: “${quote}”${cite ? ` — ${cite.replace(/\*\//g, "* /")}` : ""}`);
    }
    lines.push("*/", "");
  }
  return lines.join("\n");
}
