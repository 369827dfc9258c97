import type { BriefArgument, BriefAttack, BriefPosition, BriefSide, DebateBrief } from "./debateBrief";

/**
 * A flow sheet: the round as columns, one per speech, built from the two sides' briefs
 * (lib/interchange/debateBrief.ts) so it orders and flags exactly as they do.
 *
 * Speech mapping (policy-style order; the negative block is one column):
 * - 1AC (aff): the affirmative position and its contentions.
 * - 1NC (neg): the negative position and its contentions (their advocacy, "off-case"), then
 *   the attacks on the affirmative position and contentions ("on-case").
 * - 2AC (aff): answers to every 1NC attack, and the attacks on the negative's case.
 * - 2NC/1NR (neg): replies to the 2AC.
 * - 1AR, 2NR, 2AR: each replies to the other side's last speech.
 *
 * A reply is a child of the other side's allegiance (a con, under either side's claims); it
 * goes in the other side's next speech. Backing of the same side (pros under an argument)
 * stays with the argument it supports, counted as `support`. Deeper than the 2AR, replies
 * stay in their side's last speech.
 *
 * Dropped: an argument the other side never replied to (no con under it). In a round, a
 * dropped argument is conceded; on the flow it is marked so debaters extend it (ours) or
 * prepare an answer (theirs).
 */

export interface FlowSpeech {
  id: string;
  side: BriefSide;
  description: string;
}

export const FLOW_SPEECHES: readonly FlowSpeech[] = [
  { id: "1AC", side: "aff", description: "Affirmative constructive: position and contentions" },
  { id: "1NC", side: "neg", description: "Negative constructive: their case, then attacks on the affirmative" },
  { id: "2AC", side: "aff", description: "Answers to the 1NC and attacks on the negative case" },
  { id: "2NC/1NR", side: "neg", description: "Negative block: replies to the 2AC" },
  { id: "1AR", side: "aff", description: "Replies to the block" },
  { id: "2NR", side: "neg", description: "Replies to the 1AR" },
  { id: "2AR", side: "aff", description: "Replies to the 2NR" },
];

export type FlowEntryKind = "position" | "contention" | "attack" | "reply";

export interface FlowEntry {
  claimId: string;
  text: string;
  side: BriefSide;
  kind: FlowEntryKind;
  strength: number;
  cards: number;
  /** How many arguments of the same side back this one (pros under it). */
  support: number;
  /** What this argument answers (null for positions and contentions). */
  answers: { claimId: string; text: string } | null;
  /** The other side never replied to it. */
  dropped: boolean;
}

export interface FlowColumn {
  speech: FlowSpeech;
  entries: FlowEntry[];
}

export interface DebateFlow {
  title: string;
  resolution: string;
  affPosition: string | null;
  negPosition: string | null;
  columns: FlowColumn[];
}

const other = (side: BriefSide): BriefSide => (side === "aff" ? "neg" : "aff");

/** The speech index where `side` next speaks after `after` (clamped to its last speech). */
export function nextSpeechIndex(after: number, side: BriefSide): number {
  for (let i = after + 1; i < FLOW_SPEECHES.length; i++) if (FLOW_SPEECHES[i].side === side) return i;
  for (let i = FLOW_SPEECHES.length - 1; i >= 0; i--) if (FLOW_SPEECHES[i].side === side) return i;
  return FLOW_SPEECHES.length - 1;
}

interface Pending {
  entry: FlowEntry;
  column: number;
  replies: { argument: BriefArgument; side: BriefSide }[];
}

/**
 * `aff` and `neg` are the two briefs of one map, assembled with the same ratings and sides.
 * Only the affirmative brief's structure is needed for the attacks (its `answers` are the
 * negative's attacks, its `offCase` the affirmative's); the negative brief gives the
 * negative's contentions with their backing.
 */
export function assembleFlow(aff: DebateBrief, neg: DebateBrief): DebateFlow {
  const columns: FlowColumn[] = FLOW_SPEECHES.map((speech) => ({ speech, entries: [] }));
  const queue: Pending[] = [];
  // Absolute side of an argument found in a brief written for `briefSide`.
  const sideIn = (briefSide: BriefSide, a: BriefArgument): BriefSide => (a.ours ? briefSide : other(briefSide));

  const attacksOn = (list: BriefAttack[], targetId: string, attacker: BriefSide) =>
    list.filter((a) => a.target.claimId === targetId).map((a) => ({ argument: a.attack, side: attacker }));

  const add = (column: number, entry: Omit<FlowEntry, "dropped">, replies: Pending["replies"]) => {
    const full: FlowEntry = { ...entry, dropped: replies.length === 0 };
    columns[column].entries.push(full);
    queue.push({ entry: full, column, replies });
  };

  const seedCase = (side: BriefSide, column: number, position: BriefPosition | null, contentions: BriefArgument[], attacks: BriefAttack[]) => {
    if (!position) return;
    const attacker = other(side);
    add(column, { claimId: position.claimId, text: position.text, side, kind: "position", strength: position.strength, cards: position.cards.length, support: contentions.length, answers: null }, attacksOn(attacks, position.claimId, attacker));
    for (const c of contentions) {
      add(
        column,
        { claimId: c.claimId, text: c.text, side, kind: "contention", strength: c.strength, cards: c.cards.length, support: c.responses.length, answers: null },
        attacksOn(attacks, c.claimId, attacker),
      );
    }
  };

  // The negative's attacks on the affirmative are in the aff brief's `answers`; the
  // affirmative's attacks on the negative case are in its `offCase`.
  seedCase("aff", 0, aff.position, aff.contentions, aff.answers);
  seedCase("neg", 1, neg.position, neg.contentions, aff.offCase);

  // Breadth-first, so each column lists replies in the order of what they answer.
  for (let i = 0; i < queue.length; i++) {
    const { entry, column, replies } = queue[i];
    for (const { argument, side } of replies) {
      // Every attack and reply comes from the affirmative brief, so `ours` means "aff".
      const own = argument.responses.filter((r) => sideIn("aff", r) === side);
      const answers = argument.responses.filter((r) => sideIn("aff", r) !== side).map((r) => ({ argument: r, side: other(side) }));
      add(
        nextSpeechIndex(column, side),
        {
          claimId: argument.claimId,
          text: argument.text,
          side,
          kind: entry.kind === "position" || entry.kind === "contention" ? "attack" : "reply",
          strength: argument.strength,
          cards: argument.cards.length,
          support: own.length,
          answers: { claimId: entry.claimId, text: entry.text },
        },
        answers,
      );
    }
  }

  return {
    title: aff.title,
    resolution: aff.resolution,
    affPosition: aff.position?.text ?? null,
    negPosition: aff.opponent?.text ?? null,
    columns,
  };
}
