import * as Y from "yjs";
import { addClaim, initMapDoc, setClaimText } from "../lib/argument";
const d = new Y.Doc();
const q = initMapDoc(d, { title: "t", question: "q?", authorId: null });
const base = Y.encodeStateAsUpdate(d);
const sv = Y.encodeStateVector(d);
const id = addClaim(d, { kind: "position", parentId: q, text: "hello world position", authorId: "u" });
setClaimText(d, id, "changed text here");
const upd = Y.encodeStateAsUpdate(d, sv);
let ok = 0, decodeThrow = 0, applyThrow = 0, corrupt = 0, silently = 0;
for (let cut = 1; cut < upd.length; cut++) {
  const t = upd.slice(0, cut);
  try { Y.decodeUpdate(t); } catch { decodeThrow++; continue; }
  const room = new Y.Doc(); Y.applyUpdate(room, base);
  try { Y.applyUpdate(room, t); } catch { applyThrow++; continue; }
  try { const again = new Y.Doc(); Y.applyUpdate(again, Y.encodeStateAsUpdate(room)); silently++; } catch { corrupt++; }
}
console.log({ len: upd.length, decodeThrow, applyThrow, silently, corrupt });
// garbage
let g = { dt: 0, at: 0, ok: 0, corrupt: 0 };
for (let i = 0; i < 2000; i++) {
  const t = new Uint8Array(1 + Math.floor(Math.random() * 60)); for (let j = 0; j < t.length; j++) t[j] = Math.floor(Math.random() * 256);
  try { Y.decodeUpdate(t); } catch { g.dt++; continue; }
  const room = new Y.Doc(); Y.applyUpdate(room, base);
  try { Y.applyUpdate(room, t); } catch { g.at++; continue; }
  try { const again = new Y.Doc(); Y.applyUpdate(again, Y.encodeStateAsUpdate(room)); g.ok++; } catch { g.corrupt++; }
}
console.log(g);
