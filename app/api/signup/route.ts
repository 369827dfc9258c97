import { refusal } from "@/lib/http/refusal";
import { CLIENT_IP_HEADER, limiters } from "@/lib/auth/attemptLimiter";
import { rejectCrossOrigin } from "@/lib/http/originPolicy";
import { signUp } from "@/lib/auth/signUp";
import { readJsonBody } from "@/lib/http/readJsonBody";
import { bodyRefusal } from "@/lib/http/readBodyBytes";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const crossOrigin = rejectCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const ip = request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
  if (!limiters.signUpPerIp.hit(ip)) {
    return Response.json(
      { error: "Too many sign-ups from this address. Try again later." },
      { status: 429, headers: { "retry-after": String(limiters.signUpPerIp.retryAfterSeconds(ip)) } },
    );
  }
  const body = await readJsonBody(request);
  if (!body.ok) return bodyRefusal(body);
  const result = await signUp(body.value);
  if (!result.ok) return refusal(result);
  return Response.json({ userId: result.userId, mapId: result.mapId }, { status: 201 });
}
