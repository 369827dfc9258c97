/** One audit entry as a phrase: what happened to whom ("changed Ana's role to commenter"). */
export function auditSentence(entry: { action: string; targetName: string | null; detail: Record<string, unknown> }): string {
  const d = entry.detail;
  const who = entry.targetName ?? "someone";
  const role = typeof d.role === "string" ? d.role : "";
  switch (entry.action) {
    case "map.created":
      return `created the map “${String(d.title ?? "")}”`;
    case "map.deleted":
      return `deleted the map “${String(d.title ?? "")}”`;
    case "map.moved-to-team":
      return d.teamId ? "moved the map into a team" : "made the map personal (no team)";
    case "map.shared":
      return d.from ? `changed ${who}'s role from ${String(d.from)} to ${role}` : `shared the map with ${who} as ${role}`;
    case "map.member-removed":
      return `removed ${who} (${String(d.from ?? "")})`;
    case "map.exported":
      return `exported the ${d.side === "neg" ? "negative" : "affirmative"} brief (${String(d.format ?? "")})`;
    case "team.created":
      return `created the team “${String(d.name ?? "")}”`;
    case "team.member-added":
      return `added ${who} to the team as ${role}`;
    case "team.role-changed":
      return `changed ${who}'s team role${d.from ? ` from ${String(d.from)}` : ""} to ${role}`;
    case "team.member-removed":
      return `removed ${who} from the team`;
    case "team.member-left":
      return "left the team";
    case "team.ownership-transferred":
      return `transferred ownership to ${who}`;
    case "invite.created":
      return `created a ${role} invite link${typeof d.maxUses === "number" ? ` for ${d.maxUses} use${d.maxUses === 1 ? "" : "s"}` : ""}`;
    case "invite.revoked":
      return "revoked an invite link";
    case "invite.accepted":
      return `joined as ${role} through an invite link`;
    default:
      return entry.action;
  }
}
