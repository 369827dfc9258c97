import * as Y from "yjs";
import { readCitations, readLinks, readMeta, type CitationData, type ClaimData, type LinkData, type MapMeta } from "./claimSchema";
import { claimBodyFragment, claimPlainText } from "./claimBody";
import { buildMapTree, type TreeNode } from "./mapTree";

export interface ClaimRow extends ClaimData {
  text: string;
  /** The parent the tree shows after repair; null for the root and detached roots. */
  treeParentId: string | null;
  detached: boolean;
  depth: number;
}

export interface MapProjection {
  meta: MapMeta;
  /** In tree pre-order: root subtree, then detached subtrees; parents before children. */
  claims: ClaimRow[];
  /** Only citations of claims in `claims`. */
  citations: CitationData[];
  links: LinkData[];
}

/** The relational view of a map document, for the Prisma projection and search. */
export function projectMap(doc: Y.Doc): MapProjection {
  const tree = buildMapTree(doc);
  const claims: ClaimRow[] = [];
  const visit = (roots: TreeNode[], isDetached: boolean) => {
    const stack = [...roots].reverse().map((node) => ({ node, parent: null as string | null }));
    while (stack.length > 0) {
      const { node, parent } = stack.pop()!;
      const fragment = claimBodyFragment(doc, node.claim.id);
      claims.push({
        ...node.claim,
        text: fragment ? claimPlainText(fragment) : "",
        treeParentId: parent,
        detached: isDetached,
        depth: node.depth,
      });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], parent: node.claim.id });
    }
  };
  if (tree.root) visit([tree.root], false);
  visit(tree.detached, true);
  return {
    meta: readMeta(doc),
    claims,
    citations: readCitations(doc).filter((c) => tree.byId.has(c.claimId)),
    links: readLinks(doc),
  };
}
