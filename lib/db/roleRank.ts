import type { Role } from "./generated/client";

// Roles form a ladder; the effective role on a map is the higher of the team role and a
// direct share, so both sources are compared by rank.
const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

export function roleRank(role: Role): number {
  return RANK[role];
}

/** The higher of two optional roles (null when both are missing). */
export function higherRole(a: Role | null | undefined, b: Role | null | undefined): Role | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}
