import { describe, expect, it } from "vitest";
import { assembleBrief, briefSides, quoteSegments, type BriefArgument } from "../../../lib/interchange/debateBrief";
import { briefToMarkdown } from "../../../lib/interchange/briefMarkdown";
import { HAND_SOURCES, SAMPLE_SOURCES, handMadeDoc, sampleDoc } from "./briefFixtures";

const texts = (list: { text: string }[]) => list.map((a) => a.text);
const attackTexts = (list: { attack: BriefArgument }[]) => list.map((a) => a.attack.text);
const nonIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);

describe("assembleBrief on the sample map", () => {
  const doc = sampleDoc();

  it("builds the affirmative: intervention, its contentions, answers and off-case", () => {
    const brief = assembleBrief(doc, "aff", SAMPLE_SOURCES);
    expect(brief.title).toBe("U.S. vs. Mexican cartels: intervene or cooperate?");
    expect(brief.resolution).toBe("How should the U.S. confront Mexican cartels?");
    expect(brief.sideLabel).toBe("Affirmative");
    expect(brief.position?.text).toMatch(/^Direct intervention/);
    expect(brief.opponent?.text).toMatch(/^Cooperation/);
    expect(texts(brief.contentions).sort()).toEqual(
      [
        "An FTO designation gives the military broader powers to hit cartel targets",
        "Cartels flooding the U.S. with fentanyl are a national security threat, not just a crime problem",
        "Cartels operate with impunity, so ordinary law enforcement has failed to dislodge them",
        "A more forceful approach is needed to protect American lives from cartel drugs",
      ].sort(),
    );
    expect(nonIncreasing(brief.contentions.map((c) => c.strength))).toBe(true);
    // Every contention is cited and unrated (0.5) except that FTO has a con under it: the
    // sovereignty objection, itself answered by a cited con (0.5): 0.5 × (1 − 0.5 × 0.5) = 0.375,
    // so FTO = 0.5 × (1 − 0.5 × 0.375) = 0.40625 and ranks last.
    expect(brief.contentions.at(-1)!.text).toMatch(/^An FTO designation/);
    expect(brief.contentions.at(-1)!.strength).toBeCloseTo(0.40625, 10);
    // Contentions list only what backs them; the con under FTO goes to the answers.
    expect(brief.contentions.at(-1)!.responses).toEqual([]);

    expect(attackTexts(brief.answers).sort()).toEqual(
      [
        "Strikes inside Mexico would violate its sovereignty, and Mexico has already flatly opposed them",
        "Unilateral U.S. strikes could ignite a diplomatic crisis with our closest southern partner",
        "Military strikes risk backfiring, fueling instability and anti-American sentiment",
      ].sort(),
    );
    expect(nonIncreasing(brief.answers.map((a) => a.attack.strength))).toBe(true);
    const sovereignty = brief.answers.find((a) => a.attack.text.startsWith("Strikes inside Mexico"))!;
    expect(sovereignty.target.text).toMatch(/^An FTO designation/);
    expect(sovereignty.attack.ours).toBe(false);
    expect(sovereignty.attack.responses).toHaveLength(1);
    expect(sovereignty.attack.responses[0]).toMatchObject({ text: "Sovereignty objections ring hollow while Mexico fails to stop the drugs flowing north", stance: "con", ours: true });
    const backfire = brief.answers.find((a) => a.attack.text.startsWith("Military strikes"))!;
    expect(backfire.attack.flags).toContain("unanswered");

    expect(attackTexts(brief.offCase).sort()).toEqual(
      [
        "Years of extradition and intel sharing have left cartels operating with impunity",
        "Mexico has not done enough, and the drugs keep flowing despite cooperation",
        "A confrontational Trump White House could test Sheinbaum’s willingness to cooperate",
        "Sheinbaum faces immense pressure to balance sovereignty against urgent U.S. security demands",
        "A shared goal has not yet produced common ground on how to fight the cartels",
      ].sort(),
    );
    for (const a of brief.offCase) expect(a.attack.ours).toBe(true);
    const impunity = brief.offCase.find((a) => a.attack.text.startsWith("Years of extradition"))!;
    expect(impunity.target.text).toMatch(/^Cooperation/);
    expect(impunity.attack.responses[0]).toMatchObject({ stance: "con", ours: false });
  });

  it("builds evidence cards with cite lines and highlighted ranges", () => {
    const brief = assembleBrief(doc, "aff", SAMPLE_SOURCES);
    const fentanyl = brief.contentions.find((c) => c.text.startsWith("Cartels flooding"))!;
    expect(fentanyl.cards.map((c) => c.tag)).toEqual(["Cartel fentanyl fuels the opioid crisis", "Fighting cartels is a national security priority"]);
    const card = fentanyl.cards[0];
    expect(card.shortCite).toBe("Ruiz 25");
    expect(card.cite).toBe("Ana Ruiz, security analyst, January 20, 2025, “Trump's Stance on Mexican Cartels”, Border Review, https://example.org/cartels");
    expect(card.segments.map((s) => s.text).join("")).toBe(card.quote);
    expect(card.segments.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["vast amounts of fentanyl", "the nation’s opioid crisis"]);
    expect(card.highlights.map(([s, e]) => card.quote.slice(s, e))).toEqual(["vast amounts of fentanyl", "the nation’s opioid crisis"]);
  });

  it("mirrors for the negative", () => {
    const aff = assembleBrief(doc, "aff", SAMPLE_SOURCES);
    const neg = assembleBrief(doc, "neg", SAMPLE_SOURCES);
    expect(neg.sideLabel).toBe("Negative");
    expect(neg.position?.text).toMatch(/^Cooperation/);
    expect(neg.contentions).toHaveLength(4);
    expect(attackTexts(neg.answers).sort()).toEqual(attackTexts(aff.offCase).sort());
    expect(attackTexts(neg.offCase).sort()).toEqual(attackTexts(aff.answers).sort());
    // Balance shares of the two positions add up to 1.
    expect(neg.position!.share + neg.opponent!.share).toBeCloseTo(1, 10);
  });

  it("accepts an override for the affirmative position", () => {
    const { aff, neg } = briefSides(doc);
    const swapped = assembleBrief(doc, "aff", SAMPLE_SOURCES, new Map(), { aff: neg! });
    expect(swapped.position?.claimId).toBe(neg);
    expect(swapped.opponent?.claimId).toBe(aff);
    // An unknown id falls back to the first position.
    expect(briefSides(doc, { aff: "nope" })).toEqual({ aff, neg });
  });

  it("orders contentions by rated strength", () => {
    const brief = assembleBrief(doc, "aff", SAMPLE_SOURCES);
    const fto = brief.contentions.find((c) => c.text.startsWith("An FTO"))!;
    const rated = assembleBrief(doc, "aff", SAMPLE_SOURCES, new Map([[fto.claimId, [4, 4]]]));
    // 1 × (1 − 0.5 × 0.375) = 0.8125 beats the unrated 0.5s
    expect(rated.contentions[0].claimId).toBe(fto.claimId);
    expect(rated.contentions[0].strength).toBeCloseTo(0.8125, 10);
  });
});

describe("assembleBrief on a hand-made map", () => {
  it("places every claim in its section, strongest first", () => {
    const brief = assembleBrief(handMadeDoc(), "aff", HAND_SOURCES);
    expect(brief.position).toMatchObject({ claimId: "P", text: "Yes #1" });
    // A: cited, 0.5 × (1 + 0.5 × 0.375 − 0.5 × 0.375) = 0.5; B: uncited leaf 0.375
    expect(brief.contentions.map((c) => [c.claimId, c.strength])).toEqual([["A", 0.5], ["B", 0.375]]);
    // Only the pro A2 stays under A; the con A1 is an attack.
    expect(brief.contentions[0].responses.map((r) => r.claimId)).toEqual(["A2"]);
    // C: cited con, 0.5 × (1 − 0.5 × 0.375) = 0.40625; A1: 0.375
    expect(brief.answers.map((a) => [a.attack.claimId, a.target.claimId])).toEqual([["C", "P"], ["A1", "A"]]);
    expect(brief.answers[0].attack.responses).toMatchObject([{ claimId: "C1", ours: true }]);
    expect(brief.answers[1].attack.flags).toEqual(["unsupported", "unanswered"]);
    // The card of C cites a source that is not attached: no cite line.
    expect(brief.answers[0].attack.cards[0]).toMatchObject({ tag: "Risk", shortCite: "", cite: "" });
    expect(brief.offCase.map((a) => [a.attack.claimId, a.target.claimId])).toEqual([["E", "Q"]]);
    // A source with only a title: author and date are marked missing, never invented.
    expect(brief.position!.cards[0]).toMatchObject({ shortCite: "no author n.d.", cite: "no author, n.d., “Notes”" });
  });

  it("gives the negative its own case", () => {
    const brief = assembleBrief(handMadeDoc(), "neg", HAND_SOURCES);
    expect(brief.position?.claimId).toBe("Q");
    expect(brief.contentions.map((c) => c.claimId)).toEqual(["D"]);
    expect(brief.answers.map((a) => a.attack.claimId)).toEqual(["E"]);
    expect(brief.offCase.map((a) => a.attack.claimId)).toEqual(["C", "A1"]);
  });
});

describe("stale cards", () => {
  it("marks a card that still quotes an older version of its source, in every rendering", () => {
    const doc = sampleDoc();
    const newer = new Map([...SAMPLE_SOURCES].map(([id, source]) => [id, { ...source, latestVersion: 2 }]));
    const card = assembleBrief(doc, "aff", newer).contentions.flatMap((c) => c.cards)[0];
    expect(card.stale).toEqual({ version: 1, latestVersion: 2 });
    expect(briefToMarkdown(assembleBrief(doc, "aff", newer))).toContain("Passage changed: this quote is from version 1; it was not found in version 2");
    // Current cards carry no mark.
    const current = new Map([...SAMPLE_SOURCES].map(([id, source]) => [id, { ...source, latestVersion: 1 }]));
    expect(assembleBrief(doc, "aff", current).contentions.flatMap((c) => c.cards).every((c) => c.stale === null)).toBe(true);
    expect(briefToMarkdown(assembleBrief(doc, "aff", current))).not.toContain("Passage changed");
  });
});

describe("cite lines and quote segments", () => {
  it("splits a quote at highlight boundaries and clamps ranges", () => {
    expect(quoteSegments("abcdef", [[1, 3], [5, 99]])).toEqual([
      { text: "a", highlighted: false },
      { text: "bc", highlighted: true },
      { text: "de", highlighted: false },
      { text: "f", highlighted: true },
    ]);
  });
});
