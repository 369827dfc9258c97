import type * as Y from "yjs";
import { buildMapTree, type TreeNode } from "../argument/mapTree";
import { readCitations, readMeta, type CitationData, type Stance } from "../argument/claimSchema";
import { claimBodyFragment, claimPlainText } from "../argument/claimBody";
import { computeStrengths, countCitations, positionBalance, type Ratings } from "../argument/claimStrength";
import { computeFlags, type ClaimFlag } from "../argument/claimFlags";
import { fullCite, shortCite, type CiteFields } from "../citations/debateCite";
import { highlightSegments } from "../citations/highlightSegments";
import { isStaleCard } from "../citations/staleCard";
import { readAffirmativePositionId, resolveSides, type DebateSides } from "../argument/debateSides";

/**
 * A debate brief for one side of a map, as plain data (Markdown, .docx and the brief page
 * all render this one structure).
 *
 * Sides: the affirmative defends `options.aff` if given, else the position stored in the
 * doc's meta (`affirmativePositionId`, set by "Swap sides"), else the first position under
 * the question (see lib/argument/debateSides.ts); the negative defends the first other
 * position. A map with one position gives the negative no case of its own, only attacks.
 *
 * Allegiance: our position is ours; a pro child shares its parent's allegiance, a con
 * child has the opposite one. So under a con against our contention, its cons are our
 * answers and its pros are their extensions.
 *
 * Sections:
 * - contentions: our position's pro children, strongest first, with their cards and
 *   everything prepared under them that backs them (pro children, recursively).
 * - answers: every con against our position or one of our contentions (what they will
 *   say), strongest first, each with its cards and the responses under it.
 * - offCase: cons against their position and against their contentions (what we run),
 *   strongest first, each with the responses under it.
 */

export type BriefSide = "aff" | "neg";

export const SIDE_LABELS: Record<BriefSide, string> = { aff: "Affirmative", neg: "Negative" };

/** The source fields a cite line needs (a `Source` row fits). */
/** A card's source as the brief cites it, with its newest version when known. */
export type BriefSource = CiteFields & { latestVersion?: number };

export interface QuoteSegment {
  text: string;
  highlighted: boolean;
}

export interface BriefCard {
  citationId: string;
  tag: string;
  /** "Smith 24" (empty when the source is unknown), read aloud and printed bold. */
  shortCite: string;
  /**
   * Set when the card still quotes an older version of its source (its passage was not found in
   * a newer one): every rendering marks the card instead of printing the quote as current.
   */
  stale: { version: number; latestVersion: number } | null;
  /** The full cite: author, qualifications, date, “title”, publisher, URL, accessed (empty when the source is unknown). */
  cite: string;
  quote: string;
  /** [start, end) within `quote` of the words read aloud. */
  highlights: [number, number][];
  segments: QuoteSegment[];
  note: string;
}

export interface BriefArgument {
  claimId: string;
  text: string;
  stance: Stance | null;
  /** True when this argument helps the side the brief is for. */
  ours: boolean;
  strength: number;
  flags: ClaimFlag[];
  cards: BriefCard[];
  /** Children, strongest first. */
  responses: BriefArgument[];
}

export interface BriefAttack {
  /** What the attack is aimed at (a position or a contention). */
  target: { claimId: string; text: string };
  attack: BriefArgument;
}

export interface BriefPosition {
  claimId: string;
  text: string;
  strength: number;
  share: number;
  cards: BriefCard[];
}

export interface DebateBrief {
  title: string;
  resolution: string;
  side: BriefSide;
  sideLabel: string;
  position: BriefPosition | null;
  opponent: BriefPosition | null;
  contentions: BriefArgument[];
  answers: BriefAttack[];
  offCase: BriefAttack[];
}

export interface BriefOptions {
  /** The position the affirmative defends (default: the stored choice, else the first position). */
  aff?: string;
}

/** The warning every rendering of a stale card carries. */
export function staleCardWarning(stale: NonNullable<BriefCard["stale"]>): string {
  return `Passage changed: this quote is from version ${stale.version}; it was not found in version ${stale.latestVersion} of the source. Check it before reading it.`;
}

export function quoteSegments(quote: string, highlights: readonly [number, number][]): QuoteSegment[] {
  return highlightSegments(
    quote,
    highlights.map(([start, end], i) => ({ start, end, data: i })),
  ).map((s) => ({ text: s.text, highlighted: s.marks.length > 0 }));
}

function toCard(c: CitationData, sources: ReadonlyMap<string, BriefSource>): BriefCard {
  const source = sources.get(c.sourceId);
  return {
    citationId: c.id,
    tag: c.tag.trim() || "Evidence",
    shortCite: source ? shortCite(source) : "",
    stale: isStaleCard(c.sourceVersion, source?.latestVersion) ? { version: c.sourceVersion, latestVersion: source!.latestVersion! } : null,
    cite: source ? fullCite(source) : "",
    quote: c.exact,
    highlights: c.highlights.map(([s, e]) => [s, e]),
    segments: quoteSegments(c.exact, c.highlights),
    note: c.note,
  };
}

/** Which positions each side defends. */
export function briefSides(doc: Y.Doc, options: BriefOptions = {}): DebateSides {
  return resolveSides(buildMapTree(doc), readAffirmativePositionId(doc), options.aff);
}

export function assembleBrief(
  doc: Y.Doc,
  side: BriefSide,
  sourcesById: ReadonlyMap<string, BriefSource>,
  ratings: Ratings = new Map(),
  options: BriefOptions = {},
): DebateBrief {
  const meta = readMeta(doc);
  const tree = buildMapTree(doc);
  const citations = readCitations(doc);
  const counts = countCitations(citations);
  const strengths = computeStrengths(tree, ratings, counts);
  const flags = computeFlags(tree, strengths, counts);
  const balance = new Map(positionBalance(tree, strengths).map((b) => [b.positionId, b]));
  const cardsOf = new Map<string, BriefCard[]>();
  // A claim's cards in reading order of their source (citations arrive sorted by id).
  const inReadingOrder = [...citations].sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.start - b.start));
  for (const c of inReadingOrder) {
    const list = cardsOf.get(c.claimId) ?? [];
    list.push(toCard(c, sourcesById));
    cardsOf.set(c.claimId, list);
  }

  const textOf = (id: string): string => {
    const fragment = claimBodyFragment(doc, id);
    return (fragment ? claimPlainText(fragment) : "").trim();
  };
  const strengthOf = (id: string) => strengths.get(id) ?? 0;
  const byStrength = (a: TreeNode, b: TreeNode) => strengthOf(b.claim.id) - strengthOf(a.claim.id);

  const argument = (node: TreeNode, ours: boolean, childFilter: (n: TreeNode) => boolean = () => true): BriefArgument => ({
    claimId: node.claim.id,
    text: textOf(node.claim.id),
    stance: node.claim.stance,
    ours,
    strength: strengthOf(node.claim.id),
    flags: flags.get(node.claim.id) ?? [],
    cards: cardsOf.get(node.claim.id) ?? [],
    responses: node.children
      .filter((n) => n.claim.kind === "claim" && childFilter(n))
      .sort(byStrength)
      .map((child) => argument(child, child.claim.stance === "pro" ? ours : !ours)),
  });

  const position = (id: string | null): BriefPosition | null => {
    if (id === null) return null;
    return { claimId: id, text: textOf(id), strength: strengthOf(id), share: balance.get(id)?.share ?? 0, cards: cardsOf.get(id) ?? [] };
  };

  const sides = briefSides(doc, options);
  const ourId = side === "aff" ? sides.aff : sides.neg;
  const theirId = side === "aff" ? sides.neg : sides.aff;
  const ourNode = ourId ? tree.byId.get(ourId)! : null;
  const theirNode = theirId ? tree.byId.get(theirId)! : null;
  const pros = (n: TreeNode | null) => (n ? n.children.filter((c) => c.claim.kind === "claim" && c.claim.stance === "pro").sort(byStrength) : []);
  const cons = (n: TreeNode | null) => (n ? n.children.filter((c) => c.claim.kind === "claim" && c.claim.stance === "con") : []);

  // Contentions show what backs them; the attacks on them get their own section.
  const contentions = pros(ourNode).map((n) => argument(n, true, (child) => child.claim.stance === "pro"));

  const attacksOn = (targets: TreeNode[], attackerIsOurs: boolean): BriefAttack[] => {
    const out: { node: TreeNode; target: TreeNode }[] = [];
    for (const target of targets) for (const con of cons(target)) out.push({ node: con, target });
    return out
      .sort((a, b) => byStrength(a.node, b.node))
      .map(({ node, target }) => ({ target: { claimId: target.claim.id, text: textOf(target.claim.id) }, attack: argument(node, attackerIsOurs) }));
  };
  const answers = ourNode ? attacksOn([ourNode, ...pros(ourNode)], false) : [];
  const offCase = theirNode ? attacksOn([theirNode, ...pros(theirNode)], true) : [];

  return {
    title: meta.title || "Untitled map",
    resolution: meta.question || (tree.root ? textOf(tree.root.claim.id) : ""),
    side,
    sideLabel: SIDE_LABELS[side],
    position: position(ourId),
    opponent: position(theirId),
    contentions,
    answers,
    offCase,
  };
}
