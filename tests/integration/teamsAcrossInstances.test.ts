import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/collab/closeCodes";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, signedIn, signedUp, upgradeStatus, waitFor } from "../support/collabClient";
import { logTwoInstancesSkip, twoInstancesEnabled, useTwoInstances } from "../support/twoInstances";

logTwoInstancesSkip("the cross-instance team/deletion test");

const post = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

// The change is made through instance A; the member's socket is on instance B.
describe.skipIf(!twoInstancesEnabled)("team removal and map deletion reach sockets on another instance", () => {
  const cluster = useTwoInstances();

  it("closes with 4509 on removal from the team and 4410 on deletion, on instance B", async () => {
    const { a, b, clients } = cluster;
    const owner = await signedIn(a.url, DEMO_EMAIL, DEMO_PASSWORD);
    const member = await signedUp(a.url, "far@example.com", "far password");
    const teamId = (await (await owner.fetch("/api/teams", post({ name: "Far team" }))).json()).id as string;
    const mapId = (await (await owner.fetch("/api/maps", post({ title: "Far map", question: "Far?", teamId }))).json()).id as string;
    const members = await (await owner.fetch(`/api/teams/${teamId}/members`, post({ email: "far@example.com", role: "editor" }))).json();
    const memberId = members.find((m: { email: string }) => m.email === "far@example.com").userId as string;

    const onB = new CollabClient(b.url, mapId, member.cookieHeader());
    const ownerOnB = new CollabClient(b.url, mapId, owner.cookieHeader());
    clients.push(onB, ownerOnB);
    await Promise.all([onB.whenSynced(), ownerOnB.whenSynced()]);

    expect((await owner.fetch(`/api/teams/${teamId}/members/${memberId}`, { method: "DELETE" })).status).toBe(200);
    await waitFor(() => onB.closeCodes.includes(CloseCode.accessChanged), 5_000, "4509 on instance B");
    expect(await upgradeStatus(b.url, mapId, member.cookieHeader())).toBe(403);

    expect((await owner.fetch(`/api/maps/${mapId}`, { method: "DELETE" })).status).toBe(200);
    await waitFor(() => ownerOnB.closeCodes.includes(CloseCode.mapDeleted), 5_000, "4410 on instance B");
    expect(await upgradeStatus(b.url, mapId, owner.cookieHeader())).toBe(404);
  });
});
