import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/collab/closeCodes";
import { HttpSession } from "../support/httpSession";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, sleep, upgradeStatus, waitFor } from "../support/collabClient";
import { shareMap } from "../support/shareMap";
import { logTwoInstancesSkip, twoInstancesEnabled, useTwoInstances } from "../support/twoInstances";

// The owner changes access through instance A; the member's socket lives on instance B. The
// access-changed event crosses the Redis bus, so B must close that socket within a second.

logTwoInstancesSkip("the cross-instance revocation test");

describe.skipIf(!twoInstancesEnabled)("access revocation across two instances", () => {
  const cluster = useTwoInstances();

  it("closes the member's socket on the other instance within a second of a role change, then of removal", async () => {
    const { a, b, clients } = cluster;
    const owner = await signedIn(a.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(owner);
    const member = new HttpSession(a.url);
    const signUp = await member.signUp("member@example.com", "member password");
    expect(signUp.status).toBe(201);
    const { userId } = (await signUp.json()) as { userId: string };
    expect(await member.signIn("member@example.com", "member password")).toBe(true);

    const share = (role: string) => shareMap(owner, mapId, "member@example.com", role);
    expect((await share("editor")).status).toBe(200);

    // The same session cookie works on B (shared NEXTAUTH_SECRET), as behind a load balancer.
    const client = new CollabClient(b.url, mapId, member.cookieHeader());
    clients.push(client);
    await client.whenSynced();
    expect(client.sessions.at(-1)).toMatchObject({ role: "editor", readOnly: false });

    // Lowered to viewer on A: B closes the socket with 4509, the client reconnects as a viewer.
    let started = Date.now();
    expect((await share("viewer")).status).toBe(200);
    await waitFor(() => client.closeCodes.includes(CloseCode.accessChanged), 1000, "B to close the socket with 4509 after the role change");
    const roleChangeMs = Date.now() - started;
    await waitFor(() => client.sessions.length >= 2 && client.synced, 10_000, "a re-authorized reconnect to B");
    expect(client.sessions.at(-1)).toMatchObject({ role: "viewer", readOnly: true });

    // Removed on A: B closes the socket again, and no instance lets the client back in.
    const closesBefore = client.closeCodes.length;
    started = Date.now();
    const removed = await owner.fetch(`/api/maps/${mapId}/members/${userId}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    await waitFor(() => client.closeCodes.length > closesBefore, 1000, "B to close the socket after the removal");
    const removalMs = Date.now() - started;
    expect(client.closeCodes[closesBefore]).toBe(CloseCode.accessChanged);
    expect(await upgradeStatus(b.url, mapId, member.cookieHeader())).toBe(403);
    expect(await upgradeStatus(a.url, mapId, member.cookieHeader())).toBe(403);
    // The provider keeps retrying (4509 is transient) but never gets a session again.
    await sleep(1_500);
    expect(client.sessions).toHaveLength(2);
    expect(client.synced).toBe(false);
    console.log(`accessRevocationScaleOut: role change closed B's socket in ${roleChangeMs} ms, removal in ${removalMs} ms`);
  });

  it("a password change on A revokes the session on B at once: HTTP, upgrade, and B's open socket", async () => {
    const { a, b, clients } = cluster;
    const user = new HttpSession(a.url);
    expect((await user.signUp("mover@example.com", "mover password")).status).toBe(201);
    expect(await user.signIn("mover@example.com", "mover password")).toBe(true);
    const cookie = user.cookieHeader();
    const mapId = await firstMapId(user);
    const client = new CollabClient(b.url, mapId, cookie);
    clients.push(client);
    await client.whenSynced();
    expect((await fetch(`${b.url}/api/profile`, { headers: { cookie } })).status).toBe(200);

    const started = Date.now();
    const changed = await user.fetch("/api/profile/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: "mover password", newPassword: "moved password" }),
    });
    expect(changed.status).toBe(200);
    // No cache on either instance: the very next request on B is refused.
    expect((await fetch(`${b.url}/api/profile`, { headers: { cookie } })).status).toBe(401);
    expect(await upgradeStatus(b.url, mapId, cookie)).toBe(401);
    await waitFor(() => client.closeCodes.includes(CloseCode.accessChanged), 1000, "B to close the revoked session's socket");
    console.log(`accessRevocationScaleOut: password change closed B's socket in ${Date.now() - started} ms`);
  });
});
