import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, buildMapTree, claimBodyFragment, claimPlainText, setClaimText } from "../../lib/argument";
import { CloseCode } from "../../lib/collab/closeCodes";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, waitFor } from "../support/collabClient";

// A map bigger than the per-socket send-buffer limit must still open: the limit bounds a slow
// client's backlog, not the size of the first sync.
describe("a map larger than the send-buffer limit", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, DEMO_PASSWORD, COLLAB_MAX_BUFFERED_BYTES: String(64 * 1024) });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("syncs to a fresh client without closing it as slow", async () => {
    const session = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(session);
    const writer = new CollabClient(server.url, mapId, session.cookieHeader());
    clients.push(writer);
    await writer.whenSynced();
    const root = buildMapTree(writer.doc).root!;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = addClaim(writer.doc, { kind: "claim", stance: "pro", parentId: root.children[0].claim.id, authorId: null });
      setClaimText(writer.doc, id, `claim ${i} `.padEnd(100_000, "x"));
      ids.push(id);
    }
    const reader = new CollabClient(server.url, mapId, session.cookieHeader());
    clients.push(reader);
    await waitFor(() => ids.every((id) => reader.doc.getMap("claims").has(id)), 20_000, "the big doc to arrive");
    await reader.whenSynced();
    expect(claimPlainText(claimBodyFragment(reader.doc, ids[5])!).length).toBe(100_000);
    expect(reader.closeCodes).not.toContain(CloseCode.slowClient);
  });
});
