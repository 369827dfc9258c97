import { childrenByParent, type DraftClaim, type MapDraft } from "./mapDraft";

/**
 * The map in Kialo's export layout. One position is the discussion's thesis "1."; with two
 * or more, "1." holds the question and each position is a thesis "1.n." (Kialo's
 * multi-thesis layout). A cross-link is written where Kialo writes a linked claim: a
 * "-> See <number>." child of the claim it supports or attacks.
 */
export function exportKialo(draft: MapDraft): string {
  const children = childrenByParent(draft);
  const positions = children.get(null) ?? [];
  const oneLine = (text: string) => text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim()).filter(Boolean).join("\n") || "(empty)";
  const out: string[] = [`Discussion Title: ${draft.title.replace(/\s+/g, " ").trim() || draft.question}`, ""];
  const numbers = new Map<string, string>();
  const rows: { number: string; claim: DraftClaim | null; text?: string; linksOnly?: boolean }[] = [];
  const number = (claim: DraftClaim, n: string) => {
    numbers.set(claim.key, n);
    rows.push({ number: n, claim });
    (children.get(claim.key) ?? []).forEach((child, i) => number(child, `${n}.${i + 1}`));
    // Linked claims come after the real children, numbered on from them.
    rows.push({ number: n, claim, linksOnly: true });
  };
  if (positions.length === 1) number(positions[0], "1");
  else {
    rows.push({ number: "1", claim: null, text: draft.question });
    positions.forEach((p, i) => number(p, `1.${i + 1}`));
  }
  const linkRows = new Map<string, { stance: string; to: string }[]>();
  for (const link of draft.links) {
    if (!numbers.has(link.fromKey) || !numbers.has(link.toKey)) continue;
    linkRows.set(link.toKey, [...(linkRows.get(link.toKey) ?? []), { stance: link.stance, to: numbers.get(link.fromKey)! }]);
  }
  for (const row of rows) {
    const c = row.claim;
    if (c && row.linksOnly) {
      const extra = linkRows.get(c.key) ?? [];
      const base = (children.get(c.key) ?? []).length;
      extra.forEach((l, i) => out.push(`${row.number}.${base + i + 1}. ${l.stance === "con" ? "Con" : "Pro"}: -> See ${l.to}.`));
      continue;
    }
    const label = c === null ? "" : c.kind === "position" ? (positions.length === 1 ? "" : "Thesis: ") : c.stance === "con" ? "Con: " : "Pro: ";
    out.push(`${row.number}. ${label}${oneLine(c ? c.text : (row.text ?? ""))}`);
  }
  return out.join("\n") + "\n";
}
