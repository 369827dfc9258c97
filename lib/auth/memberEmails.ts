import type { MapRole } from "../db/maps";

/**
 * A member list as `viewerRole` may see it: owners share and manage by email, so they see
 * every member's address; editors, commenters and viewers see names and roles only.
 */
export function membersAsSeenBy<T extends { email: string }>(viewerRole: MapRole, members: T[]): (Omit<T, "email"> & { email?: string })[] {
  if (viewerRole === "owner") return members;
  return members.map(({ email: _hidden, ...rest }) => rest);
}
