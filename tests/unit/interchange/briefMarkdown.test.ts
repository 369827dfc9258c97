import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, initMapDoc } from "../../../lib/argument";
import { assembleBrief } from "../../../lib/interchange/debateBrief";
import { briefToMarkdown, escapeMarkdown, markdownQuote } from "../../../lib/interchange/briefMarkdown";
import { HAND_SOURCES, SAMPLE_SOURCES, handMadeDoc, sampleDoc } from "./briefFixtures";

describe("briefToMarkdown", () => {
  it("renders the sample affirmative as pocket / hat / block / tag", () => {
    const md = briefToMarkdown(assembleBrief(sampleDoc(), "aff", SAMPLE_SOURCES));
    const lines = md.split("\n");
    expect(lines[0]).toBe("# Affirmative: Direct intervention: designate the cartels as terrorist organizations and strike them across the border");
    expect(lines.filter((l) => l.startsWith("# "))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("## "))).toEqual(["## Our position", "## Contentions", "## Answers to their attacks", "## Off-case: attacks on their position"]);
    expect(md).toContain("**Resolution:** How should the U.S. confront Mexican cartels?");
    expect(md).toContain("### Contention 1: ");
    expect(md).toContain("### A1. ");
    expect(md).toContain("#### Cartel fentanyl fuels the opioid crisis\n\n**Ruiz 25** \\[Ana Ruiz, security analyst, January 20, 2025, “Trump's Stance on Mexican Cartels”, Border Review, https://example.org/cartels\\]\n\n> They traffic **vast amounts of fentanyl** and other drugs into the U.S. This contributes to **the nation’s opioid crisis**.");
    expect(md).toContain("↳ **Our answer:** Sovereignty objections ring hollow while Mexico fails to stop the drugs flowing north");
    expect(md.endsWith("\n")).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
  });

  it("escapes map text so it cannot become markup", () => {
    const md = briefToMarkdown(assembleBrief(handMadeDoc(), "aff", HAND_SOURCES));
    expect(md).toContain("**Map:** Small \\*map\\*");
    expect(md).toContain("**Resolution:** Should we? \\*really\\*");
    expect(md).toContain("> Because \\[**yes**\\] we can");
  });

  it("keeps whitespace outside bold markers and escapes line starts", () => {
    expect(markdownQuote([{ text: "a", highlighted: false }, { text: " b c ", highlighted: true }, { text: "d", highlighted: false }])).toBe("a **b c** d");
    expect(markdownQuote([{ text: "  ", highlighted: true }])).toBe("  ");
    expect(escapeMarkdown("# not a heading\n- nor a list\n> nor a quote\n1. nor a number")).toBe("\\# not a heading\n\\- nor a list\n\\> nor a quote\n\\1. nor a number");
  });

  it("renders the negative's own case", () => {
    const md = briefToMarkdown(assembleBrief(handMadeDoc(), "neg", HAND_SOURCES));
    expect(md).toContain("# Negative: No");
    expect(md).toContain("### Contention 1: Costly");
  });

  it("says when a side has no position and a section is empty", () => {
    const doc = new Y.Doc();
    initMapDoc(doc, { title: "t", question: "q?", questionId: "q", authorId: null });
    addClaim(doc, { kind: "position", parentId: "q", id: "P", text: "Only one", authorId: null });
    const md = briefToMarkdown(assembleBrief(doc, "neg", new Map()));
    expect(md.split("\n")[0]).toBe("# Negative");
    expect(md).toContain("_This map has no position for this side._");
    expect(md).toContain("_Nothing prepared yet._");
    expect(md).toContain("_Their position: Only one_");
  });
});
