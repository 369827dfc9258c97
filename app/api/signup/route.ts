import { signUp } from "@/lib/auth/signUp";
import { readJsonBody } from "@/lib/http/readJsonBody";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const result = await signUp(body.value);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ userId: result.userId, mapId: result.mapId }, { status: 201 });
}
