import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/collab/closeCodes";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, signedUp, waitFor } from "../support/collabClient";
import { shareMap } from "../support/shareMap";

describe("a role change reaches the live socket", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, DEMO_PASSWORD });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("closes the member's socket within a second and reconnects them with the new role", async () => {
    const owner = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(owner);
    const member = await signedUp(server.url, "member@example.com", "member password");
    const share = (role: string) => shareMap(owner, mapId, "member@example.com", role);
    expect((await share("editor")).status).toBe(200);

    const client = new CollabClient(server.url, mapId, member.cookieHeader());
    clients.push(client);
    await client.whenSynced();
    expect(client.sessions.at(-1)).toMatchObject({ role: "editor", readOnly: false });

    const lowered = Date.now();
    expect((await share("viewer")).status).toBe(200);
    await waitFor(() => client.closeCodes.includes(CloseCode.accessChanged), 1000, "the socket to close with 4509");
    expect(Date.now() - lowered).toBeLessThan(1000);

    // The client reconnects by itself and the upgrade re-authorizes it as a viewer.
    await waitFor(() => client.sessions.length >= 2 && client.synced, 10_000, "a re-authorized reconnect");
    expect(client.sessions.at(-1)).toMatchObject({ role: "viewer", readOnly: true });
  });
});
