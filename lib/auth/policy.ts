/**
 * Every access rule of Claimboard, in one file: `can(user, action, resource)`. Route wrappers
 * (lib/http/withMap.ts, withTeam.ts), pages, lib services, the WebSocket upgrade and client
 * components (for what they show) all ask this function; nothing else compares roles.
 *
 * It is pure (no database, no server imports) so the browser bundle can use it too: the
 * resource carries what the caller already loaded — the user's effective role on the map
 * (lib/db/effectiveRole.ts, one query) or team, a comment's author, a member's role.
 */

/** Roles on a map (direct share or team role) and in a team, lowest first. */
export const ROLES = ["viewer", "commenter", "editor", "owner"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

/** The higher of two optional roles (null when both are missing): the effective role of a direct share and a team role. */
export function higherRole(a: Role | null | undefined, b: Role | null | undefined): Role | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** A role as the client receives it (a string in the page props or the socket's session message); null if unknown. */
export function asRole(value: string | null | undefined): Role | null {
  return (ROLES as readonly string[]).includes(value ?? "") ? (value as Role) : null;
}

function atLeast(role: Role | null | undefined, minimum: Role): boolean {
  return !!role && RANK[role] >= RANK[minimum];
}

/** Owners' memberships are protected (their role is fixed, the last one stays); counting them needs this. */
export function isOwnerRole(role: Role | null | undefined): boolean {
  return atLeast(role, "owner");
}

/** Who asks; null when signed out (then every action is refused). */
export interface Actor {
  id: string;
}

/** Actions on one map, each allowed from a minimum effective role up. */
const MAP_MINIMUM = {
  "map.read": "viewer",
  /** Download the map as a file (Argdown, Kialo, AIF, …). */
  "map.export": "viewer",
  "map.brief": "viewer",
  /** Start, reply to, resolve and reopen comment threads. */
  "map.comment": "commenter",
  "map.rate": "commenter",
  /** Edit the document over the WebSocket. */
  "map.edit": "editor",
  "map.addSource": "editor",
  "map.addSourceVersion": "editor",
  "map.importAnnotations": "editor",
  /** Share by e-mail and remove direct members. */
  "map.share": "owner",
  "map.invite": "owner",
  "map.move": "owner",
  "map.delete": "owner",
  "map.audit": "owner",
  /** See the members' e-mail addresses (others see names and roles). */
  "map.seeEmails": "owner",
} as const satisfies Record<string, Role>;
export type MapAction = keyof typeof MAP_MINIMUM;

/** Actions on a team itself (its maps are decided by the map actions above). */
const TEAM_MINIMUM = {
  "team.read": "viewer",
  "team.createMap": "editor",
  /** Add members by e-mail, change their roles. */
  "team.manage": "owner",
  "team.invite": "owner",
  "team.audit": "owner",
  "team.transfer": "owner",
  "team.seeEmails": "owner",
  /** Remove a member: an owner, or any member removing themselves (leaving). */
  "team.removeMember": "owner",
} as const satisfies Record<string, Role>;
export type TeamAction = keyof typeof TEAM_MINIMUM;

export type CommentAction = "comment.edit" | "comment.delete";
/** Rules about someone else's membership, whoever asks: an owner's role is fixed, a last owner stays. */
export type MembershipAction = "membership.change" | "membership.remove";
/** Anyone signed in: personal maps, imports, teams, invite links. */
export type AccountAction = "map.create" | "map.import" | "team.create" | "invite.accept";
export type Action = MapAction | TeamAction | CommentAction | MembershipAction | AccountAction;

export interface MapResource {
  kind: "map";
  /** The actor's effective role on the map (higherRole of the direct share and the team role). */
  role: Role | null;
}
export interface TeamResource {
  kind: "team";
  /** The actor's role in the team. */
  role: Role | null;
  /** For team.removeMember: whom to remove. */
  memberId?: string;
}
export interface CommentResource {
  kind: "comment";
  /** The actor's effective role on the comment's map. */
  role: Role | null;
  /** Null when the author's account is gone. */
  authorId: string | null;
}
export interface MembershipResource {
  kind: "membership";
  /** The role of the member the action is about (not the actor's). */
  role: Role;
  /** For membership.remove: how many owners the map or team has. */
  owners?: number;
}
export interface InviteResource {
  kind: "invite";
  /** The actor's current role where the invite leads (null: none). */
  role: Role | null;
  /** The role the invite grants. */
  grants: Role;
}
export interface AccountResource {
  kind: "account";
}

type ResourceFor<A extends Action> = A extends MapAction
  ? MapResource
  : A extends TeamAction
    ? TeamResource
    : A extends CommentAction
      ? CommentResource
      : A extends MembershipAction
        ? MembershipResource
        : A extends "invite.accept"
          ? InviteResource
          : AccountResource;

export function isMapAction(action: string): action is MapAction {
  return action in MAP_MINIMUM;
}

/** The lowest role a map or team action needs (refusal messages name it). */
export function minimumRole(action: MapAction | TeamAction): Role {
  return isMapAction(action) ? MAP_MINIMUM[action] : TEAM_MINIMUM[action as TeamAction];
}

export function can<A extends Action>(user: Actor | null, action: A, resource: ResourceFor<A>): boolean {
  if (!user) return false;
  const r = resource as MapResource | TeamResource | CommentResource | MembershipResource | InviteResource | AccountResource;
  switch (r.kind) {
    case "map":
      return atLeast(r.role, MAP_MINIMUM[action as MapAction]);
    case "team":
      // Leaving needs only membership.
      if (action === "team.removeMember" && r.memberId === user.id) return atLeast(r.role, "viewer");
      return atLeast(r.role, TEAM_MINIMUM[action as TeamAction]);
    case "comment":
      if (!atLeast(r.role, "commenter")) return false;
      // Only its author edits a comment; its author or a map owner (moderation) deletes it.
      if (action === "comment.edit") return r.authorId === user.id;
      return r.authorId === user.id || atLeast(r.role, "owner");
    case "membership":
      if (action === "membership.change") return !atLeast(r.role, "owner");
      return !atLeast(r.role, "owner") || (r.owners ?? 0) > 1;
    case "invite":
      // An invite never lowers a role: it is used only when it grants more than the user has.
      return !atLeast(r.role, r.grants);
    case "account":
      return true;
  }
}
