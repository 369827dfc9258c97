import { getSessionUser } from "@/lib/auth/sessionUser";
import { listMapsForUser } from "@/lib/db/maps";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to list your maps." }, { status: 401 });
  return Response.json(await listMapsForUser(user.id));
}
