/**
 * Seed content for Claimboard: a sample pro/con argument map built from
 * prisma/seed/us-mexico-cartels.txt. Every citation's `exact` is a verbatim
 * substring of that article (including its curly apostrophes ’ and quotes ‘ ’).
 */

export const SAMPLE_SOURCE = {
  file: "us-mexico-cartels.txt",
  title: "Trump's Stance on Mexican Cartels: What It Means for U.S.-Mexico Relations",
  // The article names no author, publisher, date or URL.
  author: null as string | null,
  authorQualifications: null as string | null,
  publisher: null as string | null,
  publishedAt: null as string | null,
  url: null as string | null,
};

export interface SampleCitation {
  tag: string;
  exact: string;
  note?: string;
  /** [start, end) offsets inside `exact` of the words a debater reads aloud. */
  highlights?: [number, number][];
}

export interface SampleClaim {
  key: string;
  /** Key of the parent: "question", a position key, or another claim key. */
  parent: string;
  kind: "position" | "claim";
  stance?: "pro" | "con";
  text: string;
  citations: SampleCitation[];
}

/**
 * Builds a citation whose highlights are given as phrases of `exact`
 * (each searched for after the previous one), turned into [start, end) offsets.
 */
function cite(tag: string, exact: string, phrases: string[] = [], note?: string): SampleCitation {
  const highlights: [number, number][] = [];
  let from = 0;
  for (const phrase of phrases) {
    const start = exact.indexOf(phrase, from);
    if (start < 0) throw new Error(`highlight "${phrase}" not found in citation "${exact}"`);
    highlights.push([start, start + phrase.length]);
    from = start + phrase.length;
  }
  const c: SampleCitation = { tag, exact };
  if (note) c.note = note;
  if (highlights.length) c.highlights = highlights;
  return c;
}

export const SAMPLE_MAP: { title: string; question: string; claims: SampleClaim[] } = {
  title: "U.S. vs. Mexican cartels: intervene or cooperate?",
  question: "How should the U.S. confront Mexican cartels?",
  claims: [
    // ───────────────────────── Position: direct intervention ─────────────────────────
    {
      key: "intervention",
      parent: "question",
      kind: "position",
      text: "Direct intervention: designate the cartels as terrorist organizations and strike them across the border",
      citations: [
        cite(
          "FTO label opens the door to cross-border operations",
          "He could again push for FTO designation. This could lead to cross-border military operations.",
          ["push for FTO designation", "cross-border military operations"],
        ),
      ],
    },
    {
      key: "int-fto-powers",
      parent: "intervention",
      kind: "claim",
      stance: "pro",
      text: "An FTO designation gives the military broader powers to hit cartel targets",
      citations: [
        cite(
          "Terror label = military reach inside Mexico",
          "This label would give the U.S. military broader powers. It could allow strikes against cartel targets within Mexico.",
          ["U.S. military broader powers", "strikes against cartel targets within Mexico"],
        ),
      ],
    },
    {
      key: "int-sovereignty-objection",
      parent: "int-fto-powers",
      kind: "claim",
      stance: "con",
      text: "Strikes inside Mexico would violate its sovereignty, and Mexico has already flatly opposed them",
      citations: [
        cite(
          "Mexico rejected the FTO plan as a sovereignty violation",
          "However, Mexico strongly opposed this idea. They feared it would violate their sovereignty.",
          ["Mexico strongly opposed this idea", "violate their sovereignty"],
        ),
      ],
    },
    {
      key: "int-mexico-failed",
      parent: "int-sovereignty-objection",
      kind: "claim",
      stance: "con",
      text: "Sovereignty objections ring hollow while Mexico fails to stop the drugs flowing north",
      citations: [
        cite(
          "Mexico hasn’t done enough — the drugs keep coming",
          "They believe Mexico has not done enough. They point to the ongoing flow of drugs.",
          ["Mexico has not done enough", "ongoing flow of drugs"],
        ),
      ],
    },
    {
      key: "int-fentanyl-threat",
      parent: "intervention",
      kind: "claim",
      stance: "pro",
      text: "Cartels flooding the U.S. with fentanyl are a national security threat, not just a crime problem",
      citations: [
        cite(
          "Cartel fentanyl fuels the opioid crisis",
          "They traffic vast amounts of fentanyl and other drugs into the U.S. This contributes to the nation’s opioid crisis.",
          ["vast amounts of fentanyl", "the nation’s opioid crisis"],
        ),
        cite(
          "Fighting cartels is a national security priority",
          "Combating these groups is a key U.S. national security priority.",
          ["key U.S. national security priority"],
        ),
      ],
    },
    {
      key: "int-impunity",
      parent: "intervention",
      kind: "claim",
      stance: "pro",
      text: "Cartels operate with impunity, so ordinary law enforcement has failed to dislodge them",
      citations: [
        cite(
          "Cartels act with impunity and can’t be dislodged",
          "The cartels often operate with impunity. This makes them difficult to dislodge.",
          ["operate with impunity", "difficult to dislodge"],
        ),
        cite(
          "Cartel power keeps growing",
          "U.S. officials worry about their growing power.",
          ["their growing power"],
        ),
      ],
    },
    {
      key: "int-protect-lives",
      parent: "intervention",
      kind: "claim",
      stance: "pro",
      text: "A more forceful approach is needed to protect American lives from cartel drugs",
      citations: [
        cite(
          "Force is needed to protect Americans",
          "Meanwhile, some argue that direct intervention is necessary.",
          ["direct intervention is necessary"],
        ),
        cite(
          "A forceful approach protects American lives",
          "They suggest a more forceful approach is needed to protect American lives.",
          ["more forceful approach is needed to protect American lives"],
        ),
      ],
    },
    {
      key: "int-diplomatic-crisis",
      parent: "intervention",
      kind: "claim",
      stance: "con",
      text: "Unilateral U.S. strikes could ignite a diplomatic crisis with our closest southern partner",
      citations: [
        cite(
          "Unilateral action risks a diplomatic crisis",
          "Any unilateral U.S. military action would be controversial. It could ignite a diplomatic crisis.",
          ["unilateral U.S. military action", "ignite a diplomatic crisis"],
        ),
        cite(
          "Strikes would strain the relationship",
          "Such actions would likely strain U.S.-Mexico relations.",
          ["strain U.S.-Mexico relations"],
        ),
      ],
    },
    {
      key: "int-sovereignty-valued",
      parent: "int-diplomatic-crisis",
      kind: "claim",
      stance: "pro",
      text: "Mexico prizes its sovereignty, and its leaders have always resisted U.S. military intervention",
      citations: [
        cite(
          "Sovereignty is non-negotiable for Mexico",
          "Mexico values its sovereignty highly.",
          ["values its sovereignty highly"],
        ),
        cite(
          "Mexican leaders consistently resist U.S. force",
          "Past Mexican leaders have resisted U.S. military intervention. Sheinbaum is expected to uphold this stance.",
          ["resisted U.S. military intervention", "uphold this stance"],
        ),
      ],
    },
    {
      key: "int-backfire",
      parent: "intervention",
      kind: "claim",
      stance: "con",
      text: "Military strikes risk backfiring, fueling instability and anti-American sentiment",
      citations: [
        cite(
          "Critics warn of instability and anti-Americanism",
          "Critics warn of potential unintended consequences. These include increased instability and anti-American sentiment.",
          ["unintended consequences", "increased instability and anti-American sentiment"],
        ),
      ],
    },

    // ───────────────────────── Position: cooperation ─────────────────────────
    {
      key: "cooperation",
      parent: "question",
      kind: "position",
      text: "Cooperation: work with Mexico through extradition, intelligence sharing, diplomacy and social programs",
      citations: [
        cite(
          "Law enforcement cooperation was the chosen path",
          "Instead, the U.S. focused on traditional law enforcement methods. These included extradition and intelligence sharing.",
          ["traditional law enforcement methods", "extradition and intelligence sharing"],
        ),
      ],
    },
    {
      key: "coop-respects-sovereignty",
      parent: "cooperation",
      kind: "claim",
      stance: "pro",
      text: "Extradition and intelligence sharing fight cartels without violating Mexican sovereignty",
      citations: [
        cite(
          "Mexico’s sovereignty fears ruled out strikes",
          "They feared it would violate their sovereignty. Instead, the U.S. focused on traditional law enforcement methods.",
          ["violate their sovereignty", "traditional law enforcement methods"],
        ),
      ],
    },
    {
      key: "coop-willing-partner",
      parent: "cooperation",
      kind: "claim",
      stance: "pro",
      text: "Sheinbaum is expected to seek cooperation, giving Washington a willing partner",
      citations: [
        cite(
          "Sheinbaum wants cooperation, not confrontation",
          "She will likely seek cooperation, not confrontation.",
          ["seek cooperation, not confrontation"],
        ),
      ],
    },
    {
      key: "coop-trump-test",
      parent: "coop-willing-partner",
      kind: "claim",
      stance: "con",
      text: "A confrontational Trump White House could test Sheinbaum’s willingness to cooperate",
      citations: [
        cite(
          "Trump could strain Sheinbaum’s resolve",
          "However, a Trump presidency could test this resolve.",
          ["Trump presidency could test this resolve"],
        ),
      ],
    },
    {
      key: "coop-tradition-holds",
      parent: "coop-trump-test",
      kind: "claim",
      stance: "con",
      text: "Sheinbaum inherits a long Mexican tradition of resisting U.S. force, so pressure won’t break her",
      citations: [
        cite(
          "Mexican leaders hold the line",
          "Past Mexican leaders have resisted U.S. military intervention. Sheinbaum is expected to uphold this stance.",
          ["Past Mexican leaders have resisted", "Sheinbaum is expected to uphold this stance"],
        ),
      ],
    },
    {
      key: "coop-root-causes",
      parent: "cooperation",
      kind: "claim",
      stance: "pro",
      text: "Social programs attack the root causes of crime that feed cartel recruitment",
      citations: [
        cite(
          "Sheinbaum targets the root causes of crime",
          "She has emphasized social programs to address root causes of crime.",
          ["social programs", "root causes of crime"],
        ),
      ],
    },
    {
      key: "coop-pressure",
      parent: "coop-root-causes",
      kind: "claim",
      stance: "con",
      text: "Sheinbaum faces immense pressure to balance sovereignty against urgent U.S. security demands",
      citations: [
        cite(
          "Mexico is squeezed by U.S. demands",
          "Her administration will face immense pressure. It must balance national sovereignty with U.S. security demands.",
          ["immense pressure", "balance national sovereignty with U.S. security demands"],
        ),
      ],
    },
    {
      key: "coop-shared-goal",
      parent: "cooperation",
      kind: "claim",
      stance: "pro",
      text: "Both nations share the goal of beating the cartels, so diplomacy has real common ground to build on",
      citations: [
        cite(
          "Diplomacy is essential and the goal is shared",
          "Strong diplomacy and clear communication will be essential. Both nations share the goal of combating cartels.",
          ["Strong diplomacy and clear communication will be essential", "share the goal of combating cartels"],
        ),
      ],
    },
    {
      key: "coop-common-ground",
      parent: "coop-shared-goal",
      kind: "claim",
      stance: "con",
      text: "A shared goal has not yet produced common ground on how to fight the cartels",
      citations: [
        cite(
          "Common ground is still elusive",
          "Finding common ground remains a challenge.",
          ["remains a challenge"],
        ),
      ],
    },
    {
      key: "coop-impunity",
      parent: "cooperation",
      kind: "claim",
      stance: "con",
      text: "Years of extradition and intel sharing have left cartels operating with impunity",
      citations: [
        cite(
          "Cartels still operate with impunity",
          "The cartels often operate with impunity. This makes them difficult to dislodge.",
          ["operate with impunity", "difficult to dislodge"],
        ),
      ],
    },
    {
      key: "coop-both-borders",
      parent: "coop-impunity",
      kind: "claim",
      stance: "con",
      text: "Cartels challenge authorities on both sides of the border, so only a joint effort can match them",
      citations: [
        cite(
          "A cross-border threat needs a cross-border response",
          "Their operations are sophisticated and violent. They challenge both Mexican and U.S. authorities.",
          ["challenge both Mexican and U.S. authorities"],
        ),
      ],
    },
    {
      key: "coop-drugs-still-flow",
      parent: "cooperation",
      kind: "claim",
      stance: "con",
      text: "Mexico has not done enough, and the drugs keep flowing despite cooperation",
      citations: [
        cite(
          "Cooperation hasn’t stopped the flow",
          "They believe Mexico has not done enough. They point to the ongoing flow of drugs.",
          ["Mexico has not done enough", "ongoing flow of drugs"],
        ),
      ],
    },
  ],
};
