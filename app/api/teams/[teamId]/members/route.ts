import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { addTeamMemberByEmail } from "@/lib/auth/teamManagement";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ teamId: string }> };

/** POST {email, role} — an owner adds an existing account to the team. */
export async function POST(request: Request, { params }: Ctx) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const { teamId } = await params;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await addTeamMemberByEmail(user?.id ?? null, teamId, body.value));
}
