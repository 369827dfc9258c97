import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { authorizeMap, type MapAccess } from "@/lib/auth/mapPermissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/sessionUser";

/** Runs the permission check for a map page; redirects or 404s, or returns the access. */
export async function requireMapRead(mapId: string, returnTo: string): Promise<{ user: SessionUser; access: Extract<MapAccess, { ok: true }> } | { denied: React.ReactElement }> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const access = await authorizeMap(user.id, mapId, "map.read");
  if (access.ok) return { user, access };
  if (access.status === 404) notFound();
  return {
    denied: (
      <main className="page narrow">
        <h1>No access</h1>
        <p className="notice">{access.reason} Ask the map’s owner to share it with you.</p>
        <Link href="/maps">Back to my maps</Link>
      </main>
    ),
  };
}
