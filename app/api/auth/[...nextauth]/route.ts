import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/authOptions";
import { AUTH_BODY_LIMIT } from "@/lib/http/bodyLimits";
import { bodyRefusal, readBodyBytes } from "@/lib/http/readBodyBytes";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options per request: Secure cookies depend on whether the browser is on https (authOptionsFor).
async function GET(request: NextRequest, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptionsFor(request.headers));
}

/** next-auth reads a POST body whole: it gets one read here first, capped at AUTH_BODY_LIMIT. */
async function POST(request: NextRequest, context: RouteContext) {
  const read = await readBodyBytes(request, AUTH_BODY_LIMIT);
  if (!read.ok) return bodyRefusal(read);
  const replayed = new NextRequest(request.url, { method: request.method, headers: request.headers, body: read.bytes as BodyInit });
  return NextAuth(replayed as never, context as never, authOptionsFor(request.headers));
}

export { GET, POST };
