import { describe, expect, it } from "vitest";
import { assembleBrief } from "../../../lib/interchange/debateBrief";
import { FLOW_SPEECHES, assembleFlow, nextSpeechIndex, type DebateFlow } from "../../../lib/interchange/debateFlow";
import { HAND_SOURCES, SAMPLE_SOURCES, handMadeDoc, sampleDoc } from "./briefFixtures";
import type * as Y from "yjs";

function flowOf(doc: Y.Doc, sources = HAND_SOURCES, ratings = new Map<string, number[]>()): DebateFlow {
  return assembleFlow(assembleBrief(doc, "aff", sources, ratings), assembleBrief(doc, "neg", sources, ratings));
}

const column = (flow: DebateFlow, id: string) => flow.columns.find((c) => c.speech.id === id)!.entries;
const ids = (flow: DebateFlow, id: string) => column(flow, id).map((e) => e.claimId);
const dropped = (flow: DebateFlow) => flow.columns.flatMap((c) => c.entries.filter((e) => e.dropped).map((e) => e.claimId)).sort();

describe("assembleFlow", () => {
  it("alternates speeches and clamps past the 2AR", () => {
    expect(FLOW_SPEECHES.map((s) => `${s.id}:${s.side}`)).toEqual(["1AC:aff", "1NC:neg", "2AC:aff", "2NC/1NR:neg", "1AR:aff", "2NR:neg", "2AR:aff"]);
    expect(nextSpeechIndex(0, "neg")).toBe(1);
    expect(nextSpeechIndex(1, "aff")).toBe(2);
    expect(nextSpeechIndex(6, "neg")).toBe(5);
  });

  it("lays out the hand-made map by speech and marks dropped arguments", () => {
    // P (aff) ← C con (card) ← C1 con; A pro ← A1 con, A2 pro; B pro; Q (neg) ← D pro, E con.
    const flow = flowOf(handMadeDoc());
    // 1AC: the position, then contentions strongest first (A 0.5, B 0.375).
    expect(ids(flow, "1AC")).toEqual(["P", "A", "B"]);
    // 1NC: their case first, then the attacks on ours in the order of what they answer.
    expect(ids(flow, "1NC")).toEqual(["Q", "D", "C", "A1"]);
    // 2AC: our attack on their position, then our answer to C.
    expect(ids(flow, "2AC")).toEqual(["E", "C1"]);
    expect(column(flow, "2NC/1NR")).toEqual([]);
    const c = column(flow, "1NC").find((e) => e.claimId === "C")!;
    expect(c).toMatchObject({ side: "neg", kind: "attack", answers: { claimId: "P", text: "Yes #1" }, dropped: false, cards: 1 });
    expect(column(flow, "2AC").find((e) => e.claimId === "C1")).toMatchObject({ side: "aff", kind: "reply", answers: { claimId: "C" } });
    // A2 backs A, so it counts as support and is not a column entry of its own.
    expect(column(flow, "1AC").find((e) => e.claimId === "A")).toMatchObject({ support: 1, dropped: false });
    // Nobody answered B, D, A1, E or C1.
    expect(dropped(flow)).toEqual(["A1", "B", "C1", "D", "E"]);
  });

  it("on the sample, every neg attack sits in the 1NC and the one without a reply is dropped", () => {
    const doc = sampleDoc();
    const flow = flowOf(doc, SAMPLE_SOURCES);
    const aff = assembleBrief(doc, "aff", SAMPLE_SOURCES);
    const oneNC = column(flow, "1NC");
    for (const a of aff.answers) expect(oneNC.map((e) => e.claimId)).toContain(a.attack.claimId);
    const backfire = oneNC.find((e) => e.text.startsWith("Military strikes"))!;
    expect(backfire.dropped).toBe(true);
    const sovereignty = oneNC.find((e) => e.text.startsWith("Strikes inside Mexico"))!;
    expect(sovereignty.dropped).toBe(false);
    expect(column(flow, "2AC").map((e) => e.text)).toContain("Sovereignty objections ring hollow while Mexico fails to stop the drugs flowing north");
  });

  it("orders a column by stored ratings", () => {
    const doc = handMadeDoc();
    // Rate B to 4: uncited leaf 0.75 × 1 = 0.75 > A's 0.5.
    expect(ids(flowOf(doc, HAND_SOURCES, new Map([["B", [4]]])), "1AC")).toEqual(["P", "B", "A"]);
  });
});
