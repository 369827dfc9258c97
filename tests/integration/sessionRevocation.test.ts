import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/collab/closeCodes";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, firstMapId, signedIn, signedUp, upgradeStatus, waitFor } from "../support/collabClient";

logSkipReasonOnce();

// Sessions are 30-day JWTs: without a server-side version a copied cookie kept working after
// the password changed or the user signed out everywhere.
describe.each(DATABASE_KINDS)("session revocation on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("refuses a cookie from before a password change on HTTP and on the socket, and closes its open sockets", async () => {
    const session = await signedUp(server.url, "pw@example.com", "first password");
    const oldCookie = session.cookieHeader();
    const mapId = await firstMapId(session);
    const client = new CollabClient(server.url, mapId, oldCookie);
    clients.push(client);
    await client.whenSynced();

    const changed = await session.fetch("/api/profile/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: "first password", newPassword: "second password" }),
    });
    expect(changed.status).toBe(200);

    expect((await fetch(`${server.url}/api/profile`, { headers: { cookie: oldCookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/maps`, { headers: { cookie: oldCookie } })).status).toBe(401);
    expect(await upgradeStatus(server.url, mapId, oldCookie)).toBe(401);
    await waitFor(() => client.closeCodes.includes(CloseCode.accessChanged), 5000, "the open socket to close");

    // The new password signs in again, with a cookie that works.
    const again = await signedIn(server.url, "pw@example.com", "second password");
    expect((await again.fetch("/api/profile")).status).toBe(200);
    expect(await upgradeStatus(server.url, mapId, again.cookieHeader())).toBe(101);
  });

  it("signs every session of the user out, and no one else's", async () => {
    await signedUp(server.url, "everywhere@example.com", "some password");
    const laptop = await signedIn(server.url, "everywhere@example.com", "some password");
    const phone = await signedIn(server.url, "everywhere@example.com", "some password");
    const other = await signedUp(server.url, "bystander@example.com", "other password");
    const mapId = await firstMapId(phone);

    // Validated and origin-checked like every mutation.
    const foreign = await laptop.fetch("/api/profile/sessions", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: "{}",
    });
    expect(foreign.status).toBe(403);
    const bad = await laptop.fetch("/api/profile/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ everything: 1 }) });
    expect(bad.status).toBe(400);
    expect((await phone.fetch("/api/profile")).status).toBe(200);

    const res = await laptop.fetch("/api/profile/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(200);
    expect((await phone.fetch("/api/profile")).status).toBe(401);
    expect((await laptop.fetch("/api/profile")).status).toBe(401);
    expect(await upgradeStatus(server.url, mapId, phone.cookieHeader())).toBe(401);
    expect((await other.fetch("/api/profile")).status).toBe(200);
    expect((await (await signedIn(server.url, "everywhere@example.com", "some password")).fetch("/api/profile")).status).toBe(200);
  });
});
