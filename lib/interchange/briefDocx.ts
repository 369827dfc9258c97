import { Document, HeadingLevel, HighlightColor, Packer, Paragraph, TextRun, UnderlineType } from "docx";
import { staleCardWarning, type BriefArgument, type BriefAttack, type BriefCard, type DebateBrief } from "./debateBrief";
import { percent, responseLabel } from "./briefMarkdown";
import { FLAG_LABELS } from "../argument/claimFlags";

/**
 * The brief as a Word file in the usual debate template: Heading 1 pocket (the side),
 * Heading 2 hat, Heading 3 block, Heading 4 tag (bold). In a card's quote the words read
 * aloud are bold, underlined and highlighted yellow; the rest is set smaller (8 pt against
 * 11 pt), the way debaters shrink unread card text.
 */

const BODY = 22; // half-points: 11 pt
const SMALL = 16; // 8 pt
const CITE = 18; // 9 pt

const heading = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string, bold = false) =>
  new Paragraph({ heading: level, children: [new TextRun({ text, bold })] });

const italic = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, size: CITE })] });

function details(arg: BriefArgument): string {
  return [`strength ${percent(arg.strength)}`, ...arg.flags.map((f) => FLAG_LABELS[f].toLowerCase())].join(" · ");
}

function card(c: BriefCard): Paragraph[] {
  const out = [heading(HeadingLevel.HEADING_4, c.tag, true)];
  if (c.cite) out.push(new Paragraph({ children: [new TextRun({ text: c.shortCite, bold: true, size: BODY }), new TextRun({ text: ` [${c.cite}]`, size: CITE })] }));
  if (c.stale) out.push(new Paragraph({ children: [new TextRun({ text: `⚠ ${staleCardWarning(c.stale)}`, bold: true, color: "B42318", size: CITE })] }));
  out.push(
    new Paragraph({
      children: c.segments.map((s) =>
        s.highlighted
          ? new TextRun({ text: s.text, bold: true, underline: { type: UnderlineType.SINGLE }, highlight: HighlightColor.YELLOW, size: BODY })
          : new TextRun({ text: s.text, size: SMALL }),
      ),
    }),
  );
  if (c.note.trim()) out.push(italic(`Note: ${c.note.trim()}`));
  return out;
}

function responses(list: readonly BriefArgument[], depth: number): Paragraph[] {
  return list.flatMap((r) => [
    new Paragraph({
      indent: { left: 360 * depth },
      children: [new TextRun({ text: `${responseLabel(r)}: `, bold: true }), new TextRun({ text: r.text }), new TextRun({ text: `  (${details(r)})`, italics: true, size: CITE })],
    }),
    ...r.cards.flatMap(card),
    ...responses(r.responses, depth + 1),
  ]);
}

function block(title: string, arg: BriefArgument, target?: string): Paragraph[] {
  return [
    heading(HeadingLevel.HEADING_3, title),
    ...(target ? [italic(`Against: ${target}`)] : []),
    italic(details(arg)),
    ...arg.cards.flatMap(card),
    ...responses(arg.responses, 1),
  ];
}

function attacks(list: readonly BriefAttack[], prefix: string): Paragraph[] {
  if (list.length === 0) return [italic("Nothing prepared yet.")];
  return list.flatMap((a, i) => block(`${prefix}${i + 1}. ${a.attack.text}`, a.attack, a.target.text));
}

export function briefToDocxDocument(brief: DebateBrief): Document {
  const children: Paragraph[] = [
    heading(HeadingLevel.HEADING_1, `${brief.sideLabel}${brief.position ? `: ${brief.position.text}` : ""}`),
    new Paragraph({ children: [new TextRun({ text: "Resolution: ", bold: true }), new TextRun(brief.resolution)] }),
    new Paragraph({ children: [new TextRun({ text: "Map: ", bold: true }), new TextRun(brief.title)] }),
    heading(HeadingLevel.HEADING_2, "Our position"),
  ];
  if (brief.position) children.push(heading(HeadingLevel.HEADING_3, brief.position.text), ...brief.position.cards.flatMap(card));
  else children.push(italic("This map has no position for this side."));
  children.push(heading(HeadingLevel.HEADING_2, "Contentions"));
  if (brief.contentions.length === 0) children.push(italic("Nothing prepared yet."));
  brief.contentions.forEach((c, i) => children.push(...block(`Contention ${i + 1}: ${c.text}`, c)));
  children.push(heading(HeadingLevel.HEADING_2, "Answers to their attacks"), ...attacks(brief.answers, "A"));
  children.push(heading(HeadingLevel.HEADING_2, "Off-case: attacks on their position"));
  if (brief.opponent) children.push(italic(`Their position: ${brief.opponent.text}`));
  children.push(...attacks(brief.offCase, "Off "));
  return new Document({
    creator: "Claimboard",
    title: `${brief.title} - ${brief.side === "aff" ? "Aff" : "Neg"} brief`,
    styles: { default: { document: { run: { font: "Calibri", size: BODY } } } },
    sections: [{ children }],
  });
}

export async function briefToDocx(brief: DebateBrief): Promise<Buffer> {
  return Packer.toBuffer(briefToDocxDocument(brief));
}
