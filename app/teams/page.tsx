import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { listTeamsForUser } from "@/lib/db/teams";
import { CreateTeamForm } from "@/components/teams/CreateTeamForm";

export const dynamic = "force-dynamic";
export const metadata = { title: "Teams · Claimboard" };

export default async function TeamsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/teams");
  const teams = await listTeamsForUser(user.id);
  return (
    <main className="page">
      <h1>Teams</h1>
      <p className="muted">A team’s members get their team role on every map of the team.</p>
      <CreateTeamForm />
      {teams.length === 0 ? (
        <p className="notice">You are not in any team yet.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, display: "grid", gap: 10 }} data-testid="team-list">
          {teams.map((t) => (
            <li key={t.id} className="panel" style={{ padding: "14px 16px" }}>
              <Link href={`/teams/${t.id}`} style={{ fontWeight: 600, fontSize: "1.05rem" }}>{t.name}</Link>
              <div className="muted small">
                {t.role} · {t.memberCount} member{t.memberCount === 1 ? "" : "s"}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
