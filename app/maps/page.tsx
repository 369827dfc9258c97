import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { listMapsForUser } from "@/lib/db/maps";
import { listTeamsForUser } from "@/lib/db/teams";
import { NewMapForm } from "@/components/maps/NewMapForm";
import { ImportMapForm } from "@/components/maps/ImportMapForm";
import { can } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";
export const metadata = { title: "My maps · Claimboard" };

const ROLE_LABEL = { owner: "Owner", editor: "Editor", commenter: "Commenter", viewer: "Viewer" } as const;

export default async function MapsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/maps");
  const [maps, teams] = await Promise.all([listMapsForUser(user.id), listTeamsForUser(user.id)]);
  return (
    <main className="page">
      <h1>My maps</h1>
      <div style={{ display: "flex", gap: 10, flexWrap: "wrap", alignItems: "flex-start" }}>
        <NewMapForm teams={teams.filter((t) => can(user, "team.createMap", { kind: "team", role: t.role }))} />
        <ImportMapForm />
      </div>
      {maps.length === 0 ? (
        <p className="notice">You have no maps yet.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, display: "grid", gap: 10 }}>
          {maps.map((m) => (
            <li key={m.id} className="panel" style={{ padding: "14px 16px" }}>
              <Link href={`/maps/${m.id}`} style={{ fontWeight: 600, fontSize: "1.05rem" }}>{m.title}</Link>
              <div className="muted small">
                {ROLE_LABEL[m.role]}
                {m.role !== "owner" && m.ownerNames.length > 0 && <> · {m.ownerNames.join(", ")}&apos;s map</>}
                {m.teamName && <> · team {m.teamName}</>} · updated {new Date(m.updatedAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
