import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { mapAuditFor } from "@/lib/auth/auditAccess";
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
  const result = await mapAuditFor(user.id, mapId);
  if (!result.ok && result.status === 404) notFound();
  // A non-member must not learn even the title of the map they were refused.
  const canRead = (await authorizeMap(user.id, mapId, "read")).ok;
  const map = canRead ? await findMap(mapId) : null;
  return (
    <main className="page">
      <p className="muted small" style={{ margin: 0 }}>
        <Link href="/maps">My maps</Link> › <Link href={`/maps/${mapId}`}>{map?.title ?? "Map"}</Link> › Activity
      </p>
      <h1>Activity</h1>
      {result.ok ? <ActivityList entries={result.value} /> : <p className="notice">{result.error}</p>}
    </main>
  );
}
