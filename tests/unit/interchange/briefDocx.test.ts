import { describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { assembleBrief } from "../../../lib/interchange/debateBrief";
import { briefToDocx } from "../../../lib/interchange/briefDocx";
import { SAMPLE_SOURCES, sampleDoc } from "./briefFixtures";

// A .docx is a zip; fflate comes with the docx package.
function documentXml(buffer: Buffer): string {
  const files = unzipSync(new Uint8Array(buffer));
  return strFromU8(files["word/document.xml"]);
}

/** The paragraphs of document.xml as [style, text] pairs. */
function paragraphs(xml: string): [string, string][] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(m[1])?.[1] ?? "";
    const text = [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    return [style, text];
  });
}

describe("briefToDocx", () => {
  it("writes the sample brief with debate headings and emphasised card words", async () => {
    const buffer = await briefToDocx(assembleBrief(sampleDoc(), "aff", SAMPLE_SOURCES));
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const xml = documentXml(buffer);
    const paras = paragraphs(xml);
    const styled = (style: string) => paras.filter(([s]) => s === style).map(([, t]) => t);
    expect(styled("Heading1")).toEqual(["Affirmative: Direct intervention: designate the cartels as terrorist organizations and strike them across the border"]);
    expect(styled("Heading2")).toEqual(["Our position", "Contentions", "Answers to their attacks", "Off-case: attacks on their position"]);
    expect(styled("Heading3").some((t) => t.startsWith("Contention 1: "))).toBe(true);
    expect(styled("Heading4")).toContain("Cartel fentanyl fuels the opioid crisis");
    // The card's quote is one paragraph; its highlighted words are bold, underlined and yellow.
    expect(paras.some(([, t]) => t === "They traffic vast amounts of fentanyl and other drugs into the U.S. This contributes to the nation’s opioid crisis.")).toBe(true);
    const run = /<w:r>((?:(?!<w:r>).)*?)<w:t[^>]*>vast amounts of fentanyl<\/w:t>/s.exec(xml)![1];
    expect(run).toContain("<w:b/>");
    expect(run).toContain('<w:highlight w:val="yellow"/>');
    expect(run).toMatch(/<w:u w:val="single"\/>/);
    // The unread words are set smaller (8 pt = 16 half-points).
    const small = /<w:r>((?:(?!<w:r>).)*?)<w:t[^>]*>They traffic <\/w:t>/s.exec(xml)![1];
    expect(small).toContain('<w:sz w:val="16"/>');
    expect(small).not.toContain("<w:b/>");
    // Tags are bold.
    const tag = /<w:r>((?:(?!<w:r>).)*?)<w:t[^>]*>Cartel fentanyl fuels the opioid crisis<\/w:t>/s.exec(xml)![1];
    expect(tag).toContain("<w:b/>");
    expect(xml).toContain("Ruiz 25");
    expect(xml).toContain("Ana Ruiz, security analyst, January 20, 2025");
  });

  it("writes the negative too", async () => {
    const xml = documentXml(await briefToDocx(assembleBrief(sampleDoc(), "neg", SAMPLE_SOURCES)));
    expect(xml).toContain("Negative: Cooperation");
  });
});
