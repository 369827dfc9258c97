import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { createTeamFor, teamsOf } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  return serviceResponse(await teamsOf(user?.id ?? null));
}

/** POST {name} — a new team with the caller as owner. */
export async function POST(request: Request) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await createTeamFor(user?.id ?? null, body.value), 201);
}
