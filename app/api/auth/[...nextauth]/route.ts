import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/authOptions";
import { AUTH_BODY_LIMIT } from "@/lib/http/bodyLimits";
import { bodyRefusal, readBodyBytes } from "@/lib/http/readBodyBytes";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** next-auth reads a POST body whole: it gets one read here first, capped at AUTH_BODY_LIMIT. */
async function POST(request: NextRequest, context: Ctx) {
  const read = await readBodyBytes(request, AUTH_BODY_LIMIT);
  if (!read.ok) return bodyRefusal(read);
  return handler(new NextRequest(request.url, { method: request.method, headers: request.headers, body: read.bytes as BodyInit }), context);
}

export { handler as GET, POST };
