import { mutationRequest } from "@/lib/http/mutationRequest";
import { changePassword } from "@/lib/auth/profile";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** POST {currentPassword, newPassword} — 403 when the current password is wrong. */
export async function POST(request: Request) {
  const req = await mutationRequest(request);
  if (req instanceof Response) return req;
  return serviceResponse(await changePassword(req.actorId, req.body));
}
