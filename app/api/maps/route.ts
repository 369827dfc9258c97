import { mutationRequest } from "@/lib/http/mutationRequest";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { createMapFor } from "@/lib/auth/mapLifecycle";
import { serviceResponse } from "@/lib/auth/serviceResult";
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
  const req = await mutationRequest(request);
  if (req instanceof Response) return req;
  return serviceResponse(await createMapFor(req.actorId, req.body), 201);
}
