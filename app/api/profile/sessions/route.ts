import { mutationRequest } from "@/lib/http/mutationRequest";
import { signOutEverywhere } from "@/lib/auth/sessionVersion";
import { serviceResponse } from "@/lib/auth/serviceResult";

export const dynamic = "force-dynamic";

/** POST {} — sign out everywhere: every session of the caller (this one too) stops working. */
export async function POST(request: Request) {
  const req = await mutationRequest(request);
  if (req instanceof Response) return req;
  return serviceResponse(await signOutEverywhere(req.actorId, req.body));
}
