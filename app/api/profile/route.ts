import { mutationRequest } from "@/lib/http/mutationRequest";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { profileOf, updateProfile } from "@/lib/auth/profile";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  return serviceResponse(await profileOf(user?.id ?? null));
}

/** PATCH {name?, color?} — color is #rrggbb, or null for the derived one. */
export async function PATCH(request: Request) {
  const req = await mutationRequest(request);
  if (req instanceof Response) return req;
  return serviceResponse(await updateProfile(req.actorId, req.body));
}
