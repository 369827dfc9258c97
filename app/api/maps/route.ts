import { getSessionUser } from "@/lib/auth/sessionUser";
import { createMapFor } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { readJsonBody } from "@/lib/http/readJsonBody";
import { listMapsForUser } from "@/lib/db/maps";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to list your maps." }, { status: 401 });
  // The stable contract is exactly {id, title, role, updatedAt} (role: the effective one);
  // the team fields stay on the server-rendered list.
  const maps = await listMapsForUser(user.id);
  return Response.json(maps.map(({ id, title, role, updatedAt }) => ({ id, title, role, updatedAt })));
}

/** POST {title, question, teamId?} — a new map with its question and two empty positions. */
export async function POST(request: Request) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await createMapFor(user?.id ?? null, body.value), 201);
}
