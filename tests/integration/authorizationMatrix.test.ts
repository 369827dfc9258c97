import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, buildMapTree, readClaim } from "../../lib/argument";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, sleep, upgradeStatus, waitFor } from "../support/collabClient";
import { PAGE_CASES, ROLES, ROUTE_CASES, WEBSOCKET_EDITS_APPLIED, WEBSOCKET_EXPECT, type Fixture, type RequestSpec, type Role } from "./authorizationMatrix.cases";

const root = path.resolve(import.meta.dirname, "..", "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function filesNamed(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesNamed(full, name));
    else if (entry.name === name) out.push(path.relative(root, full));
  }
  return out.sort();
}

/** The HTTP methods a route file exports: `export async function GET`, `export const POST =`, `export { handler as GET }`. */
function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(path.join(root, file), "utf8");
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const part of m[1].split(",")) found.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  return METHODS.filter((method) => found.has(method));
}

type Person = Exclude<Role, "anonymous">;

describe("authorization matrix: every route, page and the WebSocket × six kinds of caller", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  const sessions = {} as Record<Person, HttpSession>;
  let fixture: Fixture;
  let counter = 0;

  const routeFiles = filesNamed(path.join(root, "app"), "route.ts");
  const pageFiles = filesNamed(path.join(root, "app"), "page.tsx");

  it("has a row for every route file and exported method, and every page (and no stale rows)", () => {
    const routeRows = new Set(ROUTE_CASES.map((c) => `${c.file} ${c.method}`));
    const missing: string[] = [];
    const present = new Set<string>();
    for (const file of routeFiles) {
      const methods = exportedMethods(file);
      expect(methods.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
      for (const method of methods) {
        present.add(`${file} ${method}`);
        if (!routeRows.has(`${file} ${method}`)) missing.push(`${file} ${method}`);
      }
    }
    const pageRows = new Set(PAGE_CASES.map((c) => c.file));
    for (const file of pageFiles) if (!pageRows.has(file)) missing.push(file);
    expect(missing, "routes/pages without a row in authorizationMatrix.cases.ts").toEqual([]);
    const stale = [...routeRows].filter((r) => !present.has(r)).concat([...pageRows].filter((p) => !pageFiles.includes(p)));
    expect(stale, "rows for routes/pages that no longer exist").toEqual([]);
  });

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, DEMO_PASSWORD, SIGNUP_LIMIT_PER_IP: "10000", SIGNIN_LIMIT_PER_ACCOUNT_IP: "10000", SIGNIN_LIMIT_PER_IP: "10000", COLLAB_MAX_CONNECTIONS_PER_USER: "100" }, { timeoutMs: 180_000 });
    const stamp = Date.now().toString(36);
    const emails = { owner: DEMO_EMAIL } as Record<Person, string>;
    const passwords = { owner: DEMO_PASSWORD } as Record<Person, string>;
    const userIds = {} as Record<Person, string>;
    const signUp = async (email: string, password: string) => {
      const s = new HttpSession(server.url);
      const res = await s.signUp(email, password);
      if (res.status !== 201) throw new Error(`sign-up of ${email}: ${res.status} ${await res.text()}`);
      const { userId } = (await res.json()) as { userId: string };
      if (!(await s.signIn(email, password))) throw new Error(`sign-in of ${email} failed`);
      return { session: s, userId };
    };
    sessions.owner = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    userIds.owner = ((await (await sessions.owner.fetch("/api/profile")).json()) as { id?: string; user?: { id: string } }).id ?? "";
    for (const role of ["nonMember", "viewer", "commenter", "editor"] as const) {
      emails[role] = `${role.toLowerCase()}-${stamp}@example.com`;
      passwords[role] = `${role} password`;
      const { session, userId } = await signUp(emails[role], passwords[role]);
      sessions[role] = session;
      userIds[role] = userId;
    }
    const owner = sessions.owner;
    const call = async (pathname: string, method: string, json?: unknown) => {
      const res = await owner.fetch(pathname, { method, headers: { "content-type": "application/json" }, body: json === undefined ? undefined : JSON.stringify(json) });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`fixture ${method} ${pathname}: ${res.status} ${text}`);
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    /** The id in a response, wherever the handler put it (`{id}`, `{thread: {id}}`, …). */
    const idIn = (value: Record<string, unknown>, ...keys: string[]): string => {
      if (typeof value.id === "string") return value.id;
      for (const key of keys) {
        const inner = value[key] as Record<string, unknown> | undefined;
        if (inner && typeof inner.id === "string") return inner.id;
      }
      throw new Error(`no id in ${JSON.stringify(value).slice(0, 300)}`);
    };
    const shareMap = async (mapId: string) => {
      for (const role of ["viewer", "commenter", "editor"] as const) await call(`/api/maps/${mapId}/members`, "POST", { email: emails[role], role });
    };
    const addToTeam = async (teamId: string, email: string, role: string) => call(`/api/teams/${teamId}/members`, "POST", { email, role });

    const mapId = await firstMapId(owner);
    await shareMap(mapId);
    const teamId = idIn(await call("/api/teams", "POST", { name: "Matrix team" }), "team");
    for (const role of ["viewer", "commenter", "editor"] as const) await addToTeam(teamId, emails[role], role);
    const spare = await signUp(`spare-${stamp}@example.com`, "spare password");
    await addToTeam(teamId, `spare-${stamp}@example.com`, "viewer");

    const sourceRes = await owner.fetch(`/api/maps/${mapId}/sources`, { method: "POST", body: (() => { const f = new FormData(); f.set("title", "Matrix fixture source"); f.set("text", "The fixture source text."); return f; })() });
    if (sourceRes.status !== 201) throw new Error(`fixture source: ${sourceRes.status}`);
    const sourceId = ((await sourceRes.json()) as { id: string }).id;

    const yjs = new CollabClient(server.url, mapId, owner.cookieHeader());
    await yjs.whenSynced();
    const claimId = buildMapTree(yjs.doc).root!.children[0].claim.id;
    yjs.destroy();
    const thread = await call(`/api/maps/${mapId}/threads`, "POST", { target: { kind: "claim", claimId }, body: "The fixture thread" });
    const threadId = idIn(thread, "thread");

    const mapTitle = ((await (await owner.fetch("/api/maps")).json()) as { id: string; title: string }[]).find((m) => m.id === mapId)!.title;
    fixture = {
      mapId,
      mapTitle,
      sourceTitle: "Matrix fixture source",
      teamName: "Matrix team",
      currentRole: "owner",
      claimId,
      sourceId,
      threadId,
      teamId,
      teamSpareUserId: spare.userId,
      emails,
      passwords,
      userIds,
      async throwawayMap() {
        const id = idIn(await call("/api/maps", "POST", { title: "Throwaway", question: "Throwaway?" }), "map");
        await shareMap(id);
        return id;
      },
      async throwawayTeam() {
        const id = idIn(await call("/api/teams", "POST", { name: "Throwaway team" }), "team");
        for (const role of ["viewer", "commenter", "editor"] as const) await addToTeam(id, emails[role], role);
        return id;
      },
      async spareMapMember() {
        const email = `map-spare-${stamp}-${++counter}@example.com`;
        const { userId } = await signUp(email, "spare password");
        await call(`/api/maps/${mapId}/members`, "POST", { email, role: "viewer" });
        return userId;
      },
      async spareTeamMember() {
        const email = `team-spare-${stamp}-${++counter}@example.com`;
        const { userId } = await signUp(email, "spare password");
        await addToTeam(teamId, email, "viewer");
        return userId;
      },
      async ownerComment() {
        const reply = await call(`/api/maps/${mapId}/threads/${threadId}/comments`, "POST", { body: "An owner's comment" });
        const inThread = ((reply.thread as { comments?: { id: string }[] } | undefined)?.comments ?? []).at(-1)?.id;
        return inThread ?? idIn(reply, "comment");
      },
      async mapInvite(target = mapId) {
        const invite = await call(`/api/maps/${target}/invites`, "POST", { role: "viewer" });
        const inner = (invite.invite ?? invite) as { id: string; token?: string };
        return { id: idIn(invite, "invite"), token: (invite.token as string) ?? inner.token ?? "" };
      },
      async teamInvite() {
        return idIn(await call(`/api/teams/${teamId}/invites`, "POST", { role: "viewer" }), "invite");
      },
      freshEmail: () => `fresh-${stamp}-${++counter}@example.com`,
      async spareSession() {
        const password = "spare password";
        const { session } = await signUp(`session-spare-${stamp}-${++counter}@example.com`, password);
        return { cookie: session.cookieHeader(), password };
      },
    };
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** One request as `role`: a bare fetch with that role's cookie, so responses never change the sessions. */
  async function send(role: Role, spec: RequestSpec): Promise<Response> {
    const headers = new Headers(spec.headers);
    if (role !== "anonymous") headers.set("cookie", spec.cookie ?? sessions[role].cookieHeader());
    let body: BodyInit | undefined;
    if (spec.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(spec.json);
    } else if (spec.form) {
      const form = new FormData();
      for (const [k, v] of Object.entries(spec.form)) form.set(k, v);
      body = form;
    }
    const method = spec.method ?? (body ? "POST" : "GET");
    return fetch(server.url + spec.path, { method, headers, body, redirect: "manual" });
  }

  it("answers every route handler and page with the expected status for each role", { timeout: 600_000 }, async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const row of ROUTE_CASES) {
      for (const role of ROLES) {
        const spec = await row.request(fixture, role);
        expect(spec.method ?? (spec.json !== undefined || spec.form ? "POST" : "GET"), `${row.file}: the request's method`).toBe(row.method);
        const res = await send(role, spec);
        const text = await res.text();
        checks++;
        if (res.status !== row.expect[role]) mismatches.push(`${row.method} ${row.file} as ${role}: expected ${row.expect[role]}, got ${res.status} ${text.slice(0, 160)}`);
        // A refusal is a clear JSON error, never an HTML error page or a stack trace.
        if (res.status >= 400 && res.status < 500 && row.file.startsWith("app/api/") && !row.file.includes("[...nextauth]")) {
          let error: unknown;
          try {
            error = (JSON.parse(text) as { error?: unknown }).error;
          } catch {
            error = undefined;
          }
          if (typeof error !== "string") mismatches.push(`${row.method} ${row.file} as ${role}: ${res.status} without a JSON {error}: ${text.slice(0, 120)}`);
        }
      }
    }
    for (const row of PAGE_CASES) {
      for (const role of ROLES) {
        fixture.currentRole = role;
        const res = await send(role, { path: await row.path(fixture) });
        const html = await res.text();
        const location = res.headers.get("location") ?? "";
        checks++;
        const outcome = row.expect[role];
        const where = `page ${row.file} as ${role} (expected ${outcome})`;
        if (outcome === "signin" || outcome === "maps") {
          const target = outcome === "signin" ? /^\/signin(\?|$)/ : /^\/maps$/;
          if (res.status !== 307 || !target.test(location.replace(server.url, ""))) mismatches.push(`${where}: got ${res.status} ${location}`);
          continue;
        }
        if (outcome === "notFound") {
          if (res.status !== 404) mismatches.push(`${where}: got ${res.status}`);
          continue;
        }
        if (res.status !== 200) {
          mismatches.push(`${where}: got ${res.status} ${location}`);
          continue;
        }
        const denied = />No access</.test(html) || /class="notice"/.test(html);
        const leaked = (row.secrets?.(fixture) ?? []).filter((secret) => html.includes(secret));
        if (outcome === "ok" && />No access</.test(html)) mismatches.push(`${where}: shows "No access"`);
        if (outcome === "denied" && !denied) mismatches.push(`${where}: no refusal shown`);
        if (outcome === "denied" && leaked.length > 0) mismatches.push(`${where}: the refusal page shows ${leaked.join(", ")}`);
        if (outcome === "ok" && row.secrets && role !== "anonymous" && leaked.length === 0 && !row.file.includes("activity")) mismatches.push(`${where}: the page does not show what it guards (${row.secrets(fixture).join(", ")})`);
      }
    }
    console.log(`authorizationMatrix: ${ROUTE_CASES.length} route rows + ${PAGE_CASES.length} page rows × ${ROLES.length} roles = ${checks} HTTP checks (${routeFiles.length} route files, ${pageFiles.length} pages)`);
    expect(mismatches).toEqual([]);
  });

  it("refuses every state-changing route called from another origin, even with the owner's cookie", { timeout: 300_000 }, async () => {
    // next-auth's own routes are protected by its CSRF token instead.
    const rows = ROUTE_CASES.filter((row) => !["GET", "HEAD", "OPTIONS"].includes(row.method) && !row.file.includes("[...nextauth]"));
    const accepted: string[] = [];
    for (const row of rows) {
      const spec = await row.request(fixture, "owner");
      const res = await send("owner", { ...spec, headers: { ...spec.headers, origin: "http://evil.example" } });
      if (res.status !== 403) accepted.push(`${row.method} ${row.file}: ${res.status} ${(await res.text()).slice(0, 120)}`);
    }
    console.log(`authorizationMatrix: ${rows.length} state-changing routes checked against a foreign Origin`);
    expect(rows.length).toBeGreaterThan(10);
    expect(accepted).toEqual([]);
  });

  it("opens the WebSocket only for members and drops viewers' and commenters' edits", async () => {
    const texts = {} as Record<Role, string>;
    for (const role of ROLES) {
      const cookie = role === "anonymous" ? "" : sessions[role].cookieHeader();
      expect(await upgradeStatus(server.url, fixture.mapId, cookie), `upgrade as ${role}`).toBe(WEBSOCKET_EXPECT[role]);
      if (WEBSOCKET_EXPECT[role] !== 101) continue;
      const client = new CollabClient(server.url, fixture.mapId, cookie);
      await client.whenSynced();
      const parentId = buildMapTree(client.doc).root!.children[0].claim.id;
      texts[role] = addClaim(client.doc, { kind: "claim", stance: "pro", parentId, text: `edit by ${role}`, authorId: null });
      await sleep(500);
      client.destroy();
    }
    const check = new CollabClient(server.url, fixture.mapId, sessions.owner.cookieHeader());
    await check.whenSynced();
    await waitFor(() => readClaim(check.doc, texts.owner) !== null, 5_000, "the owner's edit");
    for (const role of ROLES) {
      if (!texts[role]) continue;
      expect(readClaim(check.doc, texts[role]) !== null, `edit by ${role} applied`).toBe(WEBSOCKET_EDITS_APPLIED[role]);
    }
    check.destroy();
    console.log(`authorizationMatrix: WebSocket × ${ROLES.length} roles checked (upgrade status, and whether edits apply)`);
  });
});
