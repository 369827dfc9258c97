import { aifSchema, unwrapAif, type AifNode } from "./aifSchema";
import { InterchangeError } from "./interchangeError";
import type { DraftClaim, DraftLink, DraftStance, MapDraft } from "./mapDraft";

const DEFAULT_SCHEMES = new Set(["default inference", "default conflict", "default rephrase", "default preference", ""]);
const IGNORED_TYPES: Record<string, string> = { L: "locution", TA: "transition", YA: "illocution", PA: "preference", MA: "rephrase" };

interface Relation {
  from: string;
  to: string;
  stance: DraftStance;
  scheme: string | null;
}

/** The first cycle among the inferences (premise → conclusion), as a node path, or null. */
function inferenceCycle(relations: readonly Relation[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const r of relations) next.set(r.from, [...(next.get(r.from) ?? []), r.to]);
  const state = new Map<string, "open" | "done">();
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    // Iterative DFS: an AIF corpus file can chain thousands of inferences.
    const path: string[] = [];
    const stack: { node: string; i: number }[] = [{ node: start, i: 0 }];
    state.set(start, "open");
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const outs = next.get(top.node) ?? [];
      if (top.i < outs.length) {
        const n = outs[top.i++];
        if (state.get(n) === "open") return [...path.slice(path.indexOf(n)), n];
        if (!state.has(n)) {
          state.set(n, "open");
          path.push(n);
          stack.push({ node: n, i: 0 });
        }
      } else {
        state.set(top.node, "done");
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * AIF JSON → draft. I-nodes become claims; each RA (inference) makes its premises pro its
 * conclusion and each CA (conflict) makes its conflicting node con the conflicted one, the
 * scheme name kept as a tag. Locutions, transitions, illocutions, preferences and
 * rephrases are not arguments and are counted in the report. Every I-node takes its first
 * relation as its parent; the other relations become cross-links; I-nodes that conclude
 * nothing are positions.
 */
export function importAif(json: unknown): { draft: MapDraft; skipped: string[] } {
  const parsed = aifSchema.safeParse(unwrapAif(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InterchangeError(`The AIF file is not valid: ${issue.path.join(".") || "the document"} — ${issue.message}.`);
  }
  const aif = parsed.data;
  const nodes = new Map<string, AifNode>();
  for (const node of aif.nodes) {
    if (nodes.has(node.nodeID)) throw new InterchangeError(`AIF node ${node.nodeID} is defined twice.`);
    nodes.set(node.nodeID, node);
  }
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const edge of aif.edges) {
    for (const end of [edge.fromID, edge.toID]) if (!nodes.has(end)) throw new InterchangeError(`AIF edge ${edge.edgeID ?? `${edge.fromID}→${edge.toID}`} points at node ${end}, which the file does not have.`);
    const from = nodes.get(edge.fromID)!;
    const to = nodes.get(edge.toID)!;
    if (from.type === "I" && to.type === "I") throw new InterchangeError(`AIF edge ${edge.edgeID ?? ""} joins two I-nodes (${from.nodeID} → ${to.nodeID}); AIF joins them through an RA or CA node.`.replace("  ", " "));
    outgoing.set(edge.fromID, [...(outgoing.get(edge.fromID) ?? []), edge.toID]);
    incoming.set(edge.toID, [...(incoming.get(edge.toID) ?? []), edge.fromID]);
  }

  const skippedCounts = new Map<string, number>();
  const relations: Relation[] = [];
  for (const node of nodes.values()) {
    if (node.type === "I") continue;
    if (node.type !== "RA" && node.type !== "CA") {
      const what = IGNORED_TYPES[node.type] ?? `${node.type}-node`;
      skippedCounts.set(what, (skippedCounts.get(what) ?? 0) + 1);
      continue;
    }
    const premises = (incoming.get(node.nodeID) ?? []).filter((n) => nodes.get(n)!.type === "I");
    const conclusions = (outgoing.get(node.nodeID) ?? []).filter((n) => nodes.get(n)!.type === "I");
    if (conclusions.length !== 1 || premises.length === 0) {
      const what = node.type === "RA" ? "inference" : "conflict";
      // An RA/CA aimed at another S-node (an undercut) or missing an end has no claim to claim place.
      skippedCounts.set(`${what} without one I-node conclusion and an I-node premise`, (skippedCounts.get(`${what} without one I-node conclusion and an I-node premise`) ?? 0) + 1);
      continue;
    }
    const scheme = (node.scheme ?? node.text ?? "").trim();
    for (const premise of premises) {
      if (premise === conclusions[0]) throw new InterchangeError(`AIF node ${node.nodeID} makes I-node ${premise} its own premise and conclusion.`);
      relations.push({ from: premise, to: conclusions[0], stance: node.type === "RA" ? "pro" : "con", scheme: DEFAULT_SCHEMES.has(scheme.toLowerCase()) ? null : scheme });
    }
  }

  const iNodes = [...nodes.values()].filter((n) => n.type === "I");
  if (iNodes.length === 0) throw new InterchangeError("The AIF file has no I-nodes (claims) to import.");
  const parent = new Map<string, Relation>();
  const isAncestor = (maybe: string, of: string) => {
    for (let p: string | undefined = of; p !== undefined; p = parent.get(p)?.to) if (p === maybe) return true;
    return false;
  };
  for (const r of relations) if (!parent.has(r.from) && !isAncestor(r.from, r.to)) parent.set(r.from, r);
  // Conflicts may run both ways (a rebuttal answered by a rebuttal); inferences may not: a
  // premise that ends up supporting itself is circular, and has no place in a tree.
  const cycle = inferenceCycle(relations.filter((r) => r.stance === "pro"));
  if (cycle) throw new InterchangeError(`The AIF graph is cyclic: the inferences run in a circle (I-nodes ${cycle.join(" → ")}).`);

  const children = new Map<string | null, string[]>();
  for (const n of iNodes) {
    const p = parent.get(n.nodeID)?.to ?? null;
    children.set(p, [...(children.get(p) ?? []), n.nodeID]);
  }
  const claims: DraftClaim[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const key = stack.pop()!;
    const node = nodes.get(key)!;
    const r = parent.get(key);
    claims.push({
      key,
      kind: r ? "claim" : "position",
      parentKey: r?.to ?? null,
      stance: r?.stance ?? null,
      text: node.text.replace(/\s+/g, " ").trim(),
      ...(r?.scheme ? { tags: [r.scheme] } : {}),
    });
    stack.push(...[...(children.get(key) ?? [])].reverse());
  }
  const links: DraftLink[] = relations.filter((r) => parent.get(r.from) !== r).map((r) => ({ fromKey: r.from, toKey: r.to, stance: r.stance }));
  const skipped = [...skippedCounts.entries()].map(([what, n]) => plural(n, what));
  const question = aif.claimboard?.question?.trim() || "Imported AIF map";
  return { draft: { title: aif.claimboard?.title?.trim() || question, question, claims, links, sources: [], citations: [] }, skipped };
}
