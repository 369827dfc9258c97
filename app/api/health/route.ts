import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await checkDatabase();
  if (!db.ok) return Response.json({ status: "unavailable", db: "down", error: "The database does not answer." }, { status: 503 });
  return Response.json({ status: "ok", db: db.kind });
}
