import * as Y from "yjs";
import { addClaim, initMapDoc } from "./mapOperations";
import { projectMap, type MapProjection } from "./mapProjection";

/**
 * The starting document of a new map: its question and two empty positions to fill in (a
 * debate has two sides), as a Yjs update plus the projection the database stores with it.
 */
export function buildNewMapState(input: { title: string; question: string; authorId: string }): { state: Uint8Array; projection: MapProjection } {
  const doc = new Y.Doc();
  try {
    const questionId = initMapDoc(doc, { title: input.title, question: input.question, authorId: input.authorId });
    for (let i = 0; i < 2; i++) addClaim(doc, { kind: "position", parentId: questionId, text: "", authorId: input.authorId });
    return { state: Y.encodeStateAsUpdate(doc), projection: projectMap(doc) };
  } finally {
    doc.destroy();
  }
}
