import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMapTree, moveClaim, readAllClaims } from "../../lib/argument";
import { claimBodyFragment, claimPlainText } from "../../lib/argument/claimBody";
import { AFFIRMATIVE_KEY } from "../../lib/argument/debateSides";
import { metaMap } from "../../lib/argument/claimSchema";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";
import * as decoding from "lib0/decoding";
import { MessageType } from "../../lib/collab/messageTypes";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, signedUp, waitFor } from "../support/collabClient";

logSkipReasonOnce();

interface Summary {
  claimId: string;
  mean: number;
  count: number;
  mine: number | null;
}

describe.each(DATABASE_KINDS)("claim ratings on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let owner: HttpSession;
  let commenter: HttpSession;
  let viewer: HttpSession;
  let outsider: HttpSession;
  let mapId: string;
  let client: CollabClient;
  /** Claim text → id, read from the live doc. */
  const ids = new Map<string, string>();
  let questionId = "";
  let negPositionId = "";
  const appEvents: { type: string; claimId?: string }[] = [];

  const put = (session: HttpSession, body: unknown, init: RequestInit = {}) =>
    session.fetch(`/api/maps/${mapId}/ratings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...init });
  const list = async (session: HttpSession) => ((await (await session.fetch(`/api/maps/${mapId}/ratings`)).json()) as { ratings: Summary[] }).ratings;
  const idOf = (prefix: string) => [...ids].find(([text]) => text.startsWith(prefix))![1];

  beforeAll(async () => {
    db = await freshDatabase(kind);
    // A generous start-up wait: this machine is shared with other test runs.
    server = await startServer({ ...db.env, DEMO_PASSWORD }, { timeoutMs: 110_000 });
    owner = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    mapId = await firstMapId(owner);
    commenter = await signedUp(server.url, "commenter@example.com", "commenter password");
    viewer = await signedUp(server.url, "viewer@example.com", "viewer password");
    outsider = await signedUp(server.url, "outsider@example.com", "outsider password");
    for (const [email, role] of [["commenter@example.com", "commenter"], ["viewer@example.com", "viewer"]]) {
      const res = await owner.fetch(`/api/maps/${mapId}/members`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, role }) });
      expect(res.status).toBe(200);
    }
    client = new CollabClient(server.url, mapId, owner.cookieHeader());
    // App events (102) carry a JSON string; collect them instead of letting y-websocket complain.
    client.provider.messageHandlers[MessageType.appEvent] = (_encoder, decoder) => {
      appEvents.push(JSON.parse(decoding.readVarString(decoder)) as { type: string; claimId?: string });
    };
    await client.whenSynced();
    for (const c of readAllClaims(client.doc)) {
      const fragment = claimBodyFragment(client.doc, c.id);
      ids.set(fragment ? claimPlainText(fragment).trim() : "", c.id);
      if (c.kind === "question") questionId = c.id;
    }
    const positions = buildMapTree(client.doc).root!.children.map((n) => n.claim.id);
    negPositionId = positions[1];
  });
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("answers each role as it should", async () => {
    const fto = idOf("An FTO designation");
    const anonymous = new HttpSession(server.url);
    expect((await anonymous.fetch(`/api/maps/${mapId}/ratings`)).status).toBe(401);
    expect((await put(anonymous, { claimId: fto, value: 3 })).status).toBe(401);
    expect((await outsider.fetch(`/api/maps/${mapId}/ratings`)).status).toBe(403);
    expect((await put(outsider, { claimId: fto, value: 3 })).status).toBe(403);
    expect((await owner.fetch(`/api/maps/no-such-map/ratings`)).status).toBe(404);

    expect((await viewer.fetch(`/api/maps/${mapId}/ratings`)).status).toBe(200);
    const refused = await put(viewer, { claimId: fto, value: 3 });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/viewer/);

    const rated = await put(commenter, { claimId: fto, value: 4 });
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as { ratings: Summary[] }).ratings).toEqual([{ claimId: fto, mean: 4, count: 1, mine: 4 }]);
    // Open clients hear about it (and refetch).
    await waitFor(() => appEvents.some((e) => e.type === "ratings-changed" && e.claimId === fto), 5000, "a ratings-changed event");
    expect((await put(owner, { claimId: fto, value: 2 })).status).toBe(200);
    // Each member sees the shared mean and their own vote.
    expect(await list(owner)).toEqual([{ claimId: fto, mean: 3, count: 2, mine: 2 }]);
    expect(await list(commenter)).toEqual([{ claimId: fto, mean: 3, count: 2, mine: 4 }]);
    expect(await list(viewer)).toEqual([{ claimId: fto, mean: 3, count: 2, mine: null }]);
    // Re-rating replaces my vote; null clears it.
    expect((await put(owner, { claimId: fto, value: 4 })).status).toBe(200);
    expect(await list(owner)).toEqual([{ claimId: fto, mean: 4, count: 2, mine: 4 }]);
  });

  it("rejects bad input with 400 and a clear message", async () => {
    const fto = idOf("An FTO designation");
    const cases: [unknown, RegExp][] = [
      [{ claimId: fto, value: 5 }, /0 to 4/],
      [{ claimId: fto, value: -1 }, /0 to 4/],
      [{ claimId: fto, value: 2.5 }, /whole number/],
      [{ claimId: fto, value: "3" }, /0 to 4/],
      [{ claimId: fto }, /0 to 4/],
      [{ claimId: "no-such-claim", value: 3 }, /no claim with that id/],
      [{ claimId: questionId, value: 3 }, /question is not rated/],
    ];
    for (const [body, message] of cases) {
      const res = await put(commenter, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    const notJson = await commenter.fetch(`/api/maps/${mapId}/ratings`, { method: "PUT", headers: { "content-type": "text/plain" }, body: "value=3" });
    expect(notJson.status).toBe(400);
    const crossSite = await put(commenter, { claimId: fto, value: 1 }, { headers: { "content-type": "application/json", origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    // None of these changed anything.
    expect(await list(commenter)).toEqual([{ claimId: fto, mean: 4, count: 2, mine: 4 }]);
  });

  it("orders the exported brief by the stored ratings, and the rating follows a moved claim", async () => {
    // Unrated, the FTO contention ranks last (it has a con under it); rated 4 by both it leads.
    const response = await owner.fetch(`/api/maps/${mapId}/brief?side=aff&format=md`);
    const md = await response.text();
    expect(md).toMatch(/### Contention 1: An FTO designation/);
    // The size for the page's download progress (Next drops a handler's own Content-Length).
    expect(Number(response.headers.get("x-content-length"))).toBe(Buffer.byteLength(md));
    const docx = await owner.fetch(`/api/maps/${mapId}/brief?side=aff&format=docx`);
    expect(Number(docx.headers.get("x-content-length"))).toBe((await docx.arrayBuffer()).byteLength);
    expect(md).toContain("strength 81%");

    // Cleared, it drops back to last place.
    expect((await put(owner, { claimId: idOf("An FTO designation"), value: null })).status).toBe(200);
    expect((await put(commenter, { claimId: idOf("An FTO designation"), value: null })).status).toBe(200);
    expect(await list(owner)).toEqual([]);
    const unrated = await (await owner.fetch(`/api/maps/${mapId}/brief?side=aff&format=md`)).text();
    expect(unrated).not.toMatch(/### Contention 1: An FTO designation/);
    expect(unrated).toMatch(/### Contention 4: An FTO designation/);

    // Rate an unanswered neg attack 4 and move it (a live Yjs edit) under the negative position
    // as a con: in the affirmative brief it becomes an off-case attack, and the rating (keyed
    // by claim id) still makes it the strongest one there.
    const backfire = idOf("Military strikes risk backfiring");
    expect((await put(commenter, { claimId: backfire, value: 4 })).status).toBe(200);
    moveClaim(client.doc, backfire, negPositionId, 0);
    let moved = "";
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      moved = await (await owner.fetch(`/api/maps/${mapId}/brief?side=aff&format=md`)).text();
      if (/### Off 1\. Military strikes risk backfiring/.test(moved)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(moved).toMatch(/### Off 1\. Military strikes risk backfiring/);
    expect(await list(commenter)).toEqual([{ claimId: backfire, mean: 4, count: 1, mine: 4 }]);
  });

  it("stores the swapped sides in the doc, and the brief route follows them", async () => {
    const before = (await (await owner.fetch(`/api/maps/${mapId}/sides`)).json()) as { aff: { id: string; text: string }; neg: { id: string } };
    expect(before.aff.text).toMatch(/^Direct intervention/);
    metaMap(client.doc).set(AFFIRMATIVE_KEY, before.neg.id);
    let md = "";
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      md = await (await viewer.fetch(`/api/maps/${mapId}/brief?side=aff&format=md`)).text();
      if (md.startsWith("# Affirmative: Cooperation")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(md.startsWith("# Affirmative: Cooperation")).toBe(true);
    expect((await (await viewer.fetch(`/api/maps/${mapId}/brief?side=neg&format=md`)).text()).startsWith("# Negative: Direct intervention")).toBe(true);
    expect(((await (await viewer.fetch(`/api/maps/${mapId}/sides`)).json()) as { aff: { id: string } }).aff.id).toBe(before.neg.id);
    expect((await outsider.fetch(`/api/maps/${mapId}/sides`)).status).toBe(403);
  });
});
