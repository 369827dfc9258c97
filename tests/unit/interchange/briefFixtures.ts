import fs from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import { addCitation, addClaim, initMapDoc } from "../../../lib/argument";
import { buildSampleDoc } from "../../../prisma/seed/buildSampleDoc";
import type { BriefSource } from "../../../lib/interchange/debateBrief";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export function sampleDoc(): Y.Doc {
  const sourceText = fs.readFileSync(path.join(root, "prisma", "seed", "us-mexico-cartels.txt"), "utf8");
  return buildSampleDoc({ sourceId: "s1", sourceVersion: 1, sourceText, authorId: null });
}

export const SAMPLE_SOURCES = new Map<string, BriefSource>([
  [
    "s1",
    {
      title: "Trump's Stance on Mexican Cartels",
      author: "Ana Ruiz",
      authorQualifications: "security analyst",
      publisher: "Border Review",
      publishedAt: new Date("2025-01-20T00:00:00Z"),
      url: "https://example.org/cartels",
    },
  ],
]);

/**
 * q "Should we? *really*"
 * ├─ P "Yes #1" (position, one card "Because [yes]" with "yes" highlighted)
 * │  ├─ A pro "Cheap" (card)
 * │  │  ├─ A1 con "Not cheap" (no card, unanswered)
 * │  │  └─ A2 pro "Very cheap" (no card)
 * │  ├─ B pro "Fast" (no card)
 * │  └─ C con "Risky" (card)
 * │     └─ C1 con "Risk is small"
 * └─ Q "No" (position)
 *    ├─ D pro "Costly"
 *    └─ E con "Costs are overstated" (card)
 */
export function handMadeDoc(): Y.Doc {
  const doc = new Y.Doc();
  initMapDoc(doc, { title: "Small *map*", question: "Should we? *really*", questionId: "q", authorId: null });
  const claim = (id: string, parentId: string, stance: "pro" | "con" | null, text: string) =>
    addClaim(doc, { kind: stance ? "claim" : "position", stance, parentId, id, text, authorId: null });
  claim("P", "q", null, "Yes #1");
  claim("Q", "q", null, "No");
  claim("A", "P", "pro", "Cheap");
  claim("A1", "A", "con", "Not cheap");
  claim("A2", "A", "pro", "Very cheap");
  claim("B", "P", "pro", "Fast");
  claim("C", "P", "con", "Risky");
  claim("C1", "C", "con", "Risk is small");
  claim("D", "Q", "pro", "Costly");
  claim("E", "Q", "con", "Costs are overstated");
  const card = (claimId: string, sourceId: string, exact: string, tag: string, highlights: [number, number][] = []) =>
    addCitation(doc, { claimId, sourceId, sourceVersion: 1, exact, prefix: "", suffix: "", start: 0, end: exact.length, tag, note: "", highlights, authorId: null });
  card("P", "s2", "Because [yes] we can", "Yes, we can", [[9, 12]]);
  card("A", "s2", "It costs little", "Cheap");
  card("C", "unknown", "Things go wrong", "Risk");
  card("E", "s2", "Estimates run high", "Overstated");
  return doc;
}

export const HAND_SOURCES = new Map<string, BriefSource>([
  ["s2", { title: "Notes", author: null, authorQualifications: null, publisher: null, publishedAt: null, url: null }],
]);
