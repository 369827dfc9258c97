import { getServerSession } from "next-auth";
import { authOptions } from "./authOptions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user for server components and route handlers, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? "", name: user.name ?? user.email ?? "" };
}
