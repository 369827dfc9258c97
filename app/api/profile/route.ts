import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { profileOf, updateProfile } from "@/lib/auth/profile";
import { serviceResponse } from "@/lib/auth/serviceResult";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  return serviceResponse(await profileOf(user?.id ?? null));
}

/** PATCH {name?, color?} — color is #rrggbb, or null for the derived one. */
export async function PATCH(request: Request) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const user = await getSessionUser();
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  return serviceResponse(await updateProfile(user?.id ?? null, body.value));
}
