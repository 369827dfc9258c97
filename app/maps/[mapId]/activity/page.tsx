import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { listAudit } from "@/lib/db/auditLog";
import { authorizeMap } from "@/lib/auth/mapPermissions";
import { findMap } from "@/lib/db/maps";
import { ActivityList } from "@/components/audit/ActivityList";

export const dynamic = "force-dynamic";
export const metadata = { title: "Activity · Claimboard" };

/** The map's audit log: roles, shares, invites, removals, exports. Owners only. */
export default async function MapActivityPage({ params }: { params: Promise<{ mapId: string }> }) {
  const { mapId } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/maps/${mapId}/activity`)}`);
  const access = await authorizeMap(user.id, mapId, "map.audit");
  if (!access.ok && access.status === 404) notFound();
  // A non-member must not learn even the title of the map they were refused.
  const canRead = access.ok || (await authorizeMap(user.id, mapId, "map.read")).ok;
  const map = canRead ? await findMap(mapId) : null;
  return (
    <main className="page">
      <p className="muted small" style={{ margin: 0 }}>
        <Link href="/maps">My maps</Link> › <Link href={`/maps/${mapId}`}>{map?.title ?? "Map"}</Link> › Activity
      </p>
      <h1>Activity</h1>
      {access.ok ? <ActivityList entries={await listAudit({ mapId })} /> : <p className="notice">{access.reason}</p>}
    </main>
  );
}
