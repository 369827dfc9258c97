import { staleCardWarning, type BriefArgument, type BriefAttack, type BriefCard, type BriefPosition, type DebateBrief, type QuoteSegment } from "./debateBrief";
import { FLAG_LABELS } from "../argument/claimFlags";

/**
 * The brief as Markdown in debate file structure: `#` pocket (the side), `##` hat (a group
 * of blocks), `###` block (one argument), `####` tag (one card). Each card is its tag,
 * its cite line, then the quote as a blockquote with the words read aloud in **bold**.
 * Claim text and quotes are escaped, so a `*` or `#` in the map stays a character.
 */

export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_{}\[\]<>|~])/g, "\\$1")
    .replace(/^(\s*)([#+\-]|\d+\.)(\s)/gm, "$1\\$2$3")
    .replace(/^(\s*)>/gm, "$1\\>");
}

/** Highlighted runs as **bold**, with their edge whitespace kept outside the markers. */
export function markdownQuote(segments: readonly QuoteSegment[]): string {
  return segments
    .map((s) => {
      const text = escapeMarkdown(s.text);
      if (!s.highlighted || text.trim() === "") return text;
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
      return `${m[1]}**${m[2]}**${m[3]}`;
    })
    .join("");
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;

export function responseLabel(arg: Pick<BriefArgument, "ours" | "stance">): string {
  if (arg.ours) return arg.stance === "con" ? "Our answer" : "Our support";
  return arg.stance === "con" ? "Their answer" : "Their support";
}

function details(arg: BriefArgument): string {
  const parts = [`strength ${percent(arg.strength)}`, ...arg.flags.map((f) => FLAG_LABELS[f].toLowerCase())];
  return `_${parts.join(" · ")}_`;
}

function card(out: string[], c: BriefCard): void {
  out.push(`#### ${escapeMarkdown(c.tag)}`, "");
  if (c.cite) out.push(`**${escapeMarkdown(c.shortCite)}** ${escapeMarkdown(`[${c.cite}]`)}`, "");
  if (c.stale) out.push(`**⚠ ${escapeMarkdown(staleCardWarning(c.stale))}**`, "");
  const quote = markdownQuote(c.segments);
  out.push(...quote.split("\n").map((line) => `> ${line}`), "");
  if (c.note.trim()) out.push(`_Note: ${escapeMarkdown(c.note.trim())}_`, "");
}

function responses(out: string[], list: readonly BriefArgument[], depth: number): void {
  for (const r of list) {
    out.push(`${"↳".repeat(depth)} **${responseLabel(r)}:** ${escapeMarkdown(r.text)} ${details(r)}`, "");
    for (const c of r.cards) card(out, c);
    responses(out, r.responses, depth + 1);
  }
}

function block(out: string[], heading: string, arg: BriefArgument, target?: string): void {
  out.push(`### ${heading}`, "");
  if (target) out.push(`_Against: ${escapeMarkdown(target)}_`, "");
  out.push(details(arg), "");
  for (const c of arg.cards) card(out, c);
  responses(out, arg.responses, 1);
}

function attacks(out: string[], list: readonly BriefAttack[], prefix: string): void {
  if (list.length === 0) out.push("_Nothing prepared yet._", "");
  list.forEach((a, i) => block(out, `${prefix}${i + 1}. ${escapeMarkdown(a.attack.text)}`, a.attack, a.target.text));
}

function positionLine(label: string, p: BriefPosition | null): string {
  return p ? `${label} ${percent(p.share)} (strength ${percent(p.strength)})` : `${label}: no position`;
}

export function briefToMarkdown(brief: DebateBrief): string {
  const other = brief.side === "aff" ? "Negative" : "Affirmative";
  const out: string[] = [];
  out.push(`# ${brief.sideLabel}${brief.position ? `: ${escapeMarkdown(brief.position.text)}` : ""}`, "");
  out.push(`**Resolution:** ${escapeMarkdown(brief.resolution)}  `);
  out.push(`**Map:** ${escapeMarkdown(brief.title)}  `);
  out.push(`**Balance:** ${positionLine(brief.sideLabel, brief.position)} · ${positionLine(other, brief.opponent)}`, "");

  out.push("## Our position", "");
  if (brief.position) {
    out.push(`### ${escapeMarkdown(brief.position.text)}`, "");
    for (const c of brief.position.cards) card(out, c);
  } else out.push("_This map has no position for this side._", "");

  out.push("## Contentions", "");
  if (brief.contentions.length === 0) out.push("_Nothing prepared yet._", "");
  brief.contentions.forEach((c, i) => block(out, `Contention ${i + 1}: ${escapeMarkdown(c.text)}`, c));

  out.push("## Answers to their attacks", "");
  attacks(out, brief.answers, "A");

  out.push("## Off-case: attacks on their position", "");
  if (brief.opponent) out.push(`_Their position: ${escapeMarkdown(brief.opponent.text)}_`, "");
  attacks(out, brief.offCase, "Off ");

  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
