import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/collab/closeCodes";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";
import {
  CollabClient,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  signedIn,
  signedUp,
  stopServerGracefully,
  upgradeStatus,
  waitFor,
  withDatabase,
} from "../support/collabClient";

logSkipReasonOnce();

// Start-up (migrations, seed) can take well over a minute while other suites load the machine.
const START_TIMEOUT_MS = 180_000;

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: body === undefined ? {} : { "content-type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

async function call(session: HttpSession, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await session.fetch(path, init);
  return { status: res.status, body: await res.json().catch(() => null) };
}

describe.each(DATABASE_KINDS)("teams, invites, roles and the audit log on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: CollabClient[] = [];
  const client = (mapId: string, s: HttpSession) => {
    const c = new CollabClient(server.url, mapId, s.cookieHeader());
    clients.push(c);
    return c;
  };
  let owner: HttpSession;
  let ana: HttpSession;
  let ben: HttpSession;
  let cy: HttpSession;
  let anaId: string;
  let teamId: string;
  let teamMapId: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD }, { timeoutMs: START_TIMEOUT_MS });
    owner = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    [ana, ben, cy] = await Promise.all([
      signedUp(server.url, "ana@example.com", "ana password"),
      signedUp(server.url, "ben@example.com", "ben password"),
      signedUp(server.url, "cy@example.com", "cy password"),
    ]);
  }, 4 * START_TIMEOUT_MS / 3);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("a team role applies to the team's maps and a direct share raises it for one map", async () => {
    const team = await call(owner, "/api/teams", json("POST", { name: "Debate club" }));
    expect(team.status).toBe(201);
    teamId = team.body.id;
    expect((await call(owner, "/api/maps", json("POST", { title: "", question: "Q?" }))).status).toBe(400);
    const created = await call(owner, "/api/maps", json("POST", { title: "Team map", question: "Should we?", teamId }));
    expect(created.status).toBe(201);
    teamMapId = created.body.id;

    const added = await call(owner, `/api/teams/${teamId}/members`, json("POST", { email: "ana@example.com", role: "viewer" }));
    expect(added.status).toBe(200);
    anaId = added.body.find((m: { email: string }) => m.email === "ana@example.com").userId;

    // GET /api/maps keeps its exact shape and lists the team map with the team role.
    const maps = await call(ana, "/api/maps");
    const listed = maps.body.find((m: { id: string }) => m.id === teamMapId);
    expect(listed).toEqual({ id: teamMapId, title: "Team map", role: "viewer", updatedAt: expect.any(String) });
    // A team viewer cannot create maps in the team.
    expect((await call(ana, "/api/maps", json("POST", { title: "x", question: "y", teamId }))).status).toBe(403);

    const c = client(teamMapId, ana);
    await c.whenSynced();
    expect(c.sessions.at(-1)).toMatchObject({ role: "viewer", readOnly: true });
    // The new map has its question and two empty positions.
    const claims = [...(c.doc.getMap("claims") as any).values()].map((m: any) => m.get("kind")).sort();
    expect(claims).toEqual(["position", "position", "question"]);

    // A direct share raises her to editor on this map only; her open socket re-authorizes.
    expect((await call(owner, `/api/maps/${teamMapId}/members`, json("POST", { email: "ana@example.com", role: "editor" }))).status).toBe(200);
    await waitFor(() => c.sessions.length >= 2 && c.synced, 10_000, "re-authorized as editor");
    expect(c.sessions.at(-1)).toMatchObject({ role: "editor", readOnly: false });

    // Raising the team role above the share wins too (max of both).
    const raised = await call(owner, `/api/teams/${teamId}/members/${anaId}`, json("PATCH", { role: "commenter" }));
    expect(raised.status).toBe(200);
    expect((await call(ana, "/api/maps")).body.find((m: { id: string }) => m.id === teamMapId).role).toBe("editor");
    c.destroy();
  });

  it("removing a team member closes their sockets (4509) and the reconnect is refused (403)", async () => {
    const team2 = (await call(owner, "/api/teams", json("POST", { name: "Second team" }))).body.id as string;
    const map2 = (await call(owner, "/api/maps", json("POST", { title: "Second", question: "Q2?", teamId: team2 }))).body.id as string;
    const benId = (await call(owner, `/api/teams/${team2}/members`, json("POST", { email: "ben@example.com", role: "editor" }))).body.find(
      (m: { email: string }) => m.email === "ben@example.com",
    ).userId;
    const c = client(map2, ben);
    await c.whenSynced();
    expect(c.sessions.at(-1)).toMatchObject({ role: "editor" });
    // Only owners remove others; Ben cannot remove the owner, and the last owner cannot leave.
    const ownerId = (await call(owner, `/api/teams/${team2}`)).body.members.find((m: { role: string }) => m.role === "owner").userId;
    expect((await call(ben, `/api/teams/${team2}/members/${ownerId}`, json("DELETE"))).status).toBe(403);
    expect((await call(owner, `/api/teams/${team2}/members/${ownerId}`, json("DELETE"))).status).toBe(400);

    const removed = await call(owner, `/api/teams/${team2}/members/${benId}`, json("DELETE"));
    expect(removed.status).toBe(200);
    await waitFor(() => c.closeCodes.includes(CloseCode.accessChanged), 5_000, "the socket to close with 4509");
    expect(await upgradeStatus(server.url, map2, ben.cookieHeader())).toBe(403);
    expect((await call(ben, `/api/teams/${team2}`)).status).toBe(403);
    c.destroy();

    // Transfer: Cy joins, becomes owner; the old owner becomes editor and may then leave.
    const cyId = (await call(owner, `/api/teams/${team2}/members`, json("POST", { email: "cy@example.com", role: "viewer" }))).body.find(
      (m: { email: string }) => m.email === "cy@example.com",
    ).userId;
    const transferred = await call(owner, `/api/teams/${team2}/transfer`, json("POST", { userId: cyId }));
    expect(transferred.status).toBe(200);
    expect(transferred.body.find((m: { userId: string }) => m.userId === cyId).role).toBe("owner");
    expect(transferred.body.find((m: { userId: string }) => m.userId === ownerId).role).toBe("editor");
    expect((await call(owner, `/api/teams/${team2}/members/${ownerId}`, json("DELETE"))).status).toBe(200);
    expect((await call(cy, `/api/teams/${team2}`)).body.members).toHaveLength(1);
  });

  it("invite links: single use, concurrent accepts, revoked, expired, and never lowering a role", async () => {
    // Only owners create links.
    expect((await call(ana, `/api/maps/${teamMapId}/invites`, json("POST", { role: "viewer" }))).status).toBe(403);
    const single = await call(owner, `/api/maps/${teamMapId}/invites`, json("POST", { role: "commenter", maxUses: 1, expiresInHours: 24 }));
    expect(single.status).toBe(201);
    const token: string = single.body.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(single.body.path).toBe(`/invite/${token}`);
    // The list never shows tokens.
    const listed = await call(owner, `/api/maps/${teamMapId}/invites`);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body[0]).toMatchObject({ role: "commenter", uses: 0, maxUses: 1, status: "active" });

    // Signed out: 401; the invite page offers sign-up and sign-in back to the link.
    expect((await call(new HttpSession(server.url), "/api/invites/accept", json("POST", { token }))).status).toBe(401);
    const page = await (await new HttpSession(server.url).fetch(`/invite/${token}`)).text();
    expect(page).toContain(`/signup?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);

    // Two people race for a single-use link: exactly one gets in.
    const [d1, d2] = await Promise.all([
      signedUp(server.url, "dee@example.com", "dee password"),
      signedUp(server.url, "eve@example.com", "eve password"),
    ]);
    const results = await Promise.all([d1, d2].map((s) => call(s, "/api/invites/accept", json("POST", { token }))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.body).toMatchObject({ joined: true, role: "commenter", mapId: teamMapId, redirectTo: `/maps/${teamMapId}` });
    expect(results.find((r) => r.status === 410)!.body.error).toMatch(/used up/);
    expect((await call(owner, `/api/maps/${teamMapId}/invites`)).body[0]).toMatchObject({ uses: 1, status: "used up" });

    // Ana (editor by direct share) opening a viewer link keeps editor and uses nothing.
    const multi = await call(owner, `/api/maps/${teamMapId}/invites`, json("POST", { role: "viewer" }));
    const kept = await call(ana, "/api/invites/accept", json("POST", { token: multi.body.token }));
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ joined: false, role: "editor" });

    // Revoked links are refused with a clear message.
    expect((await call(owner, `/api/maps/${teamMapId}/invites/${multi.body.invite.id}`, json("DELETE"))).status).toBe(200);
    const revoked = await call(cy, "/api/invites/accept", json("POST", { token: multi.body.token }));
    expect(revoked.status).toBe(410);
    expect(revoked.body.error).toMatch(/revoked/);
    expect((await call(cy, "/api/invites/accept", json("POST", { token: "x".repeat(43) }))).status).toBe(404);

    // A team link makes Cy a member of the team (and so of its maps).
    const teamLink = await call(owner, `/api/teams/${teamId}/invites`, json("POST", { role: "viewer", expiresInHours: 1 }));
    expect(teamLink.status).toBe(201);
    const joined = await call(cy, "/api/invites/accept", json("POST", { token: teamLink.body.token }));
    expect(joined.body).toMatchObject({ joined: true, teamId, redirectTo: `/teams/${teamId}` });
    expect((await call(cy, "/api/maps")).body.some((m: { id: string }) => m.id === teamMapId)).toBe(true);

    // Expiry: move the link's expiry into the past while the server is down, then try it.
    const expiring = await call(owner, `/api/maps/${teamMapId}/invites`, json("POST", { role: "viewer", expiresInHours: 1 }));
    await stopServerGracefully(server);
    await withDatabase(db, (h) => h.prisma.invite.update({ where: { id: expiring.body.invite.id }, data: { expiresAt: new Date(Date.now() - 60_000) } }));
    server = await startServer({ ...db.env, DEMO_PASSWORD }, { port: server.port, timeoutMs: START_TIMEOUT_MS });
    const expired = await call(d1, "/api/invites/accept", json("POST", { token: expiring.body.token }));
    expect(expired.status).toBe(410);
    expect(expired.body.error).toMatch(/expired/);
    expect(await (await new HttpSession(server.url).fetch(`/invite/${expiring.body.token}`)).text()).toContain("This invite link has expired");
  }, 4 * START_TIMEOUT_MS / 3);

  it("the audit log records roles, shares, invites and exports, for owners only", async () => {
    expect((await owner.fetch(`/api/maps/${teamMapId}/brief?side=aff&format=md`)).status).toBe(200);
    const audit = await call(owner, `/api/maps/${teamMapId}/audit`);
    expect(audit.status).toBe(200);
    const actions = audit.body.map((e: { action: string }) => e.action);
    for (const a of ["map.created", "map.shared", "invite.created", "invite.accepted", "invite.revoked", "map.exported"]) expect(actions).toContain(a);
    const share = audit.body.find((e: { action: string }) => e.action === "map.shared");
    expect(share).toMatchObject({ actorName: expect.any(String), targetName: "ana" });
    expect(new Date(share.createdAt).getTime()).toBeGreaterThan(0);
    // Editors and commenters may not read it; nor may strangers.
    expect((await call(ana, `/api/maps/${teamMapId}/audit`)).status).toBe(403);
    expect((await call(ben, `/api/maps/${teamMapId}/audit`)).status).toBe(403);

    const teamAudit = await call(owner, `/api/teams/${teamId}/audit`);
    expect(teamAudit.status).toBe(200);
    expect(teamAudit.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["team.created", "team.member-added", "team.role-changed", "invite.accepted"]));
    expect((await call(cy, `/api/teams/${teamId}/audit`)).status).toBe(403);
  });

  it("deleting a map closes its sockets with 4410 on the instance and drops it (owner only)", async () => {
    const c = client(teamMapId, ana);
    await c.whenSynced();
    expect((await call(ana, `/api/maps/${teamMapId}`, json("DELETE"))).status).toBe(403);
    expect((await call(owner, `/api/maps/${teamMapId}`, json("DELETE"))).status).toBe(200);
    await waitFor(() => c.closeCodes.includes(CloseCode.mapDeleted), 5_000, "the socket to close with 4410");
    expect(await upgradeStatus(server.url, teamMapId, ana.cookieHeader())).toBe(404);
    expect((await call(ana, "/api/maps")).body.some((m: { id: string }) => m.id === teamMapId)).toBe(false);
    // The audit entry outlives the map (read straight from the team's log).
    expect((await call(owner, `/api/teams/${teamId}/audit`)).body.map((e: { action: string }) => e.action)).toContain("map.deleted");
  });

  it("changes the profile and the password (the current one is required)", async () => {
    const profile = await call(ben, "/api/profile", json("PATCH", { name: "Ben B", color: "#12AB34" }));
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ name: "Ben B", color: "#12ab34", hasPassword: true });
    expect((await call(ben, "/api/profile", json("PATCH", { color: "red" }))).status).toBe(400);

    expect((await call(ben, "/api/profile/password", json("POST", { currentPassword: "wrong one", newPassword: "new ben password" }))).status).toBe(403);
    expect((await call(ben, "/api/profile/password", json("POST", { currentPassword: "ben password", newPassword: "short" }))).status).toBe(400);
    expect((await call(ben, "/api/profile/password", json("POST", { currentPassword: "ben password", newPassword: "new ben password" }))).status).toBe(200);
    expect(await new HttpSession(server.url).signIn("ben@example.com", "ben password")).toBe(false);
    expect(await new HttpSession(server.url).signIn("ben@example.com", "new ben password")).toBe(true);
    expect((await call(new HttpSession(server.url), "/api/profile/password", json("POST", { currentPassword: "x", newPassword: "yyyyyyyy" }))).status).toBe(401);
  });
});
