import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import {
  addCitation,
  addClaim,
  buildMapTree,
  deleteClaim,
  initMapDoc,
  moveClaim,
  projectMap,
  readAllClaims,
  setClaimText,
  setStance,
} from "../../../lib/argument";
import { expectEveryClaimPlacedOnce, newDoc, rng, shuffle, syncAll, treeShape } from "./docNetwork";

type Message = { to: number; update: Uint8Array };

function pick<T>(items: T[], random: () => number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

function randomOperation(doc: Y.Doc, random: () => number): void {
  const claims = readAllClaims(doc);
  const nonQuestions = claims.filter((c) => c.kind !== "question");
  const r = random();
  try {
    if (r < 0.4 || nonQuestions.length < 2) {
      const parent = pick(claims, random);
      if (!parent) return;
      addClaim(doc, {
        // Ids from the seed, not random UUIDs: which move of a cycle gets cut depends on
        // them, so with these a seed replays exactly and the test's work is fixed.
        id: `c${Math.floor(random() * 2 ** 32).toString(36)}`,
        kind: parent.kind === "question" ? "position" : "claim",
        stance: random() < 0.5 ? "pro" : "con",
        parentId: parent.id,
        text: `t${Math.floor(random() * 1000)}`,
        authorId: `u${doc.clientID}`,
        index: Math.floor(random() * 4),
      });
    } else if (r < 0.7) {
      const target = pick(nonQuestions, random)!;
      const parent = pick(claims, random)!;
      moveClaim(doc, target.id, parent.id, Math.floor(random() * 3));
    } else if (r < 0.8) {
      deleteClaim(doc, pick(nonQuestions, random)!.id);
    } else if (r < 0.9) {
      setClaimText(doc, pick(claims, random)!.id, `edit ${Math.floor(random() * 1000)}\nsecond`);
    } else if (r < 0.95) {
      const target = nonQuestions.find((c) => c.kind === "claim");
      if (target) setStance(doc, target.id, random() < 0.5 ? "pro" : "con");
    } else {
      const target = pick(claims, random)!;
      addCitation(doc, {
        claimId: target.id, sourceId: "s", sourceVersion: 1, exact: "e", prefix: "", suffix: "",
        start: 0, end: 1, tag: "", note: "", highlights: [], authorId: null,
      });
    }
  } catch (error) {
    // Local refusals (moving under a descendant, the question) are expected.
    if (!(error instanceof Error)) throw error;
  }
}

// Tallies what the scenarios produced, so the fuzz cannot pass by never reaching the
// interesting cases.
const seen = { cycleCuts: 0, orphans: 0 };

function runScenario(seed: number, concurrentInit: boolean): void {
  const random = rng(seed);
  const docs = [newDoc(1), newDoc(2), newDoc(3)];
  const inbox: Message[] = [];
  docs.forEach((doc, from) => {
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      for (let to = 0; to < docs.length; to++) if (to !== from) inbox.push({ to, update });
    });
  });
  if (concurrentInit) docs.forEach((d, i) => initMapDoc(d, { title: "t", question: "q", questionId: `q${i}`, authorId: null }));
  else initMapDoc(docs[0], { title: "t", question: "q", questionId: "q", authorId: null });

  for (let step = 0; step < 120; step++) {
    if (random() < 0.6) randomOperation(docs[Math.floor(random() * docs.length)], random);
    // Deliver a random pending message: updates arrive late and out of order.
    if (inbox.length > 0 && random() < 0.5) {
      const [message] = inbox.splice(Math.floor(random() * inbox.length), 1);
      Y.applyUpdate(docs[message.to], message.update, "remote");
    }
    if (step % 15 === 0) {
      for (const doc of docs) expect(expectEveryClaimPlacedOnce(buildMapTree(doc), readAllClaims(doc).map((c) => c.id))).toBeNull();
    }
  }
  for (const message of shuffle(inbox.splice(0), random)) Y.applyUpdate(docs[message.to], message.update, "remote");
  syncAll(docs);

  const trees = docs.map((d) => buildMapTree(d));
  const ids = readAllClaims(docs[0]).map((c) => c.id);
  for (const tree of trees) {
    expect(treeShape(tree)).toEqual(treeShape(trees[0]));
    expect(expectEveryClaimPlacedOnce(tree, ids)).toBeNull();
  }
  const projections = docs.map((d) => projectMap(d));
  for (const projection of projections) expect(projection).toEqual(projections[0]);
  expect(projections[0].claims).toHaveLength(ids.length);
  for (const root of trees[0].detached) {
    const parentId = root.claim.parentId;
    if (parentId !== null && trees[0].byId.has(parentId)) seen.cycleCuts++;
    else if (root.claim.kind !== "question") seen.orphans++;
  }
}

describe("fuzz: random operations on three docs with random delivery", () => {
  // ~1.7 s alone on a 2-core machine; CI runs it beside the integration project's server
  // processes, where it once took more than vitest's default 5 s.
  it("converges to identical trees and never loses a claim", { timeout: 30_000 }, () => {
    for (let seed = 1; seed <= 60; seed++) runScenario(seed, false);
    // The seeds are fixed, so these counts are too; they guard against a change to the
    // operations that stops the fuzz from reaching either case.
    expect(seen.cycleCuts).toBeGreaterThan(0);
    expect(seen.orphans).toBeGreaterThan(0);
  });

  it("also converges when every doc initialised its own question", () => {
    for (let seed = 100; seed <= 120; seed++) runScenario(seed, true);
  });
});
