import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import { MessageType } from "../../lib/collab/messageTypes";
import { readAllClaims, readCitations } from "../../lib/argument/claimSchema";
import { describeRange } from "../../lib/citations/textSelectors";
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, signedUp, waitFor } from "../support/collabClient";
import { HttpSession } from "../support/httpSession";

// The comment handlers against a real server: every handler for every role, bad input, the
// inbox, and the live push of 102 app events to real y-websocket clients.

interface Thread {
  id: string;
  target: string;
  resolvedAt: string | null;
  comments: { id: string; authorId: string | null; body: string; deleted: boolean; editedAt: string | null }[];
}

/** A CollabClient that records the app events (type 102) its socket receives. */
class EventClient extends CollabClient {
  readonly events: { type: string; [k: string]: unknown }[] = [];
  constructor(url: string, mapId: string, cookie: string) {
    super(url, mapId, cookie);
    this.provider.messageHandlers[MessageType.appEvent] = (_encoder, decoder) => {
      this.events.push(JSON.parse(decoding.readVarString(decoder)));
    };
  }
}

describe.each(DATABASE_KINDS)("comments on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: CollabClient[] = [];
  let mapId: string;
  let claimId: string;
  let citationId: string;
  let passage: { sourceId: string; sourceVersion: number; selector: ReturnType<typeof describeRange> };
  const as: Record<"owner" | "editor" | "commenter" | "viewer" | "outsider" | "anonymous", HttpSession> = {} as never;
  const ids: Record<string, string> = {};

  const json = (session: HttpSession, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    session.fetch(path, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const newThread = (who: HttpSession, body: unknown) => json(who, "POST", `/api/maps/${mapId}/threads`, body);
  const onClaim = (text: string, mentions?: string[]) => ({ target: { kind: "claim", claimId }, body: text, ...(mentions ? { mentions } : {}) });
  const inbox = async (who: HttpSession) => (await (await who.fetch("/api/inbox")).json()) as { unread: number; notifications: { id: string; kind: string; threadId: string; excerpt: string }[] };

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD });
    as.owner = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    mapId = await firstMapId(as.owner);
    for (const [role, name] of [
      ["editor", "Eddie Editor"],
      ["commenter", "Cora Commenter"],
      ["viewer", "Vic Viewer"],
      ["outsider", "Olly Outsider"],
    ] as const) {
      const email = `${role}@example.com`;
      const s = new HttpSession(server.url);
      expect((await s.signUp(email, "a long password", name)).status).toBe(201);
      as[role] = await signedIn(server.url, email, "a long password");
      if (role !== "outsider") expect((await json(as.owner, "POST", `/api/maps/${mapId}/members`, { email, role })).status).toBe(200);
    }
    as.anonymous = new HttpSession(server.url);
    for (const role of ["owner", "editor", "commenter", "viewer", "outsider"] as const) {
      ids[role] = ((await (await as[role].fetch("/api/auth/session")).json()) as { user: { id: string } }).user.id;
    }
    // Targets from the live document: a claim, an evidence card, and a passage of its source.
    const reader = new CollabClient(server.url, mapId, as.owner.cookieHeader());
    await reader.whenSynced();
    claimId = readAllClaims(reader.doc).find((c) => c.kind === "claim")!.id;
    const citation = readCitations(reader.doc)[0];
    citationId = citation.id;
    reader.destroy();
    const source = (await (await as.owner.fetch(`/api/maps/${mapId}/sources/${citation.sourceId}`)).json()) as { version: number; text: string };
    passage = { sourceId: citation.sourceId, sourceVersion: source.version, selector: describeRange(source.text, 10, 40) };
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("refuses the anonymous (401) and non-members (403), and unknown maps (404)", async () => {
    const { owner, outsider, anonymous } = as;
    const created = (await (await newThread(owner, onClaim("a thread to poke at"))).json()) as { thread: Thread };
    const threadId = created.thread.id;
    const commentId = created.thread.comments[0].id;
    const calls: [string, string, unknown?][] = [
      ["GET", `/api/maps/${mapId}/threads`],
      ["POST", `/api/maps/${mapId}/threads`, onClaim("hi")],
      ["GET", `/api/maps/${mapId}/threads/${threadId}`],
      ["PATCH", `/api/maps/${mapId}/threads/${threadId}`, { resolved: true }],
      ["POST", `/api/maps/${mapId}/threads/${threadId}/comments`, { body: "hi" }],
      ["PATCH", `/api/maps/${mapId}/comments/${commentId}`, { body: "hi" }],
      ["DELETE", `/api/maps/${mapId}/comments/${commentId}`],
    ];
    for (const [method, path, body] of calls) {
      const anon = await json(anonymous, method, path, body);
      expect(anon.status, `${method} ${path} anonymous`).toBe(401);
      expect(((await anon.json()) as { error: string }).error).toMatch(/Sign in/);
      const stranger = await json(outsider, method, path, body);
      expect(stranger.status, `${method} ${path} outsider`).toBe(403);
      expect(((await stranger.json()) as { error: string }).error).toBe("You are not a member of this map.");
    }
    expect((await json(owner, "GET", `/api/maps/no-such-map/threads`)).status).toBe(404);
    expect((await newThread(owner, { ...onClaim("hi") })).status).toBe(201);
    expect((await json(owner, "POST", `/api/maps/no-such-map/threads`, onClaim("hi"))).status).toBe(404);
    expect((await anonymous.fetch("/api/inbox")).status).toBe(401);
    expect((await json(anonymous, "POST", "/api/inbox", { all: true })).status).toBe(401);
    // The thread is untouched by all of that.
    const after = (await (await owner.fetch(`/api/maps/${mapId}/threads/${threadId}`)).json()) as { thread: Thread };
    expect(after.thread.resolvedAt).toBeNull();
    expect(after.thread.comments.map((c) => c.body)).toEqual(["a thread to poke at"]);
  });

  it("lets viewers read but not write; commenters, editors and owners write", async () => {
    const started = (await (await newThread(as.commenter, onClaim("commenter's thread"))).json()) as { thread: Thread };
    const threadId = started.thread.id;
    const commentId = started.thread.comments[0].id;

    const viewer = as.viewer;
    expect((await viewer.fetch(`/api/maps/${mapId}/threads?status=all`)).status).toBe(200);
    expect((await viewer.fetch(`/api/maps/${mapId}/threads/${threadId}`)).status).toBe(200);
    const writes: [string, string, unknown?][] = [
      ["POST", `/api/maps/${mapId}/threads`, onClaim("viewer speaks")],
      ["PATCH", `/api/maps/${mapId}/threads/${threadId}`, { resolved: true }],
      ["POST", `/api/maps/${mapId}/threads/${threadId}/comments`, { body: "viewer replies" }],
      ["PATCH", `/api/maps/${mapId}/comments/${commentId}`, { body: "viewer edits" }],
      ["DELETE", `/api/maps/${mapId}/comments/${commentId}`],
    ];
    for (const [method, path, body] of writes) {
      const res = await json(viewer, method, path, body);
      expect(res.status, `${method} ${path} viewer`).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe("A viewer may not comment this map.");
    }

    for (const role of ["commenter", "editor", "owner"] as const) {
      const res = await newThread(as[role], onClaim(`${role} was here`));
      expect(res.status, role).toBe(201);
      const { thread } = (await res.json()) as { thread: Thread };
      expect(thread.comments[0]).toMatchObject({ authorId: ids[role], body: `${role} was here`, deleted: false });
      const reply = await json(as[role], "POST", `/api/maps/${mapId}/threads/${threadId}/comments`, { body: `${role} replies` });
      expect(reply.status, role).toBe(201);
    }
    const resolved = await json(as.editor, "PATCH", `/api/maps/${mapId}/threads/${threadId}`, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(((await resolved.json()) as { thread: Thread }).thread.resolvedAt).not.toBeNull();
    const open = (await (await viewer.fetch(`/api/maps/${mapId}/threads?status=open`)).json()) as { threads: Thread[] };
    expect(open.threads.some((t) => t.id === threadId)).toBe(false);
    const all = (await (await viewer.fetch(`/api/maps/${mapId}/threads?status=all`)).json()) as { threads: Thread[] };
    const full = all.threads.find((t) => t.id === threadId)!;
    expect(full.comments.map((c) => c.body)).toEqual(["commenter's thread", "commenter replies", "editor replies", "owner replies"]);
    const reopened = await json(as.commenter, "PATCH", `/api/maps/${mapId}/threads/${threadId}`, { resolved: false });
    expect(((await reopened.json()) as { thread: Thread }).thread.resolvedAt).toBeNull();
    const byClaim = (await (await viewer.fetch(`/api/maps/${mapId}/threads?claimId=${claimId}`)).json()) as { threads: Thread[] };
    expect(byClaim.threads.some((t) => t.id === threadId)).toBe(true);
  });

  it("lets only the author edit, and the author or an owner delete", async () => {
    const { thread } = (await (await newThread(as.commenter, onClaim("first draft"))).json()) as { thread: Thread };
    const commentId = thread.comments[0].id;
    const path = `/api/maps/${mapId}/comments/${commentId}`;
    for (const role of ["editor", "owner"] as const) {
      const res = await json(as[role], "PATCH", path, { body: "not yours" });
      expect(res.status, role).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe("Only its author can edit a comment.");
    }
    const edited = await json(as.commenter, "PATCH", path, { body: "second draft" });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { thread: Thread }).thread.comments[0]).toMatchObject({ body: "second draft", editedAt: expect.any(String) });

    const denied = await json(as.editor, "DELETE", path);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: string }).error).toBe("Only its author or a map owner can delete a comment.");
    const byOwner = await json(as.owner, "DELETE", path);
    expect(byOwner.status).toBe(200);
    expect(((await byOwner.json()) as { thread: Thread }).thread.comments[0]).toMatchObject({ body: "", deleted: true });
    expect((await json(as.commenter, "PATCH", path, { body: "revive" })).status).toBe(400);

    const own = (await (await newThread(as.editor, onClaim("mine to delete"))).json()) as { thread: Thread };
    const res = await json(as.editor, "DELETE", `/api/maps/${mapId}/comments/${own.thread.comments[0].id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { thread: Thread }).thread.comments[0]).toMatchObject({ body: "", deleted: true });
    expect((await json(as.editor, "DELETE", `/api/maps/${mapId}/comments/no-such-comment`)).status).toBe(404);
  });

  it("answers bad input with 400 and a clear message", async () => {
    const expect400 = async (res: Response, message: RegExp) => {
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    };
    const c = as.commenter;
    await expect400(await newThread(c, onClaim("")), /cannot be empty/);
    await expect400(await newThread(c, onClaim("   ")), /cannot be empty/);
    await expect400(await newThread(c, onClaim("x".repeat(5001))), /at most 5000 characters/);
    await expect400(await newThread(c, onClaim("<b>bold</b>")), /HTML tags are not allowed/);
    await expect400(await newThread(c, { target: { kind: "claim", claimId: "no-such-claim" }, body: "hi" }), /no claim with that id/);
    await expect400(await newThread(c, { target: { kind: "citation", citationId: "no-such-card" }, body: "hi" }), /no evidence card/);
    await expect400(await newThread(c, { target: { kind: "wall" }, body: "hi" }), /target.kind must be/);
    await expect400(
      await newThread(c, { target: { kind: "passage", ...passage, selector: { ...passage.selector, exact: passage.selector.exact.replace(/./, "#") } }, body: "hi" }),
      /does not match the source text/,
    );
    await expect400(await newThread(c, { target: { kind: "passage", ...passage, sourceVersion: 99 }, body: "hi" }), /no such source version/);
    await expect400(await newThread(c, onClaim("hey @Olly", [ids.outsider])), /only mention members/);
    await expect400(await newThread(c, onClaim("hey", ["no-such-user"])), /only mention members/);
    await expect400(await c.fetch(`/api/maps/${mapId}/threads`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }), /not valid JSON/);
    await expect400(await c.fetch(`/api/maps/${mapId}/threads`, { method: "POST", body: "hi" }), /Send a JSON body/);
    await expect400(await json(c, "GET", `/api/maps/${mapId}/threads?status=closed`), /status must be/);
    const { thread } = (await (await newThread(c, onClaim("valid"))).json()) as { thread: Thread };
    await expect400(await json(c, "PATCH", `/api/maps/${mapId}/threads/${thread.id}`, { resolved: "yes" }), /resolved must be true/);
    await expect400(await json(c, "POST", `/api/maps/${mapId}/threads/${thread.id}/comments`, { body: "" }), /cannot be empty/);
    await expect400(await json(c, "PATCH", `/api/maps/${mapId}/comments/${thread.comments[0].id}`, { body: "y".repeat(5001) }), /at most 5000/);
    await expect400(await json(c, "POST", "/api/inbox", { ids: "all" }), /Send/);
    expect((await json(c, "POST", `/api/maps/${mapId}/threads/no-such-thread/comments`, { body: "hi" })).status).toBe(404);
    const cross = await json(c, "POST", `/api/maps/${mapId}/threads`, onClaim("from elsewhere"), { origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    // A thread on an evidence card and on a passage are fine.
    expect((await newThread(c, { target: { kind: "citation", citationId }, body: "on the card" })).status).toBe(201);
    const onPassage = await newThread(c, { target: { kind: "passage", ...passage }, body: "on the passage" });
    expect(onPassage.status).toBe(201);
    expect(((await onPassage.json()) as { thread: Thread & { selector: unknown } }).thread).toMatchObject({ target: "passage", selector: passage.selector });
  });

  it("notifies mentioned members and earlier participants, never the author", async () => {
    await json(as.editor, "POST", "/api/inbox", { all: true });
    await json(as.commenter, "POST", "/api/inbox", { all: true });
    const before = await inbox(as.editor);
    expect(before.unread).toBe(0);

    const res = await newThread(as.commenter, onClaim("What do you think, @Eddie Editor? And me, @Cora Commenter."));
    const { thread } = (await res.json()) as { thread: Thread };
    const editorInbox = await inbox(as.editor);
    expect(editorInbox.unread).toBe(1);
    expect(editorInbox.notifications[0]).toMatchObject({ kind: "mention", threadId: thread.id, excerpt: expect.stringContaining("What do you think") });
    expect((await inbox(as.commenter)).unread).toBe(0);

    // Structured mention by id: the viewer is a member (and may read), so may be mentioned.
    await json(as.editor, "POST", `/api/maps/${mapId}/threads/${thread.id}/comments`, { body: "Looks weak to me; cc viewer", mentions: [ids.viewer] });
    const commenterInbox = await inbox(as.commenter);
    expect(commenterInbox.unread).toBe(1);
    expect(commenterInbox.notifications[0]).toMatchObject({ kind: "reply", threadId: thread.id });
    expect((await inbox(as.viewer)).notifications[0]).toMatchObject({ kind: "mention", threadId: thread.id });
    expect((await inbox(as.editor)).unread).toBe(1);

    // An edit that adds a mention notifies only the newly mentioned.
    const { thread: t2 } = (await (await newThread(as.owner, onClaim("plain"))).json()) as { thread: Thread };
    await json(as.owner, "PATCH", `/api/maps/${mapId}/comments/${t2.comments[0].id}`, { body: "plain, @Eddie Editor" });
    await json(as.owner, "PATCH", `/api/maps/${mapId}/comments/${t2.comments[0].id}`, { body: "plain, @Eddie Editor!" });
    const after = await inbox(as.editor);
    expect(after.unread).toBe(2);

    // Deleting a comment takes its notifications with it.
    await json(as.owner, "DELETE", `/api/maps/${mapId}/comments/${t2.comments[0].id}`);
    expect((await inbox(as.editor)).unread).toBe(1);

    const marked = await json(as.editor, "POST", "/api/inbox", { ids: [after.notifications.find((n) => n.threadId === thread.id)!.id] });
    expect(((await marked.json()) as { unread: number }).unread).toBe(0);
    // Someone else's notification ids are ignored.
    await json(as.editor, "POST", "/api/inbox", { ids: [commenterInbox.notifications[0].id] });
    expect((await inbox(as.commenter)).unread).toBe(1);
  });

  it("pushes comment events to every socket of the map (viewers too) and inbox events only to the addressee", async () => {
    const viewer = new EventClient(server.url, mapId, as.viewer.cookieHeader());
    const editor = new EventClient(server.url, mapId, as.editor.cookieHeader());
    clients.push(viewer, editor);
    await Promise.all([viewer.whenSynced(), editor.whenSynced()]);

    const posted = Date.now();
    const res = await newThread(as.commenter, onClaim("Live: @Eddie Editor, look"));
    const { thread } = (await res.json()) as { thread: Thread };
    const changed = (c: EventClient) => c.events.some((e) => e.type === "comments-changed" && e.threadId === thread.id);
    await waitFor(() => changed(viewer) && changed(editor), 1000, "comments-changed on both sockets within a second");
    await waitFor(() => editor.events.some((e) => e.type === "inbox-changed"), 1000, "inbox-changed for the mentioned editor");
    expect(Date.now() - posted).toBeLessThan(2000);

    // Events reach a socket in order: once the viewer has the next one, it would have had the inbox event.
    await json(as.commenter, "PATCH", `/api/maps/${mapId}/threads/${thread.id}`, { resolved: true });
    await waitFor(() => viewer.events.filter((e) => e.type === "comments-changed" && e.threadId === thread.id).length === 2, 1000, "the resolve event");
    expect(viewer.events.some((e) => e.type === "inbox-changed")).toBe(false);
    expect(editor.events.find((e) => e.type === "inbox-changed")).toEqual({ type: "inbox-changed", userIds: [ids.editor] });
  });
});
