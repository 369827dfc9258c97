import type * as Y from "yjs";
import { buildMapTree, type TreeNode } from "./mapTree";
import { claimBodyFragment, claimBodyJSON, claimPlainText, type RichNode } from "./claimBody";
import { readCitations, readMeta, type CitationData, type ClaimKind, type Stance } from "./claimSchema";

export interface OutlineNode {
  id: string;
  kind: ClaimKind;
  stance: Stance | null;
  text: string;
  body: RichNode | null;
  citations: CitationData[];
  children: OutlineNode[];
}

export interface MapOutline {
  title: string;
  question: string;
  root: OutlineNode | null;
  /** Claims whose parent is gone or that a concurrent move cut off: shown, never lost. */
  detached: OutlineNode[];
  claimCount: number;
  citationCount: number;
}

/** A plain, serialisable view of the map for server rendering (no Yjs types inside). */
export function mapOutline(doc: Y.Doc): MapOutline {
  const tree = buildMapTree(doc);
  const citations = readCitations(doc);
  const byClaim = new Map<string, CitationData[]>();
  for (const c of citations) {
    const list = byClaim.get(c.claimId) ?? [];
    list.push(c);
    byClaim.set(c.claimId, list);
  }
  for (const list of byClaim.values()) list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const toNode = (node: TreeNode): OutlineNode => {
    const fragment = claimBodyFragment(doc, node.claim.id);
    return {
      id: node.claim.id,
      kind: node.claim.kind,
      stance: node.claim.stance,
      text: fragment ? claimPlainText(fragment) : "",
      body: fragment ? claimBodyJSON(fragment) : null,
      citations: byClaim.get(node.claim.id) ?? [],
      children: node.children.map(toNode),
    };
  };
  const meta = readMeta(doc);
  return {
    title: meta.title,
    question: meta.question,
    root: tree.root ? toNode(tree.root) : null,
    detached: tree.detached.map(toNode),
    claimCount: tree.byId.size,
    citationCount: citations.length,
  };
}
