// The expected outcome of every route handler, page and the WebSocket for each kind of caller.
// authorizationMatrix.test.ts enumerates app/**/route.ts (with their exported methods) and
// app/**/page.tsx from the file system and fails for any that has no row here.
//
// Map rows: viewer/commenter/editor are direct members of the owner's map with that role;
// non-member is signed in with no access. Team rows use the same people as members of the
// owner's team with the same roles (non-member: not on the team). A row that changes or
// destroys state builds its own target per call (throwaway map, invite, comment, member).

export const ROLES = ["anonymous", "nonMember", "viewer", "commenter", "editor", "owner"] as const;
export type Role = (typeof ROLES)[number];

/** An expected HTTP status per role, in ROLES order. */
export type Expected = Record<Role, number>;

export function statuses(anonymous: number, nonMember: number, viewer: number, commenter: number, editor: number, owner: number): Expected {
  return { anonymous, nonMember, viewer, commenter, editor, owner };
}

/** Fixtures built on the real server (see the test's beforeAll), plus builders for throwaway targets. */
export interface Fixture {
  mapId: string;
  mapTitle: string;
  sourceTitle: string;
  teamName: string;
  /** The role a page row is being checked for (secrets may depend on it). */
  currentRole: Role;
  claimId: string;
  sourceId: string;
  threadId: string;
  teamId: string;
  /** A team member (viewer) no role row acts as, for role changes. */
  teamSpareUserId: string;
  emails: Record<Exclude<Role, "anonymous">, string>;
  userIds: Record<Exclude<Role, "anonymous">, string>;
  passwords: Record<Exclude<Role, "anonymous">, string>;
  /** A new map of the owner's, shared with viewer/commenter/editor like the main map. */
  throwawayMap(): Promise<string>;
  /** A new team of the owner's with viewer/commenter/editor as members. */
  throwawayTeam(): Promise<string>;
  /** A new direct member (viewer) of the main map; returns their user id. */
  spareMapMember(): Promise<string>;
  /** A new member (viewer) of the main team; returns their user id. */
  spareTeamMember(): Promise<string>;
  /** A comment by the owner on the main map's thread. */
  ownerComment(): Promise<string>;
  /** A viewer invite link to the main map, or to `mapId`. */
  mapInvite(mapId?: string): Promise<{ id: string; token: string }>;
  teamInvite(): Promise<string>;
  /** A fresh e-mail address nobody uses yet. */
  freshEmail(): string;
  /** A new account, signed in: for rows that revoke the caller's sessions. */
  spareSession(): Promise<{ cookie: string; password: string }>;
}

export interface RequestSpec {
  path: string;
  method?: string;
  json?: unknown;
  form?: Record<string, string | File>;
  headers?: Record<string, string>;
  /** The caller's cookie instead of the role's (signed-in roles only). */
  cookie?: string;
}

export interface RouteCase {
  /** The route file, relative to the repository root. */
  file: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  expect: Expected;
  request(f: Fixture, role: Role): Promise<RequestSpec> | RequestSpec;
  /** Why the row is shaped this way, when it is not obvious. */
  note?: string;
}

/**
 * What a page does for a role. Pages cannot answer 403, so a refusal is a 200 "No access"
 * page; it must not show what it guards (`secrets`). "signin": 307 to /signin; "maps": 307 to /maps.
 */
export type PageOutcome = "ok" | "denied" | "signin" | "maps" | "notFound";

export interface PageCase {
  file: string;
  path(f: Fixture): Promise<string> | string;
  expect: Record<Role, PageOutcome>;
  /** Text a denied role must not see on the page (map title, team name…), and a marker only the allowed see. */
  secrets?(f: Fixture): string[];
}

const M = (f: Fixture, rest = "") => `/api/maps/${f.mapId}${rest}`;
const T = (f: Fixture, rest = "") => `/api/teams/${f.teamId}${rest}`;

/** Public: the same answer whoever asks. */
const everyone = (status: number) => statuses(status, status, status, status, status, status);
/** Any signed-in user; anonymous gets 401. */
const signedIn = (status: number) => statuses(401, status, status, status, status, status);
const readers = (status: number) => statuses(401, 403, status, status, status, status);
const commenters = (status: number) => statuses(401, 403, 403, status, status, status);
const editors = (status: number) => statuses(401, 403, 403, 403, status, status);
const owners = (status: number) => statuses(401, 403, 403, 403, 403, status);

export const ROUTE_CASES: RouteCase[] = [
  // Auth and account
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", expect: everyone(200), request: () => ({ path: "/api/auth/session" }) },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    expect: everyone(302),
    note: "a sign-in without the CSRF token is turned away with a redirect for everyone",
    request: (f) => ({ path: "/api/auth/callback/credentials", form: { email: f.emails.owner, password: f.passwords.owner } }),
  },
  { file: "app/api/health/route.ts", method: "GET", expect: everyone(200), request: () => ({ path: "/api/health" }) },
  { file: "app/api/signup/route.ts", method: "POST", expect: everyone(201), request: (f) => ({ path: "/api/signup", method: "POST", json: { email: f.freshEmail(), password: "long enough pw" } }) },
  { file: "app/api/profile/route.ts", method: "GET", expect: signedIn(200), request: () => ({ path: "/api/profile" }) },
  { file: "app/api/profile/route.ts", method: "PATCH", expect: signedIn(200), request: (_f, role) => ({ path: "/api/profile", method: "PATCH", json: { name: `Matrix ${role}` } }) },
  {
    file: "app/api/profile/password/route.ts",
    method: "POST",
    expect: signedIn(200),
    note: "a change revokes the caller's sessions, so each signed-in call acts as a fresh account of its own",
    request: async (f, role) => {
      if (role === "anonymous") return { path: "/api/profile/password", method: "POST", json: { currentPassword: "whatever password", newPassword: "whatever password" } };
      const spare = await f.spareSession();
      return { path: "/api/profile/password", method: "POST", json: { currentPassword: spare.password, newPassword: "another password" }, cookie: spare.cookie };
    },
  },
  {
    file: "app/api/profile/sessions/route.ts",
    method: "POST",
    expect: signedIn(200),
    note: "sign out everywhere revokes the caller's sessions, so each signed-in call acts as a fresh account of its own",
    request: async (_f, role) => (role === "anonymous" ? { path: "/api/profile/sessions", method: "POST", json: {} } : { path: "/api/profile/sessions", method: "POST", json: {}, cookie: (await _f.spareSession()).cookie }),
  },
  { file: "app/api/inbox/route.ts", method: "GET", expect: signedIn(200), request: () => ({ path: "/api/inbox" }) },
  { file: "app/api/search/route.ts", method: "GET", expect: signedIn(200), note: "hits come only from maps the caller reads (filtered in the query)", request: (f) => ({ path: `/api/search?q=${encodeURIComponent(f.mapTitle)}` }) },
  { file: "app/api/search/route.ts", method: "GET", expect: readers(200), note: "narrowed to one map: read access to it, like the map's other routes", request: (f) => ({ path: `/api/search?q=cartel&mapId=${f.mapId}` }) },
  { file: "app/api/inbox/route.ts", method: "POST", expect: signedIn(200), request: () => ({ path: "/api/inbox", method: "POST", json: { all: true } }) },
  {
    file: "app/api/invites/accept/route.ts",
    method: "POST",
    expect: signedIn(200),
    note: "a fresh viewer link to a throwaway map per call (so nobody joins the main map): any signed-in user may redeem it",
    request: async (f) => ({ path: "/api/invites/accept", method: "POST", json: { token: (await f.mapInvite(await f.throwawayMap())).token } }),
  },

  // Maps
  { file: "app/api/maps/route.ts", method: "GET", expect: signedIn(200), request: () => ({ path: "/api/maps" }) },
  { file: "app/api/maps/route.ts", method: "POST", expect: signedIn(201), request: () => ({ path: "/api/maps", method: "POST", json: { title: "Matrix map", question: "Is this allowed?" } }) },
  { file: "app/api/maps/[mapId]/route.ts", method: "DELETE", expect: owners(200), request: async (f) => ({ path: `/api/maps/${await f.throwawayMap()}`, method: "DELETE" }) },
  { file: "app/api/maps/[mapId]/members/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, "/members") }) },
  {
    file: "app/api/maps/[mapId]/members/route.ts",
    method: "POST",
    expect: owners(200),
    request: async (f) => ({ path: `/api/maps/${await f.throwawayMap()}/members`, method: "POST", json: { email: f.emails.nonMember, role: "viewer" } }),
  },
  {
    file: "app/api/maps/[mapId]/members/[userId]/route.ts",
    method: "DELETE",
    expect: owners(200),
    request: async (f) => ({ path: M(f, `/members/${await f.spareMapMember()}`), method: "DELETE" }),
  },
  { file: "app/api/maps/[mapId]/invites/route.ts", method: "GET", expect: owners(200), request: (f) => ({ path: M(f, "/invites") }) },
  { file: "app/api/maps/[mapId]/invites/route.ts", method: "POST", expect: owners(201), request: (f) => ({ path: M(f, "/invites"), method: "POST", json: { role: "viewer" } }) },
  {
    file: "app/api/maps/[mapId]/invites/[inviteId]/route.ts",
    method: "DELETE",
    expect: owners(200),
    request: async (f) => ({ path: M(f, `/invites/${(await f.mapInvite()).id}`), method: "DELETE" }),
  },
  { file: "app/api/maps/[mapId]/audit/route.ts", method: "GET", expect: owners(200), request: (f) => ({ path: M(f, "/audit") }) },
  { file: "app/api/maps/[mapId]/team/route.ts", method: "PUT", expect: owners(200), request: async (f) => ({ path: `/api/maps/${await f.throwawayMap()}/team`, method: "PUT", json: { teamId: f.teamId } }) },
  { file: "app/api/maps/[mapId]/brief/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, "/brief?side=aff&format=md") }) },
  { file: "app/api/maps/[mapId]/export/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, "/export?format=argdown") }) },
  {
    file: "app/api/maps/import/route.ts",
    method: "POST",
    expect: signedIn(201),
    note: "any signed-in user imports a new map of their own",
    request: () => ({ path: "/api/maps/import", method: "POST", form: { file: "[Matrix]: An imported position.\n  + [Reason]: An imported reason.\n" } }),
  },
  {
    file: "app/api/maps/[mapId]/annotations/route.ts",
    method: "POST",
    expect: editors(201),
    request: (f) => ({
      path: M(f, "/annotations"),
      method: "POST",
      form: {
        sourceId: f.sourceId,
        claimId: f.claimId,
        file: JSON.stringify({ type: "Annotation", target: { selector: [{ type: "TextQuoteSelector", exact: "fixture source" }] } }),
      },
    }),
  },
  { file: "app/api/maps/[mapId]/sides/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, "/sides") }) },
  { file: "app/api/maps/[mapId]/ratings/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, "/ratings") }) },
  { file: "app/api/maps/[mapId]/ratings/route.ts", method: "PUT", expect: commenters(200), note: "rating is a comment-level right: viewers only read", request: (f) => ({ path: M(f, "/ratings"), method: "PUT", json: { claimId: f.claimId, value: 3 } }) },

  // Sources
  {
    file: "app/api/maps/[mapId]/sources/route.ts",
    method: "POST",
    expect: editors(201),
    request: (f) => ({ path: M(f, "/sources"), method: "POST", form: { title: "Matrix source", text: "A short source text for the matrix." } }),
  },
  {
    file: "app/api/maps/[mapId]/sources/metadata/route.ts",
    method: "POST",
    expect: editors(200),
    request: (f) => ({ path: M(f, "/sources/metadata"), method: "POST", form: { file: new File(["<title>Matrix page</title><p>Text.</p>"], "matrix.html", { type: "text/html" }) } }),
  },
  { file: "app/api/maps/[mapId]/sources/[sourceId]/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, `/sources/${f.sourceId}`) }) },
  {
    file: "app/api/maps/[mapId]/sources/[sourceId]/versions/route.ts",
    method: "POST",
    expect: editors(201),
    request: (f) => ({ path: M(f, `/sources/${f.sourceId}/versions`), method: "POST", form: { text: `A new version of the matrix source ${Math.random()}.` } }),
  },

  // Comments
  { file: "app/api/maps/[mapId]/threads/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, "/threads") }) },
  {
    file: "app/api/maps/[mapId]/threads/route.ts",
    method: "POST",
    expect: commenters(201),
    request: (f) => ({ path: M(f, "/threads"), method: "POST", json: { target: { kind: "claim", claimId: f.claimId }, body: "A matrix thread" } }),
  },
  { file: "app/api/maps/[mapId]/threads/[threadId]/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: M(f, `/threads/${f.threadId}`) }) },
  {
    file: "app/api/maps/[mapId]/threads/[threadId]/route.ts",
    method: "PATCH",
    expect: commenters(200),
    request: (f) => ({ path: M(f, `/threads/${f.threadId}`), method: "PATCH", json: { resolved: false } }),
  },
  {
    file: "app/api/maps/[mapId]/threads/[threadId]/comments/route.ts",
    method: "POST",
    expect: commenters(201),
    request: (f) => ({ path: M(f, `/threads/${f.threadId}/comments`), method: "POST", json: { body: "A matrix reply" } }),
  },
  {
    file: "app/api/maps/[mapId]/comments/[commentId]/route.ts",
    method: "PATCH",
    expect: owners(200),
    note: "only the author edits a comment; the comment is the owner's",
    request: async (f) => ({ path: M(f, `/comments/${await f.ownerComment()}`), method: "PATCH", json: { body: "edited" } }),
  },
  {
    file: "app/api/maps/[mapId]/comments/[commentId]/route.ts",
    method: "DELETE",
    expect: owners(200),
    note: "the author (here the owner) deletes a comment",
    request: async (f) => ({ path: M(f, `/comments/${await f.ownerComment()}`), method: "DELETE" }),
  },

  // Teams
  { file: "app/api/teams/route.ts", method: "GET", expect: signedIn(200), request: () => ({ path: "/api/teams" }) },
  { file: "app/api/teams/route.ts", method: "POST", expect: signedIn(201), request: () => ({ path: "/api/teams", method: "POST", json: { name: "Matrix team" } }) },
  { file: "app/api/teams/[teamId]/route.ts", method: "GET", expect: readers(200), request: (f) => ({ path: T(f) }) },
  { file: "app/api/teams/[teamId]/audit/route.ts", method: "GET", expect: owners(200), request: (f) => ({ path: T(f, "/audit") }) },
  { file: "app/api/teams/[teamId]/invites/route.ts", method: "GET", expect: owners(200), request: (f) => ({ path: T(f, "/invites") }) },
  { file: "app/api/teams/[teamId]/invites/route.ts", method: "POST", expect: owners(201), request: (f) => ({ path: T(f, "/invites"), method: "POST", json: { role: "viewer" } }) },
  {
    file: "app/api/teams/[teamId]/invites/[inviteId]/route.ts",
    method: "DELETE",
    expect: owners(200),
    request: async (f) => ({ path: T(f, `/invites/${await f.teamInvite()}`), method: "DELETE" }),
  },
  {
    file: "app/api/teams/[teamId]/members/route.ts",
    method: "POST",
    expect: owners(200),
    request: async (f) => ({ path: `/api/teams/${await f.throwawayTeam()}/members`, method: "POST", json: { email: f.emails.nonMember, role: "viewer" } }),
  },
  {
    file: "app/api/teams/[teamId]/members/[userId]/route.ts",
    method: "PATCH",
    expect: owners(200),
    request: (f, role) => ({ path: T(f, `/members/${f.teamSpareUserId}`), method: "PATCH", json: { role: role === "owner" ? "commenter" : "editor" } }),
  },
  {
    file: "app/api/teams/[teamId]/members/[userId]/route.ts",
    method: "DELETE",
    expect: owners(200),
    note: "removing another member; leaving (own id) is a separate right every member has",
    request: async (f) => ({ path: T(f, `/members/${await f.spareTeamMember()}`), method: "DELETE" }),
  },
  {
    file: "app/api/teams/[teamId]/transfer/route.ts",
    method: "POST",
    expect: owners(200),
    note: "a throwaway team per call, handed to its editor",
    request: async (f) => {
      const teamId = await f.throwawayTeam();
      return { path: `/api/teams/${teamId}/transfer`, method: "POST", json: { userId: f.userIds.editor } };
    },
  },
];

const page = (anonymous: PageOutcome, nonMember: PageOutcome, viewer: PageOutcome, commenter: PageOutcome, editor: PageOutcome, owner: PageOutcome): Record<Role, PageOutcome> => ({
  anonymous,
  nonMember,
  viewer,
  commenter,
  editor,
  owner,
});
const publicPage = page("ok", "ok", "ok", "ok", "ok", "ok");
const accountPage = page("signin", "ok", "ok", "ok", "ok", "ok");
const mapPage = page("signin", "denied", "ok", "ok", "ok", "ok");
const mapSecrets = (f: Fixture) => [f.mapTitle];

export const PAGE_CASES: PageCase[] = [
  // Signed out: the landing page; signed in: the map list.
  { file: "app/page.tsx", path: () => "/", expect: page("ok", "maps", "maps", "maps", "maps", "maps") },
  { file: "app/signin/page.tsx", path: () => "/signin", expect: publicPage },
  { file: "app/signup/page.tsx", path: () => "/signup", expect: publicPage },
  { file: "app/maps/page.tsx", path: () => "/maps", expect: accountPage },
  { file: "app/profile/page.tsx", path: () => "/profile", expect: accountPage },
  { file: "app/teams/page.tsx", path: () => "/teams", expect: accountPage },
  { file: "app/teams/[teamId]/page.tsx", path: (f) => `/teams/${f.teamId}`, expect: mapPage, secrets: (f) => [f.teamName] },
  { file: "app/maps/[mapId]/page.tsx", path: (f) => `/maps/${f.mapId}`, expect: mapPage, secrets: mapSecrets },
  { file: "app/maps/[mapId]/brief/page.tsx", path: (f) => `/maps/${f.mapId}/brief`, expect: mapPage, secrets: mapSecrets },
  { file: "app/maps/[mapId]/flow/page.tsx", path: (f) => `/maps/${f.mapId}/flow`, expect: mapPage, secrets: mapSecrets },
  {
    file: "app/maps/[mapId]/activity/page.tsx",
    path: (f) => `/maps/${f.mapId}/activity`,
    // The log is the owner's; members see a notice, a non-member must not even learn the title.
    expect: page("signin", "denied", "denied", "denied", "denied", "ok"),
    secrets: (f) => ['data-testid="activity-list"', ...(f.currentRole === "nonMember" ? [f.mapTitle] : [])],
  },
  { file: "app/maps/[mapId]/sources/[sourceId]/page.tsx", path: (f) => `/maps/${f.mapId}/sources/${f.sourceId}`, expect: mapPage, secrets: (f) => [f.sourceTitle] },
  { file: "app/invite/[token]/page.tsx", path: async (f) => `/invite/${(await f.mapInvite()).token}`, expect: publicPage },
];

/** The WebSocket /collab/<mapId>: the upgrade's HTTP status (101 = opened) per role. */
export const WEBSOCKET_EXPECT: Expected = statuses(401, 403, 101, 101, 101, 101);
/** Whose edits over the socket reach the map (the others' are dropped by the server). */
export const WEBSOCKET_EDITS_APPLIED: Record<Role, boolean> = { anonymous: false, nonMember: false, viewer: false, commenter: false, editor: true, owner: true };
