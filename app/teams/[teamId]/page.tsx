import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { teamOverview } from "@/lib/auth/teamManagement";
import { authorizeTeam } from "@/lib/auth/teamPermissions";
import { can } from "@/lib/auth/policy";
import { listAudit } from "@/lib/db/auditLog";
import { TeamMembers } from "@/components/teams/TeamMembers";
import { InviteLinksPanel } from "@/components/invites/InviteLinksPanel";
import { NewMapForm } from "@/components/maps/NewMapForm";
import { ActivityList } from "@/components/audit/ActivityList";

export const dynamic = "force-dynamic";
export const metadata = { title: "Team · Claimboard" };

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/teams/${teamId}`)}`);
  const access = await authorizeTeam(user.id, teamId, "team.read");
  const result = access.ok ? await teamOverview(user.id, access.role, teamId) : { ok: false as const, status: access.status, error: access.reason };
  if (!result.ok) {
    if (result.status === 404) notFound();
    return (
      <main className="page narrow">
        <h1>No access</h1>
        <p className="notice">{result.error}</p>
        <Link href="/teams">Back to my teams</Link>
      </main>
    );
  }
  const team = result.value;
  const asMember = { kind: "team", role: team.myRole } as const;
  const canManage = can(user, "team.manage", asMember);
  const canInvite = can(user, "team.invite", asMember);
  const audit = can(user, "team.audit", asMember) ? await listAudit({ teamId }) : null;
  return (
    <main className="page">
      <p className="muted small" style={{ margin: 0 }}>
        <Link href="/teams">Teams</Link> › {team.myRole}
      </p>
      <h1 style={{ marginTop: 4 }}>{team.name}</h1>

      <h2>Members</h2>
      <TeamMembers teamId={teamId} me={user.id} canManage={canManage} initialMembers={team.members} />
      {canInvite && (
        <div className="panel" style={{ padding: "8px 12px", marginTop: 12 }}>
          <InviteLinksPanel apiBase={`/api/teams/${teamId}/invites`} />
        </div>
      )}

      <h2>Maps</h2>
      {can(user, "team.createMap", asMember) && <NewMapForm teamId={teamId} />}
      {team.maps.length === 0 ? (
        <p className="notice">This team has no maps yet.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, display: "grid", gap: 8 }} data-testid="team-maps">
          {team.maps.map((m) => (
            <li key={m.id} className="panel" style={{ padding: "10px 14px" }}>
              <Link href={`/maps/${m.id}`} style={{ fontWeight: 600 }}>{m.title}</Link>
            </li>
          ))}
        </ul>
      )}

      {audit && (
        <>
          <h2>Activity</h2>
          <ActivityList entries={audit} />
        </>
      )}
    </main>
  );
}
