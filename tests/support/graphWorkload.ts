import * as Y from "yjs";
import { addClaim, buildMapTree, claimBodyFragment, claimPlainText, initMapDoc, readCitations } from "../../lib/argument";
import { graphElements, type GraphElements } from "../../lib/argument/graphLayout";

// Shared by the graph layout tests (correctness) and the bench (how long a layout takes).

/** The graph view's elements for a map, with the same text and citation lookups the view uses. */
export function elementsOf(doc: Y.Doc): GraphElements {
  const counts = new Map<string, number>();
  for (const c of readCitations(doc)) counts.set(c.claimId, (counts.get(c.claimId) ?? 0) + 1);
  const textOf = (id: string) => {
    const fragment = claimBodyFragment(doc, id);
    return fragment ? claimPlainText(fragment) : "";
  };
  return graphElements(buildMapTree(doc), textOf, (id) => counts.get(id) ?? 0);
}

/** A question, 5 positions, then pro/con claims attached breadth-first, ~3 per parent. */
export function bigMapDoc(claims: number): Y.Doc {
  const doc = new Y.Doc();
  const q = initMapDoc(doc, { title: "Big", question: "Big question?", questionId: "q", authorId: "u" });
  const parents: string[] = [];
  for (let i = 0; i < 5; i++) {
    parents.push(addClaim(doc, { kind: "position", parentId: q, id: `p${i}`, text: `Position ${i}`, authorId: "u" }));
  }
  for (let i = 0; i < claims; i++) {
    const parentId = parents[Math.floor(i / 3)];
    const text = `Claim ${i} ` + "lorem ipsum dolor sit amet ".repeat(i % 6);
    parents.push(
      addClaim(doc, { kind: "claim", stance: i % 3 === 1 ? "con" : "pro", parentId, id: `c${i}`, text, authorId: "u" }),
    );
  }
  return doc;
}
