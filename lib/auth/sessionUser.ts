import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { authOptionsFor } from "./authOptions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The signed-in user for server components and route handlers, or null. A revoked session
 * (older than the user's session version) is null too: authOptions' session callback.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptionsFor(await headers()));
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? "", name: user.name ?? user.email ?? "" };
}
